/**
 * The commission plan editor's form: every field as typed (ratios in %, amounts in major units),
 * to and from a `CommissionPlan`. `planOf` says, per field, what is wrong, and builds the plan
 * from the fields that are right only when none is wrong.
 */
import { parseCommissionPlan, type CommissionPlan } from '../../engine/incentive/plan.js';

export interface PlanForm {
  tiers: { from: string; rate: string }[];
  threshold: string;
  deceleratorFloor: string;
  deceleratorFactor: string;
  capRatio: string;
  capAmount: string;
  newProductMultiplier: string;
  newProductBonusShare: string;
  newProductBonusAmount: string;
  mentoringShare: string;
  mentoringCap: string;
  /** What the form does not edit (basis, products, clawback, ramp bonus), kept as loaded. */
  base: CommissionPlan;
}

export type FieldError = { kind: 'number' | 'range' | 'first' | 'rise' | 'other'; max?: string; text?: string };

/** The upper bound of each field as the user types it (percent for ratios, × for multipliers). */
const MAX: Record<string, number> = {
  from: 10_000, rate: 100, threshold: 10_000, deceleratorFloor: 10_000, deceleratorFactor: 100, capRatio: 10_000,
  newProductMultiplier: 10, newProductBonusShare: 100, mentoringShare: 100,
};

const pct = (x: number | undefined) => (x === undefined ? '' : String(Math.round(x * 1e7) / 1e5));
const major = (x: number | undefined) => (x === undefined ? '' : String(x / 100));

export function formOf(plan: CommissionPlan): PlanForm {
  return {
    tiers: plan.tiers.map((t) => ({ from: pct(t.from), rate: pct(t.rate) })),
    threshold: pct(plan.threshold),
    deceleratorFloor: pct(plan.decelerator?.floor),
    deceleratorFactor: pct(plan.decelerator?.factor),
    capRatio: pct(plan.cap?.targetRatio),
    capAmount: major(plan.cap?.amount),
    newProductMultiplier: plan.newProductMultiplier === undefined ? '' : String(plan.newProductMultiplier),
    newProductBonusShare: pct(plan.newProductBonus?.share),
    newProductBonusAmount: major(plan.newProductBonus?.amount),
    mentoringShare: pct(plan.mentoring?.share),
    mentoringCap: major(plan.mentoring?.cap),
    base: plan,
  };
}

/** Where an issue of `parseCommissionPlan` belongs in the form. */
function fieldOf(path: readonly (string | number)[]): string | null {
  const [a, b, c] = path;
  if (a === 'tiers' && typeof b === 'number' && (c === 'from' || c === 'rate')) return `tiers.${b}.${c}`;
  const map: Record<string, string> = {
    threshold: 'threshold', 'decelerator.floor': 'deceleratorFloor', 'decelerator.factor': 'deceleratorFactor', 'cap.targetRatio': 'capRatio',
    'cap.amount': 'capAmount', newProductMultiplier: 'newProductMultiplier', 'newProductBonus.share': 'newProductBonusShare',
    'newProductBonus.amount': 'newProductBonusAmount', 'mentoring.share': 'mentoringShare', 'mentoring.cap': 'mentoringCap',
  };
  return map[[a, b].filter((x) => x !== undefined).join('.')] ?? null;
}

/**
 * The plan the form describes and what is wrong with each field (keyed `threshold`,
 * `tiers.2.rate`, …). Empty optional fields leave their rule out; a pair (decelerator floor and
 * factor, bonus share and amount) needs both.
 *
 * @example planOf({ ...formOf(SAMPLE_COMMISSION_PLAN), threshold: '5o' }).errors // { threshold: { kind: 'number' } }
 */
