/**
 * Tiered commission (阶梯式提成): what a person has earned so far under a commission plan, line by
 * line, what the next tier needs, what an extra amount would bring, and the payout curve for the
 * chart. Pure functions over plain data; money is integer minor units.
 *
 * The formula, for credited revenue R (bookings or collections in the period, after clawback) and
 * the target in force T (attainment a = R / T):
 * 1. Tiers are marginal: the revenue inside tier i's band [fromᵢ·T, fromᵢ₊₁·T) earns rateᵢ.
 *    Base commission B = Σ rateᵢ × revenue in bandᵢ.
 * 2. Product multipliers scale the commission, not the attainment (the target keeps its meaning):
 *    product p gets B × Rₚ / R × mₚ. The lines show B per tier plus one uplift line per product,
 *    B × Rₚ / R × (mₚ − 1).
 * 3. Below the decelerator floor the commission is multiplied by its factor (a negative line).
 * 4. Below the threshold gate everything is cancelled (a negative `gate` line, so the person still
 *    sees what the tiers would have paid).
 * 5. Bonuses (fixed amounts): the new-product bonus when new products are ≥ its share of R; the
 *    ramp bonus for a new hire still on ramp once a ≥ its minimum attainment. Both need the gate.
 * 6. The cap limits commission + bonuses (a negative `cap` line). Mentoring credit comes on top,
 *    with its own cap (see `incentive-team.ts`).
 *
 * Rounding rule: every commission line is first computed as an exact fraction (ratios are read as
 * integers over 10⁹, products in BigInt). The commission total is the exact sum rounded half up
 * to a minor unit; the lines are then the largest-remainder split of that total: each line gets
 * its value rounded down, and the units still missing go one each to the lines with the largest
 * fractional parts (ties to the earlier line). So the lines always add up to the total exactly, and
 * no line is more than one unit from its exact value. The per-product split is rounded the same way
 * and adds up to the same commission.
 */
import type { Actual } from '../plan/model.js';
import { dualAttainment, isDate, type DualAttainment } from '../pace/pace.js';
import { rampFactor, type RampStep } from '../plan/ramp.js';
import { allocate } from '../plan/allocate.js';
import { fail, ok, type Result } from '../shared/result.js';
import { capOf, floorDiv, PPB, ppb, roundLines, type CommissionPlan } from './plan.js';
import { credit, type ClawbackBooking, type Credited } from './basis.js';

export type { ClawbackBooking } from './basis.js';

export { parseCommissionPlan, roundLines, CommissionPlanSchema, SAMPLE_COMMISSION_PLAN, type CommissionPlan, type CommissionTier } from './plan.js';
export { payoutCurve, whatIfRange, type CurvePoint, type PayoutCurveOptions } from './curve.js';

/** The person paid: their target in force and, when it was adjusted, the original one. */
export interface PayoutPerson {
  id: string;
  name?: string;
  /** The target in force for the period (after approved adjustments, ramp included), minor units > 0. */
  target: number;
  /** The target as first set; shown beside the attainment for pay. Default: `target`. */
  originalTarget?: number;
  /** A new hire on ramp (rampFactor < 1 as of `asOf`) can earn the ramp bonus. */
  hireDate?: string;
  /** Who mentors this person (传帮带). */
  mentorId?: string;
}

export interface PayoutOptions {
  /** The day the payout is computed for (clawback deadlines, ramp); default `to`, else the last actual's date. */
  asOf?: string;
  /** First and last day of the period; actuals outside are ignored (default: all up to `asOf`). */
  from?: string;
  to?: string;
  /**
   * The new product lines of the plan data (`ProductLine.new`: what the decomposition gives a
   * minimum share). When given they alone decide which products get the new-product coefficient and
   * count for the new-product bonus, over any `new` flag in the commission plan's `products`;
   * those flags count only when this is absent (a commission plan used without plan data).
   */
  newProductIds?: readonly string[];
  rampSchedule?: readonly RampStep[];
}

export type PayoutLine =
  | { kind: 'tier'; tier: number; from: number; to: number | null; rate: number; revenue: number; amount: number }
  | { kind: 'product'; productId: string | null; revenue: number; multiplier: number; amount: number }
  | { kind: 'decelerator'; floor: number; factor: number; amount: number }
  | { kind: 'gate'; threshold: number; amount: number }
  | { kind: 'new-product-bonus'; share: number; shareTarget: number; amount: number }
  | { kind: 'ramp-bonus'; minAttainment: number; amount: number }
  | { kind: 'cap'; cap: number; amount: number }
  | { kind: 'mentoring'; menteeId: string; amount: number };

