/**
 * The few schema builders QuotaKit validates payloads with: the subset of `zod/mini` the model uses
 * (string, number, boolean, unknown, literal, enum, array, object, looseObject, optional, nullable,
 * discriminatedUnion; the checks minLength, maxLength, gte, lte, int, refine, superRefine), with the
 * same API, the same parsed output (unknown keys stripped) and the same issues: codes, paths, order,
 * `expected` / `values` / `origin` / `minimum` / `maximum` / `params`, which checks still run after
 * a failure. test/engine/shared/schema.test.ts holds it to zod on random payloads.
 *
 * Why not zod itself: zod/mini is ~40 kB before minification in every page that validates, and a
 * page that shows one gauge from `.data` validates; this is a few kB. Plain TypeScript, no DOM.
 */

/** An issue as zod reports it (the fields QuotaKit reads). */
export interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  values?: unknown[];
  origin?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  keys?: string[];
  params?: Record<string, unknown>;
  note?: string;
  discriminator?: string;
  options?: unknown[];
  /** `true`: later checks still run; otherwise the issue aborts them (zod's rule). */
  continue?: boolean;
}
type Raw = Omit<Issue, 'path' | 'message'> & { path?: PropertyKey[]; message?: string };

/** A check of a parsed value: pushes issues; `when` lets it run even after the type failed. */
export interface Check<T> {
  when?(value: unknown): boolean;
  run(value: T, issues: Raw[]): void;
  /** What the check is (for `schema-zod.ts`, which rebuilds it in zod for JSON Schema and tests). */
  def: { check: string; value?: number; message?: string; fn?: unknown };
}

/** What a schema is (for `schema-zod.ts`). */
export interface SchemaDef {
  type: string;
  inner?: Schema<unknown, boolean>;
  shape?: Record<string, Schema<unknown, boolean>>;
  loose?: boolean;
  values?: readonly unknown[];
  key?: string;
  options?: readonly Schema<unknown, boolean>[];
}

/** A schema: parses a value into `T`, or reports issues. `O`: may the key be absent (optional). */
export class Schema<T, O extends boolean = false> {
  /** Type only: the parsed value. */
  declare readonly _out: T;
  declare readonly _optional: O;
  constructor(
    readonly def: SchemaDef,
    /** The type's own parse (before the checks). */
    readonly parse: (value: unknown, issues: Raw[]) => unknown,
    readonly checks: readonly Check<T>[] = [],
    /** `optional`: an absent key is fine (zod's `optin`/`optout`). */
    readonly optional = false,
  ) {}

  /** The same schema with more checks, run in order after the type's parse. */
  check(...checks: Check<T>[]): Schema<T, O> {
    return new Schema<T, O>(this.def, this.parse, [...this.checks, ...checks], this.optional);
  }

  /** Parses `value`, pushing issues (paths relative to this value) onto `issues`. */
  run(value: unknown, issues: Raw[]): unknown {
    const start = issues.length;
    const out = this.parse(value, issues);
    let aborted = abortsFrom(issues, start);
    for (const c of this.checks) {
      if (c.when) {
        if (issues.slice(start).some((i) => i.continue === false) || !c.when(out)) continue;
      } else if (aborted) continue;
      const n = issues.length;
      c.run(out as T, issues);
      if (!aborted && issues.length > n) aborted = abortsFrom(issues, n);
    }
    return out;
  }
}

const abortsFrom = (issues: Raw[], from: number) => issues.slice(from).some((i) => i.continue !== true);

/** Any schema (for signatures). */
export type ZodMiniType<T = unknown> = Schema<T, boolean>;
type Out<S> = S extends Schema<infer T, boolean> ? T : never;
/** The parsed type of a schema (`z.infer<typeof S>`). */
export type { Out as infer };

type Shape = Record<string, Schema<unknown, boolean>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Schema<unknown, true> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
type ObjectOut<S extends Shape> = Flat<{ -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Out<S[K]> } & { -readonly [K in OptionalKeys<S>]?: Out<S[K]> }>;

const typeIssue = (expected: string, input: unknown, issues: Raw[]) => void issues.push({ code: 'invalid_type', expected, input });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const prefixed = (key: PropertyKey, issues: Raw[]): Raw[] => issues.map((i) => ({ ...i, path: [key, ...(i.path ?? [])] }));

