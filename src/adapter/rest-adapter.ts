/**
 * # The QuotaKit REST contract
 *
 * `RestAdapter` talks to any HTTP API that implements these routes. All bodies are JSON
 * (`content-type: application/json`); money is integer minor units (分); dates are `YYYY-MM-DD`;
 * the shapes are the zod schemas of `quotakit/engine` (`PlanSnapshot`, `ActualsSnapshot`, …).
 * `{base}` is the adapter's `baseUrl`; every request carries the headers from `options.headers()`
 * (e.g. `authorization`).
 *
 * | request | success | notes |
 * | --- | --- | --- |
 * | `GET {base}/plan` | `200 PlanSnapshot` | the whole org, or its top levels when `/org/{id}/children` is served |
 * | `GET {base}/actuals?from=YYYY-MM-DD&to=YYYY-MM-DD` | `200 ActualsSnapshot` | actuals dated in the range, stage counts of the months it touches, pipeline closing in it; `from`/`to` echoed |
 * | `PUT {base}/targets` body `TargetChange` | `200 { "version": n }` | upserts cells (key node × period × metric × product) when `baseVersion` is the current version, and moves the version on |
 * | ″ (stale `baseVersion`) | `409 { "currentVersion": n }` | nothing is changed |
 * | `PUT {base}/inputs` body `PlanInputsChange` | `200 { "version": n }` | commitments, market size/share, blend, ramp curves; same version as the targets; `403` with a `reason` when the signed-in user may not (a rep: only their own commitment); `409` when stale |
 * | `GET {base}/me` | `200 User` | the signed-in user and the org scopes they may see and edit |
 * | `POST {base}/notify` body `{ recipients, subject, body }` | `2xx` (body ignored) | |
 * | `POST {base}/adjustments` body adjustment | `200` the stored adjustment (with its `id`) | `403` when the signed-in user may not store it (see below) |
 * | `POST {base}/adjustments/{id}/decision` body `{ approve, comment? }` | `200` the updated adjustment | `404` for an unknown id; `403` when the signed-in user may not decide, or when the body names another user in `by`; `409` when it is no longer pending |
 * | `GET {base}/adjustments` | `200` adjustment[] | those the signed-in user may see |
 * | `GET {base}/org/{id}/children` | `200 OrgNode[]` | the direct children of one node; `404` for an unknown node |
 * | `GET {base}/events` | `200 text/event-stream` | optional push (`events: true`): `event: plan` with `data: {"version": n}` after every save |
 *
 * Reads are scoped: a server returns only the subtrees the signed-in user may see (`canView`). A
 * write may carry an `Idempotency-Key` header (`idempotencyKeys: true`): a retry with the same key
 * gets the first answer again instead of a second write. The reference server (`server/`) implements
 * all of this, the OpenAPI document (`openapi.json`) describes it, and `quotakit-conformance`
 * checks a server against it.
 *
 * The server decides who may do what from its own session, never from the body: a new adjustment
 * is the signed-in user's (`requesterId`); a stored one never changes its requester, node, change
 * or decision; its status moves to approved or rejected only through `/decision`, recorded for the
 * signed-in user, who is entitled to approve (`canApprove`) and is not the requester; to applied only
 * once approved, by such an approver; the audit trail only grows. `checkSubmission` and `decideAs`
 * of `quotakit/engine` implement these rules for a server written in TypeScript. The adapter
 * refuses what it can already tell is not allowed, before sending.
 *
 * Errors, as the adapter reports them (`QkAdapterError.code`):
 * - no response (offline, DNS, CORS) or no answer within `timeoutMs` → `network`;
 * - `401`, `403` → `forbidden`; `404` → `not-found`; `409` → `conflict` with `currentVersion`;
 * - any other non-2xx status (e.g. `500`) → `network`, with the status in the message;
 * - a body that is not JSON, or fails the schema or the cross-checks → `invalid-data`, with every
 *   bad path in `issues`. Nothing from a rejected payload is used.
 * An error body may carry `{ "message": "…" }`; it is added to the error message for logs.
 *
 * @example
 * // GET /api/quota/plan
 * { "plan": { "id": "fy26", "name": "FY2026", "currency": "CNY", "calendar": { "startMonth": 1 }, "fiscalYear": 2026, "version": 7 },
 *   "org": [{ "id": "co", "name": "星河科技", "parentId": null, "kind": "company" }, …],
 *   "products": [{ "id": "core", "name": "核心平台", "new": false }], "stages": [{ "id": "lead" }, …], "targets": [ … ] }
 * // PUT /api/quota/targets  { "baseVersion": 7, "cells": [{ "nodeId": "east", "period": "FY2026", "metric": "revenue", "value": 720000000 }] }
 * // → 200 { "version": 8 }   or   409 { "currentVersion": 9 }
 */
