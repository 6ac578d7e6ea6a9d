/**
 * A team's scorecard ranking held as columns (issue 12 item 5). Ranking a company of 100,000 needs
 * every person's composite score, but not every person's scorecard: the KPIs are measured into one
 * typed array per KPI (actual and benchmark), the composite and the attainment tie-break are read
 * from them, and the ranking sorts those numbers. A person's full scorecard (lines, trend, profile
 * reason) is built only when asked for (`cardAt`: the page a list shows, the card opened), by
 * `scoreChecked` from the same measures, so every figure has one definition.
 *
 * How each KPI is measured is described at `scorecardsFromSnapshot` (source.ts).
 */
import type { PlanState } from '../plan/plan-state.js';
import { defaultPeriod, planStateOf, targetTreeSteps, targetValues } from '../plan/plan-state.js';
import { actualSumsSteps, hasRepPositions, repPositions, setRepPositions, stageSumsSteps } from '../plan/subtree-sums.js';
import { daysBetween, isDate, parsePeriodId, periodRange } from '../calendar/periods.js';
import { cmpId } from '../plan/allocate.js';
import { fail, ok, type Result } from '../shared/result.js';
import { STEP_CHUNK, type Steps } from '../shared/steps.js';
import { sortSteps } from '../shared/sort-steps.js';
import {
  checkOptions,
  DEFAULT_SCORE_CAP,
  profileFor,
  profileWeights,
  rampOf,
  round1,
  scoreChecked,
  type KpiMeasure,
  type RankedScorecard,
  type ScorecardKpiId,
  type ScorecardOptions,
  type ScorecardPerson,
  type Weights,
} from './scorecard.js';
import { previousPeriod, type ScorecardQuery, type ScorecardSource } from './source.js';
import { customerLifetimeValue, isComplete, type ClvUnavailableReason } from './customer-value.js';
import type { Actual, OrgNode } from '../plan/model.js';

/** The KPIs measured from plan data, in the order a person's `kpis` object lists them. */
const DERIVED = ['attainment', 'activity', 'winRate', 'avgDealSize', 'collectionRate', 'crossSell', 'crmCompleteness', 'mentoring', 'clv'] as const;
type Derived = (typeof DERIVED)[number];
const K = DERIVED.length;
/** A derived KPI's place in `DERIVED` (its column within a person's K values). */
const D = Object.fromEntries(DERIVED.map((k, i) => [k, i])) as Record<Derived, number>;
const AT = D.attainment;

/**
 * One period's measures of a team: for team position i and KPI k, the actual at `actual[i * K + k]`
 * and the benchmark at `bench[i * K + k]` (NaN: null, not measurable).
 */
interface Columns {
  actual: Float64Array;
  bench: Float64Array;
  /**
   * Null when every person's values are set; else which team positions are (1) so far, and `fill`
   * sets one person's: the period before is measured for the people read (a page's trend, an
   * opened card), its benchmarks (medians, team rates) over everyone.
   */
  filled: Uint8Array | null;
  fill(i: number): void;
}

/** Team position i's values of `c`, set first when measured on demand. */
const row = (c: Columns, i: number): Columns => {
  if (c.filled && !c.filled[i]) {
    c.fill(i);
    c.filled[i] = 1;
  }
  return c;
};

/** A ranked list of scorecards read one person at a time (a ranking, or a list of ready cards). */
export interface ScorecardList {
  /** People in the list, ranked best first. */
  readonly count: number;
  idAt(j: number): string;
  nameAt(j: number): string;
  /** The full scorecard of the j-th person (built on first ask). */
  cardAt(j: number): RankedScorecard;
  /** The place of a person in the list, or -1. */
  indexOf(id: string): number;
}

export interface ScorecardRanking extends ScorecardList {
  nodeId: string;
  nodeName: string;
  period: string;
  previousPeriod: string;
  currency: string;
  /** The measured person (KPIs, the previous period's) of the j-th place. */
  personAt(j: number): ScorecardPerson;
  /** Every person as measured, in org order. */
  people(): ScorecardPerson[];
  /** Full scorecards built so far: the rest of the ranking is held as numbers only. */
  readonly built: number;
  /**
   * People whose KPIs of the period before (for the trend) have been measured so far: the ones read
   * (a page, an opened card), or everyone when some measure of that period could be invalid.
   */
  readonly measuredBefore: number;
  /** Why the team's CLV cannot be computed from the data in the period (`customerLifetimeValue`); null when it can. */
  clvUnavailable: ClvUnavailableReason | null;
}

