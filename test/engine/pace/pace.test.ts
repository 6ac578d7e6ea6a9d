import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { FiscalCalendar } from '../../../src/engine/plan/model.js';
import { addDays } from '../../../src/engine/calendar/periods.js';
import { paceMessages } from '../../../src/i18n/both-languages.js';
import { ceilDiv, createPaceContext, dualAttainment, mulDivRound, pace, type PaceOptions, type PaceResult } from '../../../src/engine/pace/pace.js';

const cal: FiscalCalendar = { startMonth: 1 };
const aprilCal: FiscalCalendar = { startMonth: 4 };
/** May Day 2026 as an explicit list: Fri 1, Mon 4, Tue 5 off; Sat 9 is a make-up workday (调休). */
const mayDayCal: FiscalCalendar = { startMonth: 1, holidays: ['2026-05-01', '2026-05-04', '2026-05-05'], workdays: ['2026-05-09'] };

function run(options: PaceOptions): PaceResult {
  const r = pace(options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

// March 2026 starts on a Sunday: 31 days − 9 weekend days (Sun 1, 8, 15, 22, 29; Sat 7, 14, 21, 28) = 22 working days.
const march = { target: 2_200_000, period: '2026-03', calendar: cal };

describe('pace', () => {
  it('mid-period: expected by working days, pace index and required daily rate', () => {
    // As of Wed 11 March: Mon 2 – Fri 6 (5) + Mon 9, Tue 10, Wed 11 (3) = 8 working days elapsed, 14 remain.
    const p = run({ ...march, actual: 700_000, asOf: '2026-03-11' });
    expect(p.elapsedWorkingDays).to.equal(8);
    expect(p.remainingWorkingDays).to.equal(14);
    expect(p.totalWorkingDays).to.equal(22);
    expect(p.expectedToDate).to.equal(800_000); // 2,200,000 × 8 / 22
    expect(p.paceIndex).to.equal(0.875); // 700,000 / 800,000
    expect(p.attainment).to.be.closeTo(0.318182, 1e-6); // 700,000 / 2,200,000
    expect(p.gap).to.equal(1_500_000);
    expect(p.requiredDailyRate).to.equal(107_143); // 1,500,000 / 14 = 107,142.86 → rounded up
    expect(p.reasons).to.deep.equal({});
  });

  it('first day: nothing expected before the first working day, then one day\'s share', () => {
    // Sun 1 March is not a working day: nothing has elapsed yet.
    const sunday = run({ ...march, actual: 0, asOf: '2026-03-01' });
    expect(sunday.elapsedWorkingDays).to.equal(0);
    expect(sunday.expectedToDate).to.equal(0);
    expect(sunday.paceIndex).to.equal(null);
    expect(sunday.reasons.paceIndex).to.equal('nothing-expected-yet');
    expect(sunday.requiredDailyRate).to.equal(100_000); // 2,200,000 / 22
    // A day before the period behaves the same.
    expect(run({ ...march, actual: 0, asOf: '2026-02-20' }).remainingWorkingDays).to.equal(22);

    // Mon 2 March: 1 of 22 working days → 100,000 expected.
    const monday = run({ ...march, actual: 50_000, asOf: '2026-03-02' });
    expect(monday.expectedToDate).to.equal(100_000);
    expect(monday.paceIndex).to.equal(0.5);
    expect(monday.requiredDailyRate).to.equal(102_381); // 2,150,000 / 21 = 102,380.95 → up
  });

  it('last day and after: the whole target is expected and no daily rate remains', () => {
    const last = run({ ...march, actual: 2_100_000, asOf: '2026-03-31' });
    expect(last.elapsedWorkingDays).to.equal(22);
    expect(last.remainingWorkingDays).to.equal(0);
    expect(last.expectedToDate).to.equal(2_200_000);
    expect(last.paceIndex).to.be.closeTo(0.954545, 1e-6); // 2,100,000 / 2,200,000
    expect(last.gap).to.equal(100_000);
    expect(last.requiredDailyRate).to.equal(null);
    expect(last.reasons.requiredDailyRate).to.equal('no-working-days-left');
    expect(run({ ...march, actual: 2_100_000, asOf: '2026-04-15' }).expectedToDate).to.equal(2_200_000);
  });

  it('a period with holidays and a make-up workday (given explicitly)', () => {
    // May 2026: 31 days − 10 weekend days = 21; − Fri 1, Mon 4, Tue 5 (holidays) = 18; + Sat 9 (调休) = 19.
    const base = { target: 1_900_000, period: '2026-05', calendar: mayDayCal };
    const fri = run({ ...base, actual: 240_000, asOf: '2026-05-08' });
    expect(fri.totalWorkingDays).to.equal(19);
    expect(fri.elapsedWorkingDays).to.equal(3); // Wed 6, Thu 7, Fri 8
    expect(fri.expectedToDate).to.equal(300_000); // 1,900,000 × 3 / 19
    expect(fri.paceIndex).to.equal(0.8);
    expect(fri.requiredDailyRate).to.equal(103_750); // 1,660,000 / 16
    // The make-up Saturday counts: 4 elapsed → 400,000.
    expect(run({ ...base, actual: 240_000, asOf: '2026-05-09' }).expectedToDate).to.equal(400_000);
    // Without the holidays the same day would expect 6 of 21 days: 1,900,000 × 6 / 21 = 542,857.14 → 542,857.
    expect(run({ ...base, calendar: cal, actual: 240_000, asOf: '2026-05-08' }).expectedToDate).to.equal(542_857);
  });

  it('a fiscal year starting in April: FY2026-Q1 is April to June 2026', () => {
    // April 22 + May 21 + June 22 = 65 working days. As of Fri 15 May: 22 + (Fri 1, 4–8, 11–15 = 11) = 33.
    const p = run({ target: 6_500_000, actual: 3_000_000, period: 'FY2026-Q1', asOf: '2026-05-15', calendar: aprilCal });
    expect(p.totalWorkingDays).to.equal(65);
    expect(p.elapsedWorkingDays).to.equal(33);
    expect(p.expectedToDate).to.equal(3_300_000); // 6,500,000 × 33 / 65
    expect(p.paceIndex).to.be.closeTo(0.909091, 1e-6);
    expect(p.requiredDailyRate).to.equal(109_375); // 3,500,000 / 32
    const ctx = createPaceContext('FY2026-Q1', aprilCal);
    expect(ctx.ok && ctx.value.start).to.equal('2026-04-01');
    expect(ctx.ok && ctx.value.end).to.equal('2026-06-30');
    expect(ctx.ok && ctx.value.months.map((m) => [m.month, m.workingDays])).to.deep.equal([['2026-04', 22], ['2026-05', 21], ['2026-06', 22]]);
  });

  it('a zero target: attainment not applicable, with a reason, and no division by zero', () => {
    const p = run({ ...march, target: 0, actual: 50_000, asOf: '2026-03-11' });
    expect(p.attainment).to.equal(null);
    expect(p.reasons.attainment).to.equal('zero-target');
    expect(p.expectedToDate).to.equal(0);
    expect(p.paceIndex).to.equal(null);
    expect(p.gap).to.equal(-50_000);
    expect(p.requiredDailyRate).to.equal(0);
  });

  it('over-achievement: pace above 1, a negative gap, nothing more required', () => {
    const mid = run({ ...march, actual: 2_400_000, asOf: '2026-03-11' });
    expect(mid.paceIndex).to.equal(3); // 2,400,000 / 800,000
    expect(mid.gap).to.equal(-200_000);
    expect(mid.requiredDailyRate).to.equal(0);
    const end = run({ ...march, actual: 2_640_000, asOf: '2026-03-31' });
    expect(end.attainment).to.equal(1.2);
    expect(end.gap).to.equal(-440_000);
  });

  it('seasonality: whole months by profile weight, the current month by its working days', () => {
    // Q1 2026 with Jan 0.3, Feb 0.2 (Spring Festival), Mar 0.5.
    const base = {
      target: 3_000_000, actual: 1_400_000, period: 'FY2026-Q1', calendar: cal, basis: 'seasonality' as const,
      profile: [{ month: '2026-01', weight: 0.3 }, { month: '2026-02', weight: 0.2 }, { month: '2026-03', weight: 0.5 }],
    };
    // End of February: 0.3 + 0.2 = 0.5 → 1,500,000 (working days alone would say 39 / 61).
    const feb = run({ ...base, asOf: '2026-02-28' });
    expect(feb.expectedShare).to.be.closeTo(0.5, 1e-12);
    expect(feb.expectedToDate).to.equal(1_500_000);
    expect(feb.paceIndex).to.be.closeTo(0.933333, 1e-6);
    // Wed 11 March: 0.5 + 0.5 × 8 / 22 = 0.681818… → 2,045,454.55 → 2,045,455.
    expect(run({ ...base, asOf: '2026-03-11' }).expectedToDate).to.equal(2_045_455);
  });

  it('seasonality over an ISO week that cuts two months weighs the part of each month', () => {
    // 2026-W14 = Mon 30 Mar – Sun 5 Apr. March (0.5, 22 days) gives 2 days, April (0.25, 22 days) 3 days:
    // weights 0.5 × 2/22 and 0.25 × 3/22; by Tue 31 Mar the share is 1 / (1 + 0.75) = 4/7 → 70,000 × 4/7 = 40,000.
    const p = run({
      target: 70_000, actual: 40_000, period: '2026-W14', asOf: '2026-03-31', calendar: cal, basis: 'seasonality',
      profile: [{ month: '2026-03', weight: 0.5 }, { month: '2026-04', weight: 0.25 }],
    });
    expect(p.expectedToDate).to.equal(40_000);
    expect(p.paceIndex).to.equal(1);
  });

  it('seasonality errors: a missing month, a bad weight, all zero', () => {
    const base = { target: 1, actual: 0, period: 'FY2026-Q1', asOf: '2026-02-01', calendar: cal, basis: 'seasonality' as const };
    const missing = pace({ ...base, profile: [{ month: '2026-01', weight: 1 }, { month: '2026-03', weight: 1 }] });
    expect(!missing.ok && missing.error.code).to.equal('pace-profile-missing-month');
    expect(!missing.ok && missing.error.params).to.deep.equal({ month: '2026-02' });
    const bad = pace({ ...base, profile: ['01', '02', '03'].map((m) => ({ month: `2026-${m}`, weight: m === '02' ? -1 : 1 })) });
    expect(!bad.ok && bad.error.code).to.equal('pace-profile-invalid');
    const zero = pace({ ...base, profile: ['01', '02', '03'].map((m) => ({ month: `2026-${m}`, weight: 0 })) });
    expect(!zero.ok && zero.error.code).to.equal('pace-profile-empty');
  });

  it('a new hire ramp: months weigh working days × ramp factor', () => {
    // Hired 10 March 2026 (tenure month 0); FY2026-Q1 from April: Apr tenure 1 → 0.3, May 2 → 0.3, Jun 3 → 0.6.
    // Weights: Apr 0.3 × 22 = 6.6, May 0.3 × 21 = 6.3, Jun 0.6 × 22 = 13.2; total 26.1.
    // End of May: (6.6 + 6.3) / 26.1 = 12.9 / 26.1 → 2,610,000 × 12.9 / 26.1 = 1,290,000.
    const base = { target: 2_610_000, actual: 1_032_000, period: 'FY2026-Q1', calendar: aprilCal, basis: 'ramp' as const, hireDate: '2026-03-10' };
    const p = run({ ...base, asOf: '2026-05-31' });
    expect(p.expectedToDate).to.equal(1_290_000);
    expect(p.paceIndex).to.equal(0.8); // 1,032,000 / 1,290,000
    // By working days alone: 43 / 65 → 1,726,615.38 → 1,726,615, which would call this rep far behind.
    expect(run({ ...base, basis: 'working-days', asOf: '2026-05-31' }).expectedToDate).to.equal(1_726_615);
  });

  it('a hire inside the period: nothing expected before the hire date, the hire month from that day', () => {
    // Hired Wed 20 May: April weighs 0; May from the 20th: Wed 20 – Fri 22 + Mon 25 – Fri 29 = 8 days × 0.3 = 2.4;
    // June (tenure 1) 22 × 0.3 = 6.6; total 9. By Wed 10 June: 2.4 + 0.3 × 8 = 4.8 → 300,000 × 4.8 / 9 = 160,000.
    const base = { target: 300_000, actual: 120_000, period: 'FY2026-Q1', calendar: aprilCal, basis: 'ramp' as const, hireDate: '2026-05-20' };
    expect(run({ ...base, asOf: '2026-05-19' }).expectedToDate).to.equal(0);
    expect(run({ ...base, asOf: '2026-06-10' }).expectedToDate).to.equal(160_000);
    const missing = pace({ ...base, hireDate: undefined, asOf: '2026-06-10' });
    expect(!missing.ok && missing.error.code).to.equal('pace-hire-date-missing');
  });

  it('rejects bad input with a code instead of throwing', () => {
    const cases: [Partial<PaceOptions>, string][] = [
      [{ target: 1.5 }, 'pace-amount-invalid'],
      [{ target: -1 }, 'pace-amount-invalid'],
      [{ actual: Number.NaN }, 'pace-amount-invalid'],
      [{ asOf: '2026-02-30' }, 'pace-date-invalid'],
      [{ period: '2026Q1' }, 'period-invalid'],
      [{ basis: 'calendar-days' as PaceOptions['basis'] }, 'pace-basis-invalid'],
    ];
    for (const [bad, code] of cases) {
      const r = pace({ ...march, actual: 0, asOf: '2026-03-11', ...bad });
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(bad)).to.equal(code);
    }
  });

  it('reuses a context made for the period and rebuilds one made for another', () => {
    const ctx = createPaceContext('2026-03', cal);
    if (!ctx.ok) throw new Error('context');
    const withCtx = run({ ...march, actual: 700_000, asOf: '2026-03-11', context: ctx.value });
    expect(withCtx.expectedToDate).to.equal(800_000);
    const other = createPaceContext('2026-05', mayDayCal);
    if (!other.ok) throw new Error('context');
    expect(run({ ...march, actual: 700_000, asOf: '2026-03-11', context: other.value }).expectedToDate).to.equal(800_000);
  });

  it('properties: expected grows with the date from 0 to the target; the daily rate closes the gap', () => {
    const ctx = createPaceContext('FY2026-Q1', mayDayCal);
    if (!ctx.ok) throw new Error('context');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: -1e9, max: 1e13 }), fc.integer({ min: -5, max: 95 }), (target, actual, day) => {
        const asOf = addDays('2026-01-01', day);
        const p = run({ target, actual, period: 'FY2026-Q1', asOf, calendar: mayDayCal, context: ctx.value });
        const next = run({ target, actual, period: 'FY2026-Q1', asOf: addDays(asOf, 1), calendar: mayDayCal, context: ctx.value });
        expect(p.expectedToDate).to.be.within(0, target);
        expect(next.expectedToDate).to.be.at.least(p.expectedToDate);
        if (p.requiredDailyRate !== null) {
          const gap = Math.max(p.gap, 0);
          expect(p.requiredDailyRate * p.remainingWorkingDays).to.be.at.least(gap);
          expect((p.requiredDailyRate - 1) * p.remainingWorkingDays).to.be.below(Math.max(gap, 1));
        }
      }),
    );
  });
});

