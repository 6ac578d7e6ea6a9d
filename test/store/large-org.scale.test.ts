/**
 * Issue 12 item 5 at full size, in Node: a 100,000-node org (1 company → 100 teams → 99,899 reps)
 * is valid, loads into the store, and the engine pays every person in it, the one hand-placed rep
 * (赵辰, rep 57,442) by the fixture's arithmetic. (The scorecard's ranking is checked against the
 * engine on 9,899 people in test/components/sliced-work.scale.test.ts.) The elements' side of the
 * item (one page of people in the DOM, paging and search) is test/components/large-org.scale.test.ts, on a
 * 10,000-node org: what a page shows does not grow with the org, and 10,000 people already exceed
 * every bound that test sets. Timings are in bench/scale.
 */
import { expect } from '@open-wc/testing';
import { checkOrg } from '../../src/engine/plan/model.js';
import { QkStore } from '../../src/store/store.js';
import { computeTeamPayouts } from '../../src/engine/incentive/team.js';
import { resolveIncentiveScope } from '../../src/engine/incentive/source.js';
import { SAMPLE_COMMISSION_PLAN } from '../../src/engine/incentive/commission.js';
import { largeBooking, largeOrg, largeTarget, LARGE_ORG_NAMED } from '../fixtures/large-org.js';

describe('a 100,000-node org, in the engine and the store', function () {
  // Building, validating, scoring and paying 100,000 people is work on a loaded 2-core machine: a ceiling, not a wait.
  this.timeout(600_000);
  let store: QkStore;

  before(() => {
    const { plan, actuals } = largeOrg();
    store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    store.setData(plan, actuals);
  });

  it('is a valid org: 1 company → 100 teams → 99,899 reps, 赵辰 is rep 57,442', () => {
    expect(store.org.length).to.equal(100_000);
    expect(checkOrg(store.org)).to.deep.equal([]);
    expect(store.org.filter((n) => n.kind === 'team').length).to.equal(100);
    expect(store.org.filter((n) => n.kind === 'rep').length).to.equal(99_899);
    // Rep number 57,442 (team 58, the 500th of its 999): on no first page of anything.
    expect(store.org.findIndex((n) => n.id === LARGE_ORG_NAMED.id) - 101).to.equal(57_442);
  });

  it('the incentive pays all 99,899; 赵辰: ¥142,000 target, ¥61,000 collected → 43 %, under the 50 % tier: ¥0', () => {
    const scope = resolveIncentiveScope(store.state!, { nodeId: 'co', period: 'FY2026' });
    if (!scope.ok) throw new Error(scope.error.message);
    const { people, options } = scope.value;
    const r = computeTeamPayouts(SAMPLE_COMMISSION_PLAN, people, store.state!.actuals!.actuals, options);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.totals.people).to.equal(99_899);
    expect([largeTarget(57_442), largeBooking(57_442)]).to.deep.equal([14_200_000, 6_100_000]);
    const zhao = r.value.rows.find((row) => row.person.id === LARGE_ORG_NAMED.id)!;
    expect(zhao.error).to.equal(null);
    expect([zhao.payout!.target, zhao.payout!.revenue, Math.round(zhao.payout!.attainment * 100), zhao.payout!.total]).to.deep.equal([14_200_000, 6_100_000, 43, 0]);
  });
});
