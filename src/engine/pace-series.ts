/**
 * The view models of the attainment gauge and the pace chart: everything they show for one node,
 * metric and period as of one day, computed from plain data with `pace`, `forecast` and
 * `assessStatus`, plus the pace chart's series (cumulative actual, expected curve, forecast cone) and
 * its geometry. Money is integer minor units; dates are `YYYY-MM-DD`.
 */
import { areaPath, linePath } from './shape.js';
import { linearScale } from './scale.js';
import type { ActualsSnapshot, FiscalCalendar, MetricId, Opportunity, OrgNode, PeriodId, Plan, TargetCell } from './model.js';
import { addDays, daysBetween, fiscalYearMonths, fiscalYearOf, isoWeek, parsePeriodId, periodRange, workingDaysBetween } from './periods.js';
import { createPaceContext, dualAttainment, isDate, mulDivRound, pace, type DualAttainment, type PaceBasis, type PaceContext, type PaceResult, type SeasonalityWeight } from './pace.js';
import type { RampStep } from './ramp.js';
import { forecast, type ForecastResult } from './forecast.js';
import { assessStatus, statusThresholds, type StatusAssessment, type StatusThresholds } from './status.js';
import type { GaugeModel } from './gauge-layout.js';
import { planStateOf, defaultPeriod, figureOf, type PlanState } from './plan-state.js';
import { seasonalityFromHistory } from './seasonality.js';
import { fail, ok, type Result } from './result.js';

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
    status: assessStatus({ paceIndex: p.value.paceIndex, forecastRatio: f.value.forecastRatio }, thresholds.value),
    thresholds: thresholds.value,
    dual,
    daily,
    basis,
  });
}

/**
 * The gauge's model (see `layoutGauge`) from a view: attainment, expected-to-date, the point
 * forecast and its p10–p90 range as ratios of the target, and status bands that move with the
 * calendar: at an expected share e, off track below e × offTrackPace, at risk up to
 * e × onTrackPace, on track above. The fill therefore lands in the band of the node's pace status.
 * Before anything is expected (e = 0) there are no bands; a zero target shows nothing.
 *
 * @example
 * // expectedShare 8/22 = 0.3636 with the default thresholds (0.8, 0.95):
 * gaugeModelOf(view).bands
 * // [{ status: 'off-track', from: 0, to: 0.2909 }, { status: 'at-risk', from: 0.2909, to: 0.3455 }, { status: 'on-track', from: 0.3455, to: Infinity }]
 */
export function gaugeModelOf(view: PaceView): GaugeModel {
  const { pace: p, forecast: f, thresholds: t } = view;
  if (p.target === 0) return { attainment: null, bands: [] };
  const e = p.expectedShare;
  const bands: GaugeModel['bands'] =
    e > 0
      ? [
          { status: 'off-track', from: 0, to: e * t.offTrackPace },
          { status: 'at-risk', from: e * t.offTrackPace, to: e * t.onTrackPace },
          { status: 'on-track', from: e * t.onTrackPace, to: Infinity },
        ]
      : [];
  const remaining = p.remainingWorkingDays > 0 || view.asOf < view.context.start;
  return {
    attainment: p.attainment,
    expected: p.expectedToDate / p.target,
    forecast: remaining ? f.blended / p.target : null,
    forecastLow: remaining ? f.low / p.target : null,
    forecastHigh: remaining ? f.high / p.target : null,
    bands,
  };
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
  if (query.basis === 'ramp' && node.hireDate) figures.hireDate = node.hireDate;
  if (query.basis === 'seasonality') {
    const profile = historyProfile(mine.all, period, cal);
    if (!profile.ok) return profile;
    figures.profile = profile.value;
  }
  return ok({ ...base, figures, missing: null });
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
    const subtree = new Set([nodeId, ...state.index.descendants(nodeId)]);
    const all = snapshot.actuals.filter((a) => a.type === q.type && subtree.has(a.repId) && (q.product === undefined || a.productId === q.product));
    r = {
      all,
      actuals: all.filter((a) => a.date >= q.start && a.date <= q.to).map((a) => ({ date: a.date, amount: a.amount })),
      pipeline: snapshot.pipeline.filter((o) => subtree.has(o.repId) && (q.product === undefined || o.productId === q.product)),
    };
    cache.set(key, r);
  }
  return r;
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

// ---- the pace chart's geometry ----------------------------------------------------------------

export interface PaceChartSize {
  width: number;
  height: number;
}

export interface PaceChartMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** One point's position: x at the end of its last day; y of each figure, `null` where it has none. */
export interface PaceChartPoint {
  x: number;
  expected: number;
  actual: number | null;
  mid: number | null;
  low: number | null;
  high: number | null;
}

