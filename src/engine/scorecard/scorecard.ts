/**
 * KPI scorecards (多维度考核): a composite score per person from weighted result, process and
 * quality KPIs, with weights that depend on tenure and role, and a team ranking.
 *
 * Results alone make a team short-sighted; process KPIs (activity, CRM completeness, win rate) and
 * quality KPIs (deal size, collection rate, customer lifetime value, cross-sell) show how a result
 * was reached. A new hire is judged mostly on activity and CRM discipline, a veteran on results,
 * deal size, customer lifetime value, cross-sell, strategic new accounts and mentoring (传帮带).
 *
 * Each KPI is measured against a benchmark (its target, or the team's level): its score is
 * 100 × actual / benchmark, capped at {@link DEFAULT_SCORE_CAP} × 100 so that over-performance on
 * one KPI can make up for at most 20 points of another. The composite is the weighted mean of the
 * KPI scores; a KPI that cannot be measured (no actual, or no benchmark above 0) is left out and
 * its weight goes to the others in proportion.
 */
import { fail, ok, type Result } from '../shared/result.js';
import { isDate } from '../calendar/periods.js';
import { rampFactor, tenureMonths } from '../plan/ramp.js';
import { cmpId } from '../plan/allocate.js';
import { runSteps, STEP_CHUNK, type Steps } from '../shared/steps.js';

export const SCORECARD_KPIS = [
  'attainment',
  'activity',
  'crmCompleteness',
  'winRate',
  'avgDealSize',
  'collectionRate',
  'clv',
  'crossSell',
  'strategicAccounts',
  'mentoring',
] as const;
export type ScorecardKpiId = (typeof SCORECARD_KPIS)[number];

/** Result KPIs (结果), process KPIs (过程) and quality KPIs (质量). */
export const KPI_GROUP: Readonly<Record<ScorecardKpiId, 'result' | 'process' | 'quality'>> = {
  attainment: 'result',
  activity: 'process',
  crmCompleteness: 'process',
  winRate: 'process',
  avgDealSize: 'quality',
  collectionRate: 'quality',
  clv: 'quality',
  crossSell: 'quality',
  strategicAccounts: 'result',
  mentoring: 'quality',
};

export type WeightProfileId = 'new-hire' | 'standard' | 'veteran';
export const WEIGHT_PROFILE_IDS: readonly WeightProfileId[] = ['new-hire', 'standard', 'veteran'];

/**
 * Weights per profile, in points out of 100. Customer lifetime value (`clv`) counts for the standard
 * and veteran profiles only: a new hire has too few customers for it to mean anything yet.
 */
export const WEIGHT_PROFILES: Readonly<Record<WeightProfileId, Readonly<Partial<Record<ScorecardKpiId, number>>>>> = {
  'new-hire': { activity: 30, crmCompleteness: 25, attainment: 20, winRate: 15, collectionRate: 10 },
  standard: { attainment: 30, activity: 15, winRate: 15, avgDealSize: 10, collectionRate: 10, crmCompleteness: 10, crossSell: 5, clv: 5 },
  veteran: { attainment: 30, crossSell: 15, strategicAccounts: 15, avgDealSize: 10, clv: 10, mentoring: 10, collectionRate: 10 },
};

/** A KPI score is capped at cap × 100 (default 1.2 → 120). */
export const DEFAULT_SCORE_CAP = 1.2;

/**
 * One KPI of a person: what they did and what it is measured against (a target, or the team's level).
 * Money KPIs (`attainment`, `avgDealSize`, `clv`) are in integer minor units; `clv` is the average
 * customer lifetime value of the accounts the person won in the period: the gross revenue the CRM
 * expects from a customer over the whole relationship (e.g. ¥120,000 → 12_000_000), measured
 * against the team's average or a target CLV.
 */
export interface KpiMeasure {
  actual: number | null;
  benchmark: number | null;
}