/** What crossing the next boundary takes and brings. */
export interface NextStep {
  /** `tier`: a new marginal rate; `gate`: the threshold; `floor`: the end of the decelerator. */
  kind: 'tier' | 'gate' | 'floor';
  /** The boundary's attainment (1 = 100 %). */
  attainment: number;
  /** For `tier`: the rate from there on. */
  rate?: number;
  /** More credited revenue needed to reach it, minor units (≥ 1). */
  revenueNeeded: number;
  /** How much the payout grows by then (that revenue in the current product mix, as `whatIf`). */
  payoutGain: number;
}

export interface Payout {
  personId: string;
  basis: CommissionPlan['basis'];
  /** Credited revenue R (after clawback), minor units, and its split by product (`null`: an amount not tied to a product, e.g. a what-if). */
  revenue: number;
  revenueByProduct: { productId: string | null; revenue: number }[];
  /**
   * Bookings in the period before any clawback (whatever the basis): the actual the goal tree and
   * the gauges show. Differs from `revenue` after a clawback or on a collected basis, and the
   * calculator names the basis where it does. A what-if counts the extra as booked.
   */
  booked: number;
  target: number;
  originalTarget: number;
  /** R / target in force: what pays. */
  attainment: number;
  /** R / original target, for display beside it; null when that is 0. */
  originalAttainment: number | null;
  dual: DualAttainment;
  /** Commission after multipliers, decelerator and gate, before bonuses and cap. */
  commission: number;
  /** Σ lines.amount, exactly. */
  total: number;
  lines: PayoutLine[];
  /** The commission split by product (multiplier applied); adds up to `commission` exactly. */
  byProduct: { productId: string | null; revenue: number; multiplier: number; amount: number }[];
  gated: boolean;
  decelerated: boolean;
  capped: boolean;
  /** New products' share of R; null when R ≤ 0. */
  newProductShare: number | null;
  /** Σ Rₚ·mₚ / R: the multiplier the payout curve is drawn with; 1 when R ≤ 0. */
  effectiveMultiplier: number;
  next: NextStep | null;
  clawback: { days: number; revenue: number; bookings: ClawbackBooking[]; payoutEffect: number } | null;
  /**
   * The payout with `extra` more credited revenue: on `productId`; on no product (multiplier 1) for
   * `null`; by default spread over the products sold so far in their proportions.
   */
  whatIf(extra: number, productId?: string | null): Result<Payout>;
}

/** A validated plan with its ratios as exact integers over 10⁹. */
interface Compiled {
  plan: CommissionPlan;
  tiers: { from: bigint; rate: bigint }[];
  multiplier(productId: string | null): bigint;
  isNew(productId: string | null): boolean;
}

// A team of 100,000 is paid on one plan: it is compiled once per plan and list of new products, not once per person.
const compiled = new WeakMap<CommissionPlan, Map<string, Compiled>>();
function compile(plan: CommissionPlan, newIds?: readonly string[]): Compiled {
  let byNew = compiled.get(plan);
  if (!byNew) compiled.set(plan, (byNew = new Map()));
  // No list (the plan's own flags) and an empty list (nothing is new) are different keys.
  const key = newIds ? `list:${newIds.join('\u0000')}` : 'plan';
  let c = byNew.get(key);
  if (!c) {
    if (byNew.size >= 16) byNew.clear();
    byNew.set(key, (c = compileNow(plan, newIds)));
  }
  return c;
}

function compileNow(plan: CommissionPlan, newIds?: readonly string[]): Compiled {
  const byId = new Map((plan.products ?? []).map((p) => [p.id, p]));
  // One source of truth: the plan data's product lines, when given, decide which lines are new; the
  // commission plan's own `new` flags count only for a plan standing alone.
  const defined = newIds ? new Set(newIds) : null;
  const isNew = (id: string | null) => id !== null && (defined ? defined.has(id) : byId.get(id)?.new === true);
  const multipliers = new Map<string | null, bigint>();
  return {
    plan,
    tiers: plan.tiers.map((t) => ({ from: ppb(t.from), rate: ppb(t.rate) })),
    isNew,
    multiplier(id) {
      let r = multipliers.get(id);
      if (r === undefined) {
        const m = id === null ? undefined : byId.get(id)?.multiplier;
        r = m !== undefined ? ppb(m) : isNew(id) && plan.newProductMultiplier !== undefined ? ppb(plan.newProductMultiplier) : PPB;
        multipliers.set(id, r);
      }
      return r;
    },
  };
}

