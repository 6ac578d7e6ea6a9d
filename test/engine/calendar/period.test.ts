import { expect } from '@open-wc/testing';
import { parsePeriod, type Period } from '../../../src/engine/calendar/period.js';

const april = { startMonth: 4 } as const;
const january = { startMonth: 1 } as const;

function get(id: string, calendar: Parameters<typeof parsePeriod>[1]): Period {
  const r = parsePeriod(id, calendar);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('parsePeriod: one period id parsed once', () => {
  it('a fiscal quarter (FY from April): its months, its year, the quarter a year earlier', () => {
    expect({ ...get('FY2026-Q1', april) }).to.deep.equal({
      id: 'FY2026-Q1', granularity: 'quarter', fiscalYear: 2026, index: 1,
      start: '2026-04-01', end: '2026-06-30',
      parent: 'FY2026', ancestors: ['FY2026'],
      children: ['2026-04', '2026-05', '2026-06'],
      prior: 'FY2025-Q1',
    });
  });

  it('a fiscal year from April runs 2026-04-01 … 2027-03-31 and has no parent', () => {
    const y = get('FY2026', april);
    expect([y.start, y.end, y.parent, y.prior, y.index]).to.deep.equal(['2026-04-01', '2027-03-31', null, 'FY2025', 0]);
    expect(y.children).to.deep.equal(['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4']);
  });

  it('a half: October to March, two quarters below it', () => {
    const h = get('FY2026-H2', april);
    expect([h.start, h.end, h.parent, h.prior]).to.deep.equal(['2026-10-01', '2027-03-31', 'FY2026', 'FY2025-H2']);
    expect(h.children).to.deep.equal(['FY2026-Q3', 'FY2026-Q4']);
  });

  it('February 2027 lies in FY2026-Q4 when the year starts in April (named by its start year)', () => {
    const m = get('2027-02', april);
    expect([m.fiscalYear, m.index, m.start, m.end, m.parent, m.prior]).to.deep.equal([2026, 2, '2027-02-01', '2027-02-28', 'FY2026-Q4', '2026-02']);
    expect(m.ancestors).to.deep.equal(['FY2026-Q4', 'FY2026']);
  });

  it('the same month in FY2027-Q4 when fiscal years are named by their end year', () => {
    expect(get('2027-02', { startMonth: 4, yearNaming: 'end' }).ancestors).to.deep.equal(['FY2027-Q4', 'FY2027']);
  });

  it('a month lists the ISO weeks that overlap it: March 2026 has W09 (Mon 23 Feb) to W14 (Mon 30 Mar)', () => {
    expect(get('2026-03', january).children).to.deep.equal(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
  });

  it('2026-W53 runs Mon 2026-12-28 … Sun 2027-01-03; 2025 has no week 53, so it has no prior', () => {
    const w = get('2026-W53', january);
    expect([w.start, w.end, w.index, w.fiscalYear, w.parent, w.prior]).to.deep.equal(['2026-12-28', '2027-01-03', 53, 2026, null, null]);
  });

  it('a week with a counterpart a year earlier: 2026-W11 → 2025-W11', () => {
    expect(get('2026-W11', january).prior).to.equal('2025-W11');
  });

  it('fails like parsePeriodId on an unknown shape and on a week the year does not have', () => {
    const bad = parsePeriod('FY2026-Q5', april);
    const week = parsePeriod('2025-W53', january);
    expect([bad.ok ? '' : bad.error.code, week.ok ? '' : week.error.code]).to.deep.equal(['period-invalid', 'period-week-range']);
  });

  it('is frozen: a caller cannot change the shared answer', () => {
    const q = get('FY2026-Q1', april);
    expect(Object.isFrozen(q) && Object.isFrozen(q.children) && Object.isFrozen(q.ancestors)).to.equal(true);
  });
});
