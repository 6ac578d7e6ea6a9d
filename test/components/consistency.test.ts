import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/define/qk-provider.js';
import '../../src/define/qk-attainment-gauge.js';
import '../../src/define/qk-pace-chart.js';
import '../../src/define/qk-review-board.js';
import '../../src/define/qk-funnel-inverter.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { figureOf, type PlanState } from '../../src/engine/plan/plan-state.js';
import { formatMoney, formatPercent } from '../../src/engine/money/money.js';
import { periodOf } from '../../src/engine/calendar/periods.js';
import { buildOrgIndex } from '../../src/engine/plan/rollup.js';
import { gridReader, planDecomposition } from '../../src/components/goal-tree/goal-tree.model.js';
import { generateSampleCompany } from '../../src/sample/sample-data.js';
import { moneyDraft } from '../../src/components/funnel-inverter/drafts.js';
import type { ActualsSnapshot, MetricId, PlanSnapshot } from '../../src/engine/plan/model.js';
import { smallFixture } from '../fixtures/small-plan.js';

/**
 * One plan, one truth (issue 13): every element that shows a node's target, actual or attainment for
 * a period shows `figureOf(store.state, …)`, formatted the way the kit formats it (compact money in
 * the gauge and the review, full money in the pace chart's table, the form's text in the funnel
 * inverter). Figures are read back from each element's DOM (`part`s, the meter's accessible value).
 */
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
type Seen = { element: string; what: string; shown: string; expected: string };

async function settle(els: HTMLElement[]): Promise<void> {
  for (const el of els) await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** What each element shows for the node and period it is pinned to, against figureOf. */
function read(state: PlanState, els: Record<string, HTMLElement>, nodeId: string, period: string): { seen: Seen[]; checked: number } {
  const f = figureOf(state, { nodeId, period });
  const currency = state.plan.currency;
  const compact = (v: number) => formatMoney(v, { currency, locale: 'en', compact: true });
  const full = (v: number) => formatMoney(v, { currency, locale: 'en', compact: false });
  const seen: Seen[] = [];
  let checked = 0;
  const check = (element: string, what: string, shown: string, expected: string) => {
    checked++;
    if (shown !== expected) seen.push({ element, what, shown, expected });
  };
  const root = (name: string) => els[name].shadowRoot!;

  // The gauge: its meter's accessible value names attainment, actual and target.
  const meter = root('gauge').querySelector('[part~="meter"][role="meter"]');
  if (f.target !== null && f.target > 0) {
    const text = meter?.getAttribute('aria-valuetext') ?? '(no meter)';
    check('gauge', 'value text', text.split('. ')[0], `${formatPercent(f.attainment, 'en', 1)} of target: ${compact(f.actual!)} of ${compact(f.target)}`);
    check('gauge', 'aria-valuenow', meter?.getAttribute('aria-valuenow') ?? '', String(Math.round(f.attainment! * 1000) / 10));
  }

  // The pace chart: the hidden table's row for today (or the period's last day) carries the actual to date.
  const rows = [...root('pace').querySelectorAll('table[part~="table"] tbody tr')];
  if (f.target !== null && rows.length) {
    const today = rows.find((r) => r.querySelector('th')!.textContent!.includes('(Today)')) ?? rows[rows.length - 1];
    check('pace chart', 'actual to date', clean(today.querySelectorAll('td')[0].textContent), full(f.actual!));
  }

  // The review board: the KPI table's revenue actual; the target as its plan (closed) or named in the pro-rata note (running).
  const kpi = root('review').querySelector('table.kpis tbody tr');
  if (kpi) {
    const cells = [...kpi.children].map((c) => clean(c.textContent));
    check('review board', 'actual', cells[2], compact(f.actual!));
    if (f.target !== null) {
      const note = root('review').querySelector('[part~="partial"]');
      if (note) check('review board', 'target in the pro-rata note', /\(([^)]*) for the whole period\)/.exec(clean(note.textContent))?.[1] ?? '(none)', compact(f.target));
      else check('review board', 'plan = target', cells[1], compact(f.target));
    }
  }

  // The funnel inverter: its target field starts at the node's target for the period.
  const target = root('funnel').querySelector<HTMLInputElement>('#f-target');
  if (target) check('funnel inverter', 'target', target.value, f.target === null ? '' : moneyDraft(f.target, currency));
  return { seen, checked };
}

