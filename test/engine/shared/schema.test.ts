/**
 * `shared/schema.ts` against zod/mini (issue #14 dropped zod from the pages, not its behaviour): each
 * model schema is rebuilt in zod check for check (`schema-zod.ts`) and both parse the same payloads —
 * valid fixtures, the same fixtures with one value replaced or one key removed anywhere, and
 * arbitrary values. The parsed value (unknown keys stripped) and every issue (code, path, message,
 * expected, values, origin, bounds, params) must be the same.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as zod from 'zod/mini';
import * as z from '../../../src/engine/shared/schema.js';
import { toZod } from '../../../src/engine/shared/schema-zod.js';
import { ActualsSnapshotSchema, PlanSnapshotSchema, TargetChangeSchema, UserSchema, parseWith } from '../../../src/engine/plan/model-schema.js';
import { AdjustmentRequestSchema } from '../../../src/engine/adjustment/model.js';
import { CommissionPlanSchema } from '../../../src/engine/incentive/plan.js';
import { NoticeSchema } from '../../../src/adapter/validate.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import { matrixRequests } from '../../fixtures/adjustment-plan.js';

const FIELDS = ['code', 'path', 'message', 'expected', 'values', 'origin', 'minimum', 'maximum', 'keys', 'params', 'note', 'discriminator', 'input'] as const;
const norm = (issues: readonly object[]) =>
  issues.map((i) => Object.fromEntries(FIELDS.filter((k) => (i as Record<string, unknown>)[k] !== undefined).map((k) => [k, (i as Record<string, unknown>)[k]])));

function same(schema: z.ZodMiniType, value: unknown): void {
  const ours = z.safeParse(schema, value, { reportInput: true });
  const theirs = zod.safeParse(toZod(schema), value, { reportInput: true });
  expect(ours.success, `success for ${JSON.stringify(value)?.slice(0, 300)}`).to.equal(theirs.success);
  if (ours.success && theirs.success) expect(ours.data).to.deep.equal(theirs.data);
  else expect(norm(ours.error!.issues)).to.deep.equal(norm(theirs.error!.issues));
}

/** Every path into a JSON value. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}
/** `v` with the value at `path` replaced (or the key removed when `replacement` is `REMOVE`). */
const REMOVE = Symbol('remove');
function edit(v: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement === REMOVE ? undefined : replacement;
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === REMOVE) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

const { plan, actuals } = smallFixture();
const CASES: [string, z.ZodMiniType, unknown][] = [
  ['PlanSnapshot', PlanSnapshotSchema, plan],
  ['ActualsSnapshot', ActualsSnapshotSchema, actuals],
  ['TargetChange', TargetChangeSchema, { baseVersion: 3, cells: plan.targets.slice(0, 3), removed: [{ nodeId: 'x', period: 'FY2026', metric: 'revenue' }] }],
  ['User', UserSchema, { id: 'u1', name: 'A', roles: ['rep'], canView: ['c'], canEdit: [] }],
  ['AdjustmentRequest', AdjustmentRequestSchema, matrixRequests('approved')[0]],
  ['CommissionPlan', CommissionPlanSchema, { basis: 'booked', tiers: [{ from: 0, rate: 0.03 }, { from: 1, rate: 0.05 }], cap: 2 }],
  ['Notice', NoticeSchema, { recipients: ['u1'], subject: 's', body: 'b' }],
];

// Values that reach every branch: wrong types, bounds, NaN/Infinity, unsafe integers, surrogate
// pairs, lengths, enum-like strings, objects with and without length.
const CONSTANTS = [null, undefined, NaN, Infinity, -Infinity, -1, 0, 0.5, 1, 1.5, 12, 13, 2 ** 53, -(2 ** 53), 1e21, true, '', 'x', 'abcd', '😀😀😀', '😀'.repeat(150), 'a'.repeat(201), '2026-02-30', '2024-02-29', 'FY2026-Q5', '2026-W53', 'ZZZ', 'CNY', 'a', 'value', 'percent', 'siblings', [], [1], ['x'], { length: 0 }, { length: 5 }, {}];
const odd = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom(...CONSTANTS));

