import { expect } from '@open-wc/testing';
import {
  attainment,
  gridActuals,
  gridColumns,
  gridReader,
  gridRows,
  gridViews,
  needsDecomposition,
  parseCellInput,
  parseViewColumns,
  planDecomposition,
  planDistribute,
  planGridEdit,
  planLockToggle,
  rampBadge,
  type CellSource,
} from '../../../src/components/goal-tree/goal-tree.model.js';
import type { FiscalCalendar, MetricId, OrgNode, TargetCell } from '../../../src/engine/plan/model.js';
import { buildOrgIndex, targetMismatches } from '../../../src/engine/plan/rollup.js';
import { cellKey } from '../../../src/engine/plan/model.js';
import { createPlanState, withTargetChanges } from '../../../src/engine/plan/plan-state.js';
import { generateSampleCompany } from '../../../src/sample/sample-data.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const cal: FiscalCalendar = { startMonth: 1 };

/** A map-backed cell source, like the store's. */
function source(cells: TargetCell[]): CellSource & { all: Map<string, TargetCell> } {
  const all = new Map(cells.map((c) => [`${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`, c]));
  return { all, getCell: (n: string, p: string, m: MetricId, pr?: string | null) => all.get(`${n}|${p}|${m}|${pr ?? ''}`) };
}
const cell = (nodeId: string, period: string, value: number, extra: Partial<TargetCell> = {}): TargetCell => ({ nodeId, period, metric: 'revenue', value, ...extra });
const node = (id: string, parentId: string | null, kind: OrgNode['kind'] = 'unit', extra: Partial<OrgNode> = {}): OrgNode => ({ id, name: id, parentId, kind, ...extra });

const org: OrgNode[] = [
  node('co', null, 'company'),
  node('east', 'co', 'region'),
  node('south', 'co', 'region'),
  node('a', 'east', 'rep', { hireDate: '2020-01-01' }),
  node('b', 'east', 'rep', { hireDate: '2026-10-01' }),
];
const index = buildOrgIndex(org);

describe('goal-grid rows and columns', () => {
  it('shows the root open and the rest closed at expandDepth 1, with positions in the set', () => {
    const { rows } = gridRows(index);
    expect(rows.map((r) => `${r.id}@${r.level}`)).to.deep.equal(['co@1', 'east@2', 'south@2']);
    expect(rows[1]).to.include({ expandable: true, expanded: false, posInSet: 1, setSize: 2 });
    expect(rows[2]).to.include({ expandable: false, posInSet: 2, setSize: 2 });
  });

  it('follows toggles and expandDepth', () => {
    expect(gridRows(index, { toggled: new Map([['east', true]]) }).rows.map((r) => r.id)).to.deep.equal(['co', 'east', 'a', 'b', 'south']);
    expect(gridRows(index, { expandDepth: 0 }).rows.map((r) => r.id)).to.deep.equal(['co']);
    expect(gridRows(index, { expandDepth: 9, toggled: new Map([['co', false]]) }).rows.map((r) => r.id)).to.deep.equal(['co']);
  });

  it('asks to load a lazy node, and shows a loading row while it loads', () => {
    const lazy = buildOrgIndex([node('co', null), node('x', 'co', 'team', { hasChildren: true })]);
    const open = new Map([['x', true]]);
    expect(gridRows(lazy, { toggled: open }).needsLoad).to.deep.equal(['x']);
    const loading = gridRows(lazy, { toggled: open, loading: new Set(['x']) });
    expect(loading.rows.map((r) => `${r.kind}:${r.id}@${r.level}`)).to.deep.equal(['node:co@1', 'node:x@2', 'loading:x@3']);
    expect(gridRows(lazy, { toggled: open, loadedEmpty: new Set(['x']) }).rows[1].expandable).to.equal(false);
  });

  it('lists the periods of a granularity, the total, then the view columns', () => {
    expect(gridColumns(2026, 'quarter', cal).map((c) => c.period)).to.deep.equal(['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2026']);
    const months = gridColumns(2026, 'month', { startMonth: 4 }, ['actual', 'attainment']);
    expect(months.length).to.equal(15);
    expect(months[0].period).to.equal('2026-04');
    expect(months[11].period).to.equal('2027-03');
    expect(months.slice(12).map((c) => c.kind)).to.deep.equal(['total', 'actual', 'attainment']);
    expect(gridColumns(2026, 'year', cal).map((c) => c.kind)).to.deep.equal(['total']);
    expect(parseViewColumns('attainment  bogus actual attainment')).to.deep.equal(['attainment', 'actual']);
  });
});