export interface ScorecardPerson {
  id: string;
  name: string;
  hireDate?: string;
  role?: string;
  kpis: Partial<Record<ScorecardKpiId, KpiMeasure>>;
  /** The same KPIs in the previous period, for the trend. */
  previous?: Partial<Record<ScorecardKpiId, KpiMeasure>>;
}

export interface ScorecardOptions {
  /** The day tenure is measured on, `YYYY-MM-DD`. */
  asOf: string;
  /** Force one profile for everyone (the element's switch); default: by tenure and role. */
  profile?: WeightProfileId;
  /** Replace the weights of a profile. */
  profiles?: Partial<Record<WeightProfileId, Partial<Record<ScorecardKpiId, number>>>>;
  cap?: number;
  /** Tenure below this many months: new hire (default 6, when the default ramp ends). */
  newHireMonths?: number;
  /** Tenure of at least this many months: veteran (default 36). */
  veteranMonths?: number;
  /** Roles judged as veterans once past the new-hire months (default senior, lead, manager, 资深, 主管). */
  veteranRoles?: readonly string[];
}

/** Why a profile applies: forced, tenure (new or long), a senior role, or neither (standard). */
export type ProfileReason = 'given' | 'new-hire-tenure' | 'veteran-tenure' | 'veteran-role' | 'default';

export interface ScorecardLine {
  kpi: ScorecardKpiId;
  group: 'result' | 'process' | 'quality';
  /** The profile's weight (points) and the share it has after missing KPIs gave theirs away (Σ share = 1). */
  weight: number;
  share: number;
  actual: number | null;
  benchmark: number | null;
  /** actual / benchmark; null when not measurable. */
  ratio: number | null;
  /** 100 × min(ratio, cap); null when not measurable. */
  score: number | null;
  /** share × score: the points this KPI adds to the composite. */
  points: number | null;
}

export interface Scorecard {
  id: string;
  name: string;
  profile: WeightProfileId;
  profileReason: ProfileReason;
  tenureMonths: number | null;
  /** Only KPIs with a weight in the profile, in the profile's order of weight. */
  lines: ScorecardLine[];
  /** KPIs of the profile that could not be measured (their weight went to the others). */
  missing: ScorecardKpiId[];
  /** The composite, rounded to one decimal (half up); null when nothing could be measured. */
  score: number | null;
  exactScore: number | null;
  /** The previous period's composite with the same profile, and score − previous. */
  previousScore: number | null;
  trend: number | null;
}

export const SCORECARD_ERROR_CODES = ['scorecard-date-invalid', 'scorecard-option-invalid', 'scorecard-kpi-invalid'] as const;

/** Half up to one decimal, as every score is shown. @internal */
export const round1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;
const DEFAULT_VETERAN_ROLES = ['senior', 'lead', 'manager', '资深', '主管'];

/**
 * The weight profile of a person: the one forced by `options.profile`; else new hire while tenure
 * is under `newHireMonths` (6); veteran from `veteranMonths` (36) of tenure, or earlier for a
 * senior role (`veteranRoles`, matched case-insensitively as a word of the role); else standard.
 * A person without a hire date is standard unless their role says veteran.
 *
 * @example profileFor({ hireDate: '2026-01-05', role: 'rep' }, { asOf: '2026-04-15' }) // { profile: 'new-hire', reason: 'new-hire-tenure', tenureMonths: 3 }
 */
export function profileFor(
  person: Pick<ScorecardPerson, 'hireDate' | 'role'>,
  options: ScorecardOptions,
): { profile: WeightProfileId; reason: ProfileReason; tenureMonths: number | null } {
  const tenure = person.hireDate ? tenureOf(person.hireDate, options.asOf) : null;
  if (options.profile) return { profile: options.profile, reason: 'given', tenureMonths: tenure };
  const newHire = options.newHireMonths ?? 6, veteran = options.veteranMonths ?? 36;
  if (tenure !== null && tenure < newHire) return { profile: 'new-hire', reason: 'new-hire-tenure', tenureMonths: tenure };
  if (tenure !== null && tenure >= veteran) return { profile: 'veteran', reason: 'veteran-tenure', tenureMonths: tenure };
  const role = (person.role ?? '').toLowerCase();
  const roles = options.veteranRoles ?? DEFAULT_VETERAN_ROLES;
  if (roles.some((r) => role.split(/[\s_\-/]+/).includes(r.toLowerCase()) || (/[^\x00-\x7f]/.test(r) && role.includes(r)))) {
    return { profile: 'veteran', reason: 'veteran-role', tenureMonths: tenure };
  }
  return { profile: 'standard', reason: 'default', tenureMonths: tenure };
}

