import { expect } from '@open-wc/testing';
import { computeTeamPayouts, teamPayoutSteps } from '../../../src/engine/incentive/team.js';
import { SAMPLE_COMMISSION_PLAN } from '../../../src/engine/incentive/commission.js';
import { incentiveScopeSteps, resolveIncentiveScope } from '../../../src/engine/incentive/source.js';
import { createPlanState, targetsOf } from '../../../src/engine/plan/plan-state.js';
import { runSteps, STEP_CHUNK } from '../../../src/engine/shared/steps.js';
import { warmUpSteps } from '../../../src/engine/plan/warm-up.js';
import { largeOrg } from '../../fixtures/large-org.js';
import type { Actual } from '../../../src/engine/plan/model.js';

/**
 * Issue 12 item 5: paying a company runs in slices, and no slice may hold a pass over every record.
 * Grouping the bookings by rep was one step before the first yield (a company has as many bookings
 * as people, or more); now it yields every few thousand records. The figures are those computed in one go.
 */
describe('teamPayoutSteps in slices', function () {
  this.timeout(120_000);
  const { plan, actuals } = largeOrg({ nodes: 3_000, teams: 10 });
  const state = createPlanState(plan, { actuals, asOf: '2026-03-31' });
  const scope = resolveIncentiveScope(state, { nodeId: 'co', period: 'FY2026' });
  if (!scope.ok) throw new Error(scope.error.message);
  const { people, options } = scope.value;
  // Four times the bookings of the fixture (one per rep), so the list is longer than the chunk of records.
  const records: Actual[] = [];
  for (let k = 0; k < 4; k++) for (const a of actuals.actuals) records.push({ ...a, id: `${a.id}-${k}` });

  it('groups a company\'s records by the read model\'s org positions: no rep id is read to group them, same payouts', () => {
    let reads = 0;
    // Each record's rep id counts its reads.
    const counted: Actual[] = records.map((a) => {
      const { repId, ...rest } = a;
      return Object.defineProperty({ ...rest }, 'repId', { enumerable: true, get: () => (reads++, repId) }) as Actual;
    });
    const st = createPlanState(plan, { actuals: { ...actuals, actuals: counted }, asOf: '2026-03-31' });
    // The store's warm-up finds each record's org position once.
    runSteps(warmUpSteps(st));
    const s = resolveIncentiveScope(st, { nodeId: 'co', period: 'FY2026' });
    if (!s.ok) throw new Error(s.error.message);
    expect(s.value.positions?.length).to.equal(s.value.people.length);
    reads = 0;
    const byId = runSteps(teamPayoutSteps(SAMPLE_COMMISSION_PLAN, s.value.people, counted, s.value.options));
    const withoutPositions = reads;
    reads = 0;
    const byPosition = runSteps(teamPayoutSteps(SAMPLE_COMMISSION_PLAN, s.value.people, counted, s.value.options, { index: st.index, positions: s.value.positions! }));
    const withPositions = reads;
    if (!byId.ok || !byPosition.ok) throw new Error('failed');
    expect(byPosition.value.totals).to.deep.equal(byId.value.totals);
    expect(byPosition.value.mentoring).to.deep.equal(byId.value.mentoring);
    expect(byPosition.value.rows.map((r) => [r.person.id, r.error === null ? r.figures : r.error.code])).to.deep.equal(byId.value.rows.map((r) => [r.person.id, r.error === null ? r.figures : r.error.code]));
    // A page's lines are the same too.
    const shown = (p: NonNullable<(typeof byId.value.rows)[number]['payout']>) => ({ lines: p.lines, total: p.total, revenue: p.revenue, booked: p.booked, next: p.next, clawback: p.clawback && { ...p.clawback } });
    for (const j of [0, 1, 2, 500, 2_000]) expect(shown(byPosition.value.rows[j].payout!)).to.deep.equal(shown(byId.value.rows[j].payout!));
    // Grouping by id reads every record's rep id once (twice for a rep's first record: the map's
    // look-up, then its new entry) on top of what paying reads; by position, none.
    expect(withoutPositions - withPositions).to.equal(records.length + new Set(records.map((a) => a.repId)).size);
  });

  it('reads at most a chunk of records between two yields, and ends on the one-go result', () => {
    let reads = 0;
    const counted = new Proxy(records, {
      get(t, key, r) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(t, key, r);
      },
    });
    const steps = teamPayoutSteps(SAMPLE_COMMISSION_PLAN, people, counted, options);
    let most = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) {
      most = Math.max(most, reads);
      reads = 0;
    }
    expect(records.length).to.be.above(STEP_CHUNK * 8);
    expect(most, 'records read in one slice').to.be.at.most(STEP_CHUNK * 8);
    const once = computeTeamPayouts(SAMPLE_COMMISSION_PLAN, people, records, options);
    if (!r.value.ok || !once.ok) throw new Error('failed');
    expect(r.value.value.totals).to.deep.equal(once.value.totals);
    // 2,989 reps, each booked 4 × ¥(60,000 + (i mod 80) × 500) in February: the revenue total by hand.
    let revenue = 0;
    for (let i = 0; i < 2_989; i++) revenue += 4 * (60_000 + (i % 80) * 500) * 100;
    expect(r.value.value.totals.revenue).to.equal(revenue);
    expect(r.value.value.totals.people).to.equal(2_989);
  });
});