export interface PaceChartLayout {
  /** The plot area inside the margins. */
  plot: { x: number; y: number; width: number; height: number };
  /** SVG paths in the element's coordinates; empty strings where there is nothing to draw. */
  paths: { expected: string; actual: string; cone: string; forecast: string };
  points: PaceChartPoint[];
  /** The target's y, and `asOf`'s x (`null` outside the period). */
  targetY: number;
  todayX: number | null;
  /** Value ticks (minor units) and x ticks (the first day of each month, or each ISO week's Monday in a short period). */
  yTicks: { value: number; y: number }[];
  xTicks: { date: string; x: number }[];
}

const DEFAULT_MARGIN: PaceChartMargin = { top: 12, right: 16, bottom: 26, left: 64 };

/**
 * Lays the series out in a box of `size` pixels with d3 scales: x is linear in calendar days (a
 * point sits at the end of its last day, the origin at the start of the period's first day), y is
 * linear from min(0, lowest value) to the largest of target, expected, actual and forecast high,
 * made "nice". Lines start at the origin with 0.
 *
 * @example
 * // March 2026 (31 days) in 400 × 200 with the default margin (left 64, right 16): plot width 320;
 * // the point ending 11 March sits at x = 64 + 320 × 11 / 31 = 177.55
 */
export function layoutPaceChart(series: PaceSeries, size: PaceChartSize, margin: PaceChartMargin = DEFAULT_MARGIN): PaceChartLayout {
  const width = Math.max(0, (Number.isFinite(size.width) ? size.width : 0) - margin.left - margin.right);
  const height = Math.max(0, (Number.isFinite(size.height) ? size.height : 0) - margin.top - margin.bottom);
  const days = daysBetween(series.start, series.end) + 1;
  const x = linearScale([0, days], [margin.left, margin.left + width]);
  const values = [series.target, 0];
  for (const p of series.points) {
    values.push(p.expected);
    if (p.actual !== null) values.push(p.actual);
    if (p.forecast) values.push(p.forecast.low, p.forecast.high);
  }
  const y = linearScale()
    .domain([Math.min(...values), Math.max(...values, 1)])
    .range([margin.top + height, margin.top])
    .nice(5);
  const xOf = (date: string) => x(daysBetween(series.start, date) + 1);
  const points: PaceChartPoint[] = series.points.map((p) => ({
    x: xOf(p.to),
    expected: y(p.expected),
    actual: p.actual === null ? null : y(p.actual),
    mid: p.forecast ? y(p.forecast.mid) : null,
    low: p.forecast ? y(p.forecast.low) : null,
    high: p.forecast ? y(p.forecast.high) : null,
  }));
  const origin = { x: x(0), y: y(0) };
  const path = (pts: [number, number][]) => (pts.length > 1 ? (linePath(pts) ?? '') : '');

  const actualPts: [number, number][] = [];
  if (series.points[0]?.actual != null) actualPts.push([origin.x, origin.y]);
  points.forEach((p) => p.actual !== null && actualPts.push([p.x, p.actual]));

  // The cone starts where the actual stands at asOf (or at the origin when the period has not begun).
  const t = series.todayIndex;
  const anchor = t >= 0 ? { x: points[t].x, y: points[t].actual ?? origin.y } : origin;
  const conePts = points.filter((p) => p.mid !== null);
  const band = [{ x: anchor.x, low: anchor.y, high: anchor.y }, ...conePts.map((p) => ({ x: p.x, low: p.low!, high: p.high! }))];
  const coneArea = conePts.length ? (areaPath(band.map((d) => ({ x: d.x, y0: d.low, y1: d.high }))) ?? '') : '';
  const inPeriod = series.asOf >= series.start && series.asOf <= series.end;
  const yTicks = y.ticks(5).map((value) => ({ value, y: y(value) }));
  const xTicks: { date: string; x: number }[] = [];
  for (let d = series.start; d <= series.end; d = addDays(d, 1)) {
    const first = days > 62 ? d.endsWith('-01') : isoWeek(d) !== isoWeek(addDays(d, -1));
    if (first) xTicks.push({ date: d, x: x(daysBetween(series.start, d)) });
  }
  return {
    plot: { x: margin.left, y: margin.top, width, height },
    paths: {
      expected: path([[origin.x, origin.y], ...points.map((p): [number, number] => [p.x, p.expected])]),
      actual: path(actualPts),
      cone: coneArea,
      forecast: conePts.length ? path([[anchor.x, anchor.y], ...conePts.map((p): [number, number] => [p.x, p.mid!])]) : '',
    },
    points,
    targetY: y(series.target),
    todayX: inPeriod ? xOf(series.asOf) : null,
    yTicks,
    xTicks,
  };
}
