import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Actual, FiscalCalendar, OrgNode, StageCount, TargetCell } from '../../../src/engine/plan/model.js';
import { fiscalYearMonths } from '../../../src/engine/calendar/periods.js';
import {
  buildOrgIndex,
  deriveMetric,
  rollupActuals,
  rollupMetric,
  rollupTargets,
  stageCountsRollup,
  targetMismatches,
} from '../../../src/engine/plan/rollup.js';

/*
 * co
 * ├─ east
 * │  ├─ t1: r1, r2
 * │  └─ t2: r3
 * └─ west: r4 (a rep directly under a region)
 */
const node = (id: string, parentId: string | null, kind: OrgNode['kind']): OrgNode => ({ id, name: id, parentId, kind });
const org: OrgNode[] = [
  node('co', null, 'company'),
  node('east', 'co', 'region'),
  node('t1', 'east', 'team'),
  node('r1', 't1', 'rep'),
  node('r2', 't1', 'rep'),
  node('t2', 'east', 'team'),
  node('r3', 't2', 'rep'),
  node('west', 'co', 'region'),
  node('r4', 'west', 'rep'),
];
const cal: FiscalCalendar = { startMonth: 1 };

let seq = 0;
const actual = (repId: string, date: string, amount: number, productId = 'P1', type: Actual['type'] = 'booking'): Actual =>
  ({ id: `a${++seq}`, repId, productId, date, type, amount });

describe('buildOrgIndex', () => {
  const ix = buildOrgIndex(org);

  it('answers tree questions', () => {
    expect(ix.roots).to.deep.equal(['co']);
    expect(ix.order).to.deep.equal(['co', 'east', 't1', 'r1', 'r2', 't2', 'r3', 'west', 'r4']);
    expect(ix.children('co')).to.deep.equal(['east', 'west']);
    expect(ix.children('r1')).to.deep.equal([]);
    expect(ix.parent('r1')).to.equal('t1');
    expect(ix.parent('co')).to.equal(null);
    expect(ix.ancestors('r1')).to.deep.equal(['t1', 'east', 'co']);
    expect(ix.descendants('east')).to.deep.equal(['t1', 'r1', 'r2', 't2', 'r3']);
    expect(ix.leaves('co')).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
    expect(ix.leaves('r4')).to.deep.equal(['r4']);
    expect(ix.reps('west')).to.deep.equal(['r4']);
    expect([ix.depth('co'), ix.depth('west'), ix.depth('r1'), ix.depth('nobody')]).to.deep.equal([0, 1, 3, -1]);
    expect(ix.byId.get('t2')?.kind).to.equal('team');
  });

  it('treats nodes with an unloaded parent as roots and survives a cycle', () => {
    const partial = buildOrgIndex([node('t9', 'not-loaded', 'team'), node('r9', 't9', 'rep'), node('x', 'y', 'unit'), node('y', 'x', 'unit')]);
    expect(partial.roots).to.deep.equal(['t9']);
    expect(partial.order).to.deep.equal(['t9', 'r9']);
    expect(partial.ancestors('x')).to.have.length.below(5);
  });

  it('indexes and rolls up a 100,000-node tree: the company sum and a region of 20 teams', () => {
    const big: OrgNode[] = [node('co', null, 'company')];
    for (let r = 0; r < 20; r++) big.push(node(`g${r}`, 'co', 'region'));
    for (let t = 0; t < 400; t++) big.push(node(`t${t}`, `g${t % 20}`, 'team'));
    while (big.length < 100_000) big.push(node(`r${big.length}`, `t${big.length % 400}`, 'rep'));
    const actuals = big.slice(421).map((n) => actual(n.id, '2026-03-01', 100));
    // Speed is measured in bench/, not here; this checks the answers on a big tree.
    const ix = buildOrgIndex(big);
    const sums = rollupActuals(actuals, ix, { from: '2026-01-01', to: '2026-12-31', type: 'booking' });
    expect(sums.get('co')).to.equal((100_000 - 421) * 100);
    const repsOfG0 = big.filter((n) => n.kind === 'rep' && Number(n.parentId!.slice(1)) % 20 === 0).length;
    expect(ix.descendants('g0')).to.have.length(20 + repsOfG0);
  });
});

