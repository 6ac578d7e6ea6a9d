/**
 * The fast path of payload parsing for the large lists of a snapshot (org nodes, target cells,
 * actuals, stage counts, pipeline): a hand-written check per record that accepts exactly what the
 * zod schemas of `model-schema.ts` accept and returns a value deep-equal to theirs (the schema's
 * keys only, unknown keys dropped). A record that holds only the schema's keys is kept as it is,
 * not copied: the lists are new arrays, the records are the payload's (a caller that must own its
 * data copies it, as `MemoryAdapter` does). It answers `undefined` at the first record it is not
 * sure about — anything invalid, an optional key present but `undefined`, a getter that throws —
 * and the caller then parses the whole payload with zod, which lists every issue.
 *
 * Why: zod parses a 100,000-person snapshot (about 850,000 records) in seconds, and most of that
 * is building and collecting a copy of every record; these loops check the same rules without
 * allocating, so a valid payload pays little and a bad one still gets zod's full, localized report. `test/adapter/fast-parse.test.ts` checks that both paths agree
 * (same value, or fast path declines) on valid, invalid and odd records.
 */
import type { Actual, ActualsSnapshot, Opportunity, OrgNode, PlanSnapshot, SaveResult, StageCount, TargetCell, User } from '../engine/plan/model.js';
import { METRIC_IDS } from '../engine/plan/model.js';
import { isDate, parsePeriodId } from '../engine/calendar/periods.js';
import { isCurrencyCode } from '../engine/money/currencies.js';
import { runSteps, type Steps } from '../engine/shared/steps.js';
// No zod here (issue 14): a standalone element given valid `.data` checks it with this module
// alone; zod (`validate.ts`) is loaded only when this path declines, to list the issues.

/** Thrown inside the fast path to give up; never escapes this module. */
const DECLINE = Symbol('decline');
const no = (): never => {
  throw DECLINE;
};

const hasOwn = Object.prototype.hasOwnProperty;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const id = (v: unknown): string => (typeof v === 'string' && v.length >= 1 && v.length <= 200 ? v : no());
const text = (v: unknown, min = 0): string => (typeof v === 'string' && v.length >= min ? v : no());
const bool = (v: unknown): boolean => (typeof v === 'boolean' ? v : no());
const safeInt = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) ? v : no());
const minorUnits = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : no());
const oneOf = <T extends string>(set: ReadonlySet<string>) => (v: unknown): T => (typeof v === 'string' && set.has(v) ? (v as T) : no());

/** A real calendar date `YYYY-MM-DD`, as `IsoDateSchema` accepts it (2024-02-29 yes, 2025-02-29 no): the calendar's own grammar. */
const isRealDate = (v: string): boolean => isDate(v);
/** A safe integer in [min, max] (zod's `int()` with `gte`/`lte`). */
const intIn = (min: number, max: number) => (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : no());
/** A finite number in [min, max] (zod's `number()` refuses NaN and ±Infinity). */
const numIn = (min: number, max: number) => (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : no());
const ratio = numIn(0, 1);
const weight = numIn(0, Infinity);

const KINDS = new Set(['company', 'region', 'team', 'rep', 'unit']);
const METRICS = new Set<string>(METRIC_IDS);
const SOURCES = new Set(['top-down', 'bottom-up', 'market', 'blend', 'manual', 'import', 'adjustment']);
const ACTUAL_TYPES = new Set(['booking', 'collection']);

/** Per parse: dates and period ids already known to be valid (100,000 records share a few dozen). */
class Seen {
  readonly dates = new Set<string>();
  readonly periods = new Set<string>();
  readonly date = (v: unknown): string => {
    if (typeof v !== 'string') return no();
    if (this.dates.has(v)) return v;
    if (!isRealDate(v)) return no();
    this.dates.add(v);
    return v;
  };
  readonly period = (v: unknown): string => {
    if (typeof v !== 'string') return no();
    if (this.periods.has(v)) return v;
    if (!parsePeriodId(v).ok) return no();
    this.periods.add(v);
    return v;
  };
}

/** An optional key: absent is fine; present but `undefined` is declined (left to zod). */
function opt(x: Record<string, unknown>, key: string, check: (v: unknown) => unknown): void {
  const v = x[key];
  if (v === undefined) {
    if (hasOwn.call(x, key)) no();
    return;
  }
  check(v);
}

/**
 * The record itself when it is a plain object holding only the schema's keys (what zod would
 * return, minus the copy), else a copy with the schema's keys only (zod drops unknown keys).
 */
