/**
 * Payloads validated once and frozen, which the store may take without parsing them again
 * (issue 12 item 5: a 100,000-person MemoryAdapter was validated by the adapter, copied on every
 * load, then parsed again by the store). Only code of the kit marks a value, and only after the
 * full validation (`validate.ts` checks, run by the built-in adapters on what they are given); a
 * marked value is deeply frozen, so no one — the host page included — can change it afterwards.
 * A host adapter's payloads are never marked: the store parses every one of them.
 *
 * Internal: not exported from `quotakit/adapters`. Plain TypeScript, no zod.
 */
import type { ActualsSnapshot, PlanSnapshot } from '../engine/plan/model.js';
import type { Steps } from '../engine/shared/steps.js';
import type { AdapterUpdate } from './adapter.js';

/** Validated, frozen values; for actuals, the plan parts they were cross-checked against. */
const trusted = new WeakMap<object, { org?: unknown; products?: unknown; stages?: unknown } | true>();

/** Objects frozen between two yields of `deepFreezeSteps`. */
const FREEZE_CHUNK = 4096;

/**
 * Freezes `value` and everything reachable from it (plain objects and arrays), a few thousand
 * objects between yields. Iterative: no depth can overflow the stack.
 */
export function* deepFreezeSteps(value: unknown): Steps<void> {
  const stack: unknown[] = [value];
  let n = 0;
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === 'object' && x !== null) stack.push(x);
      }
    } else {
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === 'object' && x !== null) stack.push(x);
      }
    }
    if (++n % FREEZE_CHUNK === 0) yield { done: n, total: 0 };
  }
}

/** Freezes each record of a list of flat records (their values are strings, numbers, booleans), and the list. */
function* freezeFlatSteps(list: readonly object[]): Steps<void> {
  for (let i = 0; i < list.length; i++) {
    Object.freeze(list[i]);
    if (i % FREEZE_CHUNK === FREEZE_CHUNK - 1) yield { done: i + 1, total: list.length };
  }
  Object.freeze(list);
}

/**
 * Deeply freezes a validated plan snapshot: its large lists record by record (target cells are
 * flat; an org node's only nested value is its ramp), the rest with `deepFreezeSteps`.
 */
export function* freezePlanSteps(s: PlanSnapshot): Steps<void> {
  yield* freezeFlatSteps(s.targets);
  for (let i = 0; i < s.org.length; i++) {
    const n = s.org[i]!;
    if (n.ramp) yield* deepFreezeSteps(n.ramp);
    Object.freeze(n);
    if (i % FREEZE_CHUNK === FREEZE_CHUNK - 1) yield { done: i + 1, total: s.org.length };
  }
  Object.freeze(s.org);
  yield* deepFreezeSteps(s);
}

/** Deeply freezes a validated actuals snapshot (every record is flat). */
export function* freezeActualsSteps(s: ActualsSnapshot): Steps<void> {
  yield* freezeFlatSteps(s.actuals);
  yield* freezeFlatSteps(s.stageCounts);
  yield* freezeFlatSteps(s.pipeline);
  Object.freeze(s);
}

/**
 * A frozen copy of a flat record (its values are strings, numbers, booleans), its own keys in
 * their order, as `{ ...x }` has them. Copied key by key, not with a spread: V8 freezes a spread
 * copy only by giving it new property storage, about 250 bytes more per record (measured in Node
 * and Chromium), so a 100,000-person copy frozen after a spread held 190 MB more and its
 * garbage-collector pauses were the longest tasks of `MemoryAdapter.create` (issue 12 item 5).
 */
export function frozenRecordCopy<T extends object>(x: T): T {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(x);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out[k] = (x as Record<string, unknown>)[k];
  }
  return Object.freeze(out) as T;
}

/** `list` copied record by record (`frozenRecordCopy`, or `copy` for a record with nested values), each frozen, and the new list frozen. */
function* frozenListCopySteps<T extends object>(list: readonly T[], copy: (x: T) => T = frozenRecordCopy): Steps<readonly T[]> {
  const out = new Array<T>(list.length);
  for (let i = 0; i < list.length; i++) {
    out[i] = copy(list[i]!);
    if (i % FREEZE_CHUNK === FREEZE_CHUNK - 1) yield { done: i + 1, total: list.length };
  }
  return Object.freeze(out);
}

/**
 * A deeply frozen copy of a validated plan snapshot (`MemoryAdapter.create`'s own state): its
 * large lists copied and frozen record by record in one pass (`frozenRecordCopy`; an org node's
 * ramp steps too), the small parts by `copySmall` then frozen with `deepFreezeSteps`.
 */
