// The Next.js recipe of docs/guides/server-rendering.mdx, run as written (the harness copies its
// code blocks to recipe/): the server component's HTML holds the gauge and the pace chart as
// declarative shadow DOM with the company's real attainment; the client component renders nothing.
import { expect, test } from 'vitest';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import DashboardPage from './recipe/app/dashboard/page';

test('the recipe server component renders the display elements with their figures', async () => {
  const html = renderToString(await DashboardPage());
  expect(html).toMatch(/<section class="kpis"><!--lit-part [^>]*--><!--lit-node 0--><qk-attainment-gauge /);
  expect(html.match(/<template shadowroot="open" shadowrootmode="open">/g)).toHaveLength(2);
  // ¥95,450,500.00 booked of a ¥113,000,000.00 target: 84.5 %.
  expect(html).toContain('aria-valuenow="84.5"');
  expect(html).toContain('<qk-pace-chart ');
  expect(html).toContain('<script type="application/json" data-prop="data">');
  expect(renderToString(createElement((await import('./recipe/app/dashboard/quotakit-client')).QuotaKitClient))).toBe('');
  // A ceiling, not a wait: rendering the sample company's four views takes seconds on a loaded 2-core box.
}, 120_000);