type Mounted = { provider: QkProvider; els: Record<string, HTMLElement>; asOf: string };

/** The provider over `plan` with the four elements, once the plan has loaded. */
async function mount(plan: PlanSnapshot, actuals: ActualsSnapshot, asOf: string, { keep = false } = {}): Promise<Mounted> {
  localStorage.clear();
  // `keep`: outside the per-test fixture (removed after each test), for a page shared by several tests.
  const template = html`<qk-provider locale="en" as-of=${asOf} autosave-ms="0">
    <qk-attainment-gauge size="compact"></qk-attainment-gauge>
    <qk-pace-chart></qk-pace-chart>
    <qk-review-board style="width: 900px"></qk-review-board>
    <qk-funnel-inverter></qk-funnel-inverter>
  </qk-provider>`;
  let provider: QkProvider;
  if (keep) {
    const host = document.createElement('div');
    document.body.append(host);
    render(template, host);
    provider = host.querySelector('qk-provider')!;
    await provider.updateComplete;
  } else provider = await fixture<QkProvider>(template);
  // Validated once, frozen, and loaded by the store without a second parse (what the constructor
  // then the store did twice: 1.2 CPU-s of this file for the 1,000-rep company); the figures are the same.
  provider.adapter = await MemoryAdapter.create(plan, actuals);
  await waitUntil(() => provider.store.status === 'ready' && provider.store.state, 'the plan never loaded', { timeout: 60000 });
  const els = {
    gauge: provider.querySelector('qk-attainment-gauge')!,
    pace: provider.querySelector('qk-pace-chart')!,
    review: provider.querySelector('qk-review-board')!,
    funnel: provider.querySelector('qk-funnel-inverter')!,
  };
  return { provider, els, asOf };
}

/** Pins every element to each node × (FY, current quarter, current month) and reads what it shows. */
async function sweepOn({ provider, els, asOf }: Mounted, nodes: string[]) {
  const state = provider.store.state!;
  const cal = state.plan.calendar;
  const periods = [`FY${state.plan.fiscalYear}`, periodOf(asOf, 'quarter', cal), periodOf(asOf, 'month', cal)];
  const mismatches: (Seen & { nodeId: string; period: string })[] = [];
  let checked = 0;
  for (const nodeId of nodes) {
    for (const period of periods) {
      for (const el of Object.values(els)) {
        el.setAttribute('node', nodeId);
        el.setAttribute('period', period);
      }
      await settle(Object.values(els));
      await settle(Object.values(els));
      const r = read(provider.store.state!, els, nodeId, period);
      checked += r.checked;
      mismatches.push(...r.seen.map((s) => ({ ...s, nodeId, period })));
    }
  }
  return { mismatches, checked, combos: nodes.length * periods.length };
}

async function sweep(plan: PlanSnapshot, actuals: ActualsSnapshot, asOf: string, nodes: string[]) {
  return sweepOn(await mount(plan, actuals, asOf), nodes);
}

/** The plan after 拆解目标, as the goal tree decomposes it. */
function decompose(plan: PlanSnapshot, actuals: ActualsSnapshot): PlanSnapshot {
  const cells = new Map(plan.targets.map((c) => [`${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`, c]));
  const source = { getCell: (n: string, p: string, m: MetricId, pr?: string | null) => cells.get(`${n}|${p}|${m}|${pr ?? ''}`) };
  const d = planDecomposition(gridReader({ index: buildOrgIndex(plan.org), source, calendar: plan.plan.calendar, metric: 'revenue' }), {
    org: plan.org, fiscalYear: plan.plan.fiscalYear, calendar: plan.plan.calendar, metric: 'revenue', actuals, products: plan.products,
  });
  if (!d.ok) throw new Error(d.error.message);
  return { ...plan, targets: [...d.value.cells] };
}

