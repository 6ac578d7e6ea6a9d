/**
 * Fair targets for new hires (新人爬坡): what a decomposition weighs reps by, so that a rep on
 * ramp gets their ramp factor × an average veteran's target of the same team, month by month.
 *
 * Splitting by last year's bookings alone gives a new hire nothing (they have no history), and
 * a half-history, half-capacity blend gives them half of what their ramp says (丁亮凯, badged 30%,
 * got ¥2.61万 in October against a veteran's ¥19.23万). So:
 * - capacity is person-years of the plan year (`personYears`: ramp by tenure month, the hire
 *   month prorated by days, each month weighted by seasonality);
 * - a rep without a full year of history (hired after last year began) is given the history of an
 *   average veteran of their team × their capacity, so both halves of the blend say the same.
 * A team's veterans then average weight 1 / Σ capacity, a new hire c / Σ capacity, and the months
 * (seasonality × the same prorated ramp) give the new hire ramp × the average veteran's month.
 */
import { fail, ok, type Result } from '../shared/result.js';
import { personYears, rampOf, type RampStep } from './ramp.js';
import { treeOf } from './views.js';

export interface RampedNode {
  id: string;
  parentId: string | null;
  hireDate?: string;
  leaveDate?: string;
  ramp?: readonly RampStep[];
}

export interface RampedInputsInput {
  nodes: readonly RampedNode[];
  /** The 12 months of the plan year (`fiscalYearMonths`). */
  months: readonly string[];
  /** Seasonality of those months (default equal). */
  profile?: readonly number[];
  /** Last fiscal year's actual per leaf. */
  history: Readonly<Record<string, number>>;
  /** The first day of last fiscal year: a rep hired after it has no comparable history. */
  historyStart: string;
  /** The plan's default ramp curve (a rep's own `ramp` wins). */
  schedule?: readonly RampStep[];
}

export interface RampedInputs {
  /** Person-years per node (leaves; parents sum their children). */
  capacity: Record<string, number>;
  /** History per leaf, an average veteran's × capacity for reps in `imputed`. */
  history: Record<string, number>;
  /** Leaves whose history was imputed. */
  imputed: string[];
}

/**
 * Capacity and history for a decomposition (see the module comment). A team without a veteran
 * uses the average veteran of the whole org; an org without one imputes 0 (capacity still counts).
 * Fails with `invalid-tree`, `invalid-date`, `invalid-ramp-schedule`.
 *
 * @example
 * // Team t: veterans a (history 1,200,000) and b (600,000), new hire n hired 2026-10-23.
 * // n's capacity (0.3 × 9/31 + 0.6) / 12 = 0.0572580…; n's history round(900,000 × 0.0572580…) = 51,532
 * rampedInputs({ nodes, months, history: { a: 1_200_000, b: 600_000 }, historyStart: '2025-01-01' })
 */
export function rampedInputs(input: RampedInputsInput): Result<RampedInputs> {
  const t = treeOf(input.nodes);
  if (!t.ok) return t;
  const { order, children, parent } = t.value;
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const capacity: Record<string, number> = {};
  const history: Record<string, number> = {};
  const imputed: string[] = [];
  const cache = new Map<string, number>();
  const leaves: string[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    const kids = children.get(id)!;
    if (kids.length > 0) {
      capacity[id] = kids.reduce((s, k) => s + capacity[k], 0);
      continue;
    }
    leaves.push(id);
    const n = byId.get(id)!;
    const schedule = rampOf(n, input.schedule);
    const key = `${n.hireDate ?? ''}|${n.leaveDate ?? ''}|${n.ramp ? JSON.stringify(n.ramp) : ''}`;
    let c = cache.get(key);
    if (c === undefined) {
      const r = personYears(n.hireDate, input.months, { schedule, ...(n.leaveDate ? { leaveDate: n.leaveDate } : {}), ...(input.profile ? { profile: input.profile } : {}) });
      if (!r.ok) return r;
      c = r.value;
      cache.set(key, c);
    }
    capacity[id] = c;
  }
  const veteran = (id: string) => {
    const n = byId.get(id)!;
    return (n.hireDate === undefined || n.hireDate <= input.historyStart) && n.leaveDate === undefined;
  };
  const avg = (ids: readonly string[]): number | null => {
    const v = ids.filter(veteran);
    return v.length ? v.reduce((s, id) => s + Math.max(0, input.history[id] ?? 0), 0) / v.length : null;
  };
  const everyone = avg(leaves) ?? 0;
  const teamAvg = new Map<string | null, number>();
  for (const id of leaves) {
    if (veteran(id)) {
      if (Object.hasOwn(input.history, id)) history[id] = input.history[id];
      continue;
    }
    const p = parent.get(id) ?? null;
    let a = teamAvg.get(p);
    if (a === undefined) {
      a = (p === null ? null : avg(children.get(p)!)) ?? everyone;
      teamAvg.set(p, a);
    }
    if (!Number.isFinite(a)) return fail('invalid-value', `the history of the veterans beside "${id}" is not a number`, { id, value: String(a) });
    history[id] = Math.round(a * capacity[id]);
    imputed.push(id);
  }
  imputed.reverse();
  return ok({ capacity, history, imputed });
}

/** The calendar months `YYYY-MM` from the month of `start` to the month of `end`, inclusive. */
export function monthsBetween(start: string, end: string): string[] {
  const out: string[] = [];
  let y = +start.slice(0, 4), m = +start.slice(5, 7);
  const last = +end.slice(0, 4) * 12 + +end.slice(5, 7);
  while (y * 12 + m <= last) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

/**
 * A concrete target to suggest for a rep who joins during a period: their person-years of the
 * period (`personYears`: ramp by tenure month, the hire month prorated by days) × the average
 * target of the veterans beside them, rounded half up. Null when there is no veteran to compare with.
 *
 * @example
 * // Hired 2026-10-23, FY2026 (Jan–Dec), veterans beside them hold ¥1,200,000 and ¥600,000:
 * // 900,000 × 71/1240 = 51,532.26 → 51,532.
 * newHireTarget({ hireDate: '2026-10-23', start: '2026-01-01', end: '2026-12-31', veteranTargets: [1_200_000, 600_000] })
 */
export function newHireTarget(input: {
  hireDate: string;
  start: string;
  end: string;
  veteranTargets: readonly number[];
  schedule?: readonly RampStep[];
  leaveDate?: string;
}): Result<number | null> {
  if (input.veteranTargets.length === 0) return ok(null);
  const py = personYears(input.hireDate, monthsBetween(input.start, input.end), {
    ...(input.schedule ? { schedule: input.schedule } : {}),
    ...(input.leaveDate ? { leaveDate: input.leaveDate } : {}),
  });
  if (!py.ok) return py;
  const avg = input.veteranTargets.reduce((s, v) => s + v, 0) / input.veteranTargets.length;
  return ok(Math.round(avg * py.value));
}