function exact<T>(x: Record<string, unknown>, keys: ReadonlySet<string>): T {
  const proto = Object.getPrototypeOf(x);
  let extra = proto !== Object.prototype && proto !== null;
  if (!extra) {
    for (const k in x) {
      if (!keys.has(k)) {
        extra = true;
        break;
      }
    }
  }
  if (!extra) return x as T;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (x[k] !== undefined) out[k] = x[k];
  return out as T;
}

const ORG_KEYS = new Set(['id', 'name', 'parentId', 'kind', 'hireDate', 'role', 'potential', 'leaveDate', 'ramp', 'mentorId', 'hasChildren']);
const rampStep = (x: unknown, seen: Seen) => record<NonNullable<OrgNode['ramp']>[number]>(x, RAMP_STEP, seen);
function orgNode(x: unknown, seen: Seen): OrgNode {
  if (!isRecord(x)) return no();
  id(x.id);
  text(x.name, 1);
  if (x.parentId !== null) id(x.parentId);
  oneOf(KINDS)(x.kind);
  opt(x, 'hireDate', seen.date);
  opt(x, 'role', text);
  opt(x, 'potential', weight);
  if (hasOwn.call(x, 'ramp') && x.ramp === undefined) no();
  opt(x, 'leaveDate', seen.date);
  opt(x, 'mentorId', id);
  opt(x, 'hasChildren', bool);
  const node = exact<OrgNode>(x, ORG_KEYS);
  // A ramp is a list of objects: checked and copied (its steps may carry unknown keys).
  return x.ramp === undefined ? node : { ...node, ramp: list(x.ramp, rampStep, seen) };
}

const CELL_KEYS = new Set(['nodeId', 'period', 'metric', 'product', 'value', 'locked', 'source', 'original']);
const metric = oneOf(METRICS);
const source = oneOf(SOURCES);
function targetCell(x: unknown, seen: Seen): TargetCell {
  if (!isRecord(x)) return no();
  id(x.nodeId);
  seen.period(x.period);
  metric(x.metric);
  opt(x, 'product', id);
  minorUnits(x.value);
  opt(x, 'locked', bool);
  opt(x, 'source', source);
  opt(x, 'original', minorUnits);
  return exact(x, CELL_KEYS);
}

const ACTUAL_KEYS = new Set(['id', 'repId', 'productId', 'date', 'type', 'amount', 'bookingId', 'customerId']);
const actualType = oneOf(ACTUAL_TYPES);
function actual(x: unknown, seen: Seen): Actual {
  if (!isRecord(x)) return no();
  id(x.id);
  id(x.repId);
  id(x.productId);
  seen.date(x.date);
  actualType(x.type);
  safeInt(x.amount);
  opt(x, 'bookingId', id);
  opt(x, 'customerId', id);
  return exact(x, ACTUAL_KEYS);
}

const COUNT_KEYS = new Set(['repId', 'month', 'stageId', 'count']);
function stageCount(x: unknown, seen: Seen): StageCount {
  if (!isRecord(x)) return no();
  id(x.repId);
  seen.period(x.month);
  id(x.stageId);
  minorUnits(x.count);
  return exact(x, COUNT_KEYS);
}

const OPPORTUNITY_KEYS = new Set(['id', 'repId', 'productId', 'amount', 'stageId', 'expectedClose', 'probability']);
function opportunity(x: unknown, seen: Seen): Opportunity {
  if (!isRecord(x)) return no();
  id(x.id);
  id(x.repId);
  opt(x, 'productId', id);
  minorUnits(x.amount);
  id(x.stageId);
  seen.date(x.expectedClose);
  const p = x.probability;
  if (!(typeof p === 'number' && Number.isFinite(p) && p >= 0 && p <= 1)) no();
  return exact(x, OPPORTUNITY_KEYS);
}

function list<T>(v: unknown, item: (x: unknown, seen: Seen) => T, seen: Seen): T[] {
  return runSteps(listSteps(v, item, seen));
}

/** Records checked between two yields of the step versions (a few milliseconds of work). */
export const PARSE_CHUNK = 4096;

/** `list` as steps: a yield after every `PARSE_CHUNK` records. */
function* listSteps<T>(v: unknown, item: (x: unknown, seen: Seen) => T, seen: Seen): Steps<T[]> {
  if (!Array.isArray(v)) return no();
  const n = v.length;
  const out = new Array<T>(n);
  for (let start = 0; start < n; start += PARSE_CHUNK) {
    const stop = Math.min(n, start + PARSE_CHUNK);
    for (let i = start; i < stop; i++) {
      if (!(i in v)) no();
      out[i] = item(v[i], seen);
    }
    if (stop < n) yield { done: stop, total: n };
  }
  return out;
}

