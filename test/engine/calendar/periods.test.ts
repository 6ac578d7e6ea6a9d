import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { FiscalCalendar } from '../../../src/engine/plan/model.js';
import {
  addDays,
  childPeriods,
  daysBetween,
  elapsedWorkingDays,
  fiscalYearMonths,
  fiscalYearOf,
  isoWeek,
  isPeriodClosed,
  isWorkingDay,
  openPeriods,
  parsePeriodId,
  periodOf,
  periodRange,
  periodsOf,
  workingDaysBetween,
  workingDaysInPeriod,
  type Granularity,
} from '../../../src/engine/calendar/periods.js';

const jan: FiscalCalendar = { startMonth: 1 };
const apr: FiscalCalendar = { startMonth: 4 };
const aprEnd: FiscalCalendar = { startMonth: 4, yearNaming: 'end' };

/**
 * China 2026 (国务院办公厅 schedule): 元旦 1–3 Jan off, Sunday 4 Jan worked; 春节 15–23 Feb off,
 * Saturdays 14 and 28 Feb worked (调休).
 */
const china2026: FiscalCalendar = {
  startMonth: 1,
  holidays: ['2026-01-01', '2026-01-02', '2026-01-03',
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28'],
};

describe('period ids', () => {
  it('parses every granularity', () => {
    expect(parsePeriodId('FY2026')).to.deep.equal({ ok: true, value: { granularity: 'year', fiscalYear: 2026 } });
    expect(parsePeriodId('FY2026-H2')).to.deep.equal({ ok: true, value: { granularity: 'half', fiscalYear: 2026, half: 2 } });
    expect(parsePeriodId('FY2026-Q3')).to.deep.equal({ ok: true, value: { granularity: 'quarter', fiscalYear: 2026, quarter: 3 } });
    expect(parsePeriodId('2026-04')).to.deep.equal({ ok: true, value: { granularity: 'month', year: 2026, month: 4 } });
    expect(parsePeriodId('2026-W05')).to.deep.equal({ ok: true, value: { granularity: 'week', year: 2026, week: 5 } });
  });

  it('rejects malformed ids and weeks a year does not have', () => {
    for (const id of ['FY26', '2026-13', '2026Q1', 'FY2026-Q5', 'FY2026-H3', '2026-W00', '2026-W54', '2026-W5', '']) {
      const r = parsePeriodId(id);
      expect(r.ok ? 'ok' : r.error.code, id).to.equal('period-invalid');
    }
    // 2025 starts on a Wednesday and is not a leap year: 52 ISO weeks. 2020 (leap, Wednesday) has 53.
    const r = parsePeriodId('2025-W53');
    expect(r.ok ? 'ok' : [r.error.code, r.error.params?.weeks]).to.deep.equal(['period-week-range', 52]);
    expect(parsePeriodId('2020-W53').ok).to.equal(true);
    expect(parsePeriodId('2026-W53').ok).to.equal(true);
  });
});

describe('fiscal calendar', () => {
  it('has calendar fiscal years with startMonth 1, under both namings', () => {
    expect(periodRange('FY2026', jan)).to.deep.equal({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodRange('FY2026', { startMonth: 1, yearNaming: 'end' })).to.deep.equal({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodRange('FY2026-H2', jan)).to.deep.equal({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodRange('FY2026-Q3', jan)).to.deep.equal({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodRange('2024-02', jan)).to.deep.equal({ start: '2024-02-01', end: '2024-02-29' });
  });

  it('starts FY2026 in April 2026 when years are named by their start', () => {
    expect(periodRange('FY2026', apr)).to.deep.equal({ start: '2026-04-01', end: '2027-03-31' });
    expect(periodRange('FY2026-Q1', apr)).to.deep.equal({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodRange('FY2026-Q4', apr)).to.deep.equal({ start: '2027-01-01', end: '2027-03-31' });
    expect(periodRange('FY2026-H2', apr)).to.deep.equal({ start: '2026-10-01', end: '2027-03-31' });
  });

  it('ends FY2026 in March 2026 when years are named by their end', () => {
    expect(periodRange('FY2026', aprEnd)).to.deep.equal({ start: '2025-04-01', end: '2026-03-31' });
    expect(periodRange('FY2026-Q1', aprEnd)).to.deep.equal({ start: '2025-04-01', end: '2025-06-30' });
  });

  it('finds the fiscal year and period of a date', () => {
    expect(fiscalYearOf('2027-02-10', apr)).to.equal(2026);
    expect(fiscalYearOf('2027-02-10', aprEnd)).to.equal(2027);
    expect(fiscalYearOf('2026-03-31', apr)).to.equal(2025);
    expect(fiscalYearOf('2026-04-01', apr)).to.equal(2026);
    expect(fiscalYearOf('2026-12-31', jan)).to.equal(2026);
    expect(periodOf('2026-05-20', 'year', apr)).to.equal('FY2026');
    expect(periodOf('2026-05-20', 'half', apr)).to.equal('FY2026-H1');
    expect(periodOf('2026-05-20', 'quarter', apr)).to.equal('FY2026-Q1');
    expect(periodOf('2027-01-15', 'quarter', apr)).to.equal('FY2026-Q4');
    expect(periodOf('2027-01-15', 'quarter', aprEnd)).to.equal('FY2027-Q4');
    expect(periodOf('2026-10-01', 'half', apr)).to.equal('FY2026-H2');
    expect(periodOf('2026-05-20', 'month', apr)).to.equal('2026-05');
    // 2026-05-20 is day 140 of 2026; week 1 began Mon 2025-12-29, 142 days earlier → week 142/7+1 = 21.
    expect(periodOf('2026-05-20', 'week', apr)).to.equal('2026-W21');
    expect(periodOf('2026-02-30', 'month', apr)).to.equal('');
  });

  it('lists months, children and periods in fiscal order', () => {
    expect(fiscalYearMonths(2026, apr)).to.deep.equal([
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09',
      '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03',
    ]);
    expect(fiscalYearMonths(2026, aprEnd)[0]).to.equal('2025-04');
    expect(childPeriods('FY2026', apr)).to.deep.equal(['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4']);
    expect(childPeriods('FY2026', apr, { halves: true })).to.deep.equal(['FY2026-H1', 'FY2026-H2']);
    expect(childPeriods('FY2026-H2', apr)).to.deep.equal(['FY2026-Q3', 'FY2026-Q4']);
    expect(childPeriods('FY2026-Q4', apr)).to.deep.equal(['2027-01', '2027-02', '2027-03']);
    // March 2026 runs Sun 1 … Tue 31: from the week of Mon 23 Feb (W09) to the week of Mon 30 Mar (W14).
    expect(childPeriods('2026-03', apr)).to.deep.equal(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
    expect(childPeriods('2026-W10', apr)).to.deep.equal([]);
    expect(childPeriods('nope', apr)).to.deep.equal([]);
    expect(periodsOf(2026, 'half', apr)).to.deep.equal(['FY2026-H1', 'FY2026-H2']);
    expect(periodsOf(2026, 'month', jan)).to.have.length(12);
    const weeks = periodsOf(2026, 'week', jan);
    expect([weeks.length, weeks[0], weeks[52]]).to.deep.equal([53, '2026-W01', '2026-W53']);
  });

  it('gives an empty range for an invalid id', () => {
    expect(periodRange('FY2026-Q9', jan)).to.deep.equal({ start: '', end: '' });
  });

  it('makes each period the union of its children (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2060 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<'start' | 'end'>('start', 'end'),
        fc.constantFrom('', '-H1', '-H2', '-Q1', '-Q2', '-Q3', '-Q4'),
        (fy, startMonth, yearNaming, suffix) => {
          const cal: FiscalCalendar = { startMonth, yearNaming };
          const id = `FY${fy}${suffix}`;
          const kids = childPeriods(id, cal);
          const whole = periodRange(id, cal);
          const parts = kids.map((k) => periodRange(k, cal));
          expect(parts[0].start).to.equal(whole.start);
          expect(parts[parts.length - 1].end).to.equal(whole.end);
          parts.slice(1).forEach((p, i) => expect(p.start).to.equal(addDays(parts[i].end, 1)));
          expect(kids.reduce((s, k) => s + workingDaysInPeriod(k, cal), 0)).to.equal(workingDaysInPeriod(id, cal));
        },
      ),
    );
  });

  it('puts every date inside the period periodOf names (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<'start' | 'end'>('start', 'end'),
        fc.constantFrom<Granularity>('year', 'half', 'quarter', 'month', 'week'),
        (offset, startMonth, yearNaming, g) => {
          const date = addDays('1980-01-01', offset);
          const cal: FiscalCalendar = { startMonth, yearNaming };
          const { start, end } = periodRange(periodOf(date, g, cal), cal);
          return start <= date && date <= end && (g !== 'year' || fiscalYearOf(date, cal) === Number(periodOf(date, g, cal).slice(2)));
        },
      ),
    );
  });
});

describe('ISO weeks', () => {
  it('handles the year boundaries', () => {
    expect(isoWeek('2026-01-01')).to.equal('2026-W01'); // Thursday
    expect(isoWeek('2025-12-29')).to.equal('2026-W01'); // Monday of the same week
    expect(isoWeek('2027-01-01')).to.equal('2026-W53'); // Friday
    expect(isoWeek('2027-01-03')).to.equal('2026-W53');
    expect(isoWeek('2027-01-04')).to.equal('2027-W01');
    expect(isoWeek('2021-01-03')).to.equal('2020-W53'); // Sunday
    expect(isoWeek('2024-12-30')).to.equal('2025-W01');
    expect(isoWeek('2026-13-01')).to.equal('');
    expect(periodRange('2026-W53', jan)).to.deep.equal({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodRange('2026-W01', jan)).to.deep.equal({ start: '2025-12-29', end: '2026-01-04' });
  });

  it('matches a week range Monday to Sunday around each date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 40000 }), (offset) => {
        const date = addDays('1970-01-01', offset);
        const { start, end } = periodRange(isoWeek(date), jan);
        const monday = new Date(`${start}T00:00:00Z`).getUTCDay() === 1;
        return monday && daysBetween(start, end) === 6 && start <= date && date <= end;
      }),
    );
  });
});