// A company has a few hundred distinct hire dates, not 100,000: tenure is read once per date and day.
const tenures = new Map<string, number | null>();
function tenureOf(hireDate: string, asOf: string): number | null {
  const key = `${hireDate}|${asOf}`;
  let t = tenures.get(key);
  if (t === undefined) {
    const r = tenureMonths(hireDate, asOf);
    t = r.ok ? r.value : null;
    if (tenures.size >= 4096) tenures.clear();
    tenures.set(key, t);
  }
  return t;
}

/** @internal */
export type Weights = Partial<Record<ScorecardKpiId, number>>;
// The weights of a profile (with the caller's replacements) and their KPIs in order of weight, once
// per profile and `profiles` object rather than once per person.
const NO_OVERRIDES = {};
const weightsFor = new WeakMap<object, Map<WeightProfileId, { weights: Weights; ids: ScorecardKpiId[] }>>();
/** The weights of a profile and its KPIs in order of weight, memoized. @internal */
export function profileWeights(profile: WeightProfileId, overrides: ScorecardOptions['profiles']): { weights: Weights; ids: ScorecardKpiId[] } {
  const owner = overrides ?? NO_OVERRIDES;
  let byProfile = weightsFor.get(owner);
  if (!byProfile) weightsFor.set(owner, (byProfile = new Map()));
  let w = byProfile.get(profile);
  if (!w) {
    const weights: Weights = { ...WEIGHT_PROFILES[profile], ...(overrides?.[profile] ?? {}) };
    const ids = SCORECARD_KPIS.filter((k) => (weights[k] ?? 0) > 0).sort((a, b) => weights[b]! - weights[a]! || SCORECARD_KPIS.indexOf(a) - SCORECARD_KPIS.indexOf(b));
    byProfile.set(profile, (w = { weights, ids }));
  }
  return w;
}

function composite(
  { weights, ids }: { weights: Weights; ids: readonly ScorecardKpiId[] },
  kpis: Partial<Record<ScorecardKpiId, KpiMeasure>>,
  cap: number,
): { lines: ScorecardLine[]; missing: ScorecardKpiId[]; exact: number | null } {
  const measured = ids.map((k) => {
    const m = kpis[k];
    const ok = m && m.actual !== null && m.benchmark !== null && m.benchmark > 0;
    const ratio = ok ? m!.actual! / m!.benchmark! : null;
    return { k, m, ratio, score: ratio === null ? null : 100 * Math.min(ratio, cap) };
  });
  const total = measured.reduce((s, x) => s + (x.score === null ? 0 : weights[x.k]!), 0);
  const lines = measured.map(({ k, m, ratio, score }): ScorecardLine => {
    const share = score === null || total === 0 ? 0 : weights[k]! / total;
    return { kpi: k, group: KPI_GROUP[k], weight: weights[k]!, share, actual: m?.actual ?? null, benchmark: m?.benchmark ?? null, ratio, score, points: score === null ? null : share * score };
  });
  return {
    lines,
    missing: measured.filter((x) => x.score === null).map((x) => x.k),
    exact: total === 0 ? null : lines.reduce((s, l) => s + (l.points ?? 0), 0),
  };
}

