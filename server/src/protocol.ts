/**
 * The protocol's own payloads (beyond the model's): the server parses with them and the OpenAPI
 * document is generated from them, so the two cannot drift.
 */
import * as z from 'zod/mini';

/** `POST /adjustments/{id}/decision`. `by`, if sent, must be the signed-in user (the first protocol version sent it). */
export const DecisionBodySchema = z.object({
  approve: z.boolean(),
  comment: z.optional(z.string()),
  by: z.optional(z.string()),
});

export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.optional(z.string()),
});

/** Every error body: a message for logs; a stable `reason` code (with `params`) for refusals; `issues` for 400. */
export const ErrorBodySchema = z.object({
  message: z.string(),
  reason: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  issues: z.optional(z.array(IssueSchema)),
  cell: z.optional(z.string()),
});

export const ConflictBodySchema = z.object({
  message: z.optional(z.string()),
  currentVersion: z.number().check(z.int(), z.gte(0)),
});

export const AuditEntrySchema = z.object({
  seq: z.number().check(z.int(), z.gte(1)),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  nodeId: z.nullable(z.string()),
  detail: z.unknown(),
});

/** The data of an SSE `plan` event on `GET /events`. */
export const PlanEventSchema = z.object({
  version: z.number().check(z.int(), z.gte(0)),
  by: z.string(),
});
