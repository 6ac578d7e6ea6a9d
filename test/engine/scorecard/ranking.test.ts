import { expect } from '@open-wc/testing';
import { rankScorecards, scorePerson } from '../../../src/engine/scorecard/scorecard.js';
import { scorecardRankingSteps } from '../../../src/engine/scorecard/ranking.js';
import { scorecardsFromSnapshot } from '../../../src/engine/scorecard/source.js';
import { createPlanState } from '../../../src/engine/plan/plan-state.js';
import { runSteps, STEP_CHUNK } from '../../../src/engine/shared/steps.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import { largeOrg, LARGE_ORG_NAMED } from '../../fixtures/large-org.js';

/**
 * Issue 12 item 5: a company's scorecard ranking is held as numbers (typed columns of KPIs, the
 * composite and the tie-break per person), and a person's full scorecard is built only when a page
 * or a card shows it. The ranking equals the definition: every measured person scored with
 * `scorePerson` and ranked with `rankScorecards`.
 */
describe('scorecardRankingSteps', function () {
  this.timeout(120_000);
  // 3,000 nodes: 1 company, 10 teams, 2,989 reps (hire dates over years, every 7th a senior, mentors).
  const { plan, actuals } = largeOrg({ nodes: 3_000, teams: 10 });
  const state = createPlanState(plan, { actuals, asOf: '2026-03-31' });

  const definition = (people: Parameters<typeof scorePerson>[0][], asOf: string, profile?: 'veteran') =>
    rankScorecards(people.map((p) => {
      const r = scorePerson(p, { asOf, ...(profile ? { profile } : {}) });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    }));

  for (const [label, query, asOf] of [
    ['the company, Q1 (reviewed to 31 March)', { nodeId: 'co', period: 'FY2026-Q1' }, '2026-03-31'],
    ['the company, February (over)', { nodeId: 'co', period: '2026-02' }, '2026-02-28'],
    ['a team with one profile for everyone', { nodeId: 'team-003', period: 'FY2026-Q1', options: { profile: 'veteran' as const } }, '2026-03-31'],
  ] as const) {
    it(`ranks as scorePerson + rankScorecards do: ${label}`, () => {
      const r = runSteps(scorecardRankingSteps(state, query));
      if (!r.ok) throw new Error(r.error.message);
      const list = r.value;
      const people = list.people();
      const want = definition(people, asOf, 'options' in query ? query.options.profile : undefined);
      expect(list.count).to.equal(want.length);
      const got = Array.from({ length: list.count }, (_, j) => list.cardAt(j));
      expect(got).to.deep.equal(want);
      expect(Array.from({ length: list.count }, (_, j) => [list.idAt(j), list.nameAt(j)])).to.deep.equal(want.map((c) => [c.id, c.name]));
    });
  }

  it('builds no scorecard until one is asked for, then only those (the page shown)', () => {
    const r = runSteps(scorecardRankingSteps(state, { nodeId: 'co', period: 'FY2026-Q1' }));
    if (!r.ok) throw new Error(r.error.message);
    const list = r.value;
    expect([list.count, list.built]).to.deep.equal([2_989, 0]);
    const page = Array.from({ length: 50 }, (_, j) => list.cardAt(100 + j));
    expect(list.built).to.equal(50);
    // Read again (the next render of the same page): nothing new is built.
    list.cardAt(100);
    expect(list.built).to.equal(50);
    const once = scorecardsFromSnapshot(state, { nodeId: 'co', period: 'FY2026-Q1' });
    if (!once.ok) throw new Error(once.error.message);
    expect(page).to.deep.equal(once.value.cards.slice(100, 150));
    // The hand-placed rep is found by id, wherever the ranking put them.
    const at = list.indexOf(LARGE_ORG_NAMED.id);
    expect(at).to.be.within(0, 2_988);
    expect([list.idAt(at), list.cardAt(at).name]).to.deep.equal([LARGE_ORG_NAMED.id, LARGE_ORG_NAMED.name]);
    expect(list.indexOf('nobody')).to.equal(-1);
  });

  it('ranks best first with competition ranks (1, 2, 2, 4) and the people without a score last', () => {
    const r = runSteps(scorecardRankingSteps(state, { nodeId: 'co', period: 'FY2026-Q1' }));
    if (!r.ok) throw new Error(r.error.message);
    const cards = Array.from({ length: r.value.count }, (_, j) => r.value.cardAt(j));
    for (let j = 1; j < cards.length; j++) {
      const a = cards[j - 1], b = cards[j];
      if (b.score === null) continue;
      expect(a.score, `${a.id} before ${b.id}`).to.be.at.least(b.score);
      // Either tied with the one before (same score, same attainment: same rank) or ranked by place.
      expect(b.rank === a.rank ? a.tied && b.tied && a.score === b.score : b.rank === j + 1, `${b.id} rank ${b.rank} after ${a.rank}`).to.equal(true);
    }
  });

  it('reads at most a chunk of funnel counts between two yields (a company has millions of them)', () => {
    let reads = 0;
    const stageCounts = new Proxy(actuals.stageCounts, {
      get(t, key, r) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(t, key, r);
      },
    });
    const counted = createPlanState(plan, { actuals: { ...actuals, stageCounts }, asOf: '2026-03-31' });
    const steps = scorecardRankingSteps(counted, { nodeId: 'co', period: 'FY2026-Q1' });
    let most = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) {
      most = Math.max(most, reads);
      reads = 0;
    }
    expect(actuals.stageCounts.length).to.be.above(STEP_CHUNK * 16);
    expect(most, 'funnel counts read in one slice').to.be.at.most(STEP_CHUNK * 16);
    const once = runSteps(scorecardRankingSteps(state, { nodeId: 'co', period: 'FY2026-Q1' }));
    if (!r.value.ok || !once.ok) throw new Error('failed');
    expect(Array.from({ length: 60 }, (_, j) => r.value.ok && r.value.value.cardAt(j))).to.deep.equal(Array.from({ length: 60 }, (_, j) => once.value.cardAt(j)));
  });

  it('resolves the targets of both periods in slices (the period before is in another fiscal year)', () => {
    // 12,000 nodes: more than one slice of target roll-up (5,000 nodes) per period.
    const big = largeOrg({ nodes: 12_000, teams: 20 });
    const fresh = createPlanState(big.plan, { actuals: big.actuals, asOf: '2026-03-31' });
    const cells = fresh.cells as { ofNode(id: string): unknown };
    const ofNode = cells.ofNode.bind(cells);
    let reads = 0;
    cells.ofNode = (id: string) => (reads++, ofNode(id));
    const steps = scorecardRankingSteps(fresh, { nodeId: 'co', period: 'FY2026-Q1' });
    let most = 0;
    let all = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) {
      most = Math.max(most, reads);
      all += reads;
      reads = 0;
    }
    most = Math.max(most, reads);
    all += reads;
    // Every node's revenue cells, read once for both periods (FY2026-Q1, then FY2025-Q4).
    expect(all, 'cells read in all').to.be.at.least(12_000);
    expect(most, 'nodes whose cells one slice reads').to.be.at.most(STEP_CHUNK * 20);
    const once = runSteps(scorecardRankingSteps(createPlanState(big.plan, { actuals: big.actuals, asOf: '2026-03-31' }), { nodeId: 'co', period: 'FY2026-Q1' }));
    if (!r.value.ok || !once.ok) throw new Error('failed');
    const list = r.value.value;
    expect(list.count).to.equal(once.value.count);
    expect(Array.from({ length: list.count }, (_, j) => list.idAt(j))).to.deep.equal(Array.from({ length: once.value.count }, (_, j) => once.value.idAt(j)));
    expect(Array.from({ length: 60 }, (_, j) => list.cardAt(j))).to.deep.equal(Array.from({ length: 60 }, (_, j) => once.value.cardAt(j)));
  });

  it('keeps the errors of the definition: a KPI from the host that is negative', () => {
    const f = smallFixture();
    const st = createPlanState(f.plan, { actuals: f.actuals, asOf: '2026-03-31' });
    const r = runSteps(scorecardRankingSteps(st, { nodeId: f.plan.org[0].id, period: 'FY2026-Q1', extras: { r1: { clv: { actual: -5, benchmark: 10 } } } }));
    expect(!r.ok && [r.error.code, r.error.params?.kpi, r.error.params?.id]).to.deep.equal(['scorecard-kpi-invalid', 'clv', 'r1']);
  });
});
