import { expect } from '@open-wc/testing';
import { scorecardCardsSteps, scorecardRankingSteps } from '../../../src/engine/scorecard/ranking.js';
import { createPlanState } from '../../../src/engine/plan/plan-state.js';
import { createRandom } from '../../../src/engine/shared/random.js';
import { runSteps, STEP_CHUNK } from '../../../src/engine/shared/steps.js';
import { largeOrg } from '../../fixtures/large-org.js';

/**
 * Issue 12 item 5: the scorecard's export builds every person's full card; at 100,000 people that
 * was one task of seconds. `scorecardCardsSteps` builds them `STEP_CHUNK` at a time, and the cards
 * are those `cardAt` builds one by one.
 */
describe('scorecardCardsSteps', function () {
  this.timeout(120_000);
  // 3,000 nodes: 1 company, 10 teams, 2,989 reps.
  const { plan, actuals } = largeOrg({ nodes: 3_000, teams: 10 });
  const state = createPlanState(plan, { actuals, asOf: '2026-03-31' });
  const ranking = () => {
    const r = runSteps(scorecardRankingSteps(state, { nodeId: 'co', period: 'FY2026-Q1' }));
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('yields after every STEP_CHUNK cards, counting them, and ends on every card in row order', () => {
    const list = ranking();
    expect(list.count).to.equal(2_989);
    const rows = Array.from({ length: list.count }, (_, j) => j);
    const steps = scorecardCardsSteps(list, rows);
    const reports: number[] = [];
    let r = steps.next();
    for (; !r.done; r = steps.next()) {
      expect(r.value.total).to.equal(2_989);
      reports.push(r.value.done);
    }
    // floor(2,988 / 250) = 11 yields, after 250, 500, … 2,750 cards.
    expect(reports).to.deep.equal(Array.from({ length: 11 }, (_, k) => (k + 1) * STEP_CHUNK));
    // A fresh ranking (its own card cache) builds the same cards one at a time.
    const fresh = ranking();
    expect(r.value).to.deep.equal(rows.map((j) => fresh.cardAt(j)));
  });

  it('follows the rows given (a random order of a random subset)', () => {
    const list = ranking();
    const rnd = createRandom(7);
    const rows = Array.from({ length: 600 }, () => rnd.int(0, list.count - 1));
    const got = runSteps(scorecardCardsSteps(list, rows));
    expect(got.map((c) => c.id)).to.deep.equal(rows.map((j) => list.idAt(j)));
    const fresh = ranking();
    expect(got.map((c) => c.rank)).to.deep.equal(rows.map((j) => fresh.cardAt(j).rank));
  });
});