describe('pace integer helpers', () => {
  it('mulDivRound rounds half up exactly, negatives included', () => {
    expect(mulDivRound(1, 4, 8)).to.equal(1); // 0.5 → 1
    expect(mulDivRound(-1, 4, 8)).to.equal(0); // −0.5 → 0 (half up, towards +∞)
    expect(mulDivRound(-3, 1, 2)).to.equal(-1); // −1.5 → −1
    expect(mulDivRound(100_001, 14, 8)).to.equal(175_002); // 175,001.75
    // Beyond 2^53 / 22 a plain a × b / c would lose the last digits.
    expect(mulDivRound(9_007_199_254_740_991, 21, 22)).to.equal(8_597_781_106_798_219); // …218 + 15/22
  });

  it('ceilDiv rounds up exactly', () => {
    expect(ceilDiv(1_500_000, 14)).to.equal(107_143);
    expect(ceilDiv(1_400_000, 14)).to.equal(100_000);
    expect(ceilDiv(0, 5)).to.equal(0);
  });
});

describe('dualAttainment', () => {
  it('reports against the original and the adjusted target', () => {
    const r = dualAttainment({ actual: 900_000, originalTarget: 1_200_000, currentTarget: 1_000_000 });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.original).to.deep.equal({ target: 1_200_000, attainment: 0.75, gap: 300_000 });
    expect(r.value.current).to.deep.equal({ target: 1_000_000, attainment: 0.9, gap: 100_000 });
    expect(r.value.targetChange).to.equal(-200_000);
    expect(r.value.targetChangeRatio).to.be.closeTo(-1 / 6, 1e-12);
  });

  it('handles a zero original target and rejects a fractional amount', () => {
    const r = dualAttainment({ actual: 10, originalTarget: 0, currentTarget: 100 });
    expect(r.ok && r.value.original).to.deep.equal({ target: 0, attainment: null, gap: -10, reason: 'zero-target' });
    expect(r.ok && r.value.targetChangeRatio).to.equal(null);
    const bad = dualAttainment({ actual: 10, originalTarget: 100, currentTarget: 0.5 });
    expect(!bad.ok && bad.error.params).to.deep.equal({ field: 'currentTarget', value: '0.5' });
  });
});