/** 100 × min(actual / benchmark, cap), or null when not measurable. @internal */
export const kpiScore = (m: KpiMeasure | undefined, cap: number): number | null => {
  const ok = m && m.actual !== null && m.benchmark !== null && m.benchmark > 0;
  const ratio = ok ? m!.actual! / m!.benchmark! : null;
  return ratio === null ? null : 100 * Math.min(ratio, cap);
};

/** `composite(…).exact` without the lines (the previous period's score): the same sums in the same order. */
function compositeExact({ weights, ids }: { weights: Weights; ids: readonly ScorecardKpiId[] }, kpis: Partial<Record<ScorecardKpiId, KpiMeasure>>, cap: number): number | null {
  let total = 0;
  for (const k of ids) total += kpiScore(kpis[k], cap) === null ? 0 : weights[k]!;
  if (total === 0) return null;
  let exact = 0;
  for (const k of ids) {
    const score = kpiScore(kpis[k], cap);
    exact += score === null ? 0 : (weights[k]! / total) * score;
  }
  return exact;
}

/** Checks scorecard options once (`scorePerson` does it itself). @internal */
export function checkOptions(options: ScorecardOptions): Result<true> {
  if (!isDate(options.asOf)) return fail('scorecard-date-invalid', `"${options.asOf}" is not a date YYYY-MM-DD`, { value: String(options.asOf) });
  const cap = options.cap ?? DEFAULT_SCORE_CAP;
  if (!(Number.isFinite(cap) && cap >= 1)) return fail('scorecard-option-invalid', 'cap must be a number ≥ 1', { option: 'cap', value: String(cap) });
  for (const [id, w] of Object.entries(options.profiles ?? {})) {
    for (const [k, v] of Object.entries(w ?? {})) {
      if (!(Number.isFinite(v) && v >= 0)) return fail('scorecard-option-invalid', `the weight of ${k} in ${id} must be a number ≥ 0`, { option: `${id}.${k}`, value: String(v) });
    }
  }
  return ok(true);
}

/**
 * One person's scorecard: the weight profile (`profileFor`), each KPI's score
 * (100 × min(actual / benchmark, cap)), the composite (weighted mean over the measurable KPIs,
 * rounded to one decimal), and the trend against the previous period scored with the same profile.
 *
 * @example
 * // The same numbers for a new hire and a veteran: attainment 80/100, activity 120/100, CRM 1/1,
 * // win rate 0.9, deal size 0.7, collection rate 1, CLV ¥120,000 / ¥150,000 = 0.8, cross-sell 0.5,
 * // strategic accounts 0/2, no mentoring data.
 * // New hire (no CLV weight): (30·120 + 25·100 + 20·80 + 15·90 + 10·100) / 100 = 100.5
 * // Veteran (mentoring missing, 90 points left): (30·80 + 15·50 + 15·0 + 10·70 + 10·80 + 10·100) / 90 = 62.8
 *
 * Errors: `scorecard-date-invalid`, `scorecard-option-invalid` (`option`), `scorecard-kpi-invalid`
 * (`kpi`: an actual or benchmark that is negative or not finite).
 */
export function scorePerson(person: ScorecardPerson, options: ScorecardOptions): Result<Scorecard> {
  const checked = checkOptions(options);
  if (!checked.ok) return checked;
  return scoreChecked(person, options);
}