interface Evaluation {
  revenue: number;
  commission: number;
  total: number;
  lines: PayoutLine[];
  byProduct: Payout['byProduct'];
  gated: boolean;
  decelerated: boolean;
  capped: boolean;
  newProductShare: number | null;
  effectiveMultiplier: number;
}

/** The payout for revenue by product against target T (> 0). */
const P3 = PPB ** 3n;
const P6 = PPB ** 6n;

function evaluate(c: Compiled, T: number, revenue: ReadonlyMap<string | null, number>, ramping: boolean): Evaluation {
  const { plan } = c;
  const entries = [...revenue].filter(([, v]) => v !== 0);
  const R = entries.reduce((s, [, v]) => s + v, 0);
  const Rb = BigInt(R), Tb = BigInt(T);
  const RP = Rb * PPB;
  const below = (ratio: number) => RP < ppb(ratio) * Tb;
  // Every commission line is an exact numerator over D = 10⁵⁴ · R (10⁹ per ratio multiplied in).
  const D = P6 * (Rb > 0n ? Rb : 1n);
  const positive = R > 0;

  const tierLines: PayoutLine[] = [];
  const nums: bigint[] = [];
  let B = 0n;
  c.tiers.forEach((t, i) => {
    const lo = t.from * Tb;
    const hi = i + 1 < c.tiers.length ? c.tiers[i + 1].from * Tb : null;
    const top = hi !== null && RP > hi ? hi : RP;
    const slice = positive && top > lo ? top - lo : 0n;
    const base = slice * t.rate;
    B += base;
    nums.push(base * P3 * PPB * Rb);
    // Shown revenue per band uses boundaries rounded half up, so the bands add up to R exactly.
    const loR = Number((lo + PPB / 2n) / PPB), hiR = hi === null ? Infinity : Number((hi + PPB / 2n) / PPB);
    const shown = positive ? Math.max(0, Math.min(R, hiR) - loR) : 0;
    tierLines.push({ kind: 'tier', tier: i, from: plan.tiers[i].from, to: plan.tiers[i + 1]?.from ?? null, rate: plan.tiers[i].rate, revenue: shown, amount: 0 });
  });

  const lines: PayoutLine[] = [...tierLines];
  let weighted = 0n;
  for (const [id, r] of entries) {
    const m = c.multiplier(id);
    weighted += BigInt(r) * m;
    if (m === PPB) continue;
    nums.push(positive ? B * BigInt(r) * (m - PPB) * P3 : 0n);
    lines.push({ kind: 'product', productId: id, revenue: r, multiplier: Number(m) / 1e9, amount: 0 });
  }
  let C = nums.reduce((s, n) => s + n, 0n);
  const decelerated = plan.decelerator !== undefined && positive && below(plan.decelerator.floor);
  let factor = PPB;
  if (decelerated) {
    factor = ppb(plan.decelerator!.factor);
    const d = (C * (factor - PPB)) / PPB;
    nums.push(d);
    C += d;
    lines.push({ kind: 'decelerator', floor: plan.decelerator!.floor, factor: plan.decelerator!.factor, amount: 0 });
  }
  const gated = plan.threshold !== undefined && below(plan.threshold);
  if (gated) {
    nums.push(-C);
    lines.push({ kind: 'gate', threshold: plan.threshold!, amount: 0 });
  }
  const rounded = roundLines(nums, D);
  rounded.forEach((v, i) => (lines[i].amount = v));
  const commission = rounded.reduce((s, v) => s + v, 0);

  const productNums = entries.map(([id, r]) => (gated || !positive ? 0n : B * BigInt(r) * c.multiplier(id) * factor * PPB * PPB));
  const productAmounts = roundLines(productNums, D);
  const byProduct = entries.map(([id, r], i) => ({ productId: id, revenue: r, multiplier: Number(c.multiplier(id)) / 1e9, amount: productAmounts[i] }));

  const newRevenue = entries.filter(([id]) => c.isNew(id)).reduce((s, [, v]) => s + v, 0);
  const bonus = plan.newProductBonus;
  if (bonus && positive && !gated && BigInt(newRevenue) * PPB >= ppb(bonus.share) * Rb) {
    lines.push({ kind: 'new-product-bonus', share: newRevenue / R, shareTarget: bonus.share, amount: bonus.amount });
  }
  const ramp = plan.rampBonus;
  if (ramp && ramping && !gated && !below(ramp.minAttainment)) {
    lines.push({ kind: 'ramp-bonus', minAttainment: ramp.minAttainment, amount: ramp.amount });
  }
  let total = lines.reduce((s, l) => s + l.amount, 0);
  const cap = capOf(plan, T);
  const capped = cap !== null && total > cap;
  if (capped) {
    lines.push({ kind: 'cap', cap: cap!, amount: cap! - total });
    total = cap!;
  }
  return {
    revenue: R,
    commission,
    total,
    lines,
    byProduct,
    gated,
    decelerated,
    capped,
    newProductShare: positive ? newRevenue / R : null,
    effectiveMultiplier: positive ? Number((weighted * 1_000_000n) / (Rb * PPB)) / 1e6 : 1,
  };
}

