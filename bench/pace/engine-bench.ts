/**
 * Pace and forecast for every rep of a 10,000-rep org: the engine (one PaceContext for the period,
 * one roll-up of actuals, the pipeline grouped once) against a naive loop that walks the calendar
 * day by day for every rep. Both compute the same figures; the checksums must agree.
 */
import { generateSampleCompany } from '../../src/sample/sample-data.js';
import { createPaceContext, pace } from '../../src/engine/pace/pace.js';
import { forecast, groupPipeline } from '../../src/engine/pace/forecast.js';
import { buildOrgIndex, rollupActuals } from '../../src/engine/plan/rollup.js';
import { addDays, periodRange } from '../../src/engine/calendar/periods.js';
import type { FiscalCalendar, Opportunity } from '../../src/engine/plan/model.js';

const PERIOD = 'FY2026';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(fn: () => number, runs: number): { ms: number; checksum: number } {
  const times: number[] = [];
  let checksum = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    checksum = fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), checksum };
}

/** What a per-rep loop without the engine's precomputation does: walk every day of the period. */
function naiveWorkingDays(from: string, to: string, cal: FiscalCalendar): number {
  const holidays = new Set(cal.holidays ?? []);
  const workdays = new Set(cal.workdays ?? []);
  const weekend = cal.weekend ?? [0, 6];
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (workdays.has(d) || (!holidays.has(d) && !weekend.includes(day))) n++;
  }
  return n;
}

export function runEngineBench(runs = 5) {
  const t0 = performance.now();
  const { plan, actuals } = generateSampleCompany({ regions: 20, teamsPerRegion: 25, repsPerTeam: 20, historyYears: 1, opportunitiesPerRep: 7 });
  const generateMs = performance.now() - t0;
  const pipeline: Opportunity[] = actuals.pipeline.slice(0, 50_000);
  const reps = plan.org.filter((n) => n.kind === 'rep');
  const cal = plan.plan.calendar;
  const asOf = actuals.to;
  const { start, end } = periodRange(PERIOD, cal);
  const target = Math.round(plan.targets[0].value / reps.length);

  const prep = time(() => {
    const booked = rollupActuals(actuals.actuals, buildOrgIndex(plan.org), { from: start, to: asOf, type: 'booking' });
    return booked.size + groupPipeline(pipeline).size;
  }, runs);
  const booked = rollupActuals(actuals.actuals, buildOrgIndex(plan.org), { from: start, to: asOf, type: 'booking' });
  const byRep = groupPipeline(pipeline);

  const engine = time(() => {
    const ctx = createPaceContext(PERIOD, cal);
    if (!ctx.ok) throw new Error(ctx.error.code);
    let sum = 0;
    for (const rep of reps) {
      const actual = booked.get(rep.id) ?? 0;
      const common = { target, actual, period: PERIOD, asOf, calendar: cal, context: ctx.value };
      const p = pace(common);
      const f = forecast({ ...common, pipeline: byRep.get(rep.id) ?? [] });
      if (!p.ok || !f.ok) throw new Error('engine failed');
      sum += p.value.expectedToDate + (f.value.runRate ?? 0) + f.value.weightedPipeline;
    }
    return sum;
  }, runs);

  const naive = time(() => {
    let sum = 0;
    for (const rep of reps) {
      const actual = booked.get(rep.id) ?? 0;
      const total = naiveWorkingDays(start, end, cal);
      const elapsed = naiveWorkingDays(start, asOf < end ? asOf : end, cal);
      const expected = Math.floor((2 * target * elapsed + total) / (2 * total));
      const runRate = elapsed === 0 ? 0 : actual + Math.floor((2 * actual * (total - elapsed) + elapsed) / (2 * elapsed));
      let weighted = 0;
      const from = addDays(asOf, 1);
      for (const o of byRep.get(rep.id) ?? []) if (o.expectedClose >= from && o.expectedClose <= end) weighted += o.amount * o.probability;
      sum += expected + runRate + actual + Math.round(weighted);
    }
    return sum;
  }, runs);

  return {
    reps: reps.length,
    actuals: actuals.actuals.length,
    actualsFrom: actuals.from,
    actualsTo: actuals.to,
    opportunities: pipeline.length,
    generateMs,
    prepMs: prep.ms,
    engineMs: engine.ms,
    naiveMs: naive.ms,
    agree: engine.checksum === naive.checksum,
  };
}