const SMALL: [string, z.ZodMiniType][] = [
  ['string, length 1–3', z.string().check(z.minLength(1), z.maxLength(3))],
  ['int 1–12', z.number().check(z.int(), z.gte(1), z.lte(12))],
  ['number with messages and a refine', z.number().check(z.gte(0, 'at least 0'), z.lte(1, 'at most 1'), z.refine((v: number) => v !== 0.5, 'not a half'))],
  ['array, at least one', z.array(z.string()).check(z.minLength(1))],
  ['enum', z.enum(['a', 'b'])],
  ['literal', z.literal('x')],
  ['boolean', z.boolean()],
  ['nullable string', z.nullable(z.string())],
  ['superRefine, fatal and not', z.number().check(z.superRefine((v: number, ctx) => { if (v < 0) ctx.addIssue({ message: 'neg', params: { qk: 'neg' } }); if (v > 100) ctx.addIssue({ message: 'big', fatal: true }); }), z.gte(1))],
];
const OBJECT = z.object({ a: z.optional(z.string()), b: z.nullable(z.string().check(z.minLength(2))), c: z.unknown(), d: z.number().check(z.int()) });
const LOOSE = z.looseObject({ id: z.string().check(z.minLength(1)) });
const UNION = z.discriminatedUnion('kind', [z.object({ kind: z.literal('value'), value: z.number() }), z.object({ kind: z.literal('percent'), percent: z.number().check(z.gte(-100)) })]);

describe('shared/schema.ts behaves as zod/mini', function () {
  this.timeout(120_000);
  for (const [name, schema, valid] of CASES) {
    it(`${name}: the valid payload, one value replaced or one key removed anywhere`, () => {
      same(schema, valid);
      const all = paths(valid);
      fc.assert(
        fc.property(fc.nat({ max: all.length - 1 }), fc.oneof(odd, fc.constant(REMOVE)), (i, replacement) => same(schema, edit(valid, all[i]!, replacement))),
        { numRuns: 400, seed: 14 },
      );
    });
    it(`${name}: arbitrary values`, () => {
      fc.assert(fc.property(odd, (v) => same(schema, v)), { numRuns: 200, seed: 14 });
    });
  }

  for (const [name, schema] of SMALL) {
    it(`${name}: every edge value`, () => CONSTANTS.forEach((v) => same(schema, v)));
  }
  it('objects (optional, nullable, unknown, int fields; absent, undefined, null, wrong values), loose objects and discriminated unions', () => {
    for (const v of CONSTANTS) {
      same(OBJECT, v);
      same(OBJECT, { a: v, b: v, c: v, d: v });
      same(OBJECT, { b: v, d: 1 });
      same(OBJECT, { a: v, c: v });
      same(LOOSE, { id: v, extra: v });
      same(UNION, { kind: v, value: v, percent: v });
      same(UNION, { kind: 'value', value: v });
      same(UNION, { kind: 'percent', percent: v });
      same(UNION, v);
    }
  });

  it('a hole in a list is an undefined item (as zod reads it)', () => {
    // eslint-disable-next-line no-sparse-arrays
    same(z.array(z.string()), ['a', , 'b']);
    same(z.array(z.optional(z.string())), ['a', , 'b']);
  });

  it('an unknown key is dropped by object, kept by looseObject (as zod does)', () => {
    expect(z.safeParse(z.object({ a: z.string() }), { a: 'x', b: 1 })).to.deep.equal({ success: true, data: { a: 'x' } });
    expect(z.safeParse(z.looseObject({ a: z.string() }), { a: 'x', b: 1 })).to.deep.equal({ success: true, data: { a: 'x', b: 1 } });
  });

  it('a getter that throws is reported as unreadable by parseWith', () => {
    const bad = Object.defineProperty({}, 'plan', { get: () => { throw new Error('boom'); }, enumerable: true });
    const r = parseWith(PlanSnapshotSchema, bad);
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.issues[0]!.code).to.equal('unreadable');
  });
});