describe('goal-grid reader', () => {
  it('reads own cells, sums of own months, sums of children, and the remainder', () => {
    const s = source([cell('co', 'FY2026', 1000), cell('east', 'FY2026', 600), cell('a', '2026-01', 100), cell('a', '2026-02', 50)]);
    const r = gridReader({ index, source: s, calendar: cal, metric: 'revenue' });
    expect(r.value('co', 'FY2026')).to.equal(1000);
    // a has no quarter or year cell: Q1 = Jan 100 + Feb 50 = 150, and the year is its Q1.
    expect(r.value('a', 'FY2026-Q1')).to.equal(150);
    expect(r.value('a', 'FY2026')).to.equal(150);
    expect(r.value('south', 'FY2026')).to.equal(undefined);
    // co: 1000 − (east 600 + south nothing) = 400 unallocated; east: 600 − a 150 = 450.
    expect(r.remainder('co', 'FY2026')).to.equal(400);
    expect(r.remainder('east', 'FY2026')).to.equal(450);
    expect(r.remainder('a', 'FY2026')).to.equal(null);
    expect(r.superPeriods('2026-05')).to.deep.equal(['FY2026-Q2', 'FY2026']);
  });

  it('marks the cells the store holds as pending edits as changed', () => {
    const s = source([cell('co', 'FY2026', 1200), cell('east', 'FY2026', 600)]);
    const pending = new Set(['co|FY2026|revenue|']);
    const r = gridReader({
      index, source: s, calendar: cal, metric: 'revenue',
      isPending: (c) => pending.has(`${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`),
    });
    expect(r.changed('co', 'FY2026')).to.equal(true);
    expect(r.changed('east', 'FY2026')).to.equal(false);
    expect(r.changed('south', 'FY2026')).to.equal(false);
    expect(gridReader({ index, source: s, calendar: cal, metric: 'revenue' }).changed('co', 'FY2026')).to.equal(false);
  });

  it('gives the ramp of new hires as of a date', () => {
    // b hired 2026-10-01: on 2026-11-27 tenure is 1 month → 30%. a is fully ramped.
    expect(rampBadge(index.byId.get('b'), '2026-11-27')).to.equal(0.3);
    expect(rampBadge(index.byId.get('b'), '2027-01-01')).to.equal(0.6);
    expect(rampBadge(index.byId.get('a'), '2026-11-27')).to.equal(null);
    expect(attainment(8_500_000, 10_000_000)).to.equal(0.85);
    expect(attainment(5, 0)).to.equal(null);
  });

  it('sums actuals per node for a period', () => {
    const { plan, actuals } = smallFixture();
    const ix = buildOrgIndex(plan.org);
    // east: r1 ¥120,000 + ¥45,000 and r3 ¥80,000 = ¥245,000 = 24,500,000 分.
    expect(gridActuals(actuals, ix, { metric: 'revenue', period: 'FY2026', calendar: cal })!.get('east')).to.equal(24_500_000);
    // Q1 collections: c1 ¥60,000 (r1) + c2 ¥200,000 (r5) = ¥260,000.
    expect(gridActuals(actuals, ix, { metric: 'collections', period: 'FY2026-Q1', calendar: cal })!.get('co')).to.equal(26_000_000);
    // January leads: r1 40.
    expect(gridActuals(actuals, ix, { metric: 'leads', period: '2026-01', calendar: cal })!.get('east-sh')).to.equal(40);
    expect(gridActuals(actuals, ix, { metric: 'winRate', period: 'FY2026', calendar: cal })).to.equal(null);
  });
});

