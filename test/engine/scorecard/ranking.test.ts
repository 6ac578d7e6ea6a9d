import { expect } from '@open-wc/testing';
import { rankScorecards, scorePerson } from '../../../src/engine/scorecard/scorecard.js';
import { medianOf, scorecardRankingSteps } from '../../../src/engine/scorecard/ranking.js';
import { scorecardsFromSnapshot } from '../../../src/engine/scorecard/source.js';
import { actualOf, createPlanState } from '../../../src/engine/plan/plan-state.js';
import { stageCountsRollup } from '../../../src/engine/plan/rollup.js';
import { warmUpSteps } from '../../../src/engine/plan/warm-up.js';
import { SUM_CHUNK } from '../../../src/engine/plan/subtree-sums.js';
import { isComplete } from '../../../src/engine/scorecard/customer-value.js';
import { periodRange } from '../../../src/engine/calendar/periods.js';
import type { Actual, OrgNode, StageCount } from '../../../src/engine/plan/model.js';
import { createRandom } from '../../../src/engine/shared/random.js';
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
    // Every neighbouring pair checked in plain JS; the wrong ones named and asserted at once.
    const wrong: string[] = [];
    for (let j = 1; j < cards.length; j++) {
      const a = cards[j - 1], b = cards[j];
      if (b.score === null) continue;
      if (!(a.score !== null && a.score >= b.score)) wrong.push(`${a.id} (${a.score}) before ${b.id} (${b.score})`);
      // Either tied with the one before (same score, same attainment: same rank) or ranked by place.
      if (!(b.rank === a.rank ? a.tied && b.tied && a.score === b.score : b.rank === j + 1)) wrong.push(`${b.id} rank ${b.rank} after ${a.rank}`);
    }
    expect(wrong).to.deep.equal([]);
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
    expect(actuals.stageCounts.length).to.be.above(SUM_CHUNK);
    // The read model's funnel sums (`stageSumsSteps`, shared with the store's warm-up) read SUM_CHUNK between yields.
    expect(most, 'funnel counts read in one slice').to.be.at.most(SUM_CHUNK);
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

  it('measures the period before for the people read only (a first page of a 10,000-person company: 50 people, not 10,000)', () => {
    const big = largeOrg({ nodes: 10_000, teams: 20 });
    const st = createPlanState(big.plan, { actuals: big.actuals, asOf: '2026-03-31' });
    const r = runSteps(scorecardRankingSteps(st, { nodeId: 'co', period: 'FY2026-Q1' }));
    if (!r.ok) throw new Error(r.error.message);
    const list = r.value;
    expect([list.count, list.measuredBefore]).to.deep.equal([9_979, 0]);
    const page = Array.from({ length: 50 }, (_, j) => list.cardAt(j));
    expect(list.measuredBefore).to.equal(50);
    // The same trend as the definition's, which measures everyone's period before.
    const once = scorecardsFromSnapshot(st, { nodeId: 'co', period: 'FY2026-Q1' });
    if (!once.ok) throw new Error(once.error.message);
    expect(page).to.deep.equal(once.value.cards.slice(0, 50));
    expect(page.filter((c) => c.previousScore !== null).length).to.be.above(0);
  });

  it('measures everyone\'s period before when one of its bookings is negative, and fails as the definition does', () => {
    const o = largeOrg({ nodes: 400, teams: 4 });
    // A refund in FY2025-Q4 by the last rep: the rep's revenue of the period before is negative.
    const last = o.reps[o.reps.length - 1];
    const acts: Actual[] = [...o.actuals.actuals, { id: 'refund', repId: last, productId: o.actuals.actuals[0].productId, date: '2025-11-20', type: 'booking', amount: -500_000 }];
    const st = createPlanState(o.plan, { actuals: { ...o.actuals, actuals: acts }, asOf: '2026-03-31' });
    const r = runSteps(scorecardRankingSteps(st, { nodeId: 'co', period: 'FY2026-Q1' }));
    const once = scorecardsFromSnapshot(st, { nodeId: 'co', period: 'FY2026-Q1' });
    expect(once.ok).to.equal(false);
    expect(!r.ok && !once.ok && [r.error.code, r.error.params]).to.deep.equal(!once.ok && [once.error.code, once.error.params]);
    // A refund that leaves the revenue positive: still measured for everyone, and the same cards.
    const small = [...o.actuals.actuals, { id: 'refund', repId: last, productId: o.actuals.actuals[0].productId, date: '2025-11-20', type: 'booking' as const, amount: -1 }, { id: 'sale', repId: last, productId: o.actuals.actuals[0].productId, date: '2025-11-21', type: 'booking' as const, amount: 900_000 }];
    const st2 = createPlanState(o.plan, { actuals: { ...o.actuals, actuals: small }, asOf: '2026-03-31' });
    const r2 = runSteps(scorecardRankingSteps(st2, { nodeId: 'co', period: 'FY2026-Q1' }));
    const once2 = scorecardsFromSnapshot(st2, { nodeId: 'co', period: 'FY2026-Q1' });
    if (!r2.ok || !once2.ok) throw new Error('failed');
    expect(r2.value.measuredBefore).to.equal(r2.value.count);
    expect(Array.from({ length: r2.value.count }, (_, j) => r2.value.cardAt(j))).to.deep.equal(once2.value.cards);
  });

  it('keeps the errors of the definition: a KPI from the host that is negative', () => {
    const f = smallFixture();
    const st = createPlanState(f.plan, { actuals: f.actuals, asOf: '2026-03-31' });
    const r = runSteps(scorecardRankingSteps(st, { nodeId: f.plan.org[0].id, period: 'FY2026-Q1', extras: { r1: { clv: { actual: -5, benchmark: 10 } } } }));
    expect(!r.ok && [r.error.code, r.error.params?.kpi, r.error.params?.id]).to.deep.equal(['scorecard-kpi-invalid', 'clv', 'r1']);
  });

  it('reads each funnel count once after the store\'s warm-up: the quarter\'s sums are the warm-up\'s, only the quarter before is summed', () => {
    let reads = 0;
    const stageCounts = new Proxy(actuals.stageCounts, {
      get(t, key, r) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(t, key, r);
      },
    });
    const counted = createPlanState(plan, { actuals: { ...actuals, stageCounts }, asOf: '2026-03-31' });
    runSteps(warmUpSteps(counted));
    reads = 0;
    const r = runSteps(scorecardRankingSteps(counted, { nodeId: 'co', period: 'FY2026-Q1' }));
    // FY2026-Q1 (warmed: 0 reads) and FY2025-Q4 (one pass); it was one pass per period.
    expect(reads).to.equal(actuals.stageCounts.length);
    const once = runSteps(scorecardRankingSteps(state, { nodeId: 'co', period: 'FY2026-Q1' }));
    if (!r.ok || !once.ok) throw new Error('failed');
    expect(r.value.people()).to.deep.equal(once.value.people());
  });

  it('measures each person as the plain records say (random orgs: reps under reps, mentors, customers, unknown reps and stages; warmed or not)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rng = createRandom(seed);
      const rnd = () => rng.next();
      const o = largeOrg({ nodes: 300 + Math.floor(rnd() * 400), teams: 3 + Math.floor(rnd() * 5) });
      const org: OrgNode[] = o.plan.org.map((n) => ({ ...n }));
      for (let i = 20; i < org.length; i++) {
        if (rnd() < 0.08 && org[i - 1].kind === 'rep') org[i] = { ...org[i], parentId: org[i - 1].id };
        if (rnd() < 0.1) org[i] = { ...org[i], mentorId: org[Math.floor(rnd() * org.length)].id };
      }
      const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
      const month = () => months[Math.floor(rnd() * months.length)];
      const acts: Actual[] = o.actuals.actuals.map((a) => ({ ...a, date: rnd() < 0.4 ? `${month()}-1${Math.floor(rnd() * 9)}` : a.date, productId: rnd() < 0.3 ? 'ai' : a.productId, ...(rnd() < 0.3 ? { customerId: `c${Math.floor(rnd() * 40)}` } : {}) }));
      for (let k = 0; k < 20; k++) acts.push({ id: `x${k}`, repId: rnd() < 0.5 ? 'ghost' : org[Math.floor(rnd() * org.length)].id, productId: 'ai', date: `${month()}-05`, type: rnd() < 0.7 ? 'booking' : 'collection', amount: 1_000 * (k + 1) });
      const stageCounts: StageCount[] = o.actuals.stageCounts.map((c) => ({ ...c, month: rnd() < 0.5 ? month() : c.month }));
      stageCounts.push({ repId: 'ghost', month: '2026-02', stageId: 'lead', count: 5 }, { repId: org[30].id, month: '2026-02', stageId: 'nope', count: 5 });
      const pipeline = o.actuals.pipeline.map((x) => (rnd() < 0.3 ? { ...x, expectedClose: '2026-01-01' } : x));
      const data = { ...o.actuals, from: '2025-01-01', actuals: acts, stageCounts, pipeline };
      const st = createPlanState({ ...o.plan, org }, { actuals: data, asOf: '2026-03-31' });
      if (seed % 2 === 0) runSteps(warmUpSteps(st));
      const stages = o.plan.stages.map((x) => x.id);
      // What the plain records say, grouped by person once (not filtered again for each person).
      const mentees = new Map<string, number>();
      for (const n of org) if (n.mentorId) mentees.set(n.mentorId, (mentees.get(n.mentorId) ?? 0) + 1);
      const openOf = new Map<string, typeof pipeline>();
      for (const x of pipeline) openOf.set(x.repId, [...(openOf.get(x.repId) ?? []), x]);
      // Every person's seven KPIs checked; each mismatch named (seed, node, person, period, KPI), all asserted at once.
      const mismatches: string[] = [];
      const check = (at: string, got: unknown, want: unknown) => {
        if (got !== want) mismatches.push(`${at}: ${String(got)}, want ${String(want)}`);
      };
      for (const nodeId of ['co', org[3].id]) {
        const r = runSteps(scorecardRankingSteps(st, { nodeId, period: 'FY2026-Q1' }));
        if (!r.ok) throw new Error(r.error.message);
        const list = r.value;
        expect(list.count).to.be.above(20);
        for (const [who, p] of [['kpis', 'FY2026-Q1'], ['previous', 'FY2025-Q4']] as const) {
          const { start, end: last } = periodRange(p, o.plan.plan.calendar);
          const end = last < '2026-03-31' ? last : '2026-03-31';
          const rolled = stageCountsRollup(stageCounts, org, { from: start, to: end });
          const productsOf = new Map<string, Set<string>>();
          for (const a of acts) {
            if (a.type === 'booking' && a.date >= start && a.date <= end) productsOf.set(a.repId, (productsOf.get(a.repId) ?? new Set()).add(a.productId));
          }
          for (const person of list.people()) {
            const k = person[who];
            if (!k) continue;
            const at = `seed ${seed} ${nodeId} ${person.id} ${p}`;
            const revenue = actualOf(st, person.id, p, 'revenue')!;
            const own = rolled.get(person.id)!;
            const count = (s: string) => own.get(s) ?? 0;
            const open = openOf.get(person.id) ?? [];
            check(`${at} bookings`, k.attainment?.actual, revenue);
            check(`${at} collections`, k.collectionRate?.actual, revenue > 0 ? actualOf(st, person.id, p, 'collections')! / revenue : null);
            check(`${at} activity`, k.activity?.actual, stages.slice(0, -1).reduce((t, s) => t + count(s), 0));
            const quotes = count(stages[stages.length - 2]);
            check(`${at} win rate`, k.winRate?.actual, quotes > 0 ? count(stages[stages.length - 1]) / quotes : null);
            check(`${at} products`, k.crossSell?.actual, productsOf.get(person.id)?.size ?? 0);
            check(`${at} mentees`, k.mentoring?.actual, mentees.get(person.id) ?? 0);
            check(`${at} pipeline`, k.crmCompleteness?.actual, open.length ? open.filter((x) => isComplete(x, '2026-03-31')).length / open.length : null);
          }
        }
      }
      expect(mismatches).to.deep.equal([]);
    }
  });
});

describe('medianOf (the team medians of the ranking)', () => {
  it('equals the middle of the sorted positive values (random arrays with repeats, zeros and NaN)', () => {
    const sorted = (xs: Float64Array) => {
      const s = Float64Array.from(xs.filter((x) => x > 0)).sort();
      if (s.length === 0) return null;
      const m = s.length >> 1;
      return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
    };
    const rng = createRandom(7);
    for (let t = 0; t < 2_000; t++) {
      const n = Math.floor(rng.next() * 60);
      const spread = 1 + Math.floor(rng.next() * 20);
      const xs = Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? Number.NaN : Math.floor(rng.next() * spread) - 2));
      const want = sorted(xs);
      expect(medianOf(xs), `${Array.from(xs)}`).to.equal(want);
    }
    expect(medianOf(Float64Array.of(3, 1, 2, 8))).to.equal(2.5);
    expect(medianOf(Float64Array.of(0, -1))).to.equal(null);
  });
});
