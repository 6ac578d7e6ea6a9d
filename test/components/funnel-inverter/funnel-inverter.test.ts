import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-provider.js';
import '../../../src/define/qk-funnel-inverter.js';
import type { QkFunnelInverter } from '../../../src/components/funnel-inverter/funnel-inverter.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { ActualsSnapshot, PlanSnapshot } from '../../../src/engine/plan/model.js';
import type { QkErrorEvent } from '../../../src/events/qk-error.js';
import type { QkFunnelChangeEvent } from '../../../src/events/qk-funnel-change.js';
import { readXlsx } from '../../../src/export/xlsx.js';
import { download } from '../../support/download.js';

/** The seed's example in minor units: ¥1,000,000 target, ¥50,000 deals, 20% / 50% / 40%. */
const seedInputs = () => ({
  target: 100_000_000,
  avgDealSize: 5_000_000,
  stages: [{ id: 'lead', rate: 0.2, avgDays: 14 }, { id: 'demo', rate: 0.5, avgDays: 10 }, { id: 'quote', rate: 0.4, avgDays: 12 }, { id: 'won' }],
});

/**
 * The plan's window of FY2026 is 2025: team A (and so the company) converts 400 → 80 → 40 → 16 at
 * ¥50,000 per deal; team B has no 2025 history, so every rate and its deal size fall back to the
 * company's. Same data as test/engine/funnel-view.test.ts.
 */
