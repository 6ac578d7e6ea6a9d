/**
 * Timing: when each stage's volume must exist so that each month's deals close in that month.
 */
import type { FiscalCalendar } from '../plan/model.js';
import { addDays, fiscalYearOf, isMonthId, isoWeek, periodRange } from '../calendar/periods.js';
import { ok, type Result } from '../shared/result.js';
import { funnelFail, invertFunnel, type FunnelRequirement } from './core.js';
import { allocate } from '../plan/allocate.js';

export interface ScheduleStage {
  id: string;
  /** Conversion from this stage to the next (none on the last stage). */
  rate?: number;
  /** Average calendar days an item spends in this stage before it moves on (not needed on the last stage). */
  avgDays?: number;
}

export interface ScheduleInput {
  /** Revenue target per calendar month, in minor units. */
  months: readonly { month: string; target: number }[];
  /** Average deal size in minor units. */
  avgDealSize: number;
  /** Stages in funnel order. */
  stages: readonly ScheduleStage[];
}

export interface ScheduledStage {
  id: string;
  /** Items needed for the month's target. */
  count: number;
  /** Whole days from creation in this stage to close: the stage's own and every later stage's average days, rounded up. */
  leadDays: number;
  /** The date by which the items must be created: the month's first day minus `leadDays`. */
  by: string;
  /** The ISO week of `by`, e.g. `2026-W11`. */
  week: string;
  /** The fiscal year `by` falls in (may be the year before the month's). */
  fiscalYear: number;
  /** Items created between `by` and this date close within the month on average: the month's last day minus `leadDays`. */
  windowEnd: string;
}

export interface MonthSchedule {
  month: string;
  target: number;
  /**
   * The month's share of the whole schedule's requirement (`RequirementSchedule.total`): each
   * stage's count is the total count split over the months by their targets (largest remainder),
   * so the months add up exactly to the total. `expectedRevenue` is the month's won × deal size.
   */
  requirement: FunnelRequirement;
  stages: ScheduledStage[];
}

export interface RequirementSchedule {
  /** The funnel inverted for the sum of the month targets: the counts the months add up to. */
  total: FunnelRequirement;
  months: MonthSchedule[];
  /** Per ISO week (sorted), the items of every stage due by a day of that week, summed over months. */
  weeks: { week: string; counts: Record<string, number> }[];
}


/**
 * Schedules the requirement back in time. The funnel is inverted once for the sum of the month
 * targets (see `invertFunnel`), and each stage's count is split over the months in proportion to
 * their targets by the largest remainder, so the months add up exactly to the requirement (inverting
 * each month alone rounds up twelve times: 670 leads for a 500-lead year). A deal closes during the
 * month, so an item entering stage i must
 * exist `leadDays` = ⌈avgDays of stage i + avgDays of every later stage before won⌉ days before the
 * month starts. Days are calendar days, as durations measured from history are.
 *
 * @example
 * // ¥1,000,000 over twelve equal months, ¥50,000 deals, 20% / 50% / 40%: the year needs
 * // 500 / 100 / 50 / 20; each month gets 41 or 42 leads, 8 or 9 demos, 4 or 5 quotes, 1 or 2
 * // deals (the larger shares to the earlier months on equal targets), summing to 500 / 100 / 50 / 20.
 * @example
 * // FY2026 starts in April (startMonth 4). April 2026 needs 20 deals; a quote takes 21 days to close,
 * // a demo 10 days to become a quote, a lead 14 days to become a demo:
 * // quotes by 2026-04-01 − 21 = 2026-03-11 (2026-W11), demos by − 31 = 2026-03-01 (2026-W09),
 * // leads by − 45 = 2026-02-15 (2026-W07): all three in FY2025.
 *
 * Errors: those of `invertFunnel` (path prefixed with the month), `funnel-month-invalid`,
 * `funnel-days-invalid` (a missing, negative or non-finite `avgDays` before the last stage).
 */
export function scheduleRequirement(input: ScheduleInput, calendar: FiscalCalendar): Result<RequirementSchedule> {
  const { months, avgDealSize, stages } = input;
  for (let i = 0; i < (stages?.length ?? 0) - 1; i++) {
    const d = stages[i].avgDays;
    if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) {
      return funnelFail('funnel-days-invalid', `stage "${stages[i].id}" needs an average duration in days ≥ 0`, { stage: stages[i].id }, ['stages', i, 'avgDays']);
    }
  }
  // Lead time of stage i = its own and all later durations; the last stage closes at the month itself.
  const leadDays = new Array<number>(stages?.length ?? 0).fill(0);
  let acc = 0;
  for (let i = leadDays.length - 2; i >= 0; i--) {
    acc += stages[i].avgDays as number;
    // Rounding up with a tolerance so 10.1 + 10.2 + 10.7 (31.000000000000004 in floats) is 31.
    leadDays[i] = Math.ceil(acc - 1e-9);
  }

  const list = months ?? [];
  let sum = 0;
  for (const [m, { month, target }] of list.entries()) {
    if (typeof month !== 'string' || !isMonthId(month)) {
      return funnelFail('funnel-month-invalid', `"${month}" is not a month YYYY-MM`, { month: String(month) }, ['months', m, 'month']);
    }
    // Each month's own inversion only validates its target (and the stages) with the month in the path.
    const r = invertFunnel({ target, avgDealSize, stages });
    if (!r.ok) return { ok: false, error: { ...r.error, path: ['months', m, ...(r.error.path ?? [])] } };
    sum += target;
  }
  const whole = invertFunnel({ target: sum, avgDealSize, stages });
  if (!whole.ok) return whole;
  const total = whole.value;
  // Month keys may repeat in a caller's list; split by position.
  const parts = list.map((m, i) => ({ id: String(i).padStart(6, '0'), weight: m.target }));
  const share: number[][] = total.stages.map(({ count }) => {
    if (!list.length) return [];
    if (sum === 0) return list.map(() => 0);
    const a = allocate(count, parts);
    return a.ok ? parts.map((p) => a.value.values[p.id]) : list.map(() => 0);
  });

  const out: MonthSchedule[] = [];
  const weekly = new Map<string, Record<string, number>>();
  for (const [m, { month, target }] of list.entries()) {
    const { start, end } = periodRange(month, calendar);
    const stagesOfMonth = total.stages.map((s, i) => ({ ...s, count: share[i][m] }));
    const counts = Object.fromEntries(stagesOfMonth.map((s) => [s.id, s.count]));
    const won = stagesOfMonth.length ? stagesOfMonth[stagesOfMonth.length - 1].count : 0;
    const requirement: FunnelRequirement = { target, avgDealSize, stages: stagesOfMonth, counts, won, expectedRevenue: won * avgDealSize };
    const scheduled = stagesOfMonth.map(({ id, count }, i) => {
      const by = addDays(start, -leadDays[i]);
      return { id, count, leadDays: leadDays[i], by, week: isoWeek(by), fiscalYear: fiscalYearOf(by, calendar), windowEnd: addDays(end, -leadDays[i]) };
    });
    for (const s of scheduled) {
      const row = weekly.get(s.week) ?? {};
      row[s.id] = (row[s.id] ?? 0) + s.count;
      weekly.set(s.week, row);
    }
    out.push({ month, target, requirement, stages: scheduled });
  }
  const weeks = [...weekly.keys()].sort().map((week) => ({ week, counts: weekly.get(week)! }));
  return ok({ total, months: out, weeks });
}
