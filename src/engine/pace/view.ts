/**
 * The view models of the attainment gauge and the pace chart: everything they show for one node,
 * metric and period as of one day, computed from plain data with `pace`, `forecast` and
 * `assessStatus`, plus the pace chart's series (cumulative actual, expected curve, forecast cone). The
 * geometry is drawn beside the elements (`attainment-gauge.layout.ts`, `pace-chart.layout.ts`). Money is integer minor units; dates are `YYYY-MM-DD`.
 */
import type { ActualsSnapshot, FiscalCalendar, MetricId, Opportunity, OrgNode, PeriodId, Plan, TargetCell } from '../plan/model.js';
import { addDays, daysBetween, fiscalYearMonths, fiscalYearOf, isoWeek, parsePeriodId, periodRange, workingDaysBetween } from '../calendar/periods.js';
import { createPaceContext, dualAttainment, isDate, mulDivRound, pace, type DualAttainment, type PaceBasis, type PaceContext, type PaceResult, type SeasonalityWeight } from './pace.js';
import type { RampStep } from '../plan/ramp.js';
import { forecast, type ForecastResult } from './forecast.js';
import { assessStatus, statusThresholds, type StatusAssessment, type StatusThresholds } from './status.js';
import { planStateOf, defaultPeriod, figureOf, type PlanState } from '../plan/plan-state.js';
import { seasonalityFromHistory } from '../plan/seasonality.js';
import { subtreeRecords } from '../plan/subtree-sums.js';
import { fail, ok, type Result } from '../shared/result.js';

/** An amount booked (or collected) on a day. */
export interface DatedAmount {
  date: string;
  amount: number;
}

/**
 * The figures of one node, metric and period: what a host passes to the gauge or the pace chart as
 * `.model`, and what `resolvePaceFigures` gathers from a plan. Only `target`, `period` and `asOf`
 * are required; `actual` defaults to the sum of `actuals` up to `asOf`.
 */
export interface PaceFigures {
  /** The period's target, minor units (or a count), ≥ 0. */
  target: number;
  /** The actual so far; when absent, the sum of `actuals` inside the period up to `asOf`. */
  actual?: number;
  /** Dated actuals: the pace chart draws its cumulative line from them. Amounts outside the period or after `asOf` are ignored. */
  actuals?: readonly DatedAmount[];
  period: PeriodId;
  asOf: string;
  /** Default: January start, Saturday and Sunday off, no holidays. */
  calendar?: FiscalCalendar;
  /** ISO 4217; default `CNY`. */
  currency?: string;
  /** Open opportunities for the weighted-pipeline forecast. */
  pipeline?: readonly Opportunity[];
  /** The target as first set, when it has been adjusted since: the gauge shows both attainments. */
  originalTarget?: number;
  nodeId?: string;
  nodeName?: string;
  metric?: MetricId;
  basis?: PaceBasis;
  profile?: readonly SeasonalityWeight[];
  hireDate?: string;
  rampSchedule?: readonly RampStep[];
  /** Past outcomes actual / expected, for the forecast range (see `forecast`). */
  history?: readonly number[];
  blend?: number;
  thresholds?: Partial<StatusThresholds>;
}

/** Everything the gauge and the pace chart show; see `paceView`. */
export interface PaceView {
  nodeId: string;
  nodeName: string;
  metric: MetricId;
  period: PeriodId;
  asOf: string;
  currency: string;
  calendar: FiscalCalendar;
  context: PaceContext;
  pace: PaceResult;
  forecast: ForecastResult;
  status: StatusAssessment;
  thresholds: StatusThresholds;
  /** Original vs current target, when `originalTarget` was given. */
  dual: DualAttainment | null;
  /** Dated actuals inside the period up to `asOf`, by date; `null` when only a total was given. */
  daily: DatedAmount[] | null;
  /** The basis options `pace` was called with, so the chart's expected curve uses the same ones. */
  basis: Pick<PaceFigures, 'basis' | 'profile' | 'hireDate' | 'rampSchedule'>;
}