describe('day arithmetic', () => {
  it('adds and counts days in UTC', () => {
    expect(addDays('2026-02-27', 2)).to.equal('2026-03-01');
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2026-01-01', -1)).to.equal('2025-12-31');
    expect(addDays('2026-02-30', 1)).to.equal('');
    expect(daysBetween('2026-01-01', '2026-12-31')).to.equal(364);
    expect(daysBetween('2026-12-31', '2026-01-01')).to.equal(-364);
    expect(daysBetween('1999-12-31', '2000-03-01')).to.equal(61); // 1 + 31 + 29 (2000 is a leap year)
  });

  it('agrees with Date.UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50000, max: 50000 }), fc.integer({ min: -3000, max: 3000 }), (a, n) => {
        const expected = (d: number) => new Date(d * 86400000).toISOString().slice(0, 10);
        const date = addDays('1970-01-01', a);
        return date === expected(a) && addDays(date, n) === expected(a + n) && daysBetween(date, addDays(date, n)) === n;
      }),
    );
  });
});

describe('working days', () => {
  it('counts Monday to Friday without holidays', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-13', jan)).to.equal(10);
    // March 2026: 31 days from Sunday 1st; 5 Sundays + 4 Saturdays = 9 weekend days → 22.
    expect(workingDaysInPeriod('2026-03', jan)).to.equal(22);
    // 2026: 52 weeks + Thursday 1 Jan → 52 × 5 + 1.
    expect(workingDaysInPeriod('FY2026', jan)).to.equal(261);
    expect(workingDaysBetween('2026-03-07', '2026-03-08', jan)).to.equal(0);
    expect(workingDaysBetween('2026-03-13', '2026-03-02', jan)).to.equal(0);
    expect(workingDaysBetween('bad', '2026-03-02', jan)).to.equal(0);
  });

  it('honours another weekend', () => {
    const fridaySaturday: FiscalCalendar = { startMonth: 1, weekend: [5, 6] };
    expect(workingDaysBetween('2026-03-01', '2026-03-07', fridaySaturday)).to.equal(5);
    expect(isWorkingDay('2026-03-08', fridaySaturday)).to.equal(true); // Sunday
    expect(isWorkingDay('2026-03-06', fridaySaturday)).to.equal(false); // Friday
  });

  it('excludes holidays and includes make-up workdays (China, Spring Festival 2026)', () => {
    expect(isWorkingDay('2026-02-14', china2026)).to.equal(true); // Saturday, 调休
    expect(isWorkingDay('2026-02-15', china2026)).to.equal(false);
    expect(isWorkingDay('2026-02-16', china2026)).to.equal(false); // Monday, 春节
    expect(isWorkingDay('2026-02-21', china2026)).to.equal(false);
    expect(isWorkingDay('2026-02-24', china2026)).to.equal(true);
    // February: 4 full weeks = 20 weekdays; minus Mon–Fri 16–20 and Mon 23 (6); plus Sat 14 and 28 → 16.
    expect(workingDaysInPeriod('2026-02', china2026)).to.equal(16);
    // 14 Feb (1) + 15–23 off + Tue 24 … Fri 27 (4) + Sat 28 (1) = 6.
    expect(workingDaysBetween('2026-02-14', '2026-02-28', china2026)).to.equal(6);
    // January: 22 weekdays; minus Thu 1 and Fri 2; plus Sun 4 → 21. Q1 = 21 + 16 + 22.
    expect(workingDaysInPeriod('2026-01', china2026)).to.equal(21);
    expect(workingDaysInPeriod('FY2026-Q1', china2026)).to.equal(59);
  });

  it('counts elapsed working days up to a date', () => {
    expect(elapsedWorkingDays('2026-02', '2026-02-13', china2026)).to.equal(10); // 2–6 and 9–13 Feb
    expect(elapsedWorkingDays('2026-02', '2026-01-31', china2026)).to.equal(0);
    expect(elapsedWorkingDays('2026-02', '2026-12-31', china2026)).to.equal(16);
    expect(elapsedWorkingDays('2026-03', '2026-03-04', jan)).to.equal(3);
  });

  const day = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86400000).toISOString().slice(0, 10);
  const calendarArb = fc.record({
    weekend: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
    holidays: fc.array(fc.integer({ min: 0, max: 900 }).map(day), { maxLength: 40 }),
    workdays: fc.array(fc.integer({ min: 0, max: 900 }).map(day), { maxLength: 15 }),
  }).map((c): FiscalCalendar => ({ startMonth: 1, ...c }));

  it('equals a naive day-by-day count (property)', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: -10, max: 900 }), fc.integer({ min: -5, max: 800 }), (cal, a, len) => {
        const from = day(a), to = day(a + len);
        let naive = 0;
        for (let i = a; i <= a + len; i++) {
          const d = day(i);
          const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
          const works = cal.workdays!.includes(d) || (!cal.holidays!.includes(d) && !cal.weekend!.includes(dow));
          if (works) naive++;
        }
        return workingDaysBetween(from, to, cal) === naive;
      }),
      { numRuns: 300 },
    );
  });

  it('splits additively: wd(a, c) = wd(a, b) + wd(b + 1, c) (property)', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 400 }), (cal, a, k, m) => {
        const [from, mid, to] = [day(a), day(a + k), day(a + k + m)];
        return workingDaysBetween(from, to, cal) === workingDaysBetween(from, mid, cal) + workingDaysBetween(addDays(mid, 1), to, cal);
      }),
    );
  });

  it('counts a century of working days (whole weeks counted arithmetically)', () => {
    // 2000-01-01 … 2099-12-31 is 36,525 days = 5,217 whole weeks + 6 days; 2000-01-01 is a Saturday,
    // so the 6 extra days (Sat … Thu) hold 4 weekdays: 5,217 × 5 + 4 = 26,089. From the Sunday:
    // 36,524 days = 5,217 weeks + 5 days (Sun … Thu), again 4 weekdays.
    const plain = workingDaysBetween('2000-01-01', '2099-12-31', { startMonth: 1 });
    expect(plain).to.equal(26_089);
    expect(workingDaysBetween(addDays('2000-01-01', 1), '2099-12-31', { startMonth: 1 })).to.equal(26_089);
  });
});

