/**
 * Team payouts and mentoring credit (传帮带).
 *
 * Mentoring formula: a mentor v with mentees m₁…mₖ earns
 *   credit(v) = min(cap, round½↑(share × Σ rampBonus(mᵢ)))
 * where rampBonus(mᵢ) is the ramp bonus mentee mᵢ earned this period (0 when not earned) and
 * `share`, `cap` come from the plan's `mentoring`. The credit is split back over the mentees
 * (one line each) in proportion to their ramp bonuses by the largest-remainder method (`allocate`),
 * so the lines add up to the credit exactly. No revenue is counted twice: the credit is money on top
 * of the mentee's own bonus (which is not reduced), the mentee's bookings never enter the mentor's
 * revenue or attainment, and each booking credits only the rep it belongs to. The credit is added
 * after the mentor's own payout cap; it has its own cap.
 */
import type { Actual } from '../plan/model.js';
import { allocate } from '../plan/allocate.js';
import { ppb, PPB, type CommissionPlan } from './plan.js';
import { computePayout, teamFigures, type Payout, type PayoutFigures, type PayoutOptions, type PayoutPerson } from './commission.js';
import { fail, ok, type Result } from '../shared/result.js';
import { runSteps, STEP_CHUNK, type Steps } from '../shared/steps.js';
import type { OrgIndex } from '../plan/rollup.js';
import { hasRepPositions, repPositions, repPositionSteps } from '../plan/subtree-sums.js';

export interface MenteeCredit {
  menteeId: string;
  /** The ramp bonus the mentee earned, minor units. */
  rampBonus: number;
  /** This mentee's part of the mentor's credit. */
  credit: number;
}

export interface MentoringCredit {
  mentorId: string;
  mentees: MenteeCredit[];
  /** share × Σ ramp bonuses, rounded half up, before the cap. */
  uncapped: number;
  /** What the mentor is paid: min(cap, uncapped) = Σ mentees.credit. */
  credit: number;
  capped: boolean;
}

/**
 * The mentoring credit of one mentor from their mentees' ramp bonuses (see the module comment).
 * Fails with `incentive-amount-invalid` for a ramp bonus that is not a whole amount ≥ 0.
 *
 * @example
 * // share 20 %, cap ¥1,000; mentees a and b earned ramp bonuses of ¥3,000 and ¥2,000:
 * // 20 % × 5,000 = ¥1,000 (not capped) → a ¥600, b ¥400.
 * mentoringCredit({ share: 0.2, cap: 100_000 }, 'v', [{ menteeId: 'a', rampBonus: 300_000 }, { menteeId: 'b', rampBonus: 200_000 }])
 * // ok({ credit: 100_000, uncapped: 100_000, mentees: [{ credit: 60_000 }, { credit: 40_000 }], capped: false })
 */
export function mentoringCredit(
  mentoring: NonNullable<CommissionPlan['mentoring']>,
  mentorId: string,
  mentees: readonly { menteeId: string; rampBonus: number }[],
): Result<MentoringCredit> {
  let sum = 0n;
  for (const m of mentees) {
    if (!Number.isSafeInteger(m.rampBonus) || m.rampBonus < 0) {
      return fail('incentive-amount-invalid', `The ramp bonus of ${m.menteeId} must be a whole amount ≥ 0`, { value: String(m.rampBonus) }, ['mentees', m.menteeId]);
    }
    sum += BigInt(m.rampBonus);
  }
  const uncapped = Number((sum * ppb(mentoring.share) * 2n + PPB) / (2n * PPB));
  const credit = mentoring.cap !== undefined && uncapped > mentoring.cap ? mentoring.cap : uncapped;
  // One mentee (most mentors of a company) gets the whole credit: what the split of one part gives.
  const split = mentees.length === 1 ? ok({ values: { [mentees[0].menteeId]: credit } }) : allocate(credit, mentees.map((m) => ({ id: m.menteeId, weight: m.rampBonus })));
  if (!split.ok) return split;
  return ok({
    mentorId,
    mentees: mentees.map((m) => ({ menteeId: m.menteeId, rampBonus: m.rampBonus, credit: split.value.values[m.menteeId] })),
    uncapped,
    credit,
    capped: credit < uncapped,
  });
}

/**
 * A person paid: the payout (built when first read: a company's table reads the lines of one page
 * of people, not of 100,000) and its figures, which the table sorts and totals by. `figures.total`
 * is the payout's total, the mentoring credit included.
 */
export interface PaidRow {
  person: PayoutPerson;
  payout: Payout;
  error: null;
  figures: PayoutFigures;
}

interface RowContext {
  plan: CommissionPlan;
  options: PayoutOptions;
  /** Each mentor's credit, added to their payout when it is built. */
  credits: Map<string, (q: Payout) => Payout>;
}

