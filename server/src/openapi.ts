/**
 * The OpenAPI 3.1 document of the QuotaKit REST protocol, generated from the zod model (the
 * engine's schemas and `protocol.ts`) with `z.toJSONSchema`: `npm run openapi` writes it to
 * `openapi.json` (shipped in the package as `quotakit/openapi.json`), a test fails when the
 * committed file differs from what the model generates, and the server serves it at
 * `{base}/openapi.json`.
 */
import * as z from 'zod/mini';
import {
  ActualsSnapshotSchema,
  OrgNodeSchema,
  PlanSnapshotSchema,
  SaveResultSchema,
  TargetChangeSchema,
  UserSchema,
  AdjustmentRequestSchema,
} from '../../src/engine/index.js';
import { PlanInputsChangeSchema } from '../../src/engine/plan/model-schema.js';
import { AdjustmentPayloadSchema, NoticeSchema } from '../../src/adapter/validate.js';
import { AuditEntrySchema, ConflictBodySchema, DecisionBodySchema, ErrorBodySchema, PlanEventSchema } from './protocol.js';

const json = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io }) as Record<string, unknown>;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const reply = (description: string, name?: string) => ({ description, ...(name ? { content: { 'application/json': { schema: ref(name) } } } : {}) });
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      c === 409
        ? reply('Conflict: the plan moved on (currentVersion), or the request is no longer in a state for this', 'Conflict')
        : reply(
            {
              400: 'Malformed: `issues` names the path of each bad field',
              401: 'No valid identity (token or session)',
              403: 'Not allowed for the signed-in user (`reason` says which rule), or a cross-site write',
              404: 'Unknown (or not visible to this user)',
              413: 'The body is over the size limit',
              415: 'A write that is not application/json',
              422: 'An Idempotency-Key reused for another request',
            }[c] ?? `HTTP ${c}`,
            'Error',
          ),
    ]),
  );
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'A retry with the same key (same user, same request) gets the first answer again instead of a second write.',
  schema: { type: 'string', maxLength: 200 },
};
const WRITE = [400, 401, 403, 413, 415];

