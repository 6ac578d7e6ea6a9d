/**
 * Where the weights of a split come from: how a node's target is shared among its children.
 * The result feeds `allocate` as the children's weights.
 */
import { fail, ok, type Result } from '../shared/result.js';
import { DEFAULT_RAMP, rampFactor, type RampStep } from './ramp.js';

/** A single source of weights. */
export type WeightSource = 'equal' | 'history' | 'potential' | 'capacity' | 'custom';

export const WEIGHT_SOURCES: readonly WeightSource[] = ['equal', 'history', 'potential', 'capacity', 'custom'];

/** A source, or a blend of sources with coefficients (normalized, so 5/3/2 equals 0.5/0.3/0.2). */
export type WeightMethod = WeightSource | { blend: Partial<Record<WeightSource, number>> };

/** What a rep needs for capacity: the ramp runs from the hire date; a rep who has left counts 0. */
export interface RepInfo {
  hireDate?: string;
  leaveDate?: string;
}

export interface WeightContext {
  /** The child ids, in display order. */
  children: readonly string[];
  /** Prior-period actuals per child (e.g. last year's bookings rolled up to the child). */
  history?: Readonly<Record<string, number>>;
  /** Market/territory potential per child (`OrgNode.potential`). */
  potential?: Readonly<Record<string, number>>;
  /** Capacity per child if already known (headcount × ramp); overrides `reps`. */
  capacity?: Readonly<Record<string, number>>;
  /** The reps under each child (a rep child lists itself), to compute capacity as of `asOf`. */
  reps?: Readonly<Record<string, readonly RepInfo[]>>;
  /** The date capacity is measured at (`YYYY-MM-DD`). Required with `reps`. */
  asOf?: string;
  ramp?: readonly RampStep[];
  /** Weights the user typed in, per child. */
  custom?: Readonly<Record<string, number>>;
}

export interface ChildWeights {
  /** A weight per child id (≥ 0; only ratios matter). */
  weights: Record<string, number>;
  /** True when some source had nothing to go on (all zero or missing) and equal weights stood in. */
  fallback: boolean;
  /** Which sources fell back to equal, so the UI can say e.g. "no history: split equally". */
  fallbackSources: WeightSource[];
}

/**
 * The capacity of a group of reps as of a date: each rep counts their ramp factor (a fully ramped
 * rep 1, a rep in their first quarter 0.3, a rep not yet hired or already gone 0).
 *
 * @example
 * // One veteran, one hired 2026-03-01 (0.3 on 2026-04-15), one who left 2026-02-28:
 * repCapacity([{}, { hireDate: '2026-03-01' }, { leaveDate: '2026-02-28' }], '2026-04-15') // ok(1.3)
 */
export function repCapacity(reps: readonly RepInfo[], asOf: string, schedule: readonly RampStep[] = DEFAULT_RAMP): Result<number> {
  let sum = 0;
  for (const r of reps) {
    if (r.leaveDate !== undefined && r.leaveDate < asOf) continue;
    if (r.hireDate === undefined) {
      sum += 1;
      continue;
    }
    const f = rampFactor(r.hireDate, asOf, schedule);
    if (!f.ok) return f;
    sum += f.value;
  }
  return ok(sum);
}

/** Raw values of one source per child; missing entries count 0. */
function sourceValues(source: WeightSource, ctx: WeightContext): Result<number[]> {
  const { children } = ctx;
  if (source === 'equal') return ok(children.map(() => 1));
  if (source === 'capacity' && !ctx.capacity && ctx.reps) {
    if (!ctx.asOf) return fail('missing-as-of', 'capacity weights need the date to measure ramp at (asOf)', {});
    const out: number[] = [];
    for (const c of children) {
      const cap = repCapacity(ctx.reps[c] ?? [], ctx.asOf, ctx.ramp);
      if (!cap.ok) return cap;
      out.push(cap.value);
    }
    return ok(out);
  }
  const map = source === 'history' ? ctx.history : source === 'potential' ? ctx.potential : source === 'capacity' ? ctx.capacity : ctx.custom;
  const out: number[] = [];
  for (const c of children) {
    const v = map && Object.hasOwn(map, c) ? map[c] : 0;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      return fail('invalid-weight', `the ${source} weight of "${c}" must be a finite number ≥ 0, got ${String(v)}`, { id: c, source, weight: String(v) });
    }
    out.push(v);
  }
  return ok(out);
}

/**
 * The weights a node's children get under `method`. A single source gives its raw values (history
 * in minor units stays integer, so the split stays exact to the unit); a blend first turns each
 * source into shares of 1, then mixes the shares with the normalized coefficients. A source that
 * is all zero (no history yet, no potential entered) is replaced by equal weights and listed in
 * `fallbackSources`. Fails with `invalid-weight`, `invalid-blend` or `missing-as-of`.
 *
 * @example
 * // history 600/400 → shares 0.6/0.4; potential 1/3 → 0.25/0.75;
 * // blend 0.5/0.5 → a = 0.5·0.6 + 0.5·0.25 = 0.425, b = 0.5·0.4 + 0.5·0.75 = 0.575
 * childWeights({ blend: { history: 1, potential: 1 } },
 *   { children: ['a', 'b'], history: { a: 600, b: 400 }, potential: { a: 1, b: 3 } })
 * // ok({ weights: { a: 0.425, b: 0.575 }, fallback: false, fallbackSources: [] })
 */
export function childWeights(method: WeightMethod, context: WeightContext): Result<ChildWeights> {
  const { children } = context;
  const fallbackSources: WeightSource[] = [];
  const valuesOf = (source: WeightSource): Result<number[]> => {
    const r = sourceValues(source, context);
    if (!r.ok) return r;
    if (children.length > 0 && r.value.every((v) => v === 0)) {
      fallbackSources.push(source);
      return ok(children.map(() => 1));
    }
    return r;
  };

  let weights: number[];
  if (typeof method === 'string') {
    if (!WEIGHT_SOURCES.includes(method)) return fail('invalid-blend', `unknown weight method "${method}"`, { method });
    const r = valuesOf(method);
    if (!r.ok) return r;
    weights = r.value;
  } else {
    const entries = Object.entries(method.blend ?? {}) as [WeightSource, number][];
    let sum = 0;
    for (const [source, c] of entries) {
      if (!WEIGHT_SOURCES.includes(source) || typeof c !== 'number' || !Number.isFinite(c) || c < 0) {
        return fail('invalid-blend', `the blend coefficient of "${source}" must be a finite number ≥ 0`, { source });
      }
      sum += c;
    }
    if (sum === 0) return fail('invalid-blend', 'a blend needs at least one coefficient above zero', { source: '' });
    weights = children.map(() => 0);
    for (const [source, c] of entries) {
      if (c === 0) continue;
      const r = valuesOf(source);
      if (!r.ok) return r;
      const total = r.value.reduce((s, v) => s + v, 0);
      r.value.forEach((v, i) => (weights[i] += (c / sum) * (v / total)));
    }
  }
  return ok({
    weights: Object.fromEntries(children.map((c, i) => [c, weights[i]])),
    fallback: fallbackSources.length > 0,
    fallbackSources,
  });
}
