import { expect } from '@open-wc/testing';
import { computeTeamPayouts, teamPayoutSteps } from '../../../src/engine/incentive/team.js';
import { SAMPLE_COMMISSION_PLAN } from '../../../src/engine/incentive/commission.js';
import { resolveIncentiveScope } from '../../../src/engine/incentive/source.js';
import { createPlanState } from '../../../src/engine/plan/plan-state.js';
import { STEP_CHUNK } from '../../../src/engine/shared/steps.js';
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