export const string = () =>
  new Schema<string>({ type: 'string' }, (v, issues) => {
    if (typeof v !== 'string') typeIssue('string', v, issues);
    return v;
  });

export const number = () =>
  new Schema<number>({ type: 'number' }, (v, issues) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) issues.push({ code: 'invalid_type', expected: 'number', input: v });
    return v;
  });

export const boolean = () =>
  new Schema<boolean>({ type: 'boolean' }, (v, issues) => {
    if (typeof v !== 'boolean') typeIssue('boolean', v, issues);
    return v;
  });

export const unknown = () => new Schema<unknown>({ type: 'unknown' }, (v) => v);

export const literal = <const L extends string | number | boolean>(value: L) =>
  new Schema<L>({ type: 'literal', values: [value] }, (v, issues) => {
    if (v !== value) issues.push({ code: 'invalid_value', values: [value], input: v });
    return v;
  });

function enumOf<const E extends readonly string[]>(values: E): Schema<E[number]> {
  const set = new Set<unknown>(values);
  return new Schema<E[number]>({ type: 'enum', values }, (v, issues) => {
    if (!set.has(v)) issues.push({ code: 'invalid_value', values: [...values], input: v });
    return v;
  });
}
export { enumOf as enum };

export const optional = <T>(inner: Schema<T, boolean>) =>
  new Schema<T | undefined, true>({ type: 'optional', inner }, (v, issues) => (v === undefined ? v : inner.run(v, issues)), [], true);

export const nullable = <T, O extends boolean>(inner: Schema<T, O>) =>
  new Schema<T | null, O>({ type: 'nullable', inner }, (v, issues) => (v === null ? v : inner.run(v, issues)), [], inner.optional);

export const array = <T>(item: Schema<T, boolean>) =>
  new Schema<T[]>({ type: 'array', inner: item }, (v, issues) => {
    if (!Array.isArray(v)) {
      typeIssue('array', v, issues);
      return v;
    }
    // A loop, not map(): a hole in the list is an `undefined` item, as zod reads it.
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const own: Raw[] = [];
      out[i] = item.run(v[i], own);
      if (own.length) issues.push(...prefixed(i, own));
    }
    return out;
  });

function objectOf<S extends Shape>(shape: S, loose: boolean) {
  const keys = Object.keys(shape);
  return new Schema({ type: 'object', shape, loose }, (v, issues) => {
      if (!isObject(v)) {
        typeIssue('object', v, issues);
        return v;
      }
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        if (key === '__proto__') continue;
        const field = shape[key]!;
        const own: Raw[] = [];
        const value = field.run(v[key], own);
        const present = key in v;
        if (!present && field.optional) continue;
        if (own.length) issues.push(...prefixed(key, own));
        if (!present) {
          if (!own.length) issues.push({ code: 'invalid_type', expected: 'nonoptional', input: undefined, path: [key] });
          continue;
        }
        out[key] = value;
      }
      if (loose) {
        for (const key in v) {
          if (key === '__proto__' || Object.prototype.hasOwnProperty.call(shape, key)) continue;
          out[key] = v[key];
        }
      }
      return out;
    });
}

/** An object with these fields; other keys are dropped from the parsed value. */
export const object = <S extends Shape>(shape: S) => objectOf(shape, false) as unknown as Schema<ObjectOut<S>>;
/** An object with these fields; other keys pass through. */
export const looseObject = <S extends Shape>(shape: S) => objectOf(shape, true) as unknown as Schema<ObjectOut<S> & { [k: string]: unknown }>;

/** One of several object schemas, chosen by the literal value of `key`. */
export function discriminatedUnion<K extends string, const S extends readonly Schema<unknown, boolean>[]>(key: K, options: S): Schema<Out<S[number]>> {
  const byValue = new Map<unknown, Schema<unknown, boolean>>();
  for (const o of options) for (const v of o.def.shape?.[key]?.def.values ?? []) byValue.set(v, o);
  return new Schema<Out<S[number]>>({ type: 'union', key, options }, (v, issues) => {
    if (!isObject(v)) {
      typeIssue('object', v, issues);
      return v;
    }
    const option = byValue.get(v[key]);
    if (option) return option.run(v, issues);
    issues.push({ code: 'invalid_union', note: 'No matching discriminator', discriminator: key, options: [...byValue.keys()], input: v, path: [key] });
    return v;
  });
}