const NUL = Number.NaN;
/** Records (bookings, funnel counts) read between two yields: a record costs far less than a person. */
const RECORD_CHUNK = STEP_CHUNK * 16;
const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
// A measure as `scorePerson` rejects it: negative or not finite (NaN stands for null here).
const badValue = (x: number) => !Number.isNaN(x) && !(Number.isFinite(x) && x >= 0);

/** A measure input as every KPI of it is valid: a finite number ≥ 0. */
const fine = (x: unknown): boolean => typeof x === 'number' && x >= 0 && x <= Number.MAX_VALUE;

/** Whether `ok(i)` holds for every i below n, as steps (`RECORD_CHUNK` people between yields). */
function* finiteNonNegative(n: number, ok: (i: number) => boolean): Steps<boolean> {
  for (let i = 0; i < n; i++) {
    if (!ok(i)) return false;
    if ((i + 1) % RECORD_CHUNK === 0) yield { done: 0, total: 0 };
  }
  return true;
}

/** The k-th smallest of `s` (0-based), moving the others around it: quickselect, no full sort. */
function select(s: Float64Array, k: number): number {
  let lo = 0, hi = s.length - 1;
  while (lo < hi) {
    const pivot = s[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (s[i] < pivot) i++;
      while (s[j] > pivot) j--;
      if (i <= j) {
        const t = s[i];
        s[i++] = s[j];
        s[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return s[k];
}

/** The median of the positive values (null when none): the middle one, or the mean of the two middle ones. */
export const medianOf = (xs: Float64Array): number | null => {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i] > 0) n++;
  if (n === 0) return null;
  const s = new Float64Array(n);
  n = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i] > 0) s[n++] = xs[i];
  const m = n >> 1;
  const upper = select(s, m);
  if (n % 2) return upper;
  // Every value left of place m is at most s[m] after the select: the lower middle is their largest.
  let lower = s[0];
  for (let i = 1; i < m; i++) if (s[i] > lower) lower = s[i];
  return (lower + upper) / 2;
};

/** A weight profile as `exactAt` reads it: each KPI's column (-1: not measured from plan data) and weight, in `ids` order. */
interface ColumnWeights {
  cols: Int32Array;
  weights: Float64Array;
  attainment: boolean;
}
const columnWeights = new WeakMap<object, ColumnWeights>();
function columnsOf(w: { weights: Weights; ids: readonly ScorecardKpiId[] }): ColumnWeights {
  let c = columnWeights.get(w);
  if (!c) {
    const cols = Int32Array.from(w.ids, (k) => (Object.hasOwn(D, k) ? D[k as Derived] : -1));
    columnWeights.set(w, (c = { cols, weights: Float64Array.from(w.ids, (k) => w.weights[k]!), attainment: w.ids.includes('attainment') }));
  }
  return c;
}

/** `kpiScore` of an actual and a benchmark held as numbers (NaN: null, in and out). */
const scoreOf = (a: number, b: number, cap: number): number => (Number.isNaN(a) || Number.isNaN(b) || !(b > 0) ? NUL : 100 * Math.min(a / b, cap));

/** `composite(…).exact` (scorecard.ts) of team position i: the same sums in the same order. */
function exactAt({ cols, weights }: ColumnWeights, c: Columns, i: number, cap: number): number | null {
  const o = i * K;
  let total = 0;
  for (let x = 0; x < cols.length; x++) {
    const d = cols[x];
    total += d < 0 || Number.isNaN(scoreOf(c.actual[o + d], c.bench[o + d], cap)) ? 0 : weights[x];
  }
  if (total === 0) return null;
  let exact = 0;
  for (let x = 0; x < cols.length; x++) {
    const d = cols[x];
    const s = d < 0 ? NUL : scoreOf(c.actual[o + d], c.bench[o + d], cap);
    exact += Number.isNaN(s) ? 0 : (weights[x] / total) * s;
  }
  return exact;
}

/**
 * The ranking of the reps under a node for a period as steps (see `steps.ts`): measured as columns,
 * scored and ranked as numbers; full scorecards only on `cardAt`. Errors and figures are those of
 * `scorecardsFromSnapshot`. Progress counts each person four times (measured now, measured the
 * period before, scored, ranked).
 */
