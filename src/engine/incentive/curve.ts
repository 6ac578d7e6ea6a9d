/**
 * The payout curve of a commission plan: commission as a function of attainment, for the chart.
 */
import { fail, ok, type Result } from '../shared/result.js';
import { capOf, type CommissionPlan } from './plan.js';

export interface CurvePoint {
  /** Attainment, 1 = 100 %. */
  attainment: number;
  revenue: number;
  /** Commission at that attainment (minor units), decelerator, gate and cap applied, bonuses left out. */
  payout: number;
}

export interface PayoutCurveOptions {
  /** The product mix's multiplier (`Payout.effectiveMultiplier`); default 1. */
  multiplier?: number;
  /** Where the curve ends; default the larger of 2 and the last tier's start + 0.5. */
  maxAttainment?: number;
}

/**
 * The commission as a function of attainment, for the chart: exact at 0, every tier breakpoint, the
 * gate and the decelerator floor (twice there — the value just below, then the value at it — so the
 * jump draws as a vertical step), where the cap is reached, and at the end. Between two points the
 * curve is a straight line. Bonuses are fixed amounts and left out.
 *
 * @example
 * // Sample plan, target ¥100,000: (0, 0) (50 %, 0) (70 %, ¥500 → ¥1,000 across the decelerator)
 * // (100 %, ¥2,500) (150 %, ¥6,500) (200 %, ¥11,500) …, capped at ¥20,000 (20 % of the target).
 * payoutCurve(SAMPLE_COMMISSION_PLAN, 10_000_000)
 */
export function payoutCurve(plan: CommissionPlan, target: number, options: PayoutCurveOptions = {}): Result<CurvePoint[]> {
  if (!Number.isSafeInteger(target) || target <= 0) return fail('incentive-target-invalid', `The target must be a whole amount above 0, got ${target}`, { value: String(target) });
  const m = options.multiplier ?? 1;
  if (!Number.isFinite(m) || m < 0) return fail('incentive-amount-invalid', `The multiplier must be a number ≥ 0, got ${m}`, { value: String(m) });
  const lastFrom = plan.tiers[plan.tiers.length - 1].from;
  const end = options.maxAttainment ?? Math.max(2, lastFrom + 0.5);
  const raw = (a: number) => {
    let s = 0;
    plan.tiers.forEach((t, i) => {
      const hi = plan.tiers[i + 1]?.from ?? Infinity;
      if (a > t.from) s += t.rate * (Math.min(a, hi) - t.from);
    });
    return s * target * m;
  };
  // `left`: the value just below a (the limit from the left), for the steps at the gate and floor.
  const at = (a: number, left: boolean) => {
    const under = (x: number | undefined) => x !== undefined && (left ? a <= x : a < x);
    if (under(plan.threshold)) return 0;
    return raw(a) * (under(plan.decelerator?.floor) ? plan.decelerator!.factor : 1);
  };
  const xs = [...new Set([0, ...plan.tiers.map((t) => t.from), plan.threshold ?? 0, plan.decelerator?.floor ?? 0, end])].filter((x) => x <= end).sort((a, b) => a - b);
  const points: { a: number; v: number }[] = [];
  for (const x of xs) {
    const step = x > 0 && (x === plan.threshold || x === plan.decelerator?.floor);
    if (step) points.push({ a: x, v: at(x, true) });
    points.push({ a: x, v: at(x, false) });
  }
  const cap = capOf(plan, target);
  const out: { a: number; v: number }[] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (cap !== null && prev && prev.v < cap && p.v > cap && p.a > prev.a) {
      out.push({ a: prev.a + ((cap - prev.v) / (p.v - prev.v)) * (p.a - prev.a), v: cap });
    }
    out.push({ a: p.a, v: cap === null ? p.v : Math.min(p.v, cap) });
  });
  return ok(out.map((p) => ({ attainment: p.a, revenue: Math.round(p.a * target), payout: Math.round(p.v) })));
}

/**
 * The range of the what-if slider and the end of the chart's x axis for a person: the slider goes
 * from 0 to enough extra revenue to pass the last tier's start by half a target (at least half a
 * target), in steps of 0.5 % of the target rounded to whole major units; the chart ends where the
 * slider can take the person, and at least at `payoutCurve`'s default end.
 *
 * @example
 * // Sample plan (last tier at 150 %), target ¥100,000, ¥120,000 booked:
 * // max = 100,000 × 2 − 120,000 = ¥80,000; step ¥500; chart to (120,000 + 80,000) / 100,000 = 200 %.
 * whatIfRange(SAMPLE_COMMISSION_PLAN, 10_000_000, 12_000_000) // { max: 8_000_000, step: 50_000, maxAttainment: 2 }
 */
export function whatIfRange(plan: CommissionPlan, target: number, revenue: number, unit = 100): { max: number; step: number; maxAttainment: number } {
  const lastFrom = plan.tiers[plan.tiers.length - 1].from;
  const step = Math.max(unit, Math.round(target / 200 / unit) * unit);
  const want = Math.max(Math.round(target * (lastFrom + 0.5)) - Math.max(0, revenue), Math.round(target / 2));
  const max = Math.ceil(want / step) * step;
  const reach = (Math.max(0, revenue) + max) / target;
  return { max, step, maxAttainment: Math.max(2, lastFrom + 0.5, Math.ceil(reach * 4) / 4) };
}
