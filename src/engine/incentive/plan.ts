/**
 * The commission plan (提成方案) as a zod/mini schema: attainment tiers with marginal rates, an
 * optional threshold gate, a decelerator below a floor, a payout cap, per-product multipliers (the
 * new-product coefficient), a new-product share bonus, the payment basis (booked or collected,
 * 回款) with a clawback window, a ramp bonus for new hires and the mentoring share (传帮带).
 *
 * Ratios (attainment breakpoints, rates, multipliers, shares) are plain decimals: 0.05 is 5 %, 1.5 is
 * 150 %. They may have at most 9 decimal places, so the engine can read each one as an exact
 * fraction over 10⁹ and never lets a float decide a payout. Amounts are integer minor units.
 */
import * as z from 'zod/mini';
import { CurrencySchema, MinorUnitsSchema } from '../plan/model-schema.js';
import { fail, ok, type Result } from '../shared/result.js';

/** Parts per billion: every ratio of a plan is an exact integer over this. */
export const PPB = 1_000_000_000n;

const exactDecimal = (v: number) => Number.isFinite(v) && Math.abs(v * 1e9 - Math.round(v * 1e9)) < 1e-3;
const ratio = (max: number) =>
  z.number().check(z.gte(0, 'expected a number ≥ 0'), z.lte(max, `expected at most ${max} (${max * 100} %)`), z.refine(exactDecimal, 'expected a decimal with at most 9 decimal places'));
const amount = MinorUnitsSchema.check(z.gte(0));
const id = z.string().check(z.minLength(1), z.maxLength(200));

/** One tier: from `from` attainment (1 = 100 %) up to the next tier's `from`, each unit of revenue earns `rate`. */
export const CommissionTierSchema = z.object({ from: ratio(100), rate: ratio(1) });
export type CommissionTier = z.infer<typeof CommissionTierSchema>;

export const CommissionPlanSchema = z.object({
  id: z.optional(id),
  name: z.optional(z.string()),
  /** ISO 4217 code of the amounts below; default: the plan data's currency, else CNY. */
  currency: z.optional(CurrencySchema),
  /** `booked`: signed orders count; `collected`: only cash received (回款) counts. */
  basis: z.enum(['booked', 'collected']),
  /** Ascending `from`, the first at 0; the last tier is open-ended. */
  tiers: z.array(CommissionTierSchema).check(z.minLength(1), z.maxLength(20)),
  /** Gate: below this attainment nothing is paid (commission and bonuses). */
  threshold: z.optional(ratio(100)),
  /** Below `floor` attainment the commission is multiplied by `factor` (e.g. 0.5). */
  decelerator: z.optional(z.object({ floor: ratio(100), factor: ratio(1) })),
  /** The most commission + bonuses can reach: a fixed amount and/or a share of the target. */
  cap: z.optional(z.object({ amount: z.optional(amount), targetRatio: z.optional(ratio(100)) })),
  /**
   * Commission multiplier of a product line (1 = none). `new` marks a new product only for a plan used
   * without plan data: with it, the plan data's product lines decide (`PayoutOptions.newProductIds`).
   */
  products: z.optional(z.array(z.object({ id, multiplier: z.optional(ratio(10)), new: z.optional(z.boolean()) })).check(z.maxLength(500))),
  /** The multiplier of new products that have none of their own (the new-product coefficient). */
  newProductMultiplier: z.optional(ratio(10)),
  /** A fixed bonus when new products make up at least `share` of the credited revenue. */
  newProductBonus: z.optional(z.object({ share: ratio(1), amount })),
  /** Booked basis only: a booking not fully collected `days` after its date stops counting. */
  clawback: z.optional(z.object({ days: z.number().check(z.int(), z.gte(0), z.lte(3660)) })),
  /** A new hire still on ramp earns `amount` once their attainment reaches `minAttainment`. */
  rampBonus: z.optional(z.object({ amount, minAttainment: ratio(100) })),
  /** A mentor earns `share` of each mentee's ramp bonus, at most `cap` in total. */
  mentoring: z.optional(z.object({ share: ratio(1), cap: z.optional(amount) })),
});
export type CommissionPlan = z.infer<typeof CommissionPlanSchema>;

/**
 * The plan of the issue's example: nothing below 50 %, 5 % from 50 % to 100 %, an 8 % accelerator
 * to 150 % and 10 % above; half commission below 70 %; commission and bonuses capped at 20 % of
 * the target; new products ×1.5 and ¥5,000 when they are ≥ 20 % of revenue; bookings not collected
 * within 90 days are clawed back; ¥3,000 ramp bonus at 100 % for new hires, 20 % of it to their
 * mentor up to ¥2,000.
 */