function funnelPlan(): { plan: PlanSnapshot; actuals: ActualsSnapshot } {
  const sc = (repId: string, month: string, l: number, d: number, q: number, w: number) =>
    ([['lead', l], ['demo', d], ['quote', q], ['won', w]] as const).map(([stageId, count]) => ({ repId, month, stageId, count }));
  return {
    plan: {
      plan: { id: 'p', name: 'FY2026', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
      org: [
        { id: 'co', name: 'Co', parentId: null, kind: 'company' },
        { id: 'ta', name: 'Team A', parentId: 'co', kind: 'team' },
        { id: 'tb', name: 'Team B', parentId: 'co', kind: 'team' },
        { id: 'r1', name: 'Ann', parentId: 'ta', kind: 'rep', hireDate: '2020-01-01' },
        { id: 'r2', name: 'Bo', parentId: 'ta', kind: 'rep', hireDate: '2026-03-01' },
        { id: 'r3', name: 'Cy', parentId: 'tb', kind: 'rep', hireDate: '2019-05-01' },
      ],
      products: [{ id: 'core', name: 'Core', new: false }],
      stages: [
        { id: 'lead', name: { en: 'Lead', 'zh-CN': '线索' }, avgDays: 14 },
        { id: 'demo', name: { en: 'Demo', 'zh-CN': '演示' }, avgDays: 10 },
        { id: 'quote', name: { en: 'Quote', 'zh-CN': '报价' }, avgDays: 12 },
        { id: 'won', name: { en: 'Won', 'zh-CN': '赢单' } },
      ],
      targets: [
        { nodeId: 'co', period: 'FY2026', metric: 'revenue', value: 300_000_000 },
        { nodeId: 'ta', period: 'FY2026', metric: 'revenue', value: 100_000_000 },
        { nodeId: 'tb', period: 'FY2026', metric: 'revenue', value: 100_000_000 },
      ],
    },
    actuals: {
      from: '2024-01-01',
      to: '2026-12-31',
      actuals: [
        { id: 'b1', repId: 'r1', productId: 'core', date: '2025-09-10', type: 'booking', amount: 48_000_000 },
        { id: 'b2', repId: 'r2', productId: 'core', date: '2025-12-10', type: 'booking', amount: 32_000_000 },
        { id: 'b3', repId: 'r3', productId: 'core', date: '2026-02-10', type: 'booking', amount: 9_000_000 },
        { id: 'b4', repId: 'r1', productId: 'core', date: '2026-07-10', type: 'booking', amount: 40_000_000 },
      ],
      stageCounts: [...sc('r1', '2025-09', 300, 60, 30, 12), ...sc('r2', '2025-12', 100, 20, 10, 4), ...sc('r3', '2026-02', 100, 30, 10, 3), ...sc('r1', '2026-07', 300, 60, 18, 8)],
      pipeline: [
        { id: 'o1', repId: 'r1', amount: 5_000_000, stageId: 'quote', expectedClose: '2026-09-30', probability: 0.5 },
        { id: 'o2', repId: 'r2', amount: 5_000_000, stageId: 'quote', expectedClose: '2026-10-15', probability: 0.5 },
        { id: 'o3', repId: 'r1', amount: 4_000_000, stageId: 'demo', expectedClose: '2026-08-01', probability: 0.2 },
      ],
    },
  };
}

const root = (el: QkFunnelInverter) => el.shadowRoot!;
const $ = <T extends Element = HTMLInputElement>(el: QkFunnelInverter, sel: string) => root(el).querySelector<T>(sel)!;
/** The required counts per stage, read from the visually hidden table. */
/** The rows of an output table as "cell cell cell" strings. */
const rows = (el: QkFunnelInverter, sel: string) =>
  [...root(el).querySelectorAll(`${sel} tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent!.trim()).join(' '));
const requiredCounts = (el: QkFunnelInverter) =>
  [...root(el).querySelectorAll('.qk-visually-hidden > table tbody tr')].map((tr) => tr.querySelector('td')!.textContent!.trim());

async function type(el: QkFunnelInverter, sel: string, value: string, commit = false): Promise<void> {
  const input = $(el, sel);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  if (commit) input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function underProvider(inverter = html`<qk-funnel-inverter></qk-funnel-inverter>`) {
  const { plan, actuals } = funnelPlan();
  const provider = await fixture<QkProvider>(html`<qk-provider locale="en" as-of="2026-07-15" autosave-ms="0">${inverter}</qk-provider>`);
  provider.adapter = new MemoryAdapter(plan, actuals);
  const el = provider.querySelector('qk-funnel-inverter')!;
  await waitUntil(() => requiredCounts(el).length > 0, 'the funnel never rendered');
  return { provider, el };
}

describe('qk-funnel-inverter', () => {
  it('inverts the seed example from properties alone: 500 / 100 / 50 / 20', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" .inputs=${seedInputs()}></qk-funnel-inverter>`);
    expect(requiredCounts(el)).to.deep.equal(['500', '100', '50', '20']);
    expect($(el, '#f-target').value).to.equal('1,000,000');
    expect($(el, '#f-rate-0').value).to.equal('20');
    // Each mark carries its numbers for screen readers.
    expect($(el, 'g[part~="stage"]').getAttribute('aria-label')).to.equal('Leads: 500 required');
    expect([...root(el).querySelectorAll('g.conversion')].map((g) => g.getAttribute('aria-label'))).to.deep.equal([
      'Leads to Demos conversion 20%',
      'Demos to Quotes conversion 50%',
      'Quotes to Won deals conversion 40%',
    ]);
    // Confidence: P(Binomial(500, 0.04) ≥ 20) = 53.2%; 589 leads for 80%.
    expect(root(el).querySelector('.confidence')!.textContent).to.contain('53.2%').and.contain('589 leads (89 more)');
    await expect(el).to.be.accessible();
  });

  it('schedules the ¥1,000,000 what-if by month so the months add up to 500 / 100 / 50 / 20 (issue 16, item 9)', async () => {
    // FY2026 = calendar 2026, months weighted by working days; inverting each month alone summed to
    // 600 leads / 120 demos / 60 quotes / 24 deals against the year's 500 / 100 / 50 / 20.
    const el = await fixture<QkFunnelInverter>(
      html`<qk-funnel-inverter lang="en" period="FY2026" as-of="2026-01-05" .inputs=${seedInputs()}></qk-funnel-inverter>`,
    );
    await waitUntil(() => rows(el, '.schedule').length === 12, 'the schedule never rendered', { timeout: 60000 });
    const table = [...root(el).querySelectorAll('.schedule tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent!.trim().split(' ')[0])));
    const sums = [0, 1, 2, 3].map((i) => table.reduce((a, row) => a + row[i], 0));
    expect(sums).to.deep.equal([500, 100, 50, 20]);
    // The time shift stays: January's leads are due 36 days (14 + 10 + 12) before 1 January.
    expect(rows(el, '.schedule')[0]).to.contain('42 by Nov 26, 2025 (2025-W48)');
  });

  it('recomputes when a rate is edited in the number field, and keeps the slider in sync', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" .inputs=${seedInputs()}></qk-funnel-inverter>`);
    // lead→demo 25%: leads = ceil(100 / 0.25) = 400.
    await type(el, '#f-rate-0', '25');
    expect(requiredCounts(el)).to.deep.equal(['400', '100', '50', '20']);
    expect($(el, 'input[type="range"]').value).to.equal('25');
    // quote→won 35%: quotes = ceil(20 / 0.35) = ceil(57.14) = 58; demos = ceil(58 / 0.5) = 116; leads = ceil(116 / 0.25) = 464.
    await type(el, '#f-rate-2', '35');
    expect(requiredCounts(el)).to.deep.equal(['464', '116', '58', '20']);
    // Deal size ¥30,000 typed as 3万: won = ceil(1,000,000 / 30,000) = 34; quotes ceil(97.1) = 98; demos 196; leads 784.
    await type(el, '#f-avgDealSize', '3万');
    expect(requiredCounts(el)).to.deep.equal(['784', '196', '98', '34']);
  });

  it('moves a rate with the keyboard on its slider', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" .inputs=${seedInputs()}></qk-funnel-inverter>`);
    $(el, 'input[type="range"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    // 20% + one 0.1 step: leads = ceil(100 / 0.201) = ceil(497.5) = 498.
    expect($(el, '#f-rate-0').value).to.equal('20.1');
    expect(requiredCounts(el)[0]).to.equal('498');
  });

  it('fires qk-funnel-change with the inputs and results, bubbling out of the shadow root', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" .inputs=${seedInputs()}></qk-funnel-inverter>`);
    const heard = oneEvent(document, 'qk-funnel-change') as Promise<QkFunnelChangeEvent>;
    await type(el, '#f-target', '120万');
    const ev = await heard;
    expect(ev.bubbles && ev.composed).to.equal(true);
    expect(ev.detail.inputs).to.deep.include({ target: 120_000_000, avgDealSize: 5_000_000, confidence: 0.8 });
    expect(ev.detail.inputs.stages[0]).to.deep.equal({ id: 'lead', rate: 0.2, avgDays: 14 });
    // ¥1,200,000 / ¥50,000 = 24 won; 60 quotes, 120 demos, 600 leads.
    expect(ev.detail.results.requirement.counts).to.deep.equal({ lead: 600, demo: 120, quote: 60, won: 24 });
    expect(ev.detail.results.confidence?.ok && ev.detail.results.confidence.value.leads).to.be.greaterThan(600);
  });

  it('keeps invalid text with a message beside the field, fires qk-error, and keeps the last valid result', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" .inputs=${seedInputs()}></qk-funnel-inverter>`);
    await type(el, '#f-rate-0', '25');
    let changes = 0;
    el.addEventListener('qk-funnel-change', () => changes++);
    const err = oneEvent(el, 'qk-error') as Promise<QkErrorEvent>;
    await type(el, '#f-target', '1,20,000', true);
    const ev = await err;
    expect(ev.detail).to.deep.include({ code: 'money-grouping', source: 'input' });
    const input = $(el, '#f-target');
    expect(input.value).to.equal('1,20,000');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const msg = $(el, '#f-target-msg');
    expect(input.getAttribute('aria-describedby')).to.contain('f-target-msg');
    expect(msg.textContent).to.contain('misplaced thousands separator');
    // The last valid result (lead→demo 25%) stays, marked as such.
    expect(requiredCounts(el)).to.deep.equal(['400', '100', '50', '20']);
    expect(root(el).querySelector('.stale')).to.exist;
    expect(changes).to.equal(0);
    await expect(el).to.be.accessible();

    // A rate of 0 is an engine error, shown at the rate with the stage's display name.
    await type(el, '#f-target', '1,200,000');
    const zero = oneEvent(el, 'qk-error') as Promise<QkErrorEvent>;
    await type(el, '#f-rate-1', '0', true);
    expect((await zero).detail.code).to.equal('funnel-rate-zero');
    expect($(el, '#f-rate-1-msg').textContent).to.equal('The conversion rate of "Demos" is 0%: no target can be reached through it.');
    // Still the last valid result: ¥1,200,000 with 25% / 50% / 40% → 24 won, 60, 120, 480.
    expect(requiredCounts(el)).to.deep.equal(['480', '120', '60', '24']);
    await type(el, '#f-rate-1', 'abc');
    expect($(el, '#f-rate-1-msg').textContent).to.equal('Enter a number.');
    await type(el, '#f-rate-1', '50');
    expect($(el, '#f-rate-1').getAttribute('aria-invalid')).to.equal('false');
    expect(root(el).querySelector('#f-rate-1-msg')).to.equal(null);
  });

  it('reports invalid inputs from the host without a user action', async () => {
    const heard = oneEvent(document, 'qk-error') as Promise<QkErrorEvent>;
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="zh-CN" .inputs=${{ ...seedInputs(), avgDealSize: 0 }}></qk-funnel-inverter>`);
    const ev = await heard;
    expect(ev.detail.code).to.equal('funnel-deal-size-invalid');
    expect($(el, '#f-avgDealSize-msg').textContent).to.equal('客单价必须是大于 0 的整数金额（当前为 0）。');
    expect(root(el).querySelector('[part~="state"]')!.textContent).to.contain('请填写');
    await expect(el).to.be.accessible();
  });

  it('exports the per-rep and weekly quotas and the schedule as .xlsx, counts as numbers', async () => {
    const { provider, el } = await underProvider();
    provider.store.setFocus({ nodeId: 'ta', period: 'FY2026' });
    await el.updateComplete;
    await waitUntil(() => rows(el, '.per-rep').length === 2, 'per-rep table', { timeout: 60000 });
    const file = await download(el, 'export-xlsx');
    expect(file.name).to.equal('funnel-quotas-Team_A-FY2026.xlsx');
    const sheets = readXlsx(file.bytes);
    expect(sheets.map((s) => s.name)).to.deep.equal(['Per rep', 'Per week', 'Schedule by month']);
    // The per-rep table as shown: Ann 100% 313 63 31 13, Bo 60% 187 37 19 7.
    expect(sheets[0].rows.map((r) => r.map((c) => c?.value ?? null))).to.deep.equal([
      ['Rep', 'Ramp', 'Lead', 'Demo', 'Quote', 'Won'],
      ['Ann', 1, 313, 63, 31, 13],
      ['Bo', 0.6, 187, 37, 19, 7],
    ]);
    expect(sheets[0].rows[2].map((c) => c?.format ?? null)).to.deep.equal([null, '0%', '#,##0', '#,##0', '#,##0', '#,##0']);
    // The schedule's months add up to the requirement (500 / 100 / 50 / 20), as the table does.
    const months = sheets[2].rows.slice(1);
    expect([2, 3, 4, 5].map((c) => months.reduce((a, r) => a + Number(r[c]?.value ?? 0), 0))).to.deep.equal([500, 100, 50, 20]);
  });

  it('takes defaults from history under a provider and follows the shared focus', async () => {
    const { provider, el } = await underProvider();
    // No focus yet: the company, ¥3,000,000; the plan's rates from 2025: 80/400 = 20%, 40/80 = 50%, 16/40 = 40%.
    expect($(el, '#f-target').value).to.equal('3,000,000');
    expect([0, 1, 2].map((i) => $(el, `#f-rate-${i}`).value)).to.deep.equal(['20', '50', '40']);
    provider.store.setFocus({ nodeId: 'ta', period: 'FY2026' });
    await el.updateComplete;
    expect($(el, '[part~="subtitle"]').textContent).to.equal('Team A · FY2026');
    expect(requiredCounts(el)).to.deep.equal(['500', '100', '50', '20']);
    // The diagnosis: July's 18 quotes from 60 demos (30%) against 50%.
    expect($(el, '[part~="bottleneck"]').textContent).to.contain('Demo→Quote conversion fell from 50% to 30%');
    expect(root(el).querySelector('g.conversion.bottleneck')!.getAttribute('aria-label')).to.equal('Demo to Quote conversion 50% (Bottleneck)');
    // Per rep: r2's ramp 60% (hired 2026-03-01) → 313 / 187 leads.
    expect(rows(el, '.per-rep')).to.deep.equal(['Ann 100% 313 63 31 13', 'Bo 60% 187 37 19 7']);
    // Coverage of what is still needed (¥600,000 → 300 / 60 / 30 / 12): 2 open quotes, gap 28.
    expect(rows(el, '.coverage')).to.deep.equal(['Lead 0 300 0% 300', 'Demo 1 60 2% 59', 'Quote 2 30 7% 28', 'Won 0 12 0% 12']);
    // axe over this state (Team A, FY2026, as of 2026-07-15, in English: the same 706-element view)
    // runs in "fits 320 px" below, and over the wide two-column layout in test/components/hostile.test.ts.

    provider.store.setFocus({ nodeId: 'tb' });
    await el.updateComplete;
    // Team B has no 2025 history: the company's 20% / 50% / 40% and ¥50,000 → 20 won, 50, 100, 500.
    expect($(el, '#f-avgDealSize').value).to.equal('50,000');
    expect(requiredCounts(el)).to.deep.equal(['500', '100', '50', '20']);
    expect(root(el).querySelector('.history')!.textContent).to.contain('Quote → Won: too few items, so the rate of Co is used.');
  });

  it('stays on a pinned node and resets edits to history', async () => {
    const { provider, el } = await underProvider(html`<qk-funnel-inverter node="ta" period="FY2026"></qk-funnel-inverter>`);
    provider.store.setFocus({ nodeId: 'tb' });
    await el.updateComplete;
    expect(requiredCounts(el)).to.deep.equal(['500', '100', '50', '20']);
    await type(el, '#f-rate-0', '10');
    expect(requiredCounts(el)[0]).to.equal('1,000');
    const heard = oneEvent(el, 'qk-funnel-change') as Promise<QkFunnelChangeEvent>;
    $(el, 'button[part~="reset"]').click();
    const ev = await heard;
    expect(ev.detail.nodeId).to.equal('ta');
    expect(ev.detail.results.requirement.counts.lead).to.equal(500);
    await el.updateComplete;
    expect($(el, '#f-rate-0').value).to.equal('20');
  });

  it('keeps edits when another widget changes the store, and follows the plan when untouched', async () => {
    const { provider, el } = await underProvider(html`<qk-funnel-inverter node="ta" period="FY2026"></qk-funnel-inverter>`);
    provider.store.applyCells([{ nodeId: 'ta', period: 'FY2026', metric: 'revenue', value: 150_000_000 }]);
    await el.updateComplete;
    // ¥1,500,000 / ¥50,000 = 30 won → 75, 150, 750.
    expect(requiredCounts(el)).to.deep.equal(['750', '150', '75', '30']);
    await type(el, '#f-target', '2,000,000');
    provider.store.applyCells([{ nodeId: 'ta', period: 'FY2026', metric: 'revenue', value: 160_000_000 }]);
    await el.updateComplete;
    expect($(el, '#f-target').value).to.equal('2,000,000');
    expect(requiredCounts(el)[3]).to.equal('40');
  });

  it('shows loading, error, empty and no-history states accessibly', async () => {
    const { plan, actuals } = funnelPlan();
    const loading = await fixture<QkFunnelInverter>(html`<qk-provider .adapter=${new MemoryAdapter(plan, actuals, { latencyMs: 60_000 })}><qk-funnel-inverter lang="en"></qk-funnel-inverter></qk-provider>`);
    const l = loading.querySelector('qk-funnel-inverter')!;
    await waitUntil(() => root(l).querySelector('[part~="loading"]'));
    await expect(l).to.be.accessible();

    const heard = oneEvent(document, 'qk-error') as Promise<QkErrorEvent>;
    const bad = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" .data=${{ plan: { plan: {} } }}></qk-funnel-inverter>`);
    expect((await heard).detail.source).to.equal('data');
    expect(root(bad).querySelector('[part~="error"]')).to.exist;
    // axe over this error state: test/components/hostile.test.ts ("accessibility in both themes",
    // <qk-funnel-inverter> error: the same element, language and bad data, in both themes).

    const unknown = oneEvent(document, 'qk-error') as Promise<QkErrorEvent>;
    const lost = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" node="nobody" .data=${funnelPlan()}></qk-funnel-inverter>`);
    expect((await unknown).detail.code).to.equal('funnel-node-unknown');
    expect(root(lost).querySelector('[part~="error"]')!.textContent).to.contain('There is no team or person "nobody"');

    const empty = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" node="ta" as-of="2026-07-15" .data=${{ plan: { ...plan, targets: [] }, actuals }}></qk-funnel-inverter>`);
    expect(root(empty).querySelector('.chart [part~="empty"]')!.textContent).to.contain('No revenue target is set here yet');
    expect($(empty, '#f-target').getAttribute('aria-invalid')).to.equal('false');
    await expect(empty).to.be.accessible();

    const noHistory = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" node="ta" as-of="2026-07-15" .data=${{ plan, actuals: { ...actuals, stageCounts: [], actuals: [] } }}></qk-funnel-inverter>`);
    expect($(noHistory, '#f-rate-0').value).to.equal('');
    expect($(noHistory, 'button[part~="reset"]').hasAttribute('disabled')).to.equal(true);
    expect(root(noHistory).querySelector('.history')!.textContent).to.contain('No funnel history from 2025-01 to 2025-12');
    await expect(noHistory).to.be.accessible();
  });

  it('speaks Chinese under zh-CN', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="zh-CN" node="ta" period="FY2026" as-of="2026-07-15" .data=${funnelPlan()}></qk-funnel-inverter>`);
    expect($(el, '[part~="title"]').textContent).to.equal('销售漏斗逆向拆解');
    expect($(el, '[part~="bottleneck"]').textContent).to.contain('「演示→报价」的转化率从 50% 降至 30%');
    expect($(el, 'g[part~="stage"]').getAttribute('aria-label')).to.equal('线索：需要 500，本期实际 300，在手 0');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px: one column, a narrower funnel, no horizontal overflow', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter style="width:320px" lang="en" node="ta" period="FY2026" as-of="2026-07-15" .data=${funnelPlan()}></qk-funnel-inverter>`);
    const svg = () => $<SVGSVGElement>(el, 'svg');
    // 320 − 2 × (16 px padding + 1 px border) = 286 px for the funnel.
    await waitUntil(() => svg().getAttribute('width') === '286', 'the funnel did not narrow');
    expect(el.scrollWidth).to.be.at.most(320);
    expect($<HTMLElement>(el, '[part~="base"]').scrollWidth).to.be.at.most(320);
    // One column, the funnel above the inputs.
    expect($(el, 'form').getBoundingClientRect().top).to.be.at.least($(el, '[part~="chart"]').getBoundingClientRect().bottom);
    await expect(el).to.be.accessible();
  });

  it('re-renders for an edit without forcing a layout: the chart is measured once, then by its ResizeObserver', async () => {
    // Reading the chart's clientWidth after every update forced a synchronous layout of the whole page
    // per render (1.7 s of sampled profile in the consistency sweep at load 7–14, where four elements re-render per step).
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter style="width:1000px" lang="en" .inputs=${seedInputs()}></qk-funnel-inverter>`);
    await waitUntil(() => Number($<SVGSVGElement>(el, 'svg').getAttribute('width')) > 500, 'the funnel did not widen');
    const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth')!;
    let reads = 0;
    Object.defineProperty(Element.prototype, 'clientWidth', {
      configurable: true,
      get(this: Element) {
        if (this.getRootNode() === el.shadowRoot) reads++;
        return descriptor.get!.call(this);
      },
    });
    try {
      // Three edits, three renders: lead→demo 25 %, 30 %, 40 % → 400, 334, 250 leads.
      await type(el, '#f-rate-0', '25');
      expect(requiredCounts(el)[0]).to.equal('400');
      await type(el, '#f-rate-0', '30');
      expect(requiredCounts(el)[0]).to.equal('334');
      await type(el, '#f-rate-0', '40');
      expect(requiredCounts(el)[0]).to.equal('250');
    } finally {
      Object.defineProperty(Element.prototype, 'clientWidth', descriptor);
    }
    expect(reads, 'clientWidth reads inside the funnel during three re-renders').to.equal(0);
    // The width still follows the column, through the ResizeObserver.
    el.style.width = '320px';
    await waitUntil(() => $<SVGSVGElement>(el, 'svg').getAttribute('width') === '286', 'the funnel did not narrow');
  });

  it('puts the inputs beside the funnel in a wide column', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter style="width:1000px" lang="en" node="ta" period="FY2026" as-of="2026-07-15" .data=${funnelPlan()}></qk-funnel-inverter>`);
    const svg = () => $<SVGSVGElement>(el, 'svg');
    await waitUntil(() => Number(svg().getAttribute('width')) > 500, 'the funnel did not widen');
    expect($(el, '[part~="chart"]').getBoundingClientRect().left).to.be.at.least($(el, 'form').getBoundingClientRect().right);
  });
});