describe('one plan, one truth: every element shows figureOf', function () {
  this.timeout(600_000);

  it('the small fixture: every node × FY2026, its current quarter and month', async () => {
    const { plan, actuals } = smallFixture();
    const r = await sweep(plan, actuals, '2026-03-11', plan.org.map((n) => n.id));
    expect(r.mismatches).to.deep.equal([]);
    // 12 nodes × 3 periods, and at least the gauge, the pace chart, the review and the funnel on each FY.
    expect(r.combos).to.equal(36);
    expect(r.checked).to.be.at.least(12 * 5);
  });

  it('the sample company after 拆解目标: the company, every region and three reps × FY2026, FY2026-Q4, 2026-12', async () => {
    const asOf = '2026-12-01';
    const { plan, actuals } = generateSampleCompany({ asOf });
    const ix = buildOrgIndex(plan.org);
    const decomposed = decompose(plan, actuals);
    const regions = plan.org.filter((n) => n.kind === 'region').map((n) => n.id);
    const reps = [plan.org.find((n) => n.name === '薛婷')!.id, ...ix.reps('company').slice(0, 2)];
    const r = await sweep(decomposed, actuals, asOf, ['company', ...regions, ...reps]);
    expect(r.mismatches).to.deep.equal([]);
    expect(r.checked).to.be.at.least(r.combos * 4);
  });

  describe('a generated 1,000-rep company', () => {
    // Built once for the three tests (generating and decomposing 1,000 reps is the costly part).
    const asOf = '2026-10-15';
    let plan: PlanSnapshot;
    let actuals: ActualsSnapshot;
    let decomposed: PlanSnapshot;
    let regions: string[];
    let nodes: string[];
    before(() => {
      ({ plan, actuals } = generateSampleCompany({ asOf, regions: 5, teamsPerRegion: 10, repsPerTeam: 20 }));
      const ix = buildOrgIndex(plan.org);
      expect(ix.reps('company')).to.have.length(1000);
      regions = plan.org.filter((n) => n.kind === 'region').map((n) => n.id);
      nodes = ['company', ...regions.slice(0, 2), ix.reps(regions[0])[0]];
      decomposed = decompose(plan, actuals);
    });

    it('before decomposition', async () => {
      const before = await sweep(plan, actuals, asOf, nodes);
      expect(before.mismatches, 'before decomposition').to.deep.equal([]);
    });

    describe('after decomposition, on one page', () => {
      // One page for both tests: the decomposed plan loaded, then the adjustment committed on it.
      let page: Mounted;
      before(async () => {
        page = await mount(decomposed, actuals, asOf, { keep: true });
      });
      after(() => page?.provider.parentElement?.remove());

      it('after decomposition', async () => {
        const after = await sweepOn(page, nodes);
        expect(after.mismatches, 'after decomposition').to.deep.equal([]);
        expect(after.checked).to.be.at.least(after.combos * 3);
      });

      it('after an approved adjustment is committed through the store', async () => {
        // An approved adjustment raises the first region's December by ¥1,000,000; the elements on the
        // open page must follow the commit.
        const cell = { nodeId: regions[0], period: '2026-12', metric: 'revenue' as const };
        const was = page.provider.store.state!.cells.get(cell)?.value ?? 0;
        const r = await page.provider.store.commitCells([{ ...cell, value: was + 100_000_000 }], { source: 'adjustment' });
        expect(r.ok, 'the adjustment is committed').to.equal(true);
        expect(page.provider.store.state!.cells.get(cell)?.value).to.equal(was + 100_000_000);
        const adjusted = await sweepOn(page, nodes);
        expect(adjusted.mismatches, 'after an adjustment').to.deep.equal([]);
        expect(adjusted.checked).to.be.at.least(adjusted.combos * 3);
      });
    });
  });
});