/** The smallest whole amount r with r·10⁹ ≥ f·T. */
const ceilAt = (f: bigint, T: number) => Number((f * BigInt(T) + PPB - 1n) / PPB);

function nextStep(c: Compiled, T: number, revenue: Map<string | null, number>, ramping: boolean, current: Evaluation): NextStep | null {
  const { plan } = c;
  const candidates: { kind: NextStep['kind']; at: number; rate?: number }[] = [];
  if (plan.threshold !== undefined) candidates.push({ kind: 'gate', at: plan.threshold });
  if (plan.decelerator) candidates.push({ kind: 'floor', at: plan.decelerator.floor });
  plan.tiers.forEach((t, i) => i > 0 && candidates.push({ kind: 'tier', at: t.from, rate: t.rate }));
  let best: { kind: NextStep['kind']; at: number; rate?: number; need: number } | null = null;
  for (const k of candidates) {
    const need = ceilAt(ppb(k.at), T) - current.revenue;
    // Gate first, then the floor, then a tier when they fall on the same amount (the list's order).
    if (need > 0 && (!best || need < best.need)) best = { ...k, need };
  }
  if (!best) return null;
  const after = evaluate(c, T, spread(revenue, best.need, undefined), ramping);
  return {
    kind: best.kind,
    attainment: best.at,
    ...(best.rate !== undefined ? { rate: best.rate } : {}),
    revenueNeeded: best.need,
    payoutGain: after.total - current.total,
  };
}

function withExtra(revenue: ReadonlyMap<string | null, number>, extra: number, productId: string | null): Map<string | null, number> {
  const m = new Map(revenue);
  m.set(productId, (m.get(productId) ?? 0) + extra);
  return m;
}

/**
 * Adds `extra` on `productId`, or (`undefined`) over the products sold so far in proportion to their
 * revenue (largest remainder, so the parts add up to `extra`): more of the same mix keeps the
 * new-product share and the effective multiplier. With nothing sold yet it goes to no product.
 */
function spread(revenue: ReadonlyMap<string | null, number>, extra: number, productId: string | null | undefined): Map<string | null, number> {
  if (productId !== undefined) return withExtra(revenue, extra, productId);
  const sold = [...revenue].filter(([, v]) => v > 0);
  const parts = allocate(extra, sold.map(([, v], i) => ({ id: String(i), weight: v })));
  if (!sold.length || !parts.ok) return withExtra(revenue, extra, null);
  const m = new Map(revenue);
  sold.forEach(([id, v], i) => m.set(id, v + parts.value.values[String(i)]));
  return m;
}