describe('pace messages', () => {
  it('translate every code in both locales', () => {
    const codes = [
      'pace-amount-invalid', 'pace-basis-invalid', 'pace-date-invalid', 'pace-profile-missing-month', 'pace-profile-invalid',
      'pace-profile-empty', 'pace-hire-date-missing', 'forecast-blend-invalid', 'forecast-history-invalid',
      'forecast-opportunity-invalid', 'forecast-too-large', 'status-thresholds-invalid', 'status-thresholds-order',
      'zero-target', 'nothing-expected-yet', 'no-working-days-left', 'pace-low', 'forecast-low', 'on-pace', 'no-data',
      'too-early', 'period-achieved', 'period-missed', 'forecast-beyond-pipeline', 'forecast-no-spread',
    ];
    expect(Object.keys(paceMessages.en).sort()).to.deep.equal([...codes].sort());
    expect(Object.keys(paceMessages['zh-CN']).sort()).to.deep.equal([...codes].sort());
    expect(paceMessages.en['pace-low']({ value: 0.9, threshold: 0.95 })).to.equal('Pace is 90% of the expected progress, below 95%.');
    expect(paceMessages['zh-CN']['forecast-low']({ value: 0.8, threshold: 0.85 })).to.equal('预测完成率为 80%，低于 85%。');
  });
});