export function planOf(form: PlanForm): { plan: CommissionPlan | null; errors: Record<string, FieldError> } {
  const errors: Record<string, FieldError> = {};
  const num = (key: string, text: string, kind: 'pct' | 'x' | 'money'): number | undefined => {
    const s = text.trim().replace(/[,，\s]/g, '').replace(/[%％]$/, '');
    if (s === '') return undefined;
    const v = Number(s);
    if (!Number.isFinite(v)) {
      errors[key] = { kind: 'number' };
      return undefined;
    }
    const max = MAX[key.split('.').pop()!];
    if (v < 0 || (max !== undefined && v > max)) {
      errors[key] = { kind: 'range', max: String(max ?? '∞') };
      return undefined;
    }
    return kind === 'pct' ? Math.round(v * 1e7) / 1e9 : kind === 'money' ? Math.round(v * 100) : v;
  };
  const tiers = form.tiers.map((t, i) => ({ from: num(`tiers.${i}.from`, t.from, 'pct'), rate: num(`tiers.${i}.rate`, t.rate, 'pct') }));
  tiers.forEach((t, i) => {
    if (t.from === undefined && !errors[`tiers.${i}.from`]) errors[`tiers.${i}.from`] = { kind: 'number' };
    if (t.rate === undefined && !errors[`tiers.${i}.rate`]) errors[`tiers.${i}.rate`] = { kind: 'number' };
  });
  const v = {
    threshold: num('threshold', form.threshold, 'pct'),
    floor: num('deceleratorFloor', form.deceleratorFloor, 'pct'),
    factor: num('deceleratorFactor', form.deceleratorFactor, 'pct'),
    capRatio: num('capRatio', form.capRatio, 'pct'),
    capAmount: num('capAmount', form.capAmount, 'money'),
    npm: num('newProductMultiplier', form.newProductMultiplier, 'x'),
    bonusShare: num('newProductBonusShare', form.newProductBonusShare, 'pct'),
    bonusAmount: num('newProductBonusAmount', form.newProductBonusAmount, 'money'),
    mentShare: num('mentoringShare', form.mentoringShare, 'pct'),
    mentCap: num('mentoringCap', form.mentoringCap, 'money'),
  };
  // A pair needs both halves.
  const pair = (a: number | undefined, ak: string, aText: string, b: number | undefined, bk: string, bText: string) => {
    if (a !== undefined && b === undefined && !bText.trim()) errors[bk] ??= { kind: 'number' };
    if (b !== undefined && a === undefined && !aText.trim()) errors[ak] ??= { kind: 'number' };
  };
  pair(v.floor, 'deceleratorFloor', form.deceleratorFloor, v.factor, 'deceleratorFactor', form.deceleratorFactor);
  pair(v.bonusShare, 'newProductBonusShare', form.newProductBonusShare, v.bonusAmount, 'newProductBonusAmount', form.newProductBonusAmount);
  if (Object.keys(errors).length) return { plan: null, errors };
  const { threshold: _t, decelerator: _d, cap: _c, newProductMultiplier: _n, newProductBonus: _b, mentoring: _m, tiers: _ts, ...rest } = form.base;
  const candidate: CommissionPlan = {
    ...rest,
    tiers: tiers.map((t) => ({ from: t.from!, rate: t.rate! })),
    ...(v.threshold !== undefined ? { threshold: v.threshold } : {}),
    ...(v.floor !== undefined && v.factor !== undefined ? { decelerator: { floor: v.floor, factor: v.factor } } : {}),
    ...(v.capRatio !== undefined || v.capAmount !== undefined ? { cap: { ...(v.capRatio !== undefined ? { targetRatio: v.capRatio } : {}), ...(v.capAmount !== undefined ? { amount: v.capAmount } : {}) } } : {}),
    ...(v.npm !== undefined ? { newProductMultiplier: v.npm } : {}),
    ...(v.bonusShare !== undefined && v.bonusAmount !== undefined ? { newProductBonus: { share: v.bonusShare, amount: v.bonusAmount } } : {}),
    ...(v.mentShare !== undefined ? { mentoring: { share: v.mentShare, ...(v.mentCap !== undefined ? { cap: v.mentCap } : {}) } } : {}),
  };
  const parsed = parseCommissionPlan(candidate);
  if (parsed.ok) return { plan: parsed.value, errors };
  for (const issue of parsed.issues ?? []) {
    const key = fieldOf(issue.path);
    if (!key || errors[key]) continue;
    errors[key] = /start at 0/.test(issue.message) ? { kind: 'first' } : /rising/.test(issue.message) ? { kind: 'rise' } : { kind: 'other', text: issue.message };
  }
  if (!Object.keys(errors).length) errors.tiers = { kind: 'other', text: parsed.error.message };
  return { plan: null, errors };
}