describe('goal-grid edits', () => {
  const base = () => source([cell('co', 'FY2026', 1000), cell('east', 'FY2026', 600), cell('south', 'FY2026', 400), cell('a', 'FY2026', 400), cell('b', 'FY2026', 200)]);
  const reader = (s: CellSource) => gridReader({ index, source: s, calendar: cal, metric: 'revenue' });
  const changes = (p: { changes: { nodeId: string; period: string; oldValue: number | null; newValue: number }[] }) =>
    Object.fromEntries(p.changes.map((c) => [`${c.nodeId} ${c.period}`, `${c.oldValue}→${c.newValue}`]));

  it('rebalances siblings and carries the change down to the children in proportion', () => {
    const r = planGridEdit(reader(base()), { nodeId: 'east', period: 'FY2026', value: 700 }, { mode: 'rebalance-siblings' });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    // south gives up 100. east's +100 goes to a and b as 400 : 200: 700 × 2/3 = 466.67 → 467, 700 × 1/3 = 233.33 → 233.
    expect(changes(r.value)).to.deep.equal({ 'east FY2026': '600→700', 'south FY2026': '400→300', 'a FY2026': '400→467', 'b FY2026': '200→233' });
    expect(r.value.cells.find((c) => c.nodeId === 'co')).to.equal(undefined);
  });

  it('lets the parents absorb the change up to the root', () => {
    const r = planGridEdit(reader(base()), { nodeId: 'a', period: 'FY2026', value: 450 }, { mode: 'parent-absorbs' });
    if (!r.ok) throw new Error(r.error.message);
    expect(changes(r.value)).to.deep.equal({ 'a FY2026': '400→450', 'east FY2026': '600→650', 'co FY2026': '1000→1050' });
  });

  it('stops absorbing at a locked ancestor, whose remainder then shows', () => {
    const s = base();
    s.all.set('co|FY2026|revenue|', cell('co', 'FY2026', 1000, { locked: true }));
    const r = planGridEdit(reader(s), { nodeId: 'a', period: 'FY2026', value: 450 }, { mode: 'parent-absorbs' });
    if (!r.ok) throw new Error(r.error.message);
    expect(changes(r.value)).to.deep.equal({ 'a FY2026': '400→450', 'east FY2026': '600→650' });
  });

  it('respects locks: a locked sibling keeps its value, an only locked sibling refuses', () => {
    const s = base();
    s.all.set('b|FY2026|revenue|', cell('b', 'FY2026', 200, { locked: true }));
    const r = planGridEdit(reader(s), { nodeId: 'a', period: 'FY2026', value: 500 }, { mode: 'rebalance-siblings' });
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.error.code).to.equal('siblings-locked');
    const up = planGridEdit(reader(s), { nodeId: 'east', period: 'FY2026', value: 700 }, { mode: 'rebalance-siblings' });
    if (!up.ok) throw new Error(up.error.message);
    // b is locked, so a alone takes east's +100.
    expect(changes(up.value)).to.deep.equal({ 'east FY2026': '600→700', 'south FY2026': '400→300', 'a FY2026': '400→500' });
  });

  it('spreads a quarter over its months and moves the year, keeping locked months', () => {
    const team = buildOrgIndex([node('t', null, 'team'), node('a', 't', 'rep'), node('b', 't', 'rep')]);
    const s = source([
      cell('t', 'FY2026-Q1', 1000),
      cell('a', '2026-01', 100), cell('a', '2026-02', 100), cell('a', '2026-03', 200),
      cell('b', '2026-01', 200, { locked: true }), cell('b', '2026-02', 200), cell('b', '2026-03', 200),
    ]);
    const r = planGridEdit(gridReader({ index: team, source: s, calendar: cal, metric: 'revenue' }), { nodeId: 'a', period: 'FY2026-Q1', value: 500 }, { mode: 'rebalance-siblings' });
    if (!r.ok) throw new Error(r.error.message);
    // a: 400 → 500, +100 over Jan:Feb:Mar = 1:1:2 → 125 / 125 / 250. b: 600 → 500; January is
    // locked, so Feb and Mar (200 : 200) give up 100 → 150 / 150. The years move with the quarters.
    expect(changes(r.value)).to.deep.equal({
      'a FY2026-Q1': 'null→500', 'a FY2026': 'null→500', 'a 2026-01': '100→125', 'a 2026-02': '100→125', 'a 2026-03': '200→250',
      'b FY2026-Q1': 'null→500', 'b FY2026': 'null→500', 'b 2026-02': '200→150', 'b 2026-03': '200→150',
    });
  });

  it('splits a year edit over quarters and months and keeps parents the sums of children', () => {
    const team = buildOrgIndex([node('t', null, 'team'), node('a', 't', 'rep')]);
    const cells: TargetCell[] = [cell('t', 'FY2026', 1200), cell('a', 'FY2026', 1200)];
    for (let m = 1; m <= 12; m++) {
      const id = `2026-${String(m).padStart(2, '0')}`;
      cells.push(cell('t', id, 100), cell('a', id, 100));
    }
    const r = planGridEdit(gridReader({ index: team, source: source(cells), calendar: cal, metric: 'revenue' }), { nodeId: 't', period: 'FY2026', value: 1212 }, { mode: 'rebalance-siblings' });
    if (!r.ok) throw new Error(r.error.message);
    const got = changes(r.value);
    // +12 over 12 equal months: +1 each, for a and for t (t's months are the sums of a's).
    expect(got['a 2026-07']).to.equal('100→101');
    expect(got['t 2026-07']).to.equal('100→101');
    // Quarters had no cells: each is created as its months' sum, 303.
    expect(got['t FY2026-Q3']).to.equal('null→303');
    expect(got['a FY2026']).to.equal('1200→1212');
    expect(r.value.changes.length).to.equal(2 * (1 + 4 + 12));
  });

  it('refuses to change a locked quarter through one of its months', () => {
    const team = buildOrgIndex([node('t', null, 'team'), node('a', 't', 'rep')]);
    const s = source([cell('a', 'FY2026-Q1', 300, { locked: true }), cell('a', '2026-01', 100), cell('a', '2026-02', 100), cell('a', '2026-03', 100)]);
    const r = planGridEdit(gridReader({ index: team, source: s, calendar: cal, metric: 'revenue' }), { nodeId: 'a', period: '2026-01', value: 150 }, { mode: 'rebalance-siblings' });
    // a is an only child, so its parent t (no target of its own: 0) cannot hold: the siblings rule fails first.
    expect(r.ok).to.equal(false);
    const r2 = planGridEdit(gridReader({ index: team, source: s, calendar: cal, metric: 'revenue' }), { nodeId: 'a', period: '2026-01', value: 150 }, { mode: 'parent-absorbs' });
    expect(r2.ok).to.equal(false);
    if (!r2.ok) expect(r2.error).to.include({ code: 'period-locked' }).and.to.have.nested.property('params.period', 'FY2026-Q1');
  });

  it('toggles a lock without changing the value', () => {
    const r = planLockToggle(reader(base()), 'east', 'FY2026');
    expect(r.ok && r.value).to.deep.include({ nodeId: 'east', value: 600, locked: true });
  });
});