export function* frozenPlanCopySteps(s: PlanSnapshot, copySmall: (s: PlanSnapshot) => PlanSnapshot): Steps<PlanSnapshot> {
  // A node with a ramp (a few) is spread: its ramp is a list of its own.
  const org = yield* frozenListCopySteps(s.org, (n) => (n.ramp ? Object.freeze({ ...n, ramp: Object.freeze(n.ramp.map((r) => frozenRecordCopy(r))) as typeof n.ramp }) : frozenRecordCopy(n)));
  const targets = yield* frozenListCopySteps(s.targets);
  const copy = { ...copySmall({ ...s, org: [], targets: [] }), org, targets } as unknown as PlanSnapshot;
  yield* deepFreezeSteps(copy);
  return copy;
}

/** A deeply frozen copy of a validated actuals snapshot (every record is flat), record by record. */
export function* frozenActualsCopySteps(s: ActualsSnapshot): Steps<ActualsSnapshot> {
  const actuals = yield* frozenListCopySteps(s.actuals);
  const stageCounts = yield* frozenListCopySteps(s.stageCounts);
  const pipeline = yield* frozenListCopySteps(s.pipeline);
  return Object.freeze({ ...s, actuals, stageCounts, pipeline }) as unknown as ActualsSnapshot;
}

/**
 * Marks a plan snapshot the caller has validated in full (`checkPlanSnapshot`) and deeply frozen
 * (`deepFreezeSteps`). Refuses (returns false) a value that is not frozen.
 */
export function markTrustedPlan(snapshot: PlanSnapshot): boolean {
  if (!Object.isFrozen(snapshot) || !Object.isFrozen(snapshot.org) || !Object.isFrozen(snapshot.targets)) return false;
  trusted.set(snapshot, true);
  return true;
}

/** Marks actuals validated in full against `plan` (`checkActualsSnapshot(actuals, { plan })`) and deeply frozen. */
export function markTrustedActuals(actuals: ActualsSnapshot, plan: Pick<PlanSnapshot, 'org' | 'products' | 'stages'>): boolean {
  if (!Object.isFrozen(actuals) || !Object.isFrozen(actuals.actuals) || !Object.isFrozen(actuals.stageCounts) || !Object.isFrozen(actuals.pipeline)) return false;
  trusted.set(actuals, { org: plan.org, products: plan.products, stages: plan.stages });
  return true;
}

/** Whether `data` is a plan snapshot marked by `markTrustedPlan`. */
export function isTrustedPlan(data: unknown): data is PlanSnapshot {
  return typeof data === 'object' && data !== null && trusted.get(data) === true;
}

/**
 * Whether `data` is an actuals snapshot marked by `markTrustedActuals`, cross-checked against the
 * same org, products and stages as `plan` (or against any plan, when `plan` is not given).
 */
export function isTrustedActuals(data: unknown, plan?: Pick<PlanSnapshot, 'org' | 'products' | 'stages'>): data is ActualsSnapshot {
  if (typeof data !== 'object' || data === null) return false;
  const m = trusted.get(data);
  if (!m || m === true) return false;
  return !plan || (m.org === plan.org && m.products === plan.products && m.stages === plan.stages);
}

/**
 * Marks `slice`, a frozen slice (`sliceActuals`) of trusted actuals `source`, as trusted against
 * the same plan: a slice of valid actuals over a valid date range is valid (its records are the
 * source's, its dates inside the range). Returns false when `source` is not trusted.
 */
export function markTrustedSlice(slice: ActualsSnapshot, source: ActualsSnapshot): boolean {
  const m = trusted.get(source);
  if (!m || m === true || !Object.isFrozen(slice)) return false;
  trusted.set(slice, m);
  return true;
}

/**
 * The built-in adapters' loads for the store (internal, under a symbol no host page can import):
 * their own frozen, validated state, without the copy `loadPlan` / `loadActuals` hand out, so the
 * store neither copies nor parses it again. A state that is not marked trusted is handed out as a
 * copy, exactly as the public methods do (and then parsed by the store).
 */
export const SHARED_LOADS = Symbol('quotakit.sharedLoads');

export interface SharedLoads {
  loadPlan(): Promise<PlanSnapshot>;
  loadActuals(range: { from: string; to: string }): Promise<ActualsSnapshot>;
  /**
   * The adapter's pushed updates, a plan it validated and froze handed over as it is (no copy per
   * listener: a copy of a 100,000-person plan after every save was one long task); anything else
   * copied as the public `subscribe` does. Absent: the store subscribes through `subscribe`.
   */
  subscribe?(listener: (update: AdapterUpdate) => void): () => void;
}

/** Gives the page back for a moment (`scheduler.yield` where the runtime has it, else a zero timeout). */
const nextTask = (): Promise<void> => {
  const sch = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof sch?.yield === 'function' ? sch.yield() : new Promise((r) => setTimeout(r, 0));
};

/** Runs steps to the end `sliceMs` of work at a time, yielding to the event loop between slices. */
export async function runSliced<T>(steps: Steps<T>, sliceMs = 20): Promise<T> {
  for (;;) {
    await nextTask();
    const t0 = performance.now();
    let r = steps.next();
    while (!r.done && performance.now() - t0 < sliceMs) r = steps.next();
    if (r.done) return r.value;
  }
}