/**
 * A paid row whose payout (the lines) is built on first read, with the same checks and numbers as
 * its figures. One class for every row of a company (not a property defined per row, with its own
 * closures): 100,000 of them are cheap to make and to collect.
 */
class LazyPaidRow implements PaidRow {
  readonly error = null;
  #built: Payout | undefined;
  readonly #mine: readonly Actual[];
  readonly #ctx: RowContext;

  constructor(
    readonly person: PayoutPerson,
    public figures: PayoutFigures,
    mine: readonly Actual[],
    ctx: RowContext,
  ) {
    this.#mine = mine;
    this.#ctx = ctx;
  }

  get payout(): Payout {
    if (this.#built === undefined) {
      const { plan, options, credits } = this.#ctx;
      const r = computePayout(plan, this.person, this.#mine, options);
      if (!r.ok) throw new Error(r.error.message);
      const withCredit = credits.get(this.person.id);
      this.#built = withCredit ? withCredit(r.value) : r.value;
    }
    return this.#built;
  }

  set payout(v: Payout) {
    this.#built = v;
  }
}

/**
 * Where the people of a team are in a read model's org index (`positions[i]`: the org position of
 * `people[i]`, each person once): their actuals are then grouped by the records' org positions
 * (`repPositions`, memoized by the store's warm-up) instead of by id. @internal
 */
export interface PeopleAt {
  index: OrgIndex;
  positions: Int32Array;
}

/** Records grouped between two yields. */
const GROUP_CHUNK = STEP_CHUNK * 8;

/** Each person's actuals by id (a map of every rep's list). */
function* byIdSteps(actuals: readonly Actual[], total: number): Steps<(p: PayoutPerson, i: number) => Actual[] | undefined> {
  const byRep = new Map<string, Actual[]>();
  for (let i = 0; i < actuals.length; i++) {
    const a = actuals[i];
    const list = byRep.get(a.repId);
    if (list) list.push(a);
    else byRep.set(a.repId, [a]);
    if ((i + 1) % GROUP_CHUNK === 0) yield { done: 0, total };
  }
  return (p) => byRep.get(p.id);
}

/**
 * Each person's actuals by org position: the records' positions counted, then listed by position
 * (the same lists, in the same order, as by id: a record's rep is at one position).
 */
function* byPositionSteps(at: PeopleAt, actuals: readonly Actual[], total: number): Steps<(p: PayoutPerson, i: number) => Actual[] | undefined> {
  const size = at.index.order.length;
  const pos = hasRepPositions(at.index, actuals) ? repPositions(at.index, actuals) : yield* repPositionSteps(at.index, actuals);
  const start = new Int32Array(size + 1);
  for (let k = 0; k < pos.length; k++) if (pos[k] >= 0) start[pos[k] + 1]++;
  for (let p = 0; p < size; p++) start[p + 1] += start[p];
  yield { done: 0, total };
  const next = start.slice(0, size), records = new Int32Array(start[size]);
  for (let k = 0; k < pos.length; k++) {
    if (pos[k] >= 0) records[next[pos[k]]++] = k;
    if ((k + 1) % GROUP_CHUNK === 0) yield { done: 0, total };
  }
  return (_p, i) => {
    const p = at.positions[i];
    const from = start[p], to = start[p + 1];
    if (from === to) return undefined;
    const out: Actual[] = new Array(to - from);
    for (let k = from; k < to; k++) out[k - from] = actuals[records[k]];
    return out;
  };
}

export interface TeamPayouts {
  /** One row per person, in input order: a payout, or the error that prevented it (e.g. no target). */
  rows: (PaidRow | { person: PayoutPerson; payout: null; error: { code: string; message: string; params?: Record<string, string | number> } })[];
  mentoring: MentoringCredit[];
  /** Exact sums over the rows that have a payout; `attainment` = revenue / target of those rows. */
  totals: { target: number; revenue: number; commission: number; mentoring: number; total: number; people: number; attainment: number | null };
}

/**
 * Payouts of a team: `computePayout` for each person, then the mentoring credits of every mentor
 * in `people` from their mentees in `people` (a `mentoring` line per mentee is appended to the
 * mentor's lines and added to their total), and the team's totals. A person whose payout fails
 * (e.g. no target) keeps a row with the error and counts in no total.
 *
 * @example
 * // Mentor v (target ¥100,000, booked ¥100,000 → ¥2,500) with mentees a, b who each earned the
 * // ¥3,000 ramp bonus; share 20 %, cap ¥1,000: 20 % × 6,000 = 1,200 → capped at ¥1,000, ¥500 each.
 * computeTeamPayouts(plan, [v, a, b], actuals) // v's total 2,500 + 1,000 = ¥3,500
 */
export function computeTeamPayouts(plan: CommissionPlan, people: readonly PayoutPerson[], actuals: readonly Actual[], options: PayoutOptions = {}): Result<TeamPayouts> {
  return runSteps(teamPayoutSteps(plan, people, actuals, options));
}

/**
 * `computeTeamPayouts` as steps (see `steps.ts`): it yields after every chunk of people paid, so an
 * element can spread a company of 100,000 over many short tasks. Progress counts people paid.
 */
export function* teamPayoutSteps(
  plan: CommissionPlan,
  people: readonly PayoutPerson[],
  actuals: readonly Actual[],
  options: PayoutOptions = {},
  at?: PeopleAt,
): Steps<Result<TeamPayouts>> {
  const total = people.length;
  // Each person's actuals, grouped once: `computePayout` reads only the person's own, and scanning
  // every actual for every person is quadratic in team size (100,000 reps × 100,000 bookings).
  // (In chunks too: a company has as many bookings as people, or more.)
  const none: Actual[] = [];
  const mineOf = at ? yield* byPositionSteps(at, actuals, total) : yield* byIdSteps(actuals, total);
  yield { done: 0, total };
  const rows: TeamPayouts['rows'] = new Array(people.length);
  // The mentoring credit of each mentor, once settled below: a payout built later carries it.
  const ctx: RowContext = { plan, options, credits: new Map() };
  const { credits } = ctx;
  const figures = teamFigures(plan, options);
  for (let i = 0; i < people.length; i++) {
    const person = people[i];
    const mine = mineOf(person, i) ?? none;
    // The figures now, for everyone; the lines when someone reads the payout (same checks, same numbers).
    const f = figures(person, mine);
    rows[i] = f.ok ? new LazyPaidRow(person, f.value, mine, ctx) : { person, payout: null, error: f.error };
    if ((i + 1) % STEP_CHUNK === 0) yield { done: i + 1, total };
  }
  const mentoring: MentoringCredit[] = [];
  if (plan.mentoring) {
    // The rows of the people named as someone's mentor only (a company has a mentor for a few of its
    // 100,000 people): the last row of an id, as a map of every row holds.
    const mentorIds = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const m = rows[i].person.mentorId;
      if (m) mentorIds.add(m);
      if ((i + 1) % (STEP_CHUNK * 8) === 0) yield { done: total, total };
    }
    const byId = new Map<string, TeamPayouts['rows'][number]>();
    for (let i = 0; i < rows.length; i++) {
      const id = rows[i].person.id;
      if (mentorIds.has(id)) byId.set(id, rows[i]);
      if ((i + 1) % (STEP_CHUNK * 8) === 0) yield { done: total, total };
    }
    const mentees = new Map<string, { menteeId: string; rampBonus: number }[]>();
    let seen = 0;
    for (const r of rows) {
      if (++seen % (STEP_CHUNK * 4) === 0) yield { done: total, total };
      const mentor = r.person.mentorId;
      if (!mentor || mentor === r.person.id || byId.get(mentor)?.error !== null) continue;
      const bonus = r.error === null ? r.figures.rampBonus : 0;
      if (!mentees.has(mentor)) mentees.set(mentor, []);
      mentees.get(mentor)!.push({ menteeId: r.person.id, rampBonus: bonus });
    }
    for (const [mentorId, list] of mentees) {
      if (++seen % STEP_CHUNK === 0) yield { done: total, total };
      const c = mentoringCredit(plan.mentoring, mentorId, list);
      if (!c.ok) return c;
      mentoring.push(c.value);
      const row = byId.get(mentorId)!;
      const extra = c.value.mentees.map((m) => ({ kind: 'mentoring' as const, menteeId: m.menteeId, amount: m.credit }));
      const credit = c.value.credit;
      const withCredit = (q: Payout): Payout => {
        // Copied with its descriptors, so the lazily computed `next` stays lazy.
        const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(q)) as Payout;
        out.lines = [...q.lines, ...extra];
        out.total = q.total + credit;
        // A what-if on the mentor's own revenue keeps the credit earned from the mentees.
        out.whatIf = (x, productId) => {
          const w = q.whatIf(x, productId);
          return w.ok ? ok(withCredit(w.value)) : w;
        };
        return out;
      };
      credits.set(mentorId, withCredit);
      const paid = row as PaidRow;
      paid.figures = { ...paid.figures, total: paid.figures.total + credit };
    }
  }
  const totals: TeamPayouts['totals'] = { target: 0, revenue: 0, commission: 0, mentoring: 0, total: 0, people: 0, attainment: null };
  for (const r of rows) {
    if (r.error !== null) continue;
    totals.people++;
    totals.target += r.figures.target;
    totals.revenue += r.figures.revenue;
    totals.commission += r.figures.commission;
    totals.total += r.figures.total;
  }
  totals.mentoring = mentoring.reduce((s, m) => s + m.credit, 0);
  totals.attainment = totals.target > 0 ? totals.revenue / totals.target : null;
  return ok({ rows, mentoring, totals });
}