describe('qk-funnel-inverter JSON configuration', () => {
  it('takes its what-if inputs from a JSON child (data-prop="inputs"), with no script', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    // The seed: ¥1,000,000 target, ¥50,000 deal, 20% / 50% / 40% → 500 leads, 100 demos, 50 quotes, 20 won.
    const inputs = { target: 100_000_000, avgDealSize: 5_000_000, stages: [{ id: 'lead', rate: 0.2 }, { id: 'demo', rate: 0.5 }, { id: 'quote', rate: 0.4 }, { id: 'won' }] };
    wrap.innerHTML = `<qk-funnel-inverter lang="en"><script type="application/json" data-prop="inputs">${JSON.stringify(inputs)}</script></qk-funnel-inverter>`;
    const el = wrap.querySelector<QkFunnelInverter>('qk-funnel-inverter')!;
    await waitUntil(() => requiredCounts(el).length === 4, 'the funnel never rendered');
    expect(requiredCounts(el)).to.deep.equal(['500', '100', '50', '20']);
  });
});

describe('qk-funnel-inverter and qk-review-board: one plan (issue 13)', () => {
  it('show the same planned leads to date and name the same bottleneck under one provider', async () => {
    await import('../../../src/define/qk-review-board.js');
    // Edits left pending by earlier tests on this plan id would be restored on load.
    localStorage.clear();
    const { plan, actuals } = funnelPlan();
    const provider = await fixture<QkProvider>(html`<qk-provider locale="en" as-of="2026-07-15" autosave-ms="0">
      <qk-funnel-inverter></qk-funnel-inverter>
      <qk-review-board style="width: 900px"></qk-review-board>
    </qk-provider>`);
    provider.adapter = new MemoryAdapter(plan, actuals);
    const funnel = provider.querySelector('qk-funnel-inverter')!;
    const review = provider.querySelector('qk-review-board')!;
    await waitUntil(() => requiredCounts(funnel).length > 0 && review.shadowRoot!.querySelector('table.kpis'), 'the widgets never rendered', { timeout: 60000 });
    provider.store.setFocus({ nodeId: 'ta' });
    await funnel.updateComplete;
    await review.updateComplete;
    // Both on the page's period, FY2026 (defaultPeriod), not one on a quarter.
    expect($(funnel, '[part~="subtitle"]').textContent).to.equal('Team A · FY2026');
    expect(review.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim()).to.equal('Period review · Team A · FY2026');
    // Plan to date: 500 leads × 140 / 261 working days = 268.2 → 268, in both.
    const funnelPlanLeads = $(funnel, 'td[part~="plan-to-date"]').textContent!.trim();
    const kpiLeads = [...review.shadowRoot!.querySelectorAll('table.kpis tbody tr')][1];
    expect(kpiLeads.children[0].textContent!.trim()).to.equal('Lead');
    expect(funnelPlanLeads).to.equal('268');
    expect(kpiLeads.children[1].textContent!.trim()).to.equal(funnelPlanLeads);
    // The same verdict: demo→quote fell from 50% to 30%.
    expect($(funnel, '[part~="bottleneck"]').textContent).to.contain('Demo→Quote conversion fell from 50% to 30%');
    expect(review.shadowRoot!.querySelector('[part="diagnosis"]')!.textContent).to.contain('Demo→Quote conversion fell from 50% to 30%');
    expect($(funnel, '[part~="basis"]').textContent).to.equal("Compared with the plan to date: the plan's volumes pro rata, 140 of 261 working days.");
  });

  it('never compares a what-if target with the actuals', async () => {
    localStorage.clear();
    const { el } = await underProvider(html`<qk-funnel-inverter node="co" period="FY2026"></qk-funnel-inverter>`);
    expect(root(el).querySelector('[part~="bottleneck"]')).to.exist;
    // Under the plan the company's actuals are drawn against the plan's requirement …
    expect(root(el).querySelectorAll('svg[part~="funnel"] rect.actual').length).to.be.greaterThan(0);
    await type(el, '#f-target', '10,000', true);
    // … in a what-if they are not: no green bar measured against the what-if's shapes (issue 17:
    // the actuals dwarfed a ¥10,000 requirement), and no "actual" in the legend.
    expect(root(el).querySelectorAll('svg[part~="funnel"] rect.actual').length).to.equal(0);
    expect(root(el).querySelector('[part~="legend"] .swatch.actual')).to.equal(null);
    // ¥10,000 is a what-if: no bottleneck, no "… plan" sentence about the actuals, a note instead.
    expect(root(el).querySelector('[part~="bottleneck"]')).to.equal(null);
    expect(root(el).querySelector('td[part~="plan-to-date"]')).to.equal(null);
    expect(root(el).querySelector('.chart')!.textContent).not.to.match(/(above|below) plan/);
    expect($(el, '[part~="what-if"]').textContent).to.contain('not compared with the actuals');
    $(el, 'button[part~="reset"]').click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="what-if"]')).to.equal(null);
  });
});
