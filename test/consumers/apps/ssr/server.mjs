// The server half of the SSR consumer (issue #15 item 7), run by Node against the installed tarball:
// renders the four display elements of the sample company with quotakit/ssr, checks the HTML holds
// declarative shadow roots and the real figures, then writes the pages the browser half loads
// (the built dist-<page>/<page>.html with the markup in place of <!--ssr-outlet-->). Usage: node ssr/server.mjs
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString, SSR_DISPLAY_TAGS } from 'quotakit/ssr';
import { generateSampleCompany } from 'quotakit/sample-data';

const sample = generateSampleCompany();
const data = { plan: sample.plan, actuals: sample.actuals };
const t0 = Date.now();
const parts = [];
for (const tag of SSR_DISPLAY_TAGS) {
  const html = await renderToString(tag, { data, node: 'company', period: 'FY2026' }, { locale: 'zh-CN' });
  assert.ok(html.includes(`<${tag} `), `${tag}: the element is in the HTML`);
  assert.ok(html.includes('<template shadowroot="open" shadowrootmode="open">'), `${tag}: a declarative shadow root`);
  assert.ok(!html.includes('part="state'), `${tag}: figures, not a loading/empty/error state`);
  parts.push(html);
}
const [gauge, pace, scorecard, review] = parts;
// The company's FY2026 revenue target is ¥113,000,000.00; its 2026 bookings up to 2026-11-27 add up to
// ¥95,450,500.00: attainment 95,450,500 / 113,000,000 = 84.5 %.
assert.ok(gauge.includes('aria-valuenow="84.5"'), 'gauge: aria-valuenow 84.5');
assert.ok(gauge.includes('完成率 84.5%：已完成 ¥9,545万，目标 ¥1.13亿。'), 'gauge: the spoken figures');
assert.ok(pace.includes('星辰科技 FY2026 销售额进度'), 'pace chart: its label');
assert.ok(scorecard.includes('绩效记分卡 · 星辰科技 · FY2026'), 'scorecard: its title');
assert.ok(review.includes('实际收入 ¥9,545万'), 'review board: the actual revenue');
console.log(`ssr: four display elements rendered in ${Date.now() - t0} ms, ${parts.reduce((n, p) => n + p.length, 0)} chars`);

for (const page of ['index', 'no-hydrate']) {
  const file = join(import.meta.dirname, `dist-${page}`, `${page}.html`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('<!--ssr-outlet-->', parts.join('\n')));
}