describe('closed periods', () => {
  it('closes a period once its last day is before asOf', () => {
    // November 2026 ends on the 30th: open on the 30th, closed from 1 December.
    expect(isPeriodClosed('2026-11', '2026-11-30', jan)).to.equal(false);
    expect(isPeriodClosed('2026-11', '2026-12-01', jan)).to.equal(true);
    expect(isPeriodClosed('2026-12', '2026-12-01', jan)).to.equal(false);
    // FY2026-Q1 under an April year is April–June 2026; FY2026 runs to 2027-03-31.
    expect(isPeriodClosed('FY2026-Q1', '2026-07-01', apr)).to.equal(true);
    expect(isPeriodClosed('FY2026-Q1', '2026-06-30', apr)).to.equal(false);
    expect(isPeriodClosed('FY2026', '2027-03-31', apr)).to.equal(false);
    expect(isPeriodClosed('FY2026', '2027-04-01', apr)).to.equal(true);
    // Under end naming FY2026 ended on 2026-03-31.
    expect(isPeriodClosed('FY2026', '2026-04-01', aprEnd)).to.equal(true);
    // ISO week 2026-W01 is 2025-12-29..2026-01-04.
    expect(isPeriodClosed('2026-W01', '2026-01-04', jan)).to.equal(false);
    expect(isPeriodClosed('2026-W01', '2026-01-05', jan)).to.equal(true);
  });

  it('never closes on a malformed period or date', () => {
    expect(isPeriodClosed('2026-13', '2027-01-01', jan)).to.equal(false);
    expect(isPeriodClosed('2026-01', '2026-02-30', jan)).to.equal(false);
    expect(isPeriodClosed('2026-01', '', jan)).to.equal(false);
  });

  it('keeps the open periods in order', () => {
    const months = fiscalYearMonths(2026, jan);
    expect(openPeriods(months, '2026-12-01', jan)).to.deep.equal(['2026-12']);
    expect(openPeriods(months, '2026-03-31', jan)).to.deep.equal(months.slice(2));
    expect(openPeriods(months, '2025-06-01', jan)).to.deep.equal(months);
    expect(openPeriods(months, '2027-01-01', jan)).to.deep.equal([]);
  });
});