/**
 * The scope of a company (its 100,000 people with their targets) was gathered in one piece before
 * the first slice of pay. `incentiveScopeSteps` gathers it in slices; the people are those of the
 * definition: every rep under the node with `targetsOf`'s target (0 without one), the original
 * target where an approved adjustment changed it, hire date and mentor.
 */
describe('incentiveScopeSteps in slices', function () {
  this.timeout(120_000);
  // 12,000 nodes: more than one slice of target roll-up (5,000 nodes) and of people (4,000).
  const { plan, actuals } = largeOrg({ nodes: 12_000, teams: 20 });

  const definition = (state: ReturnType<typeof createPlanState>, period: string, originals?: ReadonlyMap<string, number>) => {
    const targets = targetsOf(state, { metric: 'revenue', period });
    return state.index.reps('co').map((id) => {
      const n = state.index.byId.get(id)!;
      const target = targets.get(id) ?? 0;
      const original = originals ? (originals.get(id) ?? 0) : target;
      return { id, name: n.name, target, ...(original !== target ? { originalTarget: original } : {}), ...(n.hireDate ? { hireDate: n.hireDate } : {}), ...(n.mentorId ? { mentorId: n.mentorId } : {}) };
    });
  };

  it('reads at most a slice of nodes between two yields and gives the people of the definition', () => {
    const state = createPlanState(plan, { actuals, asOf: '2026-03-31' });
    const cells = state.cells as { ofNode(id: string): unknown };
    const ofNode = cells.ofNode.bind(cells);
    let reads = 0;
    cells.ofNode = (id: string) => (reads++, ofNode(id));
    const steps = incentiveScopeSteps(state, { nodeId: 'co', period: 'FY2026' });
    let most = 0;
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) {
      yields++;
      most = Math.max(most, reads);
      reads = 0;
      expect(r.value).to.deep.equal({ done: 0, total: 0 });
    }
    most = Math.max(most, reads);
    expect(most, 'nodes whose cells one slice reads').to.be.at.most(STEP_CHUNK * 20);
    // 11,979 reps in slices of 4,000, 12,000 cells scanned in slices of 4,000, the roll-up in slices of 5,000.
    expect(yields).to.be.at.least(2 + 2 + 2);
    if (!r.value.ok) throw new Error(r.value.error.message);
    const want = definition(createPlanState(plan, { actuals, asOf: '2026-03-31' }), 'FY2026');
    expect(r.value.value.people.length).to.equal(11_979);
    expect(r.value.value.people).to.deep.equal(want);
    expect(r.value.value.people.filter((p) => p.target > 0).length, 'reps with a target').to.be.above(11_000);
  });

  it('gives the original target beside the one in force after an approved adjustment', () => {
    const adjusted = plan.targets.map((c) => (c.nodeId === 'rep-000007' && c.period === 'FY2026' && c.metric === 'revenue' ? { ...c, value: c.value + 1_000_000, source: 'adjustment' as const, original: c.value } : c));
    expect(adjusted.some((c) => c.source === 'adjustment'), 'the fixture has the cell').to.equal(true);
    const state = createPlanState({ ...plan, targets: adjusted }, { actuals, asOf: '2026-03-31' });
    const r = runSteps(incentiveScopeSteps(state, { nodeId: 'co', period: 'FY2026' }));
    if (!r.ok) throw new Error(r.error.message);
    const before = createPlanState(plan, { actuals, asOf: '2026-03-31' });
    const originals = targetsOf(before, { metric: 'revenue', period: 'FY2026' });
    expect(r.value.people).to.deep.equal(definition(state, 'FY2026', originals));
    const rep = r.value.people.find((p) => p.id === 'rep-000007')!;
    expect(rep.target - rep.originalTarget!).to.equal(1_000_000);
  });
});