const DEFAULT_CALENDAR: FiscalCalendar = Object.freeze({ startMonth: 1 }) as FiscalCalendar;

/**
 * Attainment, gap, pace, forecast and status of one node for one period as of one day: `pace` and
 * `forecast` on the same figures, and the status from the pace index and the forecast ratio
 * (`assessStatus` with the given thresholds). Fails with the codes of `pace`, `forecast` and
 * `statusThresholds`, or `pace-date-invalid` for a dated actual without a valid date.
 *
 * @example
 * // March 2026 has 22 working days; by Wed 11 March 8 have passed.
 * paceView({ target: 2_200_000, actual: 700_000, period: '2026-03', asOf: '2026-03-11' })
 * // ok({ pace: { attainment: 0.318, gap: 1_500_000, expectedToDate: 800_000, paceIndex: 0.875, requiredDailyRate: 107_143, … },
 * //      forecast: { runRate: 1_925_000 (700,000 + 700,000 × 14 / 8), weightedPipeline: 700_000, blended: 1_312_500, … },
 * //      status: { status: 'off-track', reason: 'forecast-low', … } })   // 0.875 ≥ 0.8 but 1,312,500 / 2,200,000 = 0.597 < 0.85
 */
export function paceView(figures: PaceFigures): Result<PaceView> {
  const calendar = figures.calendar ?? DEFAULT_CALENDAR;
  const ctx = createPaceContext(figures.period, calendar);
  if (!ctx.ok) return ctx;
  if (!isDate(figures.asOf)) return fail('pace-date-invalid', `"${figures.asOf}" is not a date YYYY-MM-DD`, { field: 'asOf', value: String(figures.asOf) });
  const { start, end } = ctx.value;
  const last = figures.asOf < end ? figures.asOf : end;
  let daily: DatedAmount[] | null = null;
  let summed = 0;
  if (figures.actuals) {
    daily = [];
    for (const a of figures.actuals) {
      if (!isDate(a.date)) return fail('pace-date-invalid', `"${a.date}" is not a date YYYY-MM-DD`, { field: 'date', value: String(a.date) });
      if (!Number.isSafeInteger(a.amount)) {
        return fail('pace-amount-invalid', `actual must be a whole number in minor units, got ${a.amount}`, { field: 'actual', value: String(a.amount) });
      }
      if (a.date < start || a.date > last) continue;
      daily.push({ date: a.date, amount: a.amount });
      summed += a.amount;
    }
    daily.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  const actual = figures.actual ?? summed;
  const basis = { basis: figures.basis, profile: figures.profile, hireDate: figures.hireDate, rampSchedule: figures.rampSchedule };
  const common = { target: figures.target, actual, period: figures.period, asOf: figures.asOf, calendar, context: ctx.value };
  const p = pace({ ...common, ...basis });
  if (!p.ok) return p;
  const f = forecast({ ...common, pipeline: figures.pipeline ?? [], history: figures.history, blend: figures.blend });
  if (!f.ok) return f;
  const thresholds = statusThresholds(figures.thresholds);
  if (!thresholds.ok) return thresholds;
  let dual: DualAttainment | null = null;
  if (figures.originalTarget !== undefined) {
    const d = dualAttainment({ actual, originalTarget: figures.originalTarget, currentTarget: figures.target });
    if (!d.ok) return d;
    dual = d.value;
  }
  return ok({
    nodeId: figures.nodeId ?? '',
    nodeName: figures.nodeName ?? figures.nodeId ?? '',
    metric: figures.metric ?? 'revenue',
    period: figures.period,
    asOf: figures.asOf,
    currency: figures.currency ?? 'CNY',
    calendar,
    context: ctx.value,
    pace: p.value,
    forecast: f.value,
    status: assessStatus(
      {
        paceIndex: p.value.paceIndex,
        forecastRatio: f.value.forecastRatio,
        elapsedShare: p.value.totalWorkingDays > 0 ? p.value.elapsedWorkingDays / p.value.totalWorkingDays : null,
        closed: figures.asOf >= end,
        attainment: p.value.attainment,
      },
      thresholds.value,
    ),
    thresholds: thresholds.value,
    dual,
    daily,
    basis,
  });
}

// ---- gathering the figures from a plan ------------------------------------------------------

/** Plain plan data, as the store holds it. */
export interface PaceSource {
  plan: Plan;
  org: readonly OrgNode[];
  /** The target cells as they stand now (host data plus local edits). */
  targets: readonly TargetCell[];
  actuals: ActualsSnapshot | null;
  asOf: string;
}

/** What to look at; anything `null` or absent takes its default. */
export interface PaceQuery {
  /** Default: the org's root. */
  nodeId?: string | null;
  /** Default: `defaultPacePeriod`. */
  period?: string | null;
  /** Default `revenue`. Money metrics from dated actuals only: `revenue` (bookings), `collections`. */
  metric?: MetricId | null;
  product?: string | null;
  basis?: PaceBasis;
  thresholds?: Partial<StatusThresholds>;
  history?: readonly number[];
  blend?: number;
}

/** The figures of a query, or why there are none (`no-target`, `metric-unsupported`). */
export interface ResolvedFigures {
  nodeId: string;
  nodeName: string;
  period: PeriodId;
  metric: MetricId;
  figures: PaceFigures | null;
  missing: 'no-target' | 'metric-unsupported' | null;
}

const ACTUAL_TYPE: Partial<Record<MetricId, 'booking' | 'collection'>> = { revenue: 'booking', collections: 'collection' };

const stateOf = (source: PaceSource | PlanState): PlanState => planStateOf(source);

/**
 * The period a gauge shows when none is chosen: the page's default period (`defaultPeriod` of the
 * read model — the fiscal year holding `asOf` when the node has a target there, else the plan's
 * fiscal year), the same for every element.
 *
 * @example
 * // 星河科技 (test fixture): FY2026 cells, as of 2026-02-10 → 'FY2026'
 */
export function defaultPacePeriod(source: PaceSource | PlanState, nodeId: string, metric: MetricId, _product?: string | null): PeriodId {
  return defaultPeriod(stateOf(source), nodeId, metric);
}

// The dated actuals and pipeline of a subtree depend on the org and actuals only: they survive edits.
const subtreeData = new WeakMap<ActualsSnapshot, Map<string, { actuals: DatedAmount[]; all: DatedAmount[]; pipeline: Opportunity[] }>>();

/**
 * Gathers the figures of a node for `paceView` from the read model (or plain plan data): target,
 * actual, attainment and gap as `figureOf` defines them (the target from the roll-up; the actual in
 * the metric's basis — bookings for revenue, collections for collections — over the node's whole
 * subtree from the period's start to `asOf`), the dated actuals for the chart, and the open
 * opportunities of every rep under the node (none for collections: the pipeline is bookings to
 * come). For `basis: 'seasonality'` the profile comes from the node's monthly history
 * (`seasonalityFromHistory`), for `ramp` the hire date from the node.
 *
 * Fails with `pace-node-unknown` (params `node`) for a node not in the org, `period-invalid` or
 * `period-week-range` for a bad period, `pace-date-invalid` for a bad `asOf`, or the codes of
 * `seasonalityFromHistory`. A node without a target for the period is not an error: `figures` is
 * `null` and `missing` is `no-target`.
 *
 * @example
 * // Test fixture as of 2026-03-11, company, FY2026: target ¥12,000,000 (its cell);
 * // bookings Jan–Mar 11 = 120,000 + 45,000 + 80,000 + 200,000 + 30,000 = ¥475,000
 * resolvePaceFigures(source, { nodeId: 'co', period: 'FY2026' })
 * // ok({ figures: { target: 1_200_000_000, actual: 47_500_000, pipeline: [o1, o2, o3], … }, missing: null })
 */
export function resolvePaceFigures(source: PaceSource | PlanState, query: PaceQuery = {}): Result<ResolvedFigures> {
  if (!isDate(source.asOf)) return fail('pace-date-invalid', `"${source.asOf}" is not a date YYYY-MM-DD`, { field: 'asOf', value: String(source.asOf) });
  const state = stateOf(source);
  const ix = state.index;
  const nodeId = query.nodeId ?? ix.roots[0] ?? '';
  const node = ix.byId.get(nodeId);
  if (!node || ix.positionOf(nodeId) < 0) return fail('pace-node-unknown', `There is no org node "${nodeId}"`, { node: nodeId });
  const metric = query.metric ?? 'revenue';
  const product = query.product ?? undefined;
  const cal = state.plan.calendar;
  const period = query.period ?? defaultPeriod(state, nodeId, metric);
  const parsed = parsePeriodId(period);
  if (!parsed.ok) return parsed;
  const base = { nodeId, nodeName: node.name, period, metric };
  const type = ACTUAL_TYPE[metric];
  if (!type) return ok({ ...base, figures: null, missing: 'metric-unsupported' });
  const figure = figureOf(state, { nodeId, period, metric, product });
  if (figure.target === null) return ok({ ...base, figures: null, missing: 'no-target' });

  const { start, end } = periodRange(period, cal);
  const to = state.asOf < end ? state.asOf : end;
  const mine = subtreeActuals(state, nodeId, { type, product, start, to });

  const figures: PaceFigures = {
    target: figure.target, actual: figure.actual ?? 0, actuals: mine.actuals, period, asOf: state.asOf, calendar: cal, currency: state.plan.currency,
    pipeline: type === 'booking' ? mine.pipeline : [],
    nodeId, nodeName: node.name, metric, basis: query.basis,
    ...(query.thresholds ? { thresholds: query.thresholds } : {}),
    ...(query.history ? { history: query.history } : {}),
    ...(query.blend !== undefined ? { blend: query.blend } : {}),
  };
  if (!query.history) {
    const months = monthsTouched(start, end);
    const h = historyRatios(monthlyTotals(mine.all), start, months);
    if (h.length) figures.history = h;
  }
  if (query.basis === 'ramp' && node.hireDate) figures.hireDate = node.hireDate;
  if (query.basis === 'seasonality') {
    const profile = historyProfile(mine.all, period, cal);
    if (!profile.ok) return profile;
    figures.profile = profile.value;
  }
  return ok({ ...base, figures, missing: null });
}

/** Sums dated amounts per calendar month `YYYY-MM`. */
function monthlyTotals(actuals: readonly DatedAmount[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of actuals) {
    const m = a.date.slice(0, 7);
    out[m] = (out[m] ?? 0) + a.amount;
  }
  return out;
}

/** How many calendar months the days `start` … `end` touch (1 for a month or less, 12 for a year). */
function monthsTouched(start: string, end: string): number {
  return (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
}

/**
 * The forecast's history (see `forecast`'s `history`) from a node's own monthly results: the last
 * up to twelve complete months before `periodStart` (from the first month with a result on, empty
 * months counting as zero), each as a ratio to their mean. A run-rate over a period of `months`
 * months averages that many monthly draws, so each ratio's deviation from 1 is divided by √months:
 * the ratios' spread is the coefficient of variation of a month's result over √months. Fewer than
 * three months, or a zero mean: no history (`[]`), and the run-rate is taken as certain.
 *
 * @example
 * // Months before a March 2026 period: Dec 80, Jan 100, Feb 120 (mean 100); a one-month period:
 * historyRatios({ '2025-12': 80, '2026-01': 100, '2026-02': 120 }, '2026-03-01', 1) // [0.8, 1, 1.2]
 * // The same history for a quarter (3 months): 1 ± 0.2 / √3 → [0.8845, 1, 1.1155]
 */
export function historyRatios(monthly: Readonly<Record<string, number>>, periodStart: string, months = 1): number[] {
  const first = periodStart.slice(0, 7);
  const keys: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  for (let i = 0; i < 12; i++) {
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
    keys.unshift(`${y}-${String(m).padStart(2, '0')}`);
  }
  const from = keys.findIndex((k) => (monthly[k] ?? 0) !== 0);
  if (from < 0) return [];
  const values = keys.slice(from).map((k) => monthly[k] ?? 0);
  if (values.length < 3) return [];
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (!(mean > 0)) return [];
  const shrink = Math.sqrt(Math.max(1, months));
  return values.map((v) => 1 + (v / mean - 1) / shrink);
}

/** The node's subtree's dated actuals of one type (all of them, and those in `start`..`to`) and its pipeline, memoized per actuals. */
function subtreeActuals(
  state: PlanState,
  nodeId: string,
  q: { type: 'booking' | 'collection'; product: string | undefined; start: string; to: string },
): { actuals: DatedAmount[]; all: DatedAmount[]; pipeline: Opportunity[] } {
  const empty = { actuals: [], all: [], pipeline: [] };
  const snapshot = state.actuals;
  if (!snapshot) return empty;
  let cache = subtreeData.get(snapshot);
  if (!cache) subtreeData.set(snapshot, (cache = new Map()));
  const key = `${nodeId}|${q.type}|${q.product ?? ''}|${q.start}|${q.to}|${state.index.order.length}`;
  let r = cache.get(key);
  if (!r) {
    // The subtree is one span of org positions: no set of its ids (100,000 at the company).
    const all = subtreeRecords(state.index, snapshot.actuals, nodeId).filter((a) => a.type === q.type && (q.product === undefined || a.productId === q.product));
    r = {
      all,
      actuals: byDay(all, q.start, q.to),
      pipeline: subtreeRecords(state.index, snapshot.pipeline, nodeId).filter((o) => q.product === undefined || o.productId === q.product),
    };
    cache.set(key, r);
  }
  return r;
}

/**
 * The amounts booked (or collected) per day from `start` to `to`, by date: what the chart draws
 * and the actual sums, with one entry per day instead of one per record (a company of 100,000
 * people books hundreds of thousands of records, a year has 366 days).
 */
function byDay(actuals: readonly DatedAmount[], start: string, to: string): DatedAmount[] {
  const sums = new Map<string, number>();
  for (const a of actuals) if (a.date >= start && a.date <= to) sums.set(a.date, (sums.get(a.date) ?? 0) + a.amount);
  return [...sums].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([date, amount]) => ({ date, amount }));
}

/** Month weights for every month the period touches, from the node's monthly history. */
function historyProfile(actuals: readonly DatedAmount[], period: PeriodId, cal: FiscalCalendar): Result<SeasonalityWeight[]> {
  const monthly: Record<string, number> = {};
  for (const a of actuals) {
    const m = a.date.slice(0, 7);
    monthly[m] = (monthly[m] ?? 0) + a.amount;
  }
  const { start, end } = periodRange(period, cal);
  const out: SeasonalityWeight[] = [];
  for (let fy = fiscalYearOf(start, cal); fy <= fiscalYearOf(end, cal); fy++) {
    const months = fiscalYearMonths(fy, cal);
    // Only complete past years count, so this year's months (partly elapsed) never shape the profile.
    const past = Object.fromEntries(Object.entries(monthly).filter(([m]) => m < months[0]));
    const s = seasonalityFromHistory(past, months);
    if (!s.ok) return s;
    months.forEach((month, i) => out.push({ month, weight: s.value.profile[i] }));
  }
  return ok(out);
}

// ---- the pace chart's series -----------------------------------------------------------------

/** One point of the pace chart: the figures by the end of day `to` (covering `from` … `to`). */
export interface PacePoint {
  from: string;
  to: string;
  /** Cumulative expected by the end of `to` (`pace`'s expectedToDate as of `to`). */
  expected: number;
  /** Cumulative actual by the end of `to`; `null` after `asOf` (and before it when only a total is known). */
  actual: number | null;
  /** The forecast cone at `to`: from the actual at `asOf` to the p10, point and p90 forecasts at the period's end; `null` up to `asOf`. */
  forecast: { low: number; mid: number; high: number } | null;
  /** This point ends at `asOf`. */
  today: boolean;
}

export interface PaceSeries {
  granularity: 'day' | 'week';
  start: string;
  end: string;
  asOf: string;
  target: number;
  points: PacePoint[];
  /** The index of the point ending at `asOf`, or -1 when `asOf` is outside the period. */
  todayIndex: number;
}

export interface PaceSeriesOptions {
  /** `auto` (default): days for periods up to 92 days (a quarter), ISO weeks for longer ones. */
  granularity?: 'auto' | 'day' | 'week';
}

/**
 * The pace chart's points over the whole period, one per day or per ISO week (clipped to the
 * period; the week holding `asOf` is split at `asOf` so today is always a point).
 *
 * - expected: `pace(...).expectedToDate` as of the point's last day, with the view's basis;
 * - actual: the running sum of the view's dated actuals up to and including the point;
 * - forecast (after `asOf`): the cone opens linearly in remaining working days, from the actual at
 *   `asOf` to forecast.low / blended / high at the period's end (half up to a whole minor unit);
 *   by calendar days when no working day is left.
 *
 * @example
 * // March 2026, target 2,200,000, 700,000 booked on 2 March, as of Wed 11 March (8 of 22 working days):
 * paceSeries(view).value.points[10]
 * // { from: '2026-03-11', to: '2026-03-11', expected: 800_000, actual: 700_000, forecast: null, today: true }
 */
export function paceSeries(view: PaceView, options: PaceSeriesOptions = {}): Result<PaceSeries> {
  const { start, end, calendarDays } = view.context;
  const g = options.granularity ?? 'auto';
  const granularity = g === 'auto' ? (calendarDays <= 92 ? 'day' : 'week') : g;
  const asOf = view.asOf;
  const ends: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const lastOfWeek = granularity === 'day' || d === end || isoWeek(addDays(d, 1)) !== isoWeek(d);
    if (lastOfWeek || d === asOf) ends.push(d);
  }
  const { pace: p, forecast: f } = view;
  const actualAt = p.actual;
  const afterAsOf = asOf < start ? start : addDays(asOf, 1);
  const remainingDays = workingDaysBetween(afterAsOf, end, view.calendar);
  const remainingCalendar = afterAsOf > end ? 0 : daysBetween(afterAsOf, end) + 1;
  const cone = (to: string, final: number): number => {
    const [done, total] = remainingDays > 0
      ? [workingDaysBetween(afterAsOf, to, view.calendar), remainingDays]
      : [daysBetween(afterAsOf, to) + 1, remainingCalendar];
    return actualAt + mulDivRound(final - actualAt, done, total);
  };
  const points: PacePoint[] = [];
  let from = start;
  let i = 0;
  let running = 0;
  const daily = view.daily;
  for (const to of ends) {
    const e = pace({
      target: p.target, actual: p.actual, period: view.period, asOf: to, calendar: view.calendar, context: view.context, ...view.basis,
    });
    if (!e.ok) return e;
    let actual: number | null = null;
    if (to <= asOf) {
      if (daily) {
        while (i < daily.length && daily[i].date <= to) running += daily[i++].amount;
        actual = running;
      } else if (to === (asOf < end ? asOf : end)) actual = actualAt;
    }
    points.push({
      from,
      to,
      expected: e.value.expectedToDate,
      actual,
      forecast: to > asOf ? { low: cone(to, f.low), mid: cone(to, f.blended), high: cone(to, f.high) } : null,
      today: to === asOf,
    });
    from = addDays(to, 1);
  }
  return ok({ granularity, start, end, asOf, target: p.target, points, todayIndex: points.findIndex((pt) => pt.today) });
}
