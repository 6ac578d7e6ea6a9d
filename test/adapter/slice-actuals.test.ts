/**
 * `sliceActuals` keeps the stage counts of the months inside a date range. A month is what the
 * calendar's period grammar calls one (`isMonthId`, issue 19 item 1): `2026-13` is not a month, and
 * used to pass the adapter's own `\d{4}-\d{2}` check and land in a range that ends in 2027.
 */
import { expect } from '@open-wc/testing';
import { sliceActuals } from '../../src/adapter/memory-adapter.js';
import type { ActualsSnapshot } from '../../src/engine/plan/model.js';

const counts = (months: string[]): ActualsSnapshot => ({
  from: '2026-01-01',
  to: '2027-12-31',
  actuals: [],
  pipeline: [],
  stageCounts: months.map((month, i) => ({ repId: 'r1', month, stageId: 'lead', count: i + 1 })),
});

describe('sliceActuals: stage counts by month', () => {
  it('keeps the months of the range, both ends included (2026-11 … 2027-01 of 2026-10 … 2027-02)', () => {
    const s = sliceActuals(counts(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02']), { from: '2026-11-15', to: '2027-01-10' });
    expect(s.stageCounts.map((c) => [c.month, c.count])).to.deep.equal([['2026-11', 2], ['2026-12', 3], ['2027-01', 4]]);
  });

  it('drops what is not a month id (2026-13, 2026-00, 2026-W49), even when it sorts inside the range', () => {
    const s = sliceActuals(counts(['2026-12', '2026-13', '2026-00', '2026-W49', '2027-01']), { from: '2025-12-01', to: '2027-01-31' });
    expect(s.stageCounts.map((c) => c.month)).to.deep.equal(['2026-12', '2027-01']);
  });
});
