import { expect } from '@open-wc/testing';
import { crmCompleteness, customerLifetimeValue } from '../../../src/engine/scorecard/customer-value.js';

const Q3 = { start: '2026-07-01', end: '2026-09-30' }, Q2 = { start: '2026-04-01', end: '2026-06-30' };
const b = (date: string, amount: number, customerId?: string) => ({ type: 'booking' as const, date, amount, ...(customerId ? { customerId } : {}) });

describe('customerLifetimeValue and crmCompleteness', () => {
  it('CLV = average customer value × expected lifetime from the repeat rate', () => {
    // Q3: c1 ¥1,000, c2 ¥1,000 + ¥2,000 → a = ¥4,000 / 2 = ¥2,000. Q2: c1, c3 → c1 came back: r = 1/2 → 2 quarters → ¥4,000.
    const r = customerLifetimeValue([b('2026-07-05', 100_000, 'c1'), b('2026-08-01', 100_000, 'c2'), b('2026-09-30', 200_000, 'c2'), b('2026-05-01', 50_000, 'c1'), b('2026-06-30', 70_000, 'c3')], Q3, Q2);
    expect(r).to.deep.equal({ available: true, value: 400_000, customers: 2, averageValue: 200_000, repeatRate: 0.5, lifetimePeriods: 2 });
    // Collections and bookings outside both windows do not count; 3 of 4 came back → r = 3/4, lifetime 4: ¥100 × 4.
    const r2 = customerLifetimeValue(
      [b('2026-07-01', 10_000, 'a'), b('2026-07-02', 10_000, 'b'), b('2026-07-03', 10_000, 'c'), { type: 'collection', date: '2026-07-04', amount: 99_999, customerId: 'a' },
        b('2026-04-01', 1, 'a'), b('2026-04-02', 1, 'b'), b('2026-04-03', 1, 'c'), b('2026-04-04', 1, 'd'), b('2025-12-01', 1, 'e')],
      Q3, Q2,
    );
    expect(r2.available && [r2.value, r2.repeatRate]).to.deep.equal([40_000, 0.75]);
  });

  it('is not available, with the reason, when the data cannot give it', () => {
    expect(customerLifetimeValue([b('2026-07-05', 100_000)], Q3, Q2)).to.deep.equal({ available: false, reason: 'no-customer-ids' });
    expect(customerLifetimeValue([b('2026-05-05', 100_000, 'c1')], Q3, Q2)).to.deep.equal({ available: false, reason: 'no-customers' });
    expect(customerLifetimeValue([b('2026-07-05', 100_000, 'c1'), b('2026-05-05', 100_000, 'c2')], Q3, Q2)).to.deep.equal({ available: false, reason: 'no-repeat-customers' });
  });

  it('CRM completeness: a product line and an expected close not in the past', () => {
    const open = [{ productId: 'p', expectedClose: '2026-12-20' }, { expectedClose: '2026-12-20' }, { productId: 'p', expectedClose: '2026-11-01' }, { productId: 'p', expectedClose: '2026-12-01' }];
    expect(crmCompleteness(open, '2026-12-01')).to.deep.equal({ total: 4, complete: 2, share: 0.5 });
    expect(crmCompleteness([], '2026-12-01')).to.deep.equal({ total: 0, complete: 0, share: null });
  });
});
