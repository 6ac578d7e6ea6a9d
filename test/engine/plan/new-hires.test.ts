import { expect } from '@open-wc/testing';
import { decomposePlan, gridValue, type PlanNode } from '../../../src/engine/plan/edit.js';
import { fiscalYearMonths } from '../../../src/engine/calendar/periods.js';
import { checkRamp, personYears, rampSchedule } from '../../../src/engine/plan/ramp.js';
import { monthsBetween, newHireTarget, rampedInputs } from '../../../src/engine/plan/new-hires.js';

const months = fiscalYearMonths(2026, { startMonth: 1 });
const team: PlanNode[] = [
  { id: 't', parentId: null },
  { id: 'a', parentId: 't', hireDate: '2020-01-01' },
  { id: 'b', parentId: 't', hireDate: '2020-01-01' },
  { id: 'n', parentId: 't', hireDate: '2026-10-23' },
];

describe('ramp prorated by hire date', () => {
  it('counts the hire month by the days worked in it', () => {
    // Hired 23 October: October is tenure month 0 at 30%, for 9 of its 31 days.
    const r = rampSchedule('2026-10-23', ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01'], { prorate: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value[0]).to.equal(0);
    expect(r.value[1]).to.be.closeTo((0.3 * 9) / 31, 1e-12);
    expect(r.value.slice(2)).to.deep.equal([0.3, 0.3, 0.6]);
    // Without proration the hire month is a whole month (as before).
    expect(rampSchedule('2026-10-23', ['2026-10'], {}).ok && rampSchedule('2026-10-23', ['2026-10'], {})).to.deep.equal({ ok: true, value: [0.3] });
  });

  it('measures capacity in person-years of the plan year', () => {
    // (0.3 × 9/31 + 0.3 + 0.3) / 12 = 71/1240 = 0.0572580…
    const py = personYears('2026-10-23', months);
    expect(py.ok && py.value).to.be.closeTo(71 / 1240, 1e-12);
    // A person's own curve: 50% for two months, then full.
    const own = personYears('2026-10-23', months, { schedule: [{ fromMonth: 0, toMonth: 2, factor: 0.5 }] });
    expect(own.ok && own.value).to.be.closeTo((0.5 * 9 / 31 + 0.5 + 1) / 12, 1e-12);
  });

  it('checks an edited curve', () => {
    expect(checkRamp([{ fromMonth: 0, toMonth: 3, factor: 0.3 }, { fromMonth: 3, toMonth: 6, factor: 0.6 }]).ok).to.equal(true);
    const overlap = checkRamp([{ fromMonth: 0, toMonth: 3, factor: 0.3 }, { fromMonth: 2, toMonth: 6, factor: 0.6 }]);
    expect(overlap.ok ? null : overlap.error.code).to.equal('invalid-ramp-schedule');
    expect(checkRamp([{ fromMonth: 0, toMonth: 3, factor: 1.3 }]).ok).to.equal(false);
  });
});

describe('rampedInputs: a new hire weighs their ramp × an average veteran', () => {
  it('gives a rep without last year an average veteran history × their capacity', () => {
    const r = rampedInputs({ nodes: team, months, history: { a: 1_200_000, b: 600_000 }, historyStart: '2025-01-01' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.capacity.a).to.equal(1);
    expect(r.value.capacity.n).to.be.closeTo(71 / 1240, 1e-12);
    expect(r.value.capacity.t).to.be.closeTo(2 + 71 / 1240, 1e-12);
    // (1,200,000 + 600,000) / 2 × 71/1240 = 51,532.26 → 51,532
    expect(r.value.history).to.deep.equal({ a: 1_200_000, b: 600_000, n: 51_532 });
    expect(r.value.imputed).to.deep.equal(['n']);
  });

  it('decomposes so the new hire gets 30% of an average veteran month, the hire month prorated', () => {
    const r = rampedInputs({ nodes: team, months, history: { a: 1_200_000, b: 600_000 }, historyStart: '2025-01-01' });
    if (!r.ok) throw new Error(r.error.message);
    const d = decomposePlan({
      nodes: team, total: 2_000_000, fiscalYear: 'FY2026', months,
      method: { blend: { history: 1, custom: 1 } }, history: r.value.history, custom: r.value.capacity, prorate: true,
    });
    if (!d.ok) throw new Error(d.error.message);
    // Shares: history 1,200,000 : 600,000 : 51,532 of 1,851,532; capacity 1 : 1 : 71/1240 of 2551/1240.
    // n = 2,000,000 × ½(51,532/1,851,532 + 71/2551) = 55,664.31 → 55,664; a 1,134,195.83 and
    // b 810,139.86 take the two units left by the larger remainders: 1,134,196 and 810,140.
    expect(['a', 'b', 'n'].map((id) => gridValue(d.value, id, 'FY2026'))).to.deep.equal([1_134_196, 810_140, 55_664]);
    // n's months are Oct : Nov : Dec = 0.3 × 9/31 : 0.3 : 0.3 = 9 : 31 : 31 of 55,664 (= 71 × 784).
    expect(['2026-09', '2026-10', '2026-11', '2026-12'].map((m) => gridValue(d.value, 'n', m))).to.deep.equal([0, 7_056, 24_304, 24_304]);
    // An average veteran's November: (1,134,196 + 810,140) / 24 = 81,014; 30% of it is 24,304.
    const vet = (gridValue(d.value, 'a', '2026-11')! + gridValue(d.value, 'b', '2026-11')!) / 2;
    expect(Math.abs(0.3 * vet - 24_304)).to.be.below(1);
  });
});

describe('newHireTarget', () => {
  it('suggests person-years of the period × the average veteran target', () => {
    // 900,000 × 71/1240 = 51,532.26 → 51,532
    expect(newHireTarget({ hireDate: '2026-10-23', start: '2026-01-01', end: '2026-12-31', veteranTargets: [1_200_000, 600_000] })).to.deep.equal({ ok: true, value: 51_532 });
    expect(newHireTarget({ hireDate: '2026-10-23', start: '2026-01-01', end: '2026-12-31', veteranTargets: [] })).to.deep.equal({ ok: true, value: null });
    expect(monthsBetween('2025-11-03', '2026-02-28')).to.deep.equal(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