type Check = ((v: unknown, seen: Seen) => unknown) & { optional?: true };
const optional = (check: Check): Check => Object.assign((v: unknown, seen: Seen) => check(v, seen), { optional: true as const });
const arrayOf = (item: Check): Check => (v, seen) => list(v, item, seen);

/**
 * A new object holding the shape's keys only, each checked (as zod's `object` returns it: unknown
 * keys dropped). An optional key may be absent; present but `undefined` is declined (left to zod).
 */
function record<T>(x: unknown, shape: Readonly<Record<string, Check>>, seen: Seen): T {
  if (!isRecord(x)) return no();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const check = shape[key]!;
    const v = x[key];
    if (v === undefined) {
      if (!check.optional || hasOwn.call(x, key)) no();
      continue;
    }
    out[key] = check(v, seen);
  }
  return out as T;
}
const recordOf = (shape: Readonly<Record<string, Check>>): Check => (v, seen) => record(v, shape, seen);

// The small parts of a snapshot, field for field as `model-schema.ts` declares them.
const name = (v: unknown) => text(v, 1);
const anyText = (v: unknown) => text(v);
const date: Check = (v, seen) => seen.date(v);
const period: Check = (v, seen) => seen.period(v);
const CALENDAR = {
  startMonth: intIn(1, 12),
  yearNaming: optional(oneOf(new Set(['start', 'end']))),
  weekend: optional(arrayOf(intIn(0, 6))),
  holidays: optional(arrayOf(date)),
  workdays: optional(arrayOf(date)),
};
const PLAN = {
  id,
  name,
  currency: (v: unknown) => (typeof v === 'string' && isCurrencyCode(v) ? v : no()),
  calendar: recordOf(CALENDAR),
  fiscalYear: intIn(1900, 2999),
  version: intIn(0, Number.MAX_SAFE_INTEGER),
  newProductMinShare: optional(ratio),
};
const PRODUCT = { id, name, new: bool };
const STAGE = { id, name: optional(recordOf({ en: anyText, 'zh-CN': anyText })), avgDays: optional(weight) };
const USER = {
  id,
  name,
  roles: arrayOf(oneOf(new Set(['rep', 'manager', 'admin', 'viewer', 'finance']))),
  canView: arrayOf(id),
  canEdit: arrayOf(id),
  nodeId: optional(id),
};
const RAMP_STEP = { fromMonth: intIn(0, 120), toMonth: intIn(1, 120), factor: ratio };
const COMMITMENT = { nodeId: id, period, metric: (v: unknown) => metric(v), value: minorUnits, by: optional(id) };
const MARKET = { nodeId: id, product: optional(id), size: minorUnits, share: ratio };
const BLEND = { topDown: weight, bottomUp: weight, market: weight };
const SNAPSHOT = {
  plan: recordOf(PLAN),
  org: (v: unknown, seen: Seen) => list(v, orgNode, seen),
  products: arrayOf(recordOf(PRODUCT)),
  stages: arrayOf(recordOf(STAGE)),
  targets: (v: unknown, seen: Seen) => list(v, targetCell, seen),
  users: optional(arrayOf(recordOf(USER))),
  commitments: optional(arrayOf(recordOf(COMMITMENT))),
  market: optional(arrayOf(recordOf(MARKET))),
  blend: optional(recordOf(BLEND)),
};

/** The large lists of a snapshot, checked afterwards by `listSteps`: here only that they are arrays. */
const LATER: Check = (v) => (Array.isArray(v) ? v : no());
const SNAPSHOT_SHELL = { ...SNAPSHOT, org: LATER, targets: LATER };

/**
 * A plan snapshot as `PlanSnapshotSchema` parses it, or `undefined` when the fast path declines
 * (then parse with zod). Only the schema: cross-record checks are the caller's.
 */
export function fastPlanSnapshot(data: unknown): PlanSnapshot | undefined {
  return runSteps(fastPlanSnapshotSteps(data));
}

/**
 * `fastPlanSnapshot` as steps (a yield every `PARSE_CHUNK` org nodes or target cells): the same
 * value, or `undefined`, so a store can check 100,000 people's plan without one long task.
 */