describe('goal-grid distribute and decompose', () => {
  it('distributes equally and by capacity, keeping locked children', () => {
    const s = source([cell('co', 'FY2026', 1000), cell('east', 'FY2026', 600), cell('south', 'FY2026', 400)]);
    const reader = gridReader({ index, source: s, calendar: cal, metric: 'revenue' });
    const eq = planDistribute(reader, { nodeId: 'co', period: 'FY2026', method: 'equal', asOf: '2026-11-27' });
    if (!eq.ok) throw new Error(eq.error.message);
    expect(eq.value.children.map((c) => `${c.id} ${c.from}→${c.to}`)).to.deep.equal(['east 600→500', 'south 400→500']);
    // capacity: east has a (1) and b (hired 2026-10-01, 0.3 on 2026-11-27) = 1.3; south is a
    // rep-less unit (0) → 1,000 × 1.3 / 1.3 = 1,000 to east, 0 to south.
    const cap = planDistribute(reader, { nodeId: 'co', period: 'FY2026', method: 'capacity', asOf: '2026-11-27' });
    if (!cap.ok) throw new Error(cap.error.message);
    expect(cap.value.children.map((c) => c.to)).to.deep.equal([1000, 0]);
    s.all.set('south|FY2026|revenue|', cell('south', 'FY2026', 400, { locked: true }));
    const locked = planDistribute(gridReader({ index, source: s, calendar: cal, metric: 'revenue' }), { nodeId: 'co', period: 'FY2026', method: 'equal', asOf: '2026-11-27' });
    if (!locked.ok) throw new Error(locked.error.message);
    expect(locked.value.children.map((c) => c.to)).to.deep.equal([600, 400]);
  });

  it('distributes by history and creates cells for children that had none', () => {
    const s = source([cell('east', 'FY2026', 1000)]);
    const reader = gridReader({ index, source: s, calendar: cal, metric: 'revenue' });
    // history a 300, b 100 → 750 / 250.
    const r = planDistribute(reader, { nodeId: 'east', period: 'FY2026', method: 'history', history: new Map([['a', 300], ['b', 100]]), asOf: '2026-11-27' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.cells.map((c) => `${c.nodeId} ${c.value}`).sort()).to.deep.equal(['a 750', 'b 250']);
    expect(planDistribute(reader, { nodeId: 'a', period: 'FY2026', method: 'equal', asOf: '2026-11-27' }).ok).to.equal(false);
  });

  it('decomposes the sample company so every level sums exactly', () => {
    const { plan, actuals } = generateSampleCompany({ regions: 2, teamsPerRegion: 2, repsPerTeam: 3 });
    const ix = buildOrgIndex(plan.org);
    const reader = gridReader({ index: ix, source: source(plan.targets), calendar: plan.plan.calendar, metric: 'revenue' });
    expect(needsDecomposition(reader, 2026)).to.equal(true);
    const r = planDecomposition(reader, { org: plan.org, fiscalYear: 2026, calendar: plan.plan.calendar, metric: 'revenue', actuals, products: plan.products });
    if (!r.ok) throw new Error(r.error.message);
    const total = plan.targets[0].value;
    const after = gridReader({ index: ix, source: source(r.value.cells), calendar: plan.plan.calendar, metric: 'revenue' });
    expect(needsDecomposition(after, 2026)).to.equal(false);
    const reps = ix.reps('company');
    expect(reps.length).to.equal(12);
    expect(reps.reduce((s, id) => s + after.value(id, 'FY2026')!, 0)).to.equal(total);
    for (const id of ix.order) {
      expect(after.remainder(id, 'FY2026') ?? 0, id).to.equal(0);
      const months = after.subPeriods('FY2026').flatMap((q) => after.subPeriods(q));
      expect(months.reduce((s, m) => s + after.value(id, m)!, 0)).to.equal(after.value(id, 'FY2026'));
    }
  });

  it('computes the views of every node', () => {
    const s = source([cell('co', 'FY2026', 1_000_000), cell('east', 'FY2026', 600_000), cell('south', 'FY2026', 400_000), cell('a', 'FY2026', 300_000), cell('b', 'FY2026', 300_000)]);
    const actuals = {
      from: '2025-01-01', to: '2026-12-31', stageCounts: [], pipeline: [],
      actuals: [
        { id: 'x', repId: 'a', productId: 'p', date: '2025-03-01', type: 'booking' as const, amount: 500_000 },
        { id: 'y', repId: 'south', productId: 'p', date: '2025-05-01', type: 'booking' as const, amount: 200_000 },
      ],
    };
    const r = gridViews(gridReader({ index, source: s, calendar: cal, metric: 'revenue' }), { fiscalYear: 2026, calendar: cal, actuals, growth: 0.1 });
    if (!r.ok) throw new Error(r.error.message);
    // a: 500,000 × 1.1 = 550,000 vs 300,000 top-down → +250,000; east = a + b (0) = 550,000.
    expect(r.value.a.bottomUp).to.equal(550_000);
    expect(r.value.a.bottomUpVsTopDown!.abs).to.equal(250_000);
    expect(r.value.east.bottomUp).to.equal(550_000);
    expect(r.value.co.bottomUp).to.equal(770_000);
    // Blend (no market): co = (0.5 × 1,000,000 + 0.3 × 770,000) / 0.8 = 913,750.
    expect(r.value.co.blended).to.equal(913_750);
  });
});

describe('goal-grid input', () => {
  const money = { metric: 'revenue' as const, currency: 'CNY', locale: 'zh-CN' as const };
  it('parses money in the locale formats', () => {
    expect(parseCellInput('120万', money)).to.deep.equal({ ok: true, value: 120_000_000 });
    expect(parseCellInput('1,200,000', money)).to.deep.equal({ ok: true, value: 120_000_000 });
    const bad = parseCellInput('12x', money);
    expect(!bad.ok && bad.error.code).to.equal('money-invalid');
  });
  it('parses counts as whole numbers', () => {
    const leads = { ...money, metric: 'leads' as const };
    expect(parseCellInput('1.2万', leads)).to.deep.equal({ ok: true, value: 12_000 });
    expect(parseCellInput('1,500', leads)).to.deep.equal({ ok: true, value: 1500 });
    const frac = parseCellInput('1.5', leads);
    expect(!frac.ok && frac.error.code).to.equal('count-whole');
    const sign = parseCellInput('¥5', leads);
    expect(!sign.ok && sign.error.code).to.equal('count-invalid');
  });
});

/** Writes cells over a list, by cell key, as the store does. */
function merged(base: readonly TargetCell[], ...layers: (readonly TargetCell[])[]): TargetCell[] {
  const all = new Map(base.map((c) => [cellKey(c), c]));
  for (const layer of layers) for (const c of layer) all.set(cellKey(c), c);
  return [...all.values()];
}

describe('goal-grid reader on the read model', () => {
  it('reads the cells of a PlanState in place, and a new state after an edit', () => {
    const { plan } = smallFixture();
    const state = createPlanState(plan, { asOf: '2026-06-15' });
    const r = gridReader({ state, metric: 'revenue' });
    // The small plan: 华东 ¥7,200,000; 上海一组 ¥4,000,000 with 王芳's Q1 ¥500,000 below it.
    expect(r.value('east', 'FY2026')).to.equal(720_000_000);
    expect(r.remainder('east-sh', 'FY2026')).to.equal(350_000_000);
    expect(r.locked('south', 'FY2026')).to.equal(true);
    const edit = planGridEdit(r, { nodeId: 'east-sh', period: 'FY2026', value: 450_000_000 }, { mode: 'rebalance-siblings', asOf: state.asOf });
    if (!edit.ok) throw new Error(edit.error.message);
    const next = withTargetChanges(state, { set: edit.value.cells });
    const r2 = gridReader({ state: next, metric: 'revenue' });
    expect(r2.value('east-sh', 'FY2026')).to.equal(450_000_000);
    expect(r2.value('east-hz', 'FY2026')).to.equal(270_000_000);
    expect(r2.cell('east-hz', 'FY2026')).to.include({ original: 320_000_000 });
    // The old state is untouched.
    expect(r.value('east-sh', 'FY2026')).to.equal(400_000_000);
  });
});

describe('goal-grid edits respect closed months', () => {
  const months2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

  it('sets 华东三部 FY2026 to 900万 on 1 December: only December moves, and the parent stays whole', () => {
    // The demo: the sample company as of 2026-12-01, decomposed by 拆解目标, then 900万 typed
    // into 华东三部's FY2026 cell (rebalance-siblings, the default mode).
    const asOf = '2026-12-01';
    const { plan, actuals } = generateSampleCompany({ asOf });
    const ix = buildOrgIndex(plan.org);
    const calendar = plan.plan.calendar;
    const before = gridReader({ index: ix, source: source(plan.targets), calendar, metric: 'revenue' });
    const d = planDecomposition(before, { org: plan.org, fiscalYear: 2026, calendar, metric: 'revenue', actuals, products: plan.products, asOf });
    if (!d.ok) throw new Error(d.error.message);
    const decomposed = merged(plan.targets, d.value.cells);
    const reader = gridReader({ index: ix, source: source(decomposed), calendar, metric: 'revenue' });
    const team = plan.org.find((n) => n.name === '华东三部');
    expect(team, '华东三部').to.not.equal(undefined);
    const teamId = team!.id;
    const jan2nov = months2026.slice(0, 11).map((m) => reader.value(teamId, m)!);
    expect(reader.value(teamId, 'FY2026')).to.not.equal(900_000_000);

    const r = planGridEdit(reader, { nodeId: teamId, period: 'FY2026', value: 900_000_000 }, { mode: 'rebalance-siblings', asOf });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    const after = merged(decomposed, r.value.cells);
    const read = gridReader({ index: ix, source: source(after), calendar, metric: 'revenue' });
    expect(read.value(teamId, 'FY2026')).to.equal(900_000_000);
    expect(months2026.slice(0, 11).map((m) => read.value(teamId, m))).to.deep.equal(jan2nov);
    const closedSum = jan2nov.reduce((a, b) => a + b, 0);
    expect(read.value(teamId, '2026-12')).to.equal(900_000_000 - closedSum);
    // No cell of a closed month changed anywhere.
    expect(r.value.changes.filter((c) => c.period < '2026-12' && /^\d{4}-\d{2}$/.test(c.period))).to.deep.equal([]);
    const parent = ix.parent(teamId)!;
    const productFree = after.filter((c) => c.product === undefined);
    const parentWarnings = targetMismatches(productFree, ix, { metric: 'revenue', period: 'FY2026' }, calendar).filter((m) => m.nodeId === parent);
    expect(parentWarnings).to.deep.equal([]);
    expect(targetMismatches(productFree, ix, { metric: 'revenue', period: 'FY2026' }, calendar)).to.deep.equal([]);
  });

  it('splits the difference over the open months by their weights, and keeps closed ones', () => {
    // One rep, months 100 each; as of 2026-10-15, Jan–Sep are closed (sum 900) and Oct, Nov, Dec
    // are open with 100 : 100 : 100 (+ a locked-free year cell 1,200). Year → 1,250: the open
    // months take +50 split 1:1:1 → 17, 17, 16 (largest remainder, ties by earlier month).
    const one = buildOrgIndex([node('r', null, 'rep')]);
    const cells: TargetCell[] = [cell('r', 'FY2026', 1200), ...months2026.map((m) => cell('r', m, 100))];
    const reader = gridReader({ index: one, source: source(cells), calendar: cal, metric: 'revenue' });
    const r = planGridEdit(reader, { nodeId: 'r', period: 'FY2026', value: 1250 }, { mode: 'rebalance-siblings', asOf: '2026-10-15' });
    if (!r.ok) throw new Error(r.error.message);
    const got = Object.fromEntries(r.value.changes.map((c) => [c.period, c.newValue]));
    expect(got).to.deep.equal({ 'FY2026': 1250, 'FY2026-Q4': 350, '2026-10': 117, '2026-11': 117, '2026-12': 116 });
  });

  it('refuses a year below what the closed months already hold, and an edit of a closed month', () => {
    const one = buildOrgIndex([node('r', null, 'rep')]);
    const cells: TargetCell[] = [cell('r', 'FY2026', 1200), ...months2026.map((m) => cell('r', m, 100))];
    const reader = gridReader({ index: one, source: source(cells), calendar: cal, metric: 'revenue' });
    // Jan–Nov closed: 1,100 already. 1,099 is below it; 1,100 leaves December at 0.
    const low = planGridEdit(reader, { nodeId: 'r', period: 'FY2026', value: 1099 }, { mode: 'rebalance-siblings', asOf: '2026-12-01' });
    expect(low.ok).to.equal(false);
    if (!low.ok) expect(low.error).to.deep.include({ code: 'below-closed', params: { node: 'r', period: 'FY2026', closed: 1100, requested: 1099 } });
    const edge = planGridEdit(reader, { nodeId: 'r', period: 'FY2026', value: 1100 }, { mode: 'rebalance-siblings', asOf: '2026-12-01' });
    expect(edge.ok && edge.value.changes.find((c) => c.period === '2026-12')?.newValue).to.equal(0);
    const closed = planGridEdit(reader, { nodeId: 'r', period: '2026-03', value: 150 }, { mode: 'parent-absorbs', asOf: '2026-12-01' });
    expect(!closed.ok && closed.error.code).to.equal('period-closed');
  });

  it('distributes only what is open', () => {
    // co FY 1,200 = a 720 (60 a month) + b 480 (40 a month); on 1 December Jan–Nov are closed.
    // An equal distribution shares only the open December: co's 100 → 50 / 50, so a = 660 + 50 =
    // 710 and b = 440 + 50 = 490, and their closed months stay.
    const fam = buildOrgIndex([node('co', null), node('a', 'co', 'rep'), node('b', 'co', 'rep')]);
    const cells: TargetCell[] = [cell('co', 'FY2026', 1200), cell('a', 'FY2026', 720), cell('b', 'FY2026', 480)];
    for (const m of months2026) cells.push(cell('co', m, 100), cell('a', m, 60), cell('b', m, 40));
    const reader = gridReader({ index: fam, source: source(cells), calendar: cal, metric: 'revenue' });
    const r = planDistribute(reader, { nodeId: 'co', period: 'FY2026', method: 'equal', asOf: '2026-12-01' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.children.map((c) => `${c.id} ${c.from}→${c.to}`)).to.deep.equal(['a 720→710', 'b 480→490']);
    const got = Object.fromEntries(r.value.changes.map((c) => [`${c.nodeId} ${c.period}`, c.newValue]));
    expect(got).to.deep.equal({ 'a FY2026': 710, 'b FY2026': 490, 'a 2026-12': 50, 'b 2026-12': 50, 'a FY2026-Q4': 170, 'b FY2026-Q4': 130 });
  });

  it('decomposes again without touching closed months that have cells', () => {
    const { plan, actuals } = generateSampleCompany({ regions: 2, teamsPerRegion: 2, repsPerTeam: 3, asOf: '2026-12-01' });
    const ix = buildOrgIndex(plan.org);
    const calendar = plan.plan.calendar;
    const first = planDecomposition(gridReader({ index: ix, source: source(plan.targets), calendar, metric: 'revenue' }), { org: plan.org, fiscalYear: 2026, calendar, metric: 'revenue', actuals, products: plan.products, asOf: '2026-12-01' });
    if (!first.ok) throw new Error(first.error.message);
    // The company target rises by 1,000,000 分 and the plan is decomposed again on 1 December.
    const raised = merged(plan.targets, first.value.cells, [{ ...plan.targets[0], value: plan.targets[0].value + 1_000_000 }]);
    const reader = gridReader({ index: ix, source: source(raised), calendar, metric: 'revenue' });
    const again = planDecomposition(reader, { org: plan.org, fiscalYear: 2026, calendar, metric: 'revenue', actuals, products: plan.products, asOf: '2026-12-01' });
    if (!again.ok) throw new Error(again.error.message);
    const out = merged(raised, again.value.cells);
    const read = gridReader({ index: ix, source: source(out), calendar, metric: 'revenue' });
    for (const id of ix.order) for (const m of months2026.slice(0, 11)) expect(read.value(id, m), `${id} ${m}`).to.equal(reader.value(id, m));
    expect(again.value.cells.some((c) => c.period < '2026-12' && /^\d{4}-\d{2}$/.test(c.period))).to.equal(false);
    expect(read.value('company', '2026-12')).to.equal(reader.value('company', '2026-12')! + 1_000_000);
    expect(targetMismatches(out, ix, { metric: 'revenue', period: 'FY2026' }, calendar)).to.deep.equal([]);
    for (const p of plan.products) expect(targetMismatches(out, ix, { metric: 'revenue', period: 'FY2026', product: p.id }, calendar), p.id).to.deep.equal([]);
  });
});

describe('goal-grid locks', () => {
  const base = () => source([cell('co', 'FY2026', 1000), cell('east', 'FY2026', 600, { locked: true }), cell('south', 'FY2026', 400), cell('a', 'FY2026', 400), cell('b', 'FY2026', 200)]);
  const reader = (s: CellSource) => gridReader({ index, source: s, calendar: cal, metric: 'revenue' });

  it('refuses an edit of the locked cell itself, naming it', () => {
    for (const mode of ['rebalance-siblings', 'parent-absorbs'] as const) {
      const r = planGridEdit(reader(base()), { nodeId: 'east', period: 'FY2026', value: 700 }, { mode });
      expect(r.ok, mode).to.equal(false);
      if (!r.ok) expect(r.error).to.deep.include({ code: 'cell-locked', params: { node: 'east', period: 'FY2026' } });
    }
  });

  it('never moves a locked sibling when rebalancing', () => {
    const s = base();
    s.all.set('co|FY2026|revenue|', cell('co', 'FY2026', 1000));
    // south is edited; east (locked) is its only sibling: refused rather than moved.
    const r = planGridEdit(reader(s), { nodeId: 'south', period: 'FY2026', value: 300 }, { mode: 'rebalance-siblings' });
    expect(!r.ok && r.error.code).to.equal('siblings-locked');
  });

  it('unlocks as an edit that keeps the value', () => {
    const r = planLockToggle(reader(base()), 'east', 'FY2026');
    expect(r.ok && r.value).to.deep.include({ nodeId: 'east', value: 600, locked: false });
  });
});

describe('goal-grid depth', function () {
  // Walking 10,000 levels is work, not waiting: a loaded 2-core CI box may take more than mocha's 10 s.
  this.timeout(120000);
  it('reads a 10,000-level chain without recursion', () => {
    const depth = 10_000;
    const chain: OrgNode[] = Array.from({ length: depth }, (_, i) => node(`n${i}`, i === 0 ? null : `n${i - 1}`));
    const ix = buildOrgIndex(chain);
    // Only the deepest node has targets: 1,234 in January and 766 in February.
    const r = gridReader({ index: ix, source: source([cell(`n${depth - 1}`, '2026-01', 1234), cell(`n${depth - 1}`, '2026-02', 766)]), calendar: cal, metric: 'revenue' });
    expect(r.value('n0', 'FY2026')).to.equal(2000);
    expect(r.value('n0', 'FY2026-Q1')).to.equal(2000);
    expect(r.value('n5000', '2026-01')).to.equal(1234);
    expect(r.remainder('n0', 'FY2026')).to.equal(null);
    expect(gridRows(ix, { expandDepth: depth }).rows.length).to.equal(depth);
    const last = gridRows(ix, { expandDepth: depth }).rows[depth - 1];
    expect(last).to.include({ id: `n${depth - 1}`, level: depth });
  });

  it('edits the root of a 10,000-level chain down to the deepest node', () => {
    const depth = 10_000;
    const chain: OrgNode[] = Array.from({ length: depth }, (_, i) => node(`n${i}`, i === 0 ? null : `n${i - 1}`));
    const ix = buildOrgIndex(chain);
    const r = gridReader({ index: ix, source: source([cell(`n${depth - 1}`, 'FY2026', 500)]), calendar: cal, metric: 'revenue' });
    const p = planGridEdit(r, { nodeId: 'n0', period: 'FY2026', value: 800 }, { mode: 'rebalance-siblings' });
    if (!p.ok) throw new Error(p.error.message);
    // Every level follows: the deepest cell 500 → 800, and each node above gets its own 800.
    expect(p.value.changes.length).to.equal(depth);
    const byNode = new Map(p.value.changes.map((c) => [c.nodeId, `${c.oldValue}→${c.newValue}`]));
    expect(byNode.get(`n${depth - 1}`)).to.equal('500→800');
    expect(byNode.get('n0')).to.equal('null→800');
  });
});