import * as z from 'zod/mini';
import type { ActualsSnapshot, OrgNode, PlanInputsChange, PlanSnapshot, SaveResult, TargetChange, User } from '../engine/plan/model.js';
import { checkInputsChange } from '../engine/plan/edit-rights.js';
import { buildOrgIndex } from '../engine/plan/rollup.js';
import { checkRampsOf, parsePlanInputsChange } from './inputs.js';
import { QkAdapterError, type AdapterUpdate, type AdjustmentPayload, type CrmAdapter, type IncentivePlanRecord, type Notice } from './adapter.js';
import { checkSubmission, decideAs, type GuardAnswer } from '../engine/adjustment/guard.js';
import { canEditIncentivePlan } from '../engine/incentive/access.js';
import { parseCommissionPlan } from '../engine/incentive/plan.js';
import {
  invalidData,
  parseActualsSnapshot,
  parseAdjustment,
  parseAdjustments,
  parseDateRange,
  parseNotice,
  parseOrgNodes,
  parsePlanSnapshot,
  parseSaveResult,
  parseTargetChange,
  parseUser,
} from './validate.js';

export interface RestAdapterOptions {
  /** Where the routes live, e.g. `https://crm.example.com/api/quota` or `/api/quota` (no trailing slash needed). */
  baseUrl: string;
  /** The fetch to use (a wrapped one for retries or logging). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Extra headers for every request, e.g. a fresh bearer token. May be async; if it throws, the call rejects with that error. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Milliseconds before a request is aborted and rejected with `network`. Default 15000. */
  timeoutMs?: number;
  /**
   * A bearer token (or a function that returns a fresh one) sent as `authorization: Bearer …` on
   * every request, e.g. the reference server's signed token. `headers()` may override it.
   */
  token?: string | (() => string | Promise<string>);
  /**
   * Send `by` in a decision's body as well, for servers written against the first version of the
   * protocol. Default false: the server records a decision for its signed-in user.
   */
  legacyDecisionBy?: boolean;
  /** Send a fresh `Idempotency-Key` header with every write (the server must allow it in CORS). Default false. */
  idempotencyKeys?: boolean;
  /**
   * Live updates over server-sent events from `{base}/events` (or this path): `subscribe` is offered,
   * and after every save by anyone the adapter reloads the plan and hands it to the listeners.
   * Default false (the adapter offers no `subscribe`).
   */
  events?: boolean | string;
  /** Milliseconds before reconnecting a dropped event stream. Default 2000. */
  reconnectMs?: number;
}

const ConflictBody = z.object({ currentVersion: z.number().check(z.int(), z.gte(0)) });
const ErrorBody = z.object({ message: z.string() });
const IncentivePlanBody = z.object({ version: z.number().check(z.int(), z.gte(0)), plan: z.record(z.string(), z.unknown()) });
/** A refusal by a named rule (the reference server sends `reason` and `params` with a 403 or 409). */
const RuleBody = z.object({ reason: z.string(), params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) });

/**
 * An adapter for any CRM that serves the JSON contract documented at the top of this file. Every
 * response is validated (schema and cross-checks) before it reaches the kit, and every failure is a
 * `QkAdapterError` with a stable code: `network` (offline, timeout, 5xx), `forbidden`, `not-found`,
 * `conflict` (with `currentVersion`) or `invalid-data` (with the bad paths).
 *
 * With `events: true` it offers `subscribe`: it reads the server's event stream (over fetch, so
 * the same headers and token go along), and after every save reloads the plan and pushes it.
 *
 * @example
 * const adapter = new RestAdapter({
 *   baseUrl: '/api/quota',
 *   headers: async () => ({ authorization: `Bearer ${await auth.token()}` }),
 *   timeoutMs: 10_000,
 * });
 * provider.adapter = adapter;
 */
export class RestAdapter implements CrmAdapter {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #headers: RestAdapterOptions['headers'];
  readonly #options: RestAdapterOptions;
  /** The last plan loaded, to cross-check actuals against its reps, products and stages. */
  #plan: PlanSnapshot | null = null;
  /** The signed-in user as `/me` last said, and the adjustments as the server last returned them: what the pre-checks know. */
  #me: User | null = null;
  #known = new Map<string, AdjustmentPayload>();

