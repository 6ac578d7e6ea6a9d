import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { generateSampleCompany } from '../src/sample/sample-data.js';
import { buildOrgIndex, rollupActuals } from '../src/engine/plan/rollup.js';
import { formatMoney, formatCount } from '../src/engine/money/money.js';
import { periodRange } from '../src/engine/calendar/periods.js';
import { expect, waitFor } from 'storybook/test';
import { LONG, markRendered } from './support/play.js';

/** The deterministic sample company every demo and story runs on (seeded; sizes are parameters). */
const meta: Meta<{ seed: number; regions: number; teamsPerRegion: number; repsPerTeam: number; locale: 'zh-CN' | 'en' }> = {
  title: 'Data/Sample company',
  args: { seed: 2026, regions: 4, teamsPerRegion: 3, repsPerTeam: 6, locale: 'zh-CN' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: ({ seed, regions, teamsPerRegion, repsPerTeam, locale }) => {
    const { plan, actuals } = generateSampleCompany({ seed, regions, teamsPerRegion, repsPerTeam });
    const ix = buildOrgIndex(plan.org);
    const { calendar, fiscalYear, currency } = plan.plan;
    const last = periodRange(`FY${fiscalYear - 1}`, calendar);
    const booked = rollupActuals(actuals.actuals, ix, { from: last.start, to: last.end, type: 'booking' });
    const money = (v: number) => formatMoney(v, { currency, locale, compact: true });
    const regionsList = plan.org.filter((n) => n.kind === 'region');
    return html`<table style="font: 13px system-ui; border-collapse: collapse">
      <caption style="text-align: start; font-weight: 600">${plan.plan.name} · FY${fiscalYear - 1} ${locale === 'en' ? 'bookings' : '销售额'}</caption>
      <thead><tr><th scope="col">${locale === 'en' ? 'Region' : '区域'}</th><th scope="col">${locale === 'en' ? 'Reps' : '人数'}</th><th scope="col">${locale === 'en' ? 'Bookings' : '销售额'}</th></tr></thead>
      <tbody>
        ${regionsList.map(
          (r) => html`<tr>
            <th scope="row" style="text-align: start; padding: 2px 12px 2px 0">${r.name}</th>
            <td style="text-align: end; padding: 2px 12px">${formatCount(ix.reps(r.id).length, locale)}</td>
            <td style="text-align: end; padding: 2px 12px">${money(booked.get(r.id) ?? 0)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  },
  // One row per region, each with a positive count of reps.
  play: async ({ canvasElement, args }) => {
    const rows = await waitFor(() => {
      const found = [...canvasElement.querySelectorAll('tbody tr')];
      expect(found.length).toBe(args.regions);
      return found;
    }, LONG);
    markRendered();
    for (const r of rows) await expect(Number(r.children[1].textContent!.replace(/\D/g, ''))).toBe(args.teamsPerRegion * args.repsPerTeam);
  },
};
export default meta;

export const Default: StoryObj = {};
export const English: StoryObj = { args: { locale: 'en' } };
export const Large: StoryObj = { tags: ['heavy'], args: { regions: 20, teamsPerRegion: 25, repsPerTeam: 20 } };