/**
 * The payout of `person` so far under `plan` (validated with `parseCommissionPlan`), from their
 * actuals (bookings and collections; other reps' actuals are ignored, so one booking credits one
 * person). Attainment for pay is against the target in force (`person.target`); the original target's
 * attainment is given beside it (`dual`, from `dualAttainment`). See the module comment for the
 * formula and the rounding rule.
 *
 * Fails with `incentive-target-invalid` (a target that is not a whole amount > 0),
 * `incentive-date-invalid`, `incentive-amount-invalid` (an actual that is not a whole amount, or a
 * what-if amount below 0), `incentive-too-large`.
 *
 * @example
 * // Sample plan (0 / 5 % / 8 % / 10 % at 0, 50, 100, 150 %), target ¥100,000, bookings ¥120,000
 * // of an old product, all collected: attainment 120 %.
 * // Tiers: 50,000 × 0 + 50,000 × 5 % + 20,000 × 8 % = 0 + 2,500 + 1,600 = ¥4,100.
 * // Next: ¥30,000 more reaches the 10 % tier at 150 %, worth 30,000 × 8 % = ¥2,400 more.
 * computePayout(SAMPLE_COMMISSION_PLAN, { id: 'r1', target: 10_000_000 }, actuals, { asOf: '2026-03-31' })
 * // ok({ attainment: 1.2, total: 410_000, next: { kind: 'tier', rate: 0.1, revenueNeeded: 3_000_000, payoutGain: 240_000 }, … })
 */
export function computePayout(plan: CommissionPlan, person: PayoutPerson, actuals: readonly Actual[], options: PayoutOptions = {}): Result<Payout> {
  const p = prepare(plan, person, actuals, options);
  if (!p.ok) return p;
  const { c, ramping, credited } = p.value;
  return ok(assemble(c, person, credited.revenue, ramping, credited, credited.booked));
}

// A company's payouts check the same few hundred dates (booking days, hire dates, the period's) and
// ramp the same hire dates 100,000 times: each is read once (bounded memos of pure functions).
const validDates = new Map<string, boolean>();
const isDay = (d: string): boolean => {
  let v = validDates.get(d);
  if (v === undefined) {
    v = isDate(d);
    if (validDates.size >= 4096) validDates.clear();
    validDates.set(d, v);
  }
  return v;
};
const ramps = new Map<string, ReturnType<typeof rampFactor>>();
const rampOn = (hire: string, asOf: string, schedule: PayoutOptions['rampSchedule']): ReturnType<typeof rampFactor> => {
  if (schedule) return rampFactor(hire, asOf, schedule);
  const key = `${hire}|${asOf}`;
  let r = ramps.get(key);
  if (r === undefined) {
    r = rampFactor(hire, asOf);
    if (ramps.size >= 4096) ramps.clear();
    ramps.set(key, r);
  }
  return r;
};

/** What every payout checks and reads first: the plan compiled, the ramp, the credited revenue. */
const DATE_FIELDS = ['asOf', 'from', 'to', 'hireDate'] as const;

/**
 * What every payout checks and reads first: the plan compiled (`c`: compiled once for a team), the
 * ramp, the credited revenue (`lean`: without the clawed-back bookings listed, for the figures).
 */
function prepare(plan: CommissionPlan, person: PayoutPerson, actuals: readonly Actual[], options: PayoutOptions, c?: Compiled, lean = false): Result<{ c: Compiled; ramping: boolean; credited: Credited }> {
  const T = person.target;
  if (!Number.isSafeInteger(T) || T <= 0) {
    return fail('incentive-target-invalid', `The target of ${person.id} must be a whole amount above 0, got ${T}`, { person: person.name ?? person.id, value: String(T) }, ['target']);
  }
  const original = person.originalTarget ?? T;
  if (!Number.isSafeInteger(original) || original < 0) {
    return fail('incentive-target-invalid', `The original target of ${person.id} must be a whole amount ≥ 0`, { person: person.name ?? person.id, value: String(original) }, ['originalTarget']);
  }
  let sum = 0;
  let last = '';
  for (const a of actuals) {
    if (a.repId !== person.id) continue;
    if (!Number.isSafeInteger(a.amount)) return fail('incentive-amount-invalid', `Actual ${a.id} is not a whole amount`, { value: String(a.amount) }, ['actuals', a.id]);
    if (typeof a.date !== 'string' || !isDay(a.date)) return fail('incentive-date-invalid', `"${a.date}" is not a date YYYY-MM-DD`, { value: String(a.date) }, ['actuals', a.id]);
    sum += Math.abs(a.amount);
    if (a.date > last) last = a.date;
  }
  if (!Number.isSafeInteger(sum) || sum > 2 ** 40) return fail('incentive-too-large', 'The amounts are too large to compute exactly', {});
  for (const field of DATE_FIELDS) {
    const d = field === 'hireDate' ? person.hireDate : options[field];
    if (d !== undefined && (typeof d !== 'string' || !isDay(d))) return fail('incentive-date-invalid', `"${d}" is not a date YYYY-MM-DD`, { field, value: String(d) }, [field]);
  }
  const asOf = options.asOf ?? options.to ?? (last || '9999-12-31');
  const from = options.from ?? '0000-01-01';
  const to = options.to !== undefined && options.to < asOf ? options.to : asOf;
  const compiled = c ?? compile(plan, options.newProductIds);
  const hire = person.hireDate;
  const factor = hire !== undefined && hire <= asOf ? rampOn(hire, asOf, options.rampSchedule) : null;
  const ramping = factor !== null && factor.ok && factor.value < 1;
  return ok({ c: compiled, ramping, credited: credit(plan, person.id, actuals, from, to, asOf, !lean) });
}