describe('rollupActuals', () => {
  const actuals = [
    actual('r1', '2026-03-05', 10_000),
    actual('r1', '2026-04-01', 5_000), // after the range
    actual('r2', '2026-03-31', 20_000, 'P2'),
    actual('r3', '2026-03-01', 7_000),
    actual('r3', '2026-03-10', 3_000, 'P1', 'collection'),
    actual('r4', '2026-02-28', 999), // before the range
    actual('r4', '2026-03-15', 1_000),
    actual('ghost', '2026-03-05', 5), // not in the org
  ];
  const march = { from: '2026-03-01', to: '2026-03-31' };

  it('sums bookings up the tree', () => {
    const sums = rollupActuals(actuals, org, { ...march, type: 'booking' });
    // t1 = 10,000 + 20,000; east = t1 + t2 (7,000); co = east + west (1,000).
    expect(Object.fromEntries(sums)).to.deep.equal({
      co: 38_000, east: 37_000, t1: 30_000, r1: 10_000, r2: 20_000, t2: 7_000, r3: 7_000, west: 1_000, r4: 1_000,
    });
  });

  it('filters by product and by type', () => {
    const p1 = rollupActuals(actuals, org, { ...march, type: 'booking', product: 'P1' });
    expect([p1.get('co'), p1.get('t1'), p1.get('r2')]).to.deep.equal([18_000, 10_000, 0]);
    const cash = rollupActuals(actuals, org, { ...march, type: 'collection' });
    expect([cash.get('co'), cash.get('east'), cash.get('t2'), cash.get('west')]).to.deep.equal([3_000, 3_000, 3_000, 0]);
  });

  it('equals the sum over the leaves of a random tree, for actuals and targets (property)', () => {
    const treeArb = fc.integer({ min: 1, max: 60 }).chain((n) =>
      fc.tuple(
        fc.array(fc.nat(), { minLength: n - 1, maxLength: n - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom('2026-01', '2026-02', '2026-05')), { maxLength: 100 }),
      ),
    );
    fc.assert(
      fc.property(treeArb, ([parents, amounts]) => {
        const nodes = [node('n0', null, 'company'), ...parents.map((p, i) => node(`n${i + 1}`, `n${p % (i + 1)}`, 'unit'))];
        const parentOf = new Map(nodes.map((x) => [x.id, x.parentId]));
        // Naive membership by walking parent pointers, independent of the index.
        const under = (leaf: string, id: string) => {
          for (let cur: string | null | undefined = leaf; cur; cur = parentOf.get(cur)) if (cur === id) return true;
          return false;
        };
        const isLeaf = (id: string) => !nodes.some((x) => x.parentId === id);
        const leaves = nodes.filter((x) => isLeaf(x.id)).map((x) => x.id);
        const acts = amounts.map(([k, amount, month]) => actual(leaves[k % leaves.length], `${month}-10`, amount));
        const cells: TargetCell[] = amounts.map(([k, amount, month]) =>
          ({ nodeId: leaves[k % leaves.length], period: month, metric: 'revenue', value: Math.abs(amount) }));
        const ix = buildOrgIndex(nodes);
        const sums = rollupActuals(acts, ix, { from: '2026-01-01', to: '2026-12-31', type: 'booking' });
        const fy = rollupTargets(cells, ix, { metric: 'revenue', period: 'FY2026' }, { startMonth: 1 });
        // Later cells for the same leaf and month replace earlier ones.
        const lastCell = new Map(cells.map((c) => [`${c.nodeId}/${c.period}`, c]));
        return nodes.every((x) => {
          const actualSum = acts.filter((a) => under(a.repId, x.id)).reduce((s, a) => s + a.amount, 0);
          const targetCells = [...lastCell.values()].filter((c) => under(c.nodeId, x.id));
          const targetSum = targetCells.length ? targetCells.reduce((s, c) => s + c.value, 0) : undefined;
          return sums.get(x.id) === actualSum && fy.get(x.id) === targetSum;
        });
      }),
    );
  });
});