/** `scorePerson` with options already checked (a team checks them once, not once per person). @internal */
export function scoreChecked(person: ScorecardPerson, options: ScorecardOptions): Result<Scorecard> {
  // Read without building entry arrays: a company checks 100,000 people × 2 periods × 10 KPIs.
  const bad = (v: number | null | undefined) => v !== null && v !== undefined && !(Number.isFinite(v) && v >= 0);
  for (const set of [person.kpis, person.previous ?? {}] as Partial<Record<string, KpiMeasure>>[]) {
    for (const k in set) {
      if (!Object.prototype.hasOwnProperty.call(set, k)) continue;
      const m = set[k];
      const v = bad(m?.actual) ? m?.actual : bad(m?.benchmark) ? m?.benchmark : undefined;
      if (v !== undefined) return fail('scorecard-kpi-invalid', `the ${k} of "${person.id}" must be a number ≥ 0`, { kpi: k, person: person.name, id: person.id, value: String(v) });
    }
  }
  const { profile, reason, tenureMonths } = profileFor(person, options);
  const weights = profileWeights(profile, options.profiles);
  const cap = options.cap ?? DEFAULT_SCORE_CAP;
  const now = composite(weights, person.kpis, cap);
  const before = person.previous ? compositeExact(weights, person.previous, cap) : null;
  const score = now.exact === null ? null : round1(now.exact);
  const previousScore = before === null ? null : round1(before);
  return ok({
    id: person.id,
    name: person.name,
    profile,
    profileReason: reason,
    tenureMonths,
    lines: now.lines,
    missing: now.missing,
    score,
    exactScore: now.exact,
    previousScore,
    trend: score === null || previousScore === null ? null : round1(score - previousScore),
  });
}

export interface RankedScorecard extends Scorecard {
  /** 1 for the best; people tied share a rank and the next rank is skipped (1, 2, 2, 4). */
  rank: number | null;
  tied: boolean;
}

/**
 * Ranks scorecards, best first. The rules: a higher composite (as shown, one decimal) ranks
 * higher; on equal composites the higher attainment score ranks higher (results break the tie);
 * people equal on both share a rank (competition ranking: 1, 2, 2, 4) and are listed by id. People
 * without a score come last, unranked (`rank: null`).
 *
 * @example
 * // a 88.0 (attainment score 90), b 91.5, c 88.0 (attainment 100), d 88.0 (attainment 90)
 * rankScorecards([a, b, c, d]) // b 1; c 2 (attainment breaks the tie); a 3, d 3 (tied on both, listed by id)
 */
export function rankScorecards(cards: readonly Scorecard[]): RankedScorecard[] {
  return runSteps(rankScorecardSteps(cards));
}

/** `rankScorecards` as steps (see `steps.ts`): the sort, then the ranks a chunk at a time. @internal */
export function* rankScorecardSteps(cards: readonly Scorecard[]): Steps<RankedScorecard[]> {
  // The order keys are read once per card into arrays, not once per comparison (a company ranks
  // 100,000 people): the composite (-1 when none), the attainment tie-break, the id.
  const n = cards.length;
  const score = new Float64Array(n), att = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cards[i];
    score[i] = c.score === null ? -1 : c.score;
    const s = c.lines.find((l) => l.kpi === 'attainment')?.score;
    att[i] = s === null || s === undefined ? -1 : round1(s);
  }
  yield { done: 0, total: n };
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const sa = cards[a].score, sb = cards[b].score;
    if (sa === null || sb === null) return sa === sb ? cmpId(cards[a].id, cards[b].id) : sa === null ? 1 : -1;
    return score[b] - score[a] || att[b] - att[a] || cmpId(cards[a].id, cards[b].id);
  });
  yield { done: 0, total: n };
  const same = (a: number, b: number | undefined) => b !== undefined && cards[a].score !== null && score[a] === score[b] && att[a] === att[b];
  const out: RankedScorecard[] = new Array(n);
  let rank = 0;
  for (let i = 0; i < n; i++) {
    const k = order[i];
    const c = cards[k];
    if (c.score === null) out[i] = { ...c, rank: null, tied: false };
    else {
      if (!same(k, order[i - 1])) rank = i + 1;
      out[i] = { ...c, rank, tied: same(k, order[i - 1]) || same(k, order[i + 1]) };
    }
    if ((i + 1) % STEP_CHUNK === 0) yield { done: i + 1, total: n };
  }
  return out;
}

/** `rampFactor` re-exported for benchmarks of new hires. @internal */
export const rampOf = (hireDate: string | undefined, asOf: string): number => {
  if (!hireDate) return 1;
  const r = rampFactor(hireDate, asOf);
  return r.ok ? r.value : 1;
};