export function* scorecardRankingSteps(input: ScorecardSource | PlanState, query: ScorecardQuery = {}): Steps<Result<ScorecardRanking>> {
  if (!isDate(input.asOf)) return fail('scorecard-date-invalid', `"${input.asOf}" is not a date YYYY-MM-DD`, { value: String(input.asOf) });
  const source = planStateOf(input);
  const ix = source.index;
  const cal = source.plan.calendar;
  const nodeId = query.nodeId ?? ix.roots[0] ?? '';
  const node = ix.byId.get(nodeId);
  if (!node || ix.positionOf(nodeId) < 0) return fail('review-node-unknown', `There is no org node "${nodeId}"`, { node: nodeId });
  const period = query.period ?? defaultPeriod(source, nodeId);
  const parsed = parsePeriodId(period);
  if (!parsed.ok) return parsed;
  const prev = previousPeriod(period, cal);
  const teamRoot = node.kind === 'rep' ? (ix.parent(nodeId) ?? nodeId) : nodeId;
  // The team: every rep in the span [start, stop) of the org order (`ix.reps(teamRoot)`), read once
  // with each rep's node and org position; a record's rep (its org position, memoized per record
  // array: `repPositions`) finds its team position in `teamAt` instead of a map by id. One piece,
  // as `ix.reps` was: the progress's total is known only after it.
  const start = ix.positionOf(teamRoot), stop = ix.subtreeEnd[start];
  const teamAt = new Int32Array(stop - start).fill(-1);
  const team: string[] = [], nodes: OrgNode[] = [], positions: number[] = [];
  for (let p = start; p < stop; p++) {
    const id = ix.order[p], o = ix.byId.get(id)!;
    if (o.kind === 'rep') {
      teamAt[p - start] = team.length;
      team.push(id);
      nodes.push(o);
      positions.push(p);
    }
  }
  const n = team.length;
  const orgPos = Int32Array.from(positions);
  // The people shown: everyone in the team, or the one rep asked for (team positions, in org order).
  const shownIds = node.kind === 'rep' ? new Set(ix.reps(nodeId)) : null;
  const shown: number[] = [];
  for (let i = 0; i < n; i++) if (!shownIds || shownIds.has(team[i])) shown.push(i);
  const m = shown.length;
  // Indexed in slices too: at 100,000 people each of these passes is tens of milliseconds.
  const early = { done: 0, total: 2 * n + 2 * m };
  /** The team position of a record's rep (its org position `p`), or -1. */
  const teamOf = (p: number) => (p >= start && p < stop ? teamAt[p - start] : -1);
  const stages = source.stages.map((s) => s.id);
  const stageAt = new Map<string, number>();
  stages.forEach((s, i) => stageAt.has(s) || stageAt.set(s, i));
  const S = stages.length;
  const wonAt = S > 0 ? stageAt.get(stages[S - 1])! : -1;
  const beforeWonAt = S > 1 ? stageAt.get(stages[S - 2])! : -1;
  const activityAt = Int32Array.from(stages.slice(0, -1), (s) => stageAt.get(s)!);
  const mentees = new Float64Array(n);
  for (let i = 0; i < source.org.length; i++) {
    const o = source.org[i];
    if (o.mentorId) {
      const t = teamOf(ix.positionOf(o.mentorId));
      if (t >= 0) mentees[t]++;
    }
    if ((i + 1) % RECORD_CHUNK === 0) yield early;
  }
  const records = source.actuals;
  // The records' org positions: the store's warm-up has them; else computed here in slices.
  function* positionsOf(list: readonly { repId: string }[]): Steps<Int32Array> {
    if (hasRepPositions(ix, list)) return repPositions(ix, list);
    const out = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) {
      out[k] = ix.positionOf(list[k].repId);
      if ((k + 1) % RECORD_CHUNK === 0) yield early;
    }
    if (!hasRepPositions(ix, list)) setRepPositions(ix, list, out);
    yield early;
    return repPositions(ix, list);
  }
  const actualPos = records ? yield* positionsOf(records.actuals) : new Int32Array(0);
  // The open pipeline by rep, once: how many, and how many complete enough to forecast.
  const openTotal = new Float64Array(n), openComplete = new Float64Array(n);
  if (records) {
    const pipeline = records.pipeline, pipePos = yield* positionsOf(pipeline);
    for (let k = 0; k < pipeline.length; k++) {
      if ((k + 1) % RECORD_CHUNK === 0) yield early;
      const i = teamOf(pipePos[k]);
      if (i < 0) continue;
      openTotal[i]++;
      if (isComplete(pipeline[k], source.asOf)) openComplete[i]++;
    }
  }

  const total = 2 * n + 2 * m;
  let done = 0;
  const options: ScorecardOptions = { ...(query.options ?? {}), asOf: source.asOf < periodRange(period, cal).end ? source.asOf : periodRange(period, cal).end };

  let clvUnavailable: ClvUnavailableReason | null = 'no-customer-ids';
  /** The read model's steps, yielding the ranking's progress (not theirs) between slices. */
  function* ours<T>(steps: Steps<T>): Steps<T> {
    let r = steps.next();
    for (; !r.done; r = steps.next()) yield { done, total };
    return r.value;
  }
  function* measure(p: string, lazy: boolean): Steps<Columns> {
    // The period's targets (the period before is often in another fiscal year, not warmed by the
    // store): resolved in slices here rather than in one piece by `targetValues` below.
    for (const _ of targetTreeSteps(source, { metric: 'revenue', period: p })) yield { done, total };
    const range = periodRange(p, cal);
    const end = source.asOf < range.end ? source.asOf : range.end;
    // Bookings and collections of each rep's subtree (`actualOf`): the read model's sums by org
    // position, shared with every element (the store's warm-up computed the current quarter's).
    const revenue = new Float64Array(n), collections = new Float64Array(n);
    if (records && end >= range.start) {
      const booked = yield* ours(actualSumsSteps(ix, records.actuals, { type: 'booking', from: range.start, to: end }));
      const collected = yield* ours(actualSumsSteps(ix, records.actuals, { type: 'collection', from: range.start, to: end }));
      for (let i = 0; i < n; i++) {
        revenue[i] = booked[orgPos[i]];
        collections[i] = collected[orgPos[i]];
      }
    }
    yield { done, total };
    // Product lines sold per rep in the period: distinct (rep, product) pairs.
    const products = new Float64Array(n);
    // Bookings naming a customer, by rep, in this period and the one before it (CLV).
    const before = periodRange(previousPeriod(p, cal), cal);
    const window = { start: range.start, end }, prevWindow = { start: before.start, end: before.end };
    const named = new Map<number, Actual[]>(), teamNamed: Actual[] = [];
    const productAt = new Map<string, number>();
    // A booking read for the customer lifetime value that is negative (or not a finite number).
    let negativeBooking = false;
    const sold = new Set<number>(), soldBits = new Int32Array(n);
    // The record lists are as long as the org or longer: they are read in chunks too.
    const list = records?.actuals ?? [];
    for (let k = 0; k < list.length; k++) {
      if ((k + 1) % RECORD_CHUNK === 0) yield { done, total };
      const a = list[k];
      if (a.type !== 'booking' || a.date > end || a.date < before.start) continue;
      const i = teamOf(actualPos[k]);
      if (i < 0) continue;
      if (!fine(a.amount)) negativeBooking = true;
      if (a.customerId !== undefined) {
        let l = named.get(i);
        if (!l) named.set(i, (l = []));
        l.push(a);
        teamNamed.push(a);
      }
      if (a.date < range.start) continue;
      let pk = productAt.get(a.productId);
      if (pk === undefined) productAt.set(a.productId, (pk = productAt.size));
      // The first 32 product lines as bits per person (a company sells a few), the rest in a set.
      if (pk < 32) {
        const bit = 1 << pk;
        if ((soldBits[i] & bit) === 0) {
          soldBits[i] |= bit;
          products[i]++;
        }
        continue;
      }
      const key = i * 65_536 + pk;
      if (pk < 65_536 && !sold.has(key)) {
        sold.add(key);
        products[i]++;
      }
    }
    // Funnel counts per rep (its subtree) and stage, over the months from the period's start to its
    // end or today: the read model's sums by org position (`stageSums`, shared like the actuals').
    const counts = new Float64Array(n * S);
    if (records && end >= range.start && S > 0) {
      yield* positionsOf(records.stageCounts);
      const sums = yield* ours(stageSumsSteps(ix, records.stageCounts, { from: range.start, to: end }));
      for (const [st, k] of stageAt) {
        const c = sums.get(st);
        if (c) for (let i = 0; i < n; i++) counts[i * S + k] = c[orgPos[i]];
      }
    }
    const at = (i: number, k: number) => (k < 0 ? 0 : counts[i * S + k]);
    const activity = new Float64Array(n);
    let teamWon = 0, teamQuotes = 0, teamRevenue = 0, teamCollections = 0;
    for (let i = 0; i < n; i++) {
      if ((i + 1) % RECORD_CHUNK === 0) yield { done, total };
      let a = 0;
      for (let x = 0; x < activityAt.length; x++) a += counts[i * S + activityAt[x]];
      activity[i] = a;
      teamWon += at(i, wonAt);
      teamQuotes += at(i, beforeWonAt);
      teamRevenue += revenue[i];
      teamCollections += collections[i];
    }
    const teamClv = customerLifetimeValue(teamNamed, window, prevWindow);
    if (p === period) clvUnavailable = teamClv.available ? null : teamClv.reason;
    const medRevenue = medianOf(revenue), medActivity = medianOf(activity), medProducts = medianOf(products);
    // The period's targets by org position (what `targetsOf` maps by id), read without a lookup per person.
    const targets = targetValues(source, p, 'revenue');
    const days = daysBetween(range.start, end) + 1;
    // A company has a few hundred hire dates, not 100,000: the ramp is read once per date.
    const ramps = new Map<string | undefined, number>();
    const rampAt = (hire: string | undefined) => {
      let f = ramps.get(hire);
      if (f === undefined) ramps.set(hire, (f = rampOf(hire, end)));
      return f;
    };
    const actual = new Float64Array(n * K), bench = new Float64Array(n * K);
    // The benchmarks every person shares (NaN: null).
    const winBench = teamQuotes > 0 ? teamWon / teamQuotes : NUL;
    const dealBench = teamWon > 0 ? teamRevenue / teamWon : NUL;
    const collectBench = teamRevenue > 0 ? teamCollections / teamRevenue : NUL;
    const productBench = medProducts === null ? NUL : medProducts;
    const clvBench = teamClv.available ? teamClv.value : NUL;
    /** Team position i's KPIs: actual at `actual[i * K + d]`, benchmark at `bench[i * K + d]`. */
    const fill = (i: number): void => {
      const o = i * K;
      const hire = nodes[i].hireDate;
      // The share of the period (to date) the rep was employed: 1 for a veteran, 0 before the hire date.
      const employed = !hire || hire <= range.start ? 1 : hire > end ? 0 : (daysBetween(hire, end) + 1) / days;
      const w = at(i, wonAt), q = at(i, beforeWonAt);
      const r = revenue[i];
      const pos = orgPos[i];
      actual[o + D.attainment] = r;
      bench[o + D.attainment] = targets && targets.has[pos] ? targets.value[pos] : medRevenue === null ? NUL : medRevenue * rampAt(hire) * employed;
      actual[o + D.activity] = activity[i];
      bench[o + D.activity] = medActivity === null ? NUL : medActivity * employed;
      actual[o + D.winRate] = q > 0 ? w / q : NUL;
      bench[o + D.winRate] = winBench;
      actual[o + D.avgDealSize] = w > 0 ? r / w : NUL;
      bench[o + D.avgDealSize] = dealBench;
      actual[o + D.collectionRate] = r > 0 ? collections[i] / r : NUL;
      bench[o + D.collectionRate] = collectBench;
      actual[o + D.crossSell] = products[i];
      bench[o + D.crossSell] = productBench;
      actual[o + D.crmCompleteness] = openTotal[i] > 0 ? openComplete[i] / openTotal[i] : NUL;
      bench[o + D.crmCompleteness] = 1;
      actual[o + D.mentoring] = mentees[i];
      bench[o + D.mentoring] = 1;
      const own = named.size ? named.get(i) : undefined;
      const clv = own ? customerLifetimeValue(own, window, prevWindow) : null;
      actual[o + D.clv] = clv?.available ? clv.value : NUL;
      bench[o + D.clv] = clvBench;
    };
    // Measured on demand only when no person's value can be one `scorePerson` rejects (negative or
    // not finite), so no check of everyone's values is skipped: every input below is a finite
    // number ≥ 0 (then each KPI is a sum, count or ratio of them, each benchmark a median, team
    // ratio or target of them).
    if (lazy && !negativeBooking && (yield* ours(finiteNonNegative(n, (i) => {
      if (!fine(revenue[i]) || !fine(collections[i])) return false;
      for (let k = 0; k < S; k++) if (!fine(counts[i * S + k])) return false;
      const pos = orgPos[i];
      return !targets || !targets.has[pos] || fine(targets.value[pos]);
    })))) {
      done += n;
      return { actual, bench, filled: new Uint8Array(n), fill };
    }
    yield { done, total };
    for (let i = 0; i < n; i++) {
      if (++done % STEP_CHUNK === 0) yield { done, total };
      fill(i);
    }
    return { actual, bench, filled: null, fill };
  }

  const now = yield* measure(period, false);
  // The period before: its benchmarks over everyone, each person's KPIs when read (see `measure`).
  const before = yield* measure(prev, true);
  const prevEnd = periodRange(prev, cal).end;

  const kpisAt = (c: Columns, i: number, id: string): Partial<Record<ScorecardKpiId, KpiMeasure>> => {
    row(c, i);
    const kpis: Partial<Record<ScorecardKpiId, KpiMeasure>> = {};
    for (let d = 0; d < K; d++) kpis[DERIVED[d]] = { actual: orNull(c.actual[i * K + d]), benchmark: orNull(c.bench[i * K + d]) };
    const extra = query.extras?.[id];
    if (extra) Object.assign(kpis, extra);
    return kpis;
  };
  const previousOf = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = nodes[i].hireDate;
    previousOf[i] = h && h > prevEnd ? 0 : 1;
  }
  const hasPrevious = (i: number) => previousOf[i] === 1;
  /** The measured person at team position i, as `scorePerson` takes it. */
  const personOf = (i: number): ScorecardPerson => {
    const id = team[i];
    const rep = nodes[i];
    return { id, name: rep.name, ...(rep.hireDate ? { hireDate: rep.hireDate } : {}), ...(rep.role ? { role: rep.role } : {}), kpis: kpisAt(now, i, id), ...(hasPrevious(i) ? { previous: kpisAt(before, i, id) } : {}) };
  };

  if (m > 0) {
    const checked = checkOptions(options);
    if (!checked.ok) return checked;
  }
  const cap = options.cap ?? DEFAULT_SCORE_CAP;
  // The composite as shown (NaN: none) and the attainment score as the tie-break (-1: none), per shown person.
  const score = new Float64Array(m), att = new Float64Array(m);
  // A company has a few hundred (hire date, role) pairs, not 100,000: each is profiled once.
  const profiles = new Map<string | undefined, Map<string | undefined, ColumnWeights>>();
  const weightsOf = (rep: OrgNode): ColumnWeights => {
    let byRole = profiles.get(rep.hireDate);
    if (!byRole) profiles.set(rep.hireDate, (byRole = new Map()));
    let w = byRole.get(rep.role);
    if (!w) byRole.set(rep.role, (w = columnsOf(profileWeights(profileFor(rep, options).profile, options.profiles))));
    return w;
  };
  const bad = (c: Columns, i: number) => {
    for (let d = 0; d < K; d++) if (badValue(c.actual[i * K + d]) || badValue(c.bench[i * K + d])) return true;
    return false;
  };
  for (let j = 0; j < m; j++) {
    const i = shown[j];
    const id = team[i];
    if (query.extras?.[id] || bad(now, i) || (hasPrevious(i) && before.filled === null && bad(before, i))) {
      // KPIs from the host, or a measure scorePerson rejects: scored (or refused) by the definition itself.
      const c = scoreChecked(personOf(i), options);
      if (!c.ok) return c;
      score[j] = c.value.score === null ? NUL : c.value.score;
      const s = c.value.lines.find((l) => l.kpi === 'attainment')?.score;
      att[j] = s === null || s === undefined ? -1 : round1(s);
    } else {
      const w = weightsOf(nodes[i]);
      const exact = exactAt(w, now, i, cap);
      score[j] = exact === null ? NUL : round1(exact);
      const s = w.attainment ? scoreOf(now.actual[i * K + AT], now.bench[i * K + AT], cap) : NUL;
      att[j] = Number.isNaN(s) ? -1 : round1(s);
    }
    if (++done % STEP_CHUNK === 0) yield { done, total };
  }

  // The ranking rules of `rankScorecards`, on the numbers.
  const idOf = (j: number) => team[shown[j]];
  const order = Array.from({ length: m }, (_, j) => j);
  // Sorted in slices (the same stable order as `Array.prototype.sort`).
  const sorting = sortSteps(order, (a, b) => {
    const na = Number.isNaN(score[a]), nb = Number.isNaN(score[b]);
    if (na || nb) return na === nb ? cmpId(idOf(a), idOf(b)) : na ? 1 : -1;
    return score[b] - score[a] || att[b] - att[a] || cmpId(idOf(a), idOf(b));
  });
  for (let s = sorting.next(); !s.done; s = sorting.next()) yield { done, total };
  yield { done, total };
  const same = (a: number, b: number | undefined) => b !== undefined && !Number.isNaN(score[a]) && score[a] === score[b] && att[a] === att[b];
  const rank = new Int32Array(m), tied = new Uint8Array(m);
  let r = 0;
  for (let j = 0; j < m; j++) {
    const k = order[j];
    if (!Number.isNaN(score[k])) {
      if (!same(k, order[j - 1])) r = j + 1;
      rank[j] = r;
      tied[j] = same(k, order[j - 1]) || same(k, order[j + 1]) ? 1 : 0;
    }
    if ((j + 1) % STEP_CHUNK === 0) yield { done: done + j + 1, total };
  }

  let place: Map<string, number> | null = null;
  const cache = new Map<number, RankedScorecard>();
  let built = 0;
  return ok({
    nodeId,
    nodeName: node.name,
    period,
    previousPeriod: prev,
    currency: source.plan.currency,
    clvUnavailable,
    count: m,
    get built() {
      return built;
    },
    get measuredBefore() {
      if (!before.filled) return n;
      let k = 0;
      for (let i = 0; i < n; i++) k += before.filled[i];
      return k;
    },
    idAt: (j) => idOf(order[j]),
    nameAt: (j) => nodes[shown[order[j]]].name,
    personAt: (j) => personOf(shown[order[j]]),
    people: () => shown.map(personOf),
    indexOf(id) {
      if (!place) {
        place = new Map();
        for (let j = 0; j < m; j++) place.set(idOf(order[j]), j);
      }
      return place.get(id) ?? -1;
    },
    cardAt(j) {
      let card = cache.get(j);
      if (card) return card;
      const c = scoreChecked(personOf(shown[order[j]]), options);
      // Every person was scored above: a refusal would have ended the ranking.
      if (!c.ok) throw new Error(c.error.message);
      built++;
      card = Number.isNaN(score[order[j]]) ? { ...c.value, rank: null, tied: false } : { ...c.value, rank: rank[j], tied: tied[j] === 1 };
      // A page or an opened card is asked for again on every render; an export reads everyone once.
      if (cache.size >= 1_000) cache.clear();
      cache.set(j, card);
      return card;
    },
  });
}

/** A list of scorecards already built and ranked (`rankScorecards`), read as a `ScorecardList`. */
export function scorecardList(cards: readonly RankedScorecard[]): ScorecardList {
  let place: Map<string, number> | null = null;
  return {
    count: cards.length,
    idAt: (j) => cards[j].id,
    nameAt: (j) => cards[j].name,
    cardAt: (j) => cards[j],
    indexOf(id) {
      place ??= new Map(cards.map((c, j) => [c.id, j]));
      return place.get(id) ?? -1;
    },
  };
}

/**
 * The full scorecards of `rows` (positions in `list`), in that order, as steps: `STEP_CHUNK`
 * cards between yields. An export of a 100,000-person ranking builds every card; in one piece
 * that is seconds of one task.
 */
export function* scorecardCardsSteps(list: ScorecardList, rows: readonly number[]): Steps<RankedScorecard[]> {
  const out: RankedScorecard[] = [];
  for (let i = 0; i < rows.length; i++) {
    out.push(list.cardAt(rows[i]));
    if (i % STEP_CHUNK === STEP_CHUNK - 1 && i < rows.length - 1) yield { done: i + 1, total: rows.length };
  }
  return out;
}
