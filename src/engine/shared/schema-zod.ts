/**
 * A schema of `schema.ts` rebuilt in zod/mini, check for check: the server generates the OpenAPI
 * document from it with `z.toJSONSchema`, and the tests hold `schema.ts` to zod with it (same
 * input → same output and issues). Never imported by the elements: zod stays out of the pages.
 */
import * as z from 'zod/mini';
import type { Check, Schema } from './schema.js';

const built = new WeakMap<object, z.ZodMiniType>();

function zodCheck(c: Check<never>): z.core.$ZodCheck<never> {
  const { check, value, message, fn } = c.def;
  switch (check) {
    case 'min_length':
      return z.minLength(value!, message) as z.core.$ZodCheck<never>;
    case 'max_length':
      return z.maxLength(value!, message) as z.core.$ZodCheck<never>;
    case 'gte':
      return z.gte(value!, message) as z.core.$ZodCheck<never>;
    case 'lte':
      return z.lte(value!, message) as z.core.$ZodCheck<never>;
    case 'int':
      return z.int(message) as unknown as z.core.$ZodCheck<never>;
    case 'refine':
      return z.refine(fn as (v: unknown) => unknown, message) as unknown as z.core.$ZodCheck<never>;
    case 'super':
      return z.superRefine(fn as (v: unknown, ctx: z.core.$RefinementCtx<unknown>) => void) as z.core.$ZodCheck<never>;
    default:
      throw new Error(`schema-zod: unknown check ${check}`);
  }
}

/** The zod/mini twin of `schema` (memoized: a schema used twice is one zod schema). */
export function toZod(schema: Schema<unknown, boolean>): z.ZodMiniType {
  const known = built.get(schema);
  if (known) return known;
  const d = schema.def;
  const of = (s: Schema<unknown, boolean>) => toZod(s);
  let out: z.ZodMiniType;
  switch (d.type) {
    case 'string':
      out = z.string();
      break;
    case 'number':
      out = z.number();
      break;
    case 'boolean':
      out = z.boolean();
      break;
    case 'unknown':
      out = z.unknown();
      break;
    case 'literal':
      out = z.literal(d.values![0] as string);
      break;
    case 'enum':
      out = z.enum(d.values as [string, ...string[]]);
      break;
    case 'optional':
      out = z.optional(of(d.inner!));
      break;
    case 'nullable':
      out = z.nullable(of(d.inner!));
      break;
    case 'array':
      out = z.array(of(d.inner!));
      break;
    case 'object': {
      const shape = Object.fromEntries(Object.entries(d.shape!).map(([k, v]) => [k, of(v)]));
      out = d.loose ? z.looseObject(shape) : z.object(shape);
      break;
    }
    case 'union':
      out = z.discriminatedUnion(d.key!, d.options!.map(of) as unknown as [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]);
      break;
    default:
      throw new Error(`schema-zod: unknown schema ${d.type}`);
  }
  if (schema.checks.length) out = (out as z.ZodMiniType & { check(...c: z.core.$ZodCheck<never>[]): z.ZodMiniType }).check(...schema.checks.map((c) => zodCheck(c as Check<never>)));
  built.set(schema, out);
  return out;
}