// ---- checks ---------------------------------------------------------------------------------------

const hasLength = (v: unknown) => v !== null && v !== undefined && (v as { length?: unknown }).length !== undefined;
const lengthOrigin = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'unknown');
/** Strings are measured in code points (a surrogate pair is one), as zod does. */
function lengthOf(v: { length: number }): number {
  if (typeof v !== 'string') return v.length;
  let n = v.length;
  for (let i = 0; i < v.length - 1; i++) {
    if ((v.charCodeAt(i) & 0xfc00) === 0xd800 && (v.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

export const minLength = (minimum: number, message?: string): Check<{ length: number }> => ({
  def: { check: 'min_length', value: minimum, message },
  when: hasLength,
  run(v, issues) {
    if (lengthOf(v) < minimum) issues.push({ code: 'too_small', origin: lengthOrigin(v), minimum, inclusive: true, input: v, continue: true, message });
  },
});

export const maxLength = (maximum: number, message?: string): Check<{ length: number }> => ({
  def: { check: 'max_length', value: maximum, message },
  when: hasLength,
  run(v, issues) {
    if (lengthOf(v) > maximum) issues.push({ code: 'too_big', origin: lengthOrigin(v), maximum, inclusive: true, input: v, continue: true, message });
  },
});

export const gte = (minimum: number, message?: string): Check<number> => ({
  def: { check: 'gte', value: minimum, message },
  run(v, issues) {
    if (!(v >= minimum)) issues.push({ code: 'too_small', origin: 'number', minimum, inclusive: true, input: v, continue: true, message });
  },
});

export const lte = (maximum: number, message?: string): Check<number> => ({
  def: { check: 'lte', value: maximum, message },
  run(v, issues) {
    if (!(v <= maximum)) issues.push({ code: 'too_big', origin: 'number', maximum, inclusive: true, input: v, continue: true, message });
  },
});

const SAFE = 'Integers must be within the safe integer range.';
/** A whole number within the safe range; a failure stops the checks after it. */
export const int = (message?: string): Check<number> => ({
  def: { check: 'int', message },
  run(v, issues) {
    if (!Number.isInteger(v)) issues.push({ code: 'invalid_type', expected: 'int', input: v, continue: false, message });
    else if (!Number.isSafeInteger(v)) {
      issues.push(
        v > 0
          ? { code: 'too_big', origin: 'int', maximum: Number.MAX_SAFE_INTEGER, inclusive: true, input: v, continue: true, message, note: SAFE }
          : { code: 'too_small', origin: 'int', minimum: Number.MIN_SAFE_INTEGER, inclusive: true, input: v, continue: true, message, note: SAFE },
      );
    }
  },
});

/** A custom check: `test(value)` false → a `custom` issue with `message`. */
export const refine = <T>(test: (value: T) => unknown, message?: string): Check<T> => ({
  def: { check: 'refine', fn: test, message },
  run(v, issues) {
    if (!test(v)) issues.push({ code: 'custom', input: v, path: [], continue: true, message });
  },
});

/** A custom check that reports its own issues through `ctx.addIssue`. */
export const superRefine = <T>(fn: (value: T, ctx: { addIssue(issue: Omit<Raw, 'code'> & { code?: string; fatal?: boolean }): void }) => void): Check<T> => ({
  def: { check: 'super', fn },
  run(v, issues) {
    fn(v, {
      addIssue: ({ fatal, ...issue }) => void issues.push({ code: 'custom', input: v, ...issue, continue: fatal ? false : (issue.continue ?? true) }),
    });
  },
});

export type SafeParseResult<T> = { success: true; data: T; error?: undefined } | { success: false; data?: undefined; error: { issues: Issue[] } };

/**
 * Parses `data`: the value (unknown object keys stripped) or every issue, with `message` set (the
 * check's own, else "Invalid input", as zod/mini without a locale). Throws only what the input
 * itself throws (a getter).
 */
export function safeParse<T>(schema: Schema<T, boolean>, data: unknown, _options?: { reportInput?: boolean }): SafeParseResult<T> {
  const raw: Raw[] = [];
  const value = schema.run(data, raw);
  if (!raw.length) return { success: true, data: value as T };
  return {
    success: false,
    error: {
      issues: raw.map(({ continue: _, message, path, ...i }) => ({ ...i, path: path ?? [], message: message || 'Invalid input' })),
    },
  };
}