export function* fastPlanSnapshotSteps(data: unknown): Steps<PlanSnapshot | undefined> {
  try {
    const seen = new Seen();
    const out = record<Record<string, unknown>>(data, SNAPSHOT_SHELL, seen);
    out.org = yield* listSteps(out.org, orgNode, seen);
    out.targets = yield* listSteps(out.targets, targetCell, seen);
    return out as unknown as PlanSnapshot;
  } catch {
    // DECLINE, or a getter that throws (zod reports that one as `unreadable`).
    return undefined;
  }
}

/** An actuals snapshot as `ActualsSnapshotSchema` parses it, or `undefined` when the fast path declines. */
export function fastActualsSnapshot(data: unknown): ActualsSnapshot | undefined {
  return runSteps(fastActualsSnapshotSteps(data));
}

/** `fastActualsSnapshot` as steps (a yield every `PARSE_CHUNK` records). */
export function* fastActualsSnapshotSteps(data: unknown): Steps<ActualsSnapshot | undefined> {
  try {
    if (!isRecord(data)) return no();
    const seen = new Seen();
    const from = seen.date(data.from);
    const to = seen.date(data.to);
    const actuals = yield* listSteps(data.actuals, actual, seen);
    const stageCounts = yield* listSteps(data.stageCounts, stageCount, seen);
    const pipeline = yield* listSteps(data.pipeline, opportunity, seen);
    return { from, to, actuals, stageCounts, pipeline };
  } catch {
    return undefined;
  }
}

/** Runs a one-piece fast parse: its value, or `undefined` when it declines. */
function run<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    // DECLINE, or a getter that throws (zod reports that one as `unreadable`).
    return undefined;
  }
}

/** A user as `UserSchema` parses it, or `undefined` when the fast path declines. */
export function fastUser(data: unknown): User | undefined {
  return run(() => record<User>(data, USER, new Seen()));
}

/** The answer to a save (`{ version }`) as `SaveResultSchema` parses it, or `undefined` when the fast path declines. */
export function fastSaveResult(data: unknown): SaveResult | undefined {
  return run(() => record<SaveResult>(data, { version: intIn(0, Number.MAX_SAFE_INTEGER) }, new Seen()));
}

/** A list of org nodes as `z.array(OrgNodeSchema)` parses it, or `undefined` when the fast path declines. */
export function fastOrgNodes(data: unknown): OrgNode[] | undefined {
  return run(() => list(data, orgNode, new Seen()));
}

/** A store's pending edits (`PendingRecordSchema`: `baseVersion`, `cells`, `removed`), or `undefined` when the fast path declines. */
export function fastPendingRecord(data: unknown): { baseVersion: number; cells: TargetCell[]; removed: string[] } | undefined {
  return run(() =>
    record(data, { baseVersion: intIn(0, Number.MAX_SAFE_INTEGER), cells: (v: unknown, seen: Seen) => list(v, targetCell, seen), removed: arrayOf(anyText) }, new Seen()),
  );
}

/**
 * A deep copy of a snapshot that is already valid (the adapter's own state): the records are flat
 * objects of strings, numbers and booleans, so a spread copies each; the few nested values (the
 * calendar, stage names, users' lists, ramps) are copied too. Far faster than
 * `structuredClone` of the whole snapshot.
 */
export function copyPlanSnapshot(s: PlanSnapshot): PlanSnapshot {
  return {
    ...s,
    plan: structuredClone(s.plan),
    org: s.org.map((n) => (n.ramp ? { ...n, ramp: n.ramp.map((r) => ({ ...r })) } : { ...n })),
    products: s.products.map((p) => ({ ...p })),
    stages: structuredClone(s.stages),
    targets: s.targets.map((t) => ({ ...t })),
    ...(s.users ? { users: structuredClone(s.users) } : {}),
    ...(s.commitments ? { commitments: s.commitments.map((c) => ({ ...c })) } : {}),
    ...(s.market ? { market: s.market.map((m) => ({ ...m })) } : {}),
    ...(s.blend ? { blend: { ...s.blend } } : {}),
  };
}

/** A deep copy of a valid actuals snapshot (every record is flat). */
export function copyActualsSnapshot(s: ActualsSnapshot): ActualsSnapshot {
  return {
    ...s,
    actuals: s.actuals.map((a) => ({ ...a })),
    stageCounts: s.stageCounts.map((c) => ({ ...c })),
    pipeline: s.pipeline.map((o) => ({ ...o })),
  };
}