/**
 * The figures a team's table sorts and totals by, without the lines: what `computePayout` gives as
 * `revenue`, `booked`, `target`, `originalTarget`, `attainment`, `commission` and `total`, and the
 * amount of its `ramp-bonus` line (0 without one). A company's table needs these for everyone and
 * the lines only for the page shown. @internal
 */
export interface PayoutFigures {
  revenue: number;
  booked: number;
  target: number;
  originalTarget: number;
  attainment: number;
  commission: number;
  total: number;
  rampBonus: number;
}

/** `computePayout`'s figures (see `PayoutFigures`), with its checks and errors. @internal */
export function payoutFigures(plan: CommissionPlan, person: PayoutPerson, actuals: readonly Actual[], options: PayoutOptions = {}): Result<PayoutFigures> {
  return figuresOf(plan, person, actuals, options);
}

/**
 * `payoutFigures` of many people paid on one plan with the same options (a team): the plan is
 * compiled once, not once per person. Same checks, same figures. @internal
 */
export function teamFigures(plan: CommissionPlan, options: PayoutOptions = {}): (person: PayoutPerson, actuals: readonly Actual[]) => Result<PayoutFigures> {
  const c = compile(plan, options.newProductIds);
  return (person, actuals) => figuresOf(plan, person, actuals, options, c);
}

function figuresOf(plan: CommissionPlan, person: PayoutPerson, actuals: readonly Actual[], options: PayoutOptions, compiled?: Compiled): Result<PayoutFigures> {
  const p = prepare(plan, person, actuals, options, compiled, true);
  if (!p.ok) return p;
  const { c, ramping, credited } = p.value;
  const T = person.target;
  const e = evaluateTotals(c, T, credited.revenue, ramping);
  return ok({ revenue: e.revenue, booked: credited.booked, target: T, originalTarget: person.originalTarget ?? T, attainment: e.revenue / T, commission: e.commission, total: e.total, rampBonus: e.rampBonus });
}

/**
 * `evaluate` without its lines: the same exact numerators, summed instead of listed. The commission
 * is their sum rounded half up, which is what the rounded lines add up to (`roundLines`).
 */
function evaluateTotals(c: Compiled, T: number, revenue: ReadonlyMap<string | null, number>, ramping: boolean): { revenue: number; commission: number; total: number; rampBonus: number } {
  const { plan } = c;
  let R = 0;
  for (const v of revenue.values()) if (v !== 0) R += v;
  const Rb = BigInt(R), Tb = BigInt(T);
  const RP = Rb * PPB;
  const below = (ratio: number) => RP < ppb(ratio) * Tb;
  const D = P6 * (Rb > 0n ? Rb : 1n);
  const positive = R > 0;
  let B = 0n;
  let N = 0n;
  for (let i = 0; i < c.tiers.length; i++) {
    const t = c.tiers[i];
    const lo = t.from * Tb;
    const hi = i + 1 < c.tiers.length ? c.tiers[i + 1].from * Tb : null;
    const top = hi !== null && RP > hi ? hi : RP;
    const slice = positive && top > lo ? top - lo : 0n;
    const base = slice * t.rate;
    B += base;
    N += base * P3 * PPB * Rb;
  }
  let newRevenue = 0;
  for (const [id, r] of revenue) {
    if (r === 0) continue;
    if (c.isNew(id)) newRevenue += r;
    const m = c.multiplier(id);
    if (m === PPB) continue;
    N += positive ? B * BigInt(r) * (m - PPB) * P3 : 0n;
  }
  if (plan.decelerator !== undefined && positive && below(plan.decelerator.floor)) N += (N * (ppb(plan.decelerator.factor) - PPB)) / PPB;
  const gated = plan.threshold !== undefined && below(plan.threshold);
  if (gated) N = 0n;
  const commission = Number(floorDiv(N + D / 2n, D));
  let total = commission;
  const bonus = plan.newProductBonus;
  if (bonus && positive && !gated && BigInt(newRevenue) * PPB >= ppb(bonus.share) * Rb) total += bonus.amount;
  const ramp = plan.rampBonus;
  const rampBonus = ramp && ramping && !gated && !below(ramp.minAttainment) ? ramp.amount : 0;
  total += rampBonus;
  const cap = capOf(plan, T);
  if (cap !== null && total > cap) total = cap;
  return { revenue: R, commission, total, rampBonus };
}