export const SAMPLE_COMMISSION_PLAN: CommissionPlan = Object.freeze({
  id: 'sample',
  basis: 'booked',
  tiers: [
    { from: 0, rate: 0 },
    { from: 0.5, rate: 0.05 },
    { from: 1, rate: 0.08 },
    { from: 1.5, rate: 0.1 },
  ],
  decelerator: { floor: 0.7, factor: 0.5 },
  cap: { targetRatio: 0.2 },
  newProductMultiplier: 1.5,
  newProductBonus: { share: 0.2, amount: 500_000 },
  clawback: { days: 90 },
  rampBonus: { amount: 300_000, minAttainment: 1 },
  mentoring: { share: 0.2, cap: 200_000 },
}) as CommissionPlan;

/**
 * Validates a commission plan from a host. On failure the error (`incentive-plan-invalid`) names the
 * first bad field in `path` (e.g. `['tiers', 2, 'rate']`) and in `params.path` as text
 * (`tiers.2.rate`), with `params.reason`; `issues` on the error lists them all. Beyond the
 * field rules: tiers must start at 0 and rise strictly, product ids must be unique.
 *
 * @example parseCommissionPlan({ basis: 'booked', tiers: [{ from: 0, rate: 0 }, { from: 0.5, rate: 1.2 }] })
 * // fail: code 'incentive-plan-invalid', path ['tiers', 1, 'rate'] (a rate above 100 %)
 */
export function parseCommissionPlan(data: unknown): Result<CommissionPlan> & { issues?: { path: (string | number)[]; message: string }[] } {
  const r = z.safeParse(CommissionPlanSchema, data);
  const issues: { path: (string | number)[]; message: string }[] = r.success
    ? crossChecks(r.data)
    : r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
  if (issues.length === 0 && r.success) return ok(r.data);
  const first = issues[0];
  const path = first.path.join('.');
  return { ...fail('incentive-plan-invalid', `The commission plan is invalid at ${path || '(root)'}: ${first.message}`, { path: path || '(root)', reason: first.message }, first.path), issues };
}

function crossChecks(plan: CommissionPlan): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  if (plan.tiers[0].from !== 0) out.push({ path: ['tiers', 0, 'from'], message: 'the first tier must start at 0' });
  plan.tiers.forEach((t, i) => {
    if (i > 0 && t.from <= plan.tiers[i - 1].from) out.push({ path: ['tiers', i, 'from'], message: 'tiers must start at strictly rising attainments' });
  });
  const seen = new Set<string>();
  plan.products?.forEach((p, i) => {
    if (seen.has(p.id)) out.push({ path: ['products', i, 'id'], message: `duplicate product "${p.id}"` });
    seen.add(p.id);
  });
  return out;
}

/** A ratio of a validated plan as an exact integer over `PPB`. @internal */
export const ppb = (x: number): bigint => BigInt(Math.round(x * 1e9));

/** ⌊a / d⌋ for d > 0. @internal */
export const floorDiv = (a: bigint, d: bigint) => (a >= 0n ? a / d : -((-a + d - 1n) / d));

/**
 * Largest-remainder rounding of exact values `nums / D` (D > 0, even): integers within one unit of
 * each value, adding up to the exact sum rounded half up. Ties go to the earlier value.
 *
 * @example roundLines([65n, 135n], 10n) // [7, 13]: 6.5 + 13.5 = 20; floors 6 + 13, the tie at .5 → the first
 */
export function roundLines(nums: readonly bigint[], D: bigint): number[] {
  const floors = nums.map((n) => floorDiv(n, D));
  const total = floorDiv(nums.reduce((s, n) => s + n, 0n) + D / 2n, D);
  let left = Number(total - floors.reduce((s, f) => s + f, 0n));
  const order = nums.map((n, i) => ({ i, rem: n - floors[i] * D })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  const out = floors.map(Number);
  for (let k = 0; left > 0; k++, left--) out[order[k].i]++;
  return out;
}

/** The payout cap for target T: the smaller of the fixed amount and targetRatio × T (rounded down); null without one. */
export function capOf(plan: CommissionPlan, T: number): number | null {
  const caps: number[] = [];
  if (plan.cap?.amount !== undefined) caps.push(plan.cap.amount);
  if (plan.cap?.targetRatio !== undefined) caps.push(Number((ppb(plan.cap.targetRatio) * BigInt(T)) / PPB));
  return caps.length ? Math.min(...caps) : null;
}