describe('rollupTargets', () => {
  const cell = (nodeId: string, period: string, value: number, product?: string): TargetCell =>
    ({ nodeId, period, metric: 'revenue', value, ...(product ? { product } : {}) });
  const targets: TargetCell[] = [
    cell('co', 'FY2026', 1000),
    cell('east', 'FY2026-Q1', 100), cell('east', 'FY2026-Q2', 200), cell('east', 'FY2026-Q3', 300), cell('east', 'FY2026-Q4', 400),
    cell('t1', '2026-01', 10), cell('t1', '2026-02', 20), cell('t1', '2026-03', 30),
    cell('t2', 'FY2026-Q1', 50), cell('t2', '2026-01', 10), cell('t2', '2026-02', 10), cell('t2', '2026-03', 10),
    cell('r4', 'FY2026', 200, 'P1'), cell('r4', 'FY2026', 100, 'P2'),
    { ...cell('co', 'FY2026', 7), metric: 'leads' },
  ];
  const q = (period: string, product?: string) => ({ metric: 'revenue' as const, period, ...(product ? { product } : {}) });

  it('uses own cells, then sub-periods, then children', () => {
    const fy = rollupTargets(targets, org, q('FY2026'), cal);
    // co: own cell. east: Q1..Q4 = 100+200+300+400. t1: only Q1 months = 10+20+30 (its reps have
    // nothing for Q2–Q4). t2: its Q1 cell, not its months (30): an own cell wins.
    // r4: no total cell, so P1 + P2 = 300; west: its only child. r1–r3: no target at all.
    expect(Object.fromEntries(fy)).to.deep.equal({ co: 1000, east: 1000, t1: 60, t2: 50, west: 300, r4: 300 });
  });

  it('rolls a quarter and a month up the org', () => {
    // Q1: co has nothing below FY2026 → its children: east (own Q1 = 100); west has only a yearly target.
    expect(Object.fromEntries(rollupTargets(targets, org, q('FY2026-Q1'), cal))).to.deep.equal({ co: 100, east: 100, t1: 60, t2: 50 });
    // February: east has no month cells → t1 (20) + t2 (10).
    expect(Object.fromEntries(rollupTargets(targets, org, q('2026-02'), cal))).to.deep.equal({ co: 30, east: 30, t1: 20, t2: 10 });
  });

  it('selects one product line', () => {
    expect(Object.fromEntries(rollupTargets(targets, org, q('FY2026', 'P1'), cal))).to.deep.equal({ co: 200, west: 200, r4: 200 });
  });

  it('prefers a total cell over product cells, and a later cell over an earlier one', () => {
    const cells = [cell('r1', 'FY2026', 10, 'P1'), cell('r1', 'FY2026', 5, 'P2'), cell('r1', 'FY2026', 12, 'P1'),
      cell('r2', 'FY2026', 40), cell('r2', 'FY2026', 99, 'P1')];
    // r1: no total → P1 (12, replacing 10) + P2 (5) = 17; r2: its total 40; t1 = 17 + 40.
    expect(Object.fromEntries(rollupTargets(cells, org, q('FY2026'), cal))).to.deep.equal({ co: 57, east: 57, t1: 57, r1: 17, r2: 40 });
    expect(Object.fromEntries(rollupTargets(cells, org, q('FY2026', 'P1'), cal))).to.deep.equal({ co: 111, east: 111, t1: 111, r1: 12, r2: 99 });
  });

  it('reports parents and periods that disagree with their parts', () => {
    expect(targetMismatches(targets, org, q('FY2026'), cal)).to.deep.equal([
      // co 1000 vs east 1000 + west 300.
      { kind: 'org', nodeId: 'co', period: 'FY2026', value: 1000, sum: 1300, difference: -300 },
      // east Q1 100 vs t1 60 + t2 50.
      { kind: 'org', nodeId: 'east', period: 'FY2026-Q1', value: 100, sum: 110, difference: -10 },
      // t2 Q1 50 vs its months 10 + 10 + 10.
      { kind: 'period', nodeId: 't2', period: 'FY2026-Q1', value: 50, sum: 30, difference: 20 },
    ]);
    const consistent = [cell('co', 'FY2026', 300), cell('west', 'FY2026-H1', 300), cell('west', 'FY2026-Q1', 300)];
    expect(targetMismatches(consistent, org, q('FY2026'), cal)).to.deep.equal([]);
  });

  it('makes a quarter the sum of its months and a year the sum of its quarters (property)', () => {
    // Each node plans each quarter by month either completely or not at all.
    const planArb = fc.array(
      fc.record({ node: fc.nat({ max: org.length - 1 }), quarter: fc.nat({ max: 3 }), months: fc.tuple(fc.nat(1e6), fc.nat(1e6), fc.nat(1e6)) }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 12 }), (plans, startMonth) => {
        const c: FiscalCalendar = { startMonth };
        const months = fiscalYearMonths(2026, c);
        const seen = new Set<string>();
        const cells = plans.flatMap(({ node: k, quarter, months: values }) => {
          const key = `${k}/${quarter}`;
          if (seen.has(key)) return [];
          seen.add(key);
          return values.map((v, i) => cell(org[k].id, months[quarter * 3 + i], v));
        });
        const at = (period: string) => rollupTargets(cells, org, q(period), c);
        const sumOf = (periods: string[], id: string) => {
          const vs = periods.map((p) => at(p).get(id)).filter((v) => v !== undefined);
          return vs.length ? vs.reduce((s, v) => s + v!, 0) : undefined;
        };
        const year = at('FY2026');
        return org.every(({ id }) => {
          const quarters = [1, 2, 3, 4].map((n) => `FY2026-Q${n}`);
          const qOk = quarters.every((qid, i) => at(qid).get(id) === sumOf(months.slice(i * 3, i * 3 + 3), id));
          return qOk && year.get(id) === sumOf(quarters, id);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('derived metrics', () => {
  const won = new Map([['t1', 10], ['r1', 1], ['r2', 9], ['r3', 0]]);
  const quotes = new Map([['t1', 12], ['r1', 2], ['r2', 10], ['r3', 0]]);

  it('divides rolled-up sums instead of averaging ratios', () => {
    const rate = rollupMetric('winRate', { won, quotes });
    // t1 won 10 of 12 quotes: 0.8333…, not the reps' average (0.5 + 0.9) / 2 = 0.7.
    expect(rate.get('t1')).to.be.closeTo(10 / 12, 1e-12);
    expect(rate.get('r1')).to.equal(0.5);
    expect(rate.get('r3')).to.equal(null); // 0 quotes
    expect(rollupMetric('winRate', { won }).get('t1')).to.equal(null);
  });

  it('rounds derived money to whole minor units and passes sum metrics through', () => {
    // ¥1,000,000 over 3 deals = 33,333,333.33 分 → 33,333,333.
    expect(deriveMetric('avgDealSize', { revenue: 100_000_000, won: 3 })).to.equal(33_333_333);
    expect(deriveMetric('avgDealSize', { revenue: 100_000_000, won: 0 })).to.equal(null);
    expect(deriveMetric('collectionRate', { collections: 30, revenue: 40 })).to.equal(0.75);
    expect(deriveMetric('revenue', { revenue: 5 })).to.equal(5);
    expect(deriveMetric('revenue', {})).to.equal(null);
    expect(Object.fromEntries(rollupMetric('won', { won }))).to.deep.equal({ t1: 10, r1: 1, r2: 9, r3: 0 });
  });
});

describe('stageCountsRollup', () => {
  const sc = (repId: string, month: string, stageId: string, count: number): StageCount => ({ repId, month, stageId, count });
  const counts = [
    sc('r1', '2026-01', 'lead', 10), sc('r1', '2026-02', 'lead', 5), sc('r1', '2026-04', 'lead', 100),
    sc('r2', '2026-03', 'quote', 3), sc('r3', '2026-01', 'lead', 7), sc('r4', '2026-02', 'won', 1),
    sc('r1', '2025-12', 'lead', 1000),
  ];

  it('sums counts per stage up the tree over the overlapping months', () => {
    const r = stageCountsRollup(counts, org, { from: '2026-01-15', to: '2026-03' });
    const obj = (id: string) => Object.fromEntries(r.get(id)!);
    expect(obj('r1')).to.deep.equal({ lead: 15 });
    expect(obj('t1')).to.deep.equal({ lead: 15, quote: 3 });
    expect(obj('east')).to.deep.equal({ lead: 22, quote: 3 });
    expect(obj('west')).to.deep.equal({ won: 1 });
    expect(obj('co')).to.deep.equal({ lead: 22, quote: 3, won: 1 });
    expect(obj('r2')).to.deep.equal({ quote: 3 });
    expect(r.size).to.equal(org.length);
  });
});