  constructor(options: RestAdapterOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15000;
    // Called unbound: the browser's fetch throws "Illegal invocation" when called as a method of another object.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headers = options.headers;
    this.#options = options;
    if (options.events) this.subscribe = (listener) => this.#subscribe(listener);
  }

  /** Present when `events` is set: live plan updates from the server's event stream. */
  subscribe?: (listener: (update: AdapterUpdate) => void) => () => void;

  async loadPlan(): Promise<PlanSnapshot> {
    const { data, source } = await this.#request('GET', '/plan');
    const snapshot = parsePlanSnapshot(data, { source });
    this.#plan = snapshot;
    return snapshot;
  }

  async loadActuals(range: { from: string; to: string }): Promise<ActualsSnapshot> {
    const { from, to } = parseDateRange(range, { source: 'loadActuals' });
    const query = `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const { data, source } = await this.#request('GET', `/actuals${query}`);
    const plan = this.#plan;
    // With a lazily loaded org a rep may not be loaded yet, so only a complete org vouches for reps.
    const checkReps = !!plan && !plan.org.some((n) => n.hasChildren);
    return parseActualsSnapshot(data, { source, ...(plan ? { plan, checkReps } : {}) });
  }

  async saveTargets(change: TargetChange): Promise<SaveResult> {
    const body = parseTargetChange(change, { source: 'saveTargets' });
    const { data, source } = await this.#request('PUT', '/targets', body);
    return parseSaveResult(data, { source });
  }

  /**
   * `PUT /inputs` with a `PlanInputsChange` (commitments, market, blend, ramp curves); the server
   * decides from its session. Refused here first when the signed-in user and the org are known
   * and the engine's `checkInputsChange` says no (e.g. a rep entering a teammate's commitment).
   */
  async saveInputs(change: PlanInputsChange): Promise<SaveResult> {
    const body = parsePlanInputsChange(change);
    checkRampsOf(body);
    const me = this.#me;
    const plan = this.#plan;
    const named = [...(body.commitments ?? []), ...(body.market ?? []), ...(body.ramps ?? [])].map((x) => x.nodeId);
    if (me && plan && named.every((id) => plan.org.some((n) => n.id === id))) {
      const v = checkInputsChange(me, body, buildOrgIndex(plan.org));
      if (!v.allowed) throw new QkAdapterError('forbidden', `saveInputs: ${v.reason}`, { rule: { reason: v.reason, params: v.params } });
    }
    const { data, source } = await this.#request('PUT', '/inputs', body);
    return parseSaveResult(data, { source });
  }

  async currentUser(): Promise<User> {
    const { data, source } = await this.#request('GET', '/me');
    const user = parseUser(data, { source });
    this.#me = user;
    return user;
  }

  async notify(notice: Notice): Promise<void> {
    await this.#request('POST', '/notify', parseNotice(notice, { source: 'notify' }));
  }

  /**
   * Sends the request to the server, which decides (it knows who is signed in; this adapter only
   * knows what the server told it). Before sending, the adapter refuses with `forbidden` what it can
   * already tell is not allowed, once it knows the user (`currentUser`), the org (`loadPlan`) and the
   * stored request (`listAdjustments` or an earlier answer): the rules of `checkSubmission`.
   */
  async submitAdjustment(request: AdjustmentPayload): Promise<AdjustmentPayload> {
    const body = parseAdjustment(request, { source: 'submitAdjustment' });
    this.#precheck('submitAdjustment', (me, org) => checkSubmission(me, body, this.#known.get(body.id), org), body);
    const { data, source } = await this.#request('POST', '/adjustments', body);
    return this.#remember(parseAdjustment(data, { source }));
  }

  /**
   * Sends the decision; the server records it for the signed-in user. A `by` naming someone else
   * than `currentUser()` is refused here, as is a decision `decideAs` refuses for a known request.
   */
  async decideAdjustment(decision: { id: string; approve: boolean; by: string; comment?: string }): Promise<AdjustmentPayload> {
    const { id, ...body } = decision;
    const existing = this.#known.get(id);
    this.#precheck(
      'decideAdjustment',
      (me, org) => {
        if (!existing) return decision.by === me.id ? { allowed: true } : checkDecisionBy(me, decision.by);
        const r = decideAs(me, existing, decision, org, new Date().toISOString());
        return r.ok ? { allowed: true } : { allowed: false, ...r.refusal! };
      },
      existing,
    );
    const sent = this.#options.legacyDecisionBy ? body : { approve: body.approve, ...(body.comment !== undefined ? { comment: body.comment } : {}) };
    const { data, source } = await this.#request('POST', `/adjustments/${encodeURIComponent(id)}/decision`, sent);
    return this.#remember(parseAdjustment(data, { source }));
  }

  /** `GET /incentive-plan`: `{ version, plan }`, or `null` when the server keeps none. */
  async loadIncentivePlan(): Promise<IncentivePlanRecord | null> {
    const { data, source } = await this.#request('GET', '/incentive-plan');
    if (data === null) return null;
    const r = z.safeParse(IncentivePlanBody, data);
    if (!r.success) throw invalidData(source, r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })));
    return r.data;
  }

  /**
   * `PUT /incentive-plan` with `{ baseVersion, plan }`; the server decides who may (finance or
   * admin). Refused here first when the signed-in user is known and may not, or when the plan does
   * not pass `parseCommissionPlan` (`invalid-data`).
   */
  async saveIncentivePlan(change: { baseVersion: number; plan: Record<string, unknown> }): Promise<{ version: number }> {
    const me = this.#me;
    const may = me ? canEditIncentivePlan(me) : null;
    if (may && !may.allowed) throw new QkAdapterError('forbidden', `saveIncentivePlan: ${may.reason}`, { rule: { reason: may.reason, params: may.params } });
    // A plan the engine refuses is not sent (a server answers it with a 400, which reads as `network`).
    const parsed = parseCommissionPlan(change.plan);
    if (!parsed.ok) throw invalidData('saveIncentivePlan', parsed.issues ?? [{ path: parsed.error.path ?? [], message: parsed.error.message }]);
    const { data, source } = await this.#request('PUT', '/incentive-plan', { baseVersion: change.baseVersion, plan: change.plan });
    const r = z.safeParse(z.object({ version: z.number() }), data);
    if (!r.success) throw invalidData(source, [{ path: ['version'], message: 'expected the new version' }]);
    return { version: r.data.version };
  }

  async listAdjustments(): Promise<AdjustmentPayload[]> {
    const { data, source } = await this.#request('GET', '/adjustments');
    const list = parseAdjustments(data, { source });
    this.#known = new Map(list.map((a) => [a.id, structuredClone(a)]));
    return list;
  }

  #remember(a: AdjustmentPayload): AdjustmentPayload {
    this.#known.set(a.id, structuredClone(a));
    return a;
  }

  /**
   * Runs `check` when the signed-in user and an org holding the request's node are known, and
   * throws its `forbidden` refusals. Conflicts are left to the server: what this adapter last saw
   * of a request may be stale.
   */
  #precheck(what: string, check: (me: User, org: readonly OrgNode[]) => GuardAnswer, payload: AdjustmentPayload | undefined): void {
    const me = this.#me;
    const org = this.#plan?.org;
    if (!me || !org) return;
    const node = payload?.nodeId;
    if (typeof node === 'string' && !org.some((n) => n.id === node)) return;
    const answer = check(me, org);
    if (!answer.allowed && answer.code === 'forbidden') throw new QkAdapterError('forbidden', `${what}: ${answer.message}`, { rule: { reason: answer.reason, params: answer.params } });
  }

  async loadChildren(nodeId: string): Promise<OrgNode[]> {
    const { data, source } = await this.#request('GET', `/org/${encodeURIComponent(nodeId)}/children`);
    return parseOrgNodes(data, { source, parentId: nodeId });
  }

  /**
   * Sends one request and returns its parsed JSON body (`undefined` for an empty body). The timeout
   * covers the whole exchange, body included; every failure becomes a `QkAdapterError`.
   */
  async #request(method: string, path: string, body?: unknown): Promise<{ data: unknown; source: string }> {
    const url = `${this.baseUrl}${path}`;
    const source = `${method} ${url}`;
    const headers = await this.#headersFor();
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (body !== undefined && this.#options.idempotencyKeys && !headers['idempotency-key']) headers['idempotency-key'] = newKey();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const doFetch = this.#fetch;
    let status: number;
    let text: string;
    try {
      const res = await doFetch(url, {
        method,
        headers,
        signal: controller.signal,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      const why = controller.signal.aborted ? `no answer within ${this.timeoutMs} ms` : `network failure (${e instanceof Error ? e.message : String(e)})`;
      throw new QkAdapterError('network', `${source}: ${why}`, { cause: e });
    } finally {
      clearTimeout(timer);
    }
    if (status < 200 || status > 299) throw this.#statusError(status, text, source);
    if (text.trim() === '') return { data: undefined, source };
    try {
      return { data: JSON.parse(text), source };
    } catch (e) {
      throw invalidData('JSON', [{ path: [], message: `the response body is not JSON (${e instanceof Error ? e.message : String(e)})` }], {
        source,
      });
    }
  }

  async #headersFor(): Promise<Record<string, string>> {
    const token = this.#options.token;
    const bearer = typeof token === 'function' ? await token() : token;
    return { accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(await this.#headers?.()) };
  }

  /**
   * One event stream shared by every listener: opened with the first, closed with the last. A
   * `plan` event newer than the last plan seen reloads the plan (the server scopes it for this
   * user) and hands it to each listener; a dropped stream reconnects after `reconnectMs`.
   */
  #listeners = new Set<(update: AdapterUpdate) => void>();
  #stream: AbortController | null = null;

  #subscribe(listener: (update: AdapterUpdate) => void): () => void {
    this.#listeners.add(listener);
    if (!this.#stream) this.#openStream();
    return () => {
      this.#listeners.delete(listener);
      if (!this.#listeners.size) {
        this.#stream?.abort();
        this.#stream = null;
      }
    };
  }

  #openStream(): void {
    const controller = new AbortController();
    this.#stream = controller;
    const path = typeof this.#options.events === 'string' ? this.#options.events : '/events';
    const run = async () => {
      while (!controller.signal.aborted) {
        try {
          const headers = await this.#headersFor();
          headers.accept = 'text/event-stream';
          const res = await this.#fetch(`${this.baseUrl}${path}`, { headers, signal: controller.signal });
          if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
          await readEvents(res.body, controller.signal, (event, data) => this.#onEvent(event, data));
        } catch {
          // Dropped, refused or aborted: try again later unless unsubscribed.
        }
        if (controller.signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, this.#options.reconnectMs ?? 2000));
      }
    };
    void run();
  }

  async #onEvent(event: string, data: string): Promise<void> {
    if (event !== 'plan') return;
    let version: number | undefined;
    try {
      version = (JSON.parse(data) as { version?: number }).version;
    } catch {
      return;
    }
    if (typeof version === 'number' && this.#plan && this.#plan.plan.version >= version) return;
    try {
      const snapshot = await this.loadPlan();
      for (const l of [...this.#listeners]) l({ type: 'plan', snapshot: structuredClone(snapshot) });
    } catch {
      // A failed reload is not an update; the next event or the user's own reload will catch up.
    }
  }

  #statusError(status: number, text: string, source: string): QkAdapterError {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const said = parseErrorMessage(json);
    const message = `${source}: HTTP ${status}${said ? ` (${said})` : ''}`;
    // Only the rules the dictionaries word (adjustments, the incentive plan) are passed on by name.
    const rule = z.safeParse(RuleBody, json);
    const named = rule.success && /^(adjustment|incentive)-/.test(rule.data.reason) ? { rule: { reason: rule.data.reason, params: rule.data.params ?? {} } } : {};
    if (status === 401 || status === 403) return new QkAdapterError('forbidden', message, named);
    if (status === 404) return new QkAdapterError('not-found', message);
    if (status === 409) {
      const conflict = z.safeParse(ConflictBody, json);
      if (!conflict.success) return new QkAdapterError('conflict', message);
      const currentVersion = conflict.data.currentVersion;
      return new QkAdapterError('conflict', `${message}: the plan is now at version ${currentVersion}`, { currentVersion });
    }
    return new QkAdapterError('network', message);
  }
}

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Reads a `text/event-stream` body and calls `on(event, data)` for each event, until it ends or is aborted. */
async function readEvents(body: ReadableStream<Uint8Array>, signal: AbortSignal, on: (event: string, data: string) => Promise<void> | void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) await on(event, data.join('\n'));
    }
  }
}

function checkDecisionBy(me: User, by: string): GuardAnswer {
  return { allowed: false, code: 'forbidden', reason: 'adjustment-not-signed-in', params: { by }, message: `adjustment-not-signed-in: "${by}" is not the signed-in user "${me.id}"` };
}

function parseErrorMessage(json: unknown): string | undefined {
  const r = z.safeParse(ErrorBody, json);
  return r.success ? r.data.message : undefined;
}