function assemble(c: Compiled, person: PayoutPerson, revenue: Map<string | null, number>, ramping: boolean, credited: Credited | null, booked: number): Payout {
  const T = person.target;
  const original = person.originalTarget ?? T;
  const e = evaluate(c, T, revenue, ramping);
  const dual = dualAttainment({ actual: e.revenue, originalTarget: original, currentTarget: T });
  const d = dual.ok ? dual.value : { original: { target: original, attainment: null, gap: 0 }, current: { target: T, attainment: e.revenue / T, gap: T - e.revenue }, targetChange: T - original, targetChangeRatio: null };
  // `next` and the clawback's payout effect each cost another evaluation: computed when first read,
  // so a team of 100,000 pays for them only on the rows someone looks at.
  let effect: number | undefined;
  const clawback = c.plan.basis === 'booked' && c.plan.clawback && credited
    ? {
        days: c.plan.clawback.days,
        revenue: credited.clawed.reduce((s, b) => s + b.clawedBack, 0),
        bookings: credited.clawed,
        get payoutEffect(): number {
          return (effect ??= evaluate(c, T, credited.gross, ramping).total - e.total);
        },
      }
    : null;
  let next: NextStep | null | undefined;
  return {
    personId: person.id,
    basis: c.plan.basis,
    revenue: e.revenue,
    revenueByProduct: [...revenue].filter(([, v]) => v !== 0).map(([productId, r]) => ({ productId, revenue: r })),
    booked,
    target: T,
    originalTarget: original,
    attainment: e.revenue / T,
    originalAttainment: d.original.attainment,
    dual: d,
    commission: e.commission,
    total: e.total,
    lines: e.lines,
    byProduct: e.byProduct,
    gated: e.gated,
    decelerated: e.decelerated,
    capped: e.capped,
    newProductShare: e.newProductShare,
    effectiveMultiplier: e.effectiveMultiplier,
    get next(): NextStep | null {
      return next === undefined ? (next = nextStep(c, T, revenue, ramping, e)) : next;
    },
    clawback,
    whatIf(extra: number, productId?: string | null): Result<Payout> {
      if (!Number.isSafeInteger(extra) || extra < 0 || extra > 2 ** 40) {
        return fail('incentive-amount-invalid', `The extra amount must be a whole amount ≥ 0, got ${extra}`, { value: String(extra) }, ['extra']);
      }
      return ok(assemble(c, person, spread(revenue, extra, productId), ramping, null, booked + extra));
    },
  };
}

/**
 * The payout with `extra` more credited revenue: `computePayout(…).whatIf(extra, productId)` in one
 * call. The extra counts on `productId` (its multiplier, its new-product status) or, without one,
 * spread over the products sold so far in their proportions.
 *
 * @example
 * // Target ¥100,000 with ¥120,000 booked (¥4,100, see computePayout): ¥40,000 more → 160 %:
 * // + 30,000 × 8 % + 10,000 × 10 % = 4,100 + 2,400 + 1,000 = ¥7,500.
 * whatIfPayout(plan, person, actuals, 4_000_000) // ok({ total: 750_000, … })
 */
export function whatIfPayout(plan: CommissionPlan, person: PayoutPerson, actuals: readonly Actual[], extra: number, options: PayoutOptions & { productId?: string | null } = {}): Result<Payout> {
  const p = computePayout(plan, person, actuals, options);
  return p.ok ? p.value.whatIf(extra, options.productId) : p;
}