export function openApiDocument(options: { serverUrl?: string } = {}): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'QuotaKit REST protocol',
      version: '1.0.0',
      summary: 'What RestAdapter speaks: targets with optimistic concurrency, adjustments and decisions, scoped reads, push.',
      description:
        'Identity comes from the server\'s authenticator (a bearer token or a trusted header from the host\'s session), never from a body: a body that names another user (`requesterId`, a decision\'s `by`) is refused with 403. Reads are scoped to the subtrees the user may see (`canView`). Money is integer minor units; dates are YYYY-MM-DD. Writes must be application/json and come from the same origin or an allowed one (CSRF).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: options.serverUrl ?? '/api/quota' }],
    security: [{ bearer: [] }, { trustedHeader: [] }],
    paths: {
      '/me': { get: { operationId: 'currentUser', summary: 'The signed-in user and the org scopes they may see and edit', responses: { 200: reply('The user', 'User'), ...errors(401, 403) } } },
      '/plan': {
        get: { operationId: 'loadPlan', summary: 'The plan as the signed-in user may see it (their subtrees; targets and users in them)', responses: { 200: reply('The scoped plan snapshot', 'PlanSnapshot'), ...errors(401, 403) } },
      },
      '/org/{id}/children': {
        get: {
          operationId: 'loadChildren',
          summary: 'The direct children of one org node that the user may see',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'The children', content: { 'application/json': { schema: { type: 'array', items: ref('OrgNode') } } } }, ...errors(401, 403, 404) },
        },
      },
      '/actuals': {
        get: {
          operationId: 'loadActuals',
          summary: 'Actuals dated in the range, stage counts of the months it touches, pipeline closing in it; only reps the user may see',
          parameters: ['from', 'to'].map((name) => ({ name, in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } })),
          responses: { 200: reply('Actuals; from/to echoed', 'ActualsSnapshot'), ...errors(400, 401, 403) },
        },
      },
      '/targets': {
        put: {
          operationId: 'saveTargets',
          summary: 'Upserts (and removes) cells when baseVersion is the current version; one transaction, the version moves on by one',
          description: 'Refused with 403 when the user may not edit one of the cells (scope, role, a locked cell other than its unlock, a cell of a closed period): nothing is written.',
          parameters: [idempotencyKey],
          requestBody: body('TargetChange'),
          responses: { 200: reply('The new version', 'SaveResult'), ...errors(...WRITE, 409, 422) },
        },
      },
      '/inputs': {
        put: {
          operationId: 'saveInputs',
          summary: 'Saves planning inputs (reps\' commitments, market size and share, the blend, reps\' ramp curves, the plan\'s new-product minimum share of targets) when baseVersion is the current plan version; the version moves on by one',
          description:
            'Rights come from the signed-in user: a rep may enter only their own commitment (403, reason input-commitment-not-own); market entries and ramp curves need edit rights over the node (a manager of its subtree, or an admin); the blend and the new-product minimum share are rules of the whole plan and need edit rights over its top. Each commitment is stored with by = the signed-in user. GET /plan returns the inputs of the nodes the user may see.',
          parameters: [idempotencyKey],
          requestBody: body('PlanInputsChange'),
          responses: { 200: reply('The new version', 'SaveResult'), ...errors(...WRITE, 409, 422) },
        },
      },
      '/notify': {
        post: { operationId: 'notify', summary: 'A message to people (recorded in the audit ledger)', requestBody: body('Notice'), responses: { 204: reply('Sent'), ...errors(...WRITE) } },
      },
      '/adjustments': {
        get: { operationId: 'listAdjustments', summary: 'Adjustment requests the user may see', responses: { 200: { description: 'The requests', content: { 'application/json': { schema: { type: 'array', items: ref('AdjustmentPayload') } } } }, ...errors(401, 403) } },
        post: {
          operationId: 'submitAdjustment',
          summary: "Stores a request (the signed-in user's own), or an update of one along the workflow",
          description: 'The engine\'s checkSubmission decides: a new request is the signed-in user\'s, for a node they may request for; a stored one never changes requester, node, change or decision; its trail only grows.',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { 'application/json': { schema: ref('AdjustmentPayload') } } },
          responses: { 200: reply('The stored request', 'AdjustmentPayload'), ...errors(...WRITE, 404, 409, 422) },
        },
      },
      '/adjustments/{id}/decision': {
        post: {
          operationId: 'decideAdjustment',
          summary: 'Approves or rejects a pending request, for the signed-in user (never the requester; only an approver whose scope holds the node\'s parent)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, idempotencyKey],
          requestBody: body('Decision'),
          responses: { 200: reply('The decided request', 'AdjustmentPayload'), ...errors(...WRITE, 404, 409, 422) },
        },
      },
      '/audit': {
        get: {
          operationId: 'listAudit',
          summary: 'The append-only audit ledger (entries on nodes the user may see, and their own)',
          parameters: [{ name: 'after', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } }],
          responses: { 200: { description: 'Entries by seq, at most 1000', content: { 'application/json': { schema: { type: 'array', items: ref('AuditEntry') } } } }, ...errors(401, 403) },
        },
      },
      '/events': {
        get: {
          operationId: 'events',
          summary: 'Server-sent events: `event: ready` with the version, then `event: plan` with data PlanEvent after every save by anyone',
          responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' }, itemSchema: ref('PlanEvent') } } }, ...errors(401, 403) },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'qk1.<base64url payload>.<base64url HMAC-SHA256>', description: 'A token the host signs for its signed-in user' },
        trustedHeader: { type: 'apiKey', in: 'header', name: 'x-quotakit-user', description: 'The user id, set by a trusted reverse proxy from the host\'s session' },
      },
      schemas: {
        PlanSnapshot: json(PlanSnapshotSchema),
        ActualsSnapshot: json(ActualsSnapshotSchema),
        OrgNode: json(OrgNodeSchema),
        User: json(UserSchema),
        TargetChange: json(TargetChangeSchema, 'input'),
        PlanInputsChange: json(PlanInputsChangeSchema, 'input'),
        SaveResult: json(SaveResultSchema),
        Notice: json(NoticeSchema, 'input'),
        AdjustmentPayload: { ...json(AdjustmentPayloadSchema, 'input'), description: 'Any JSON object with an id; the kit sends AdjustmentRequest' },
        AdjustmentRequest: json(AdjustmentRequestSchema, 'input'),
        Decision: json(DecisionBodySchema, 'input'),
        Error: json(ErrorBodySchema),
        Conflict: json(ConflictBodySchema),
        AuditEntry: json(AuditEntrySchema),
        PlanEvent: json(PlanEventSchema),
      },
    },
  };
}
