/**
 * The adjustment workflow beside the store (调整: request → preview → approve/reject → apply →
 * notice → audit), in plain TypeScript. `qk-adjustment-panel` is a view of it.
 *
 * Identity decides: every action is checked against the store's signed-in user (`store.user`)
 * BEFORE anything reaches the adapter — who may ask (`canRequest`), who may decide or apply
 * (`canApprove`: never the requester), from which status — and the adapter (or the host's
 * server) checks again. A refusal names the rule: an engine reason code with params (e.g.
 * `adjustment-forbidden-own`, `{ node }` = whose manager may approve) for the dictionaries.
 * Approved changes are written with `store.commitCells` (saved at the host first, all or nothing).
 */
import type { CrmAdapter, Notice } from '../adapter/adapter.js';
import { QkAdapterError } from '../adapter/adapter.js';
import {
  applyAdjustment,
  canRequest,
  checkClosedPeriods,
  createAdjustment,
  noticeFacts,
  parseAdjustmentRequest,
  previewAdjustment,
  refreshPreview,
  transitionAdjustment,
  type AdjustmentPreview,
  type AdjustmentRequest,
  type AdjustmentState,
  type NoticeFacts,
} from '../engine/adjustment/index.js';
import type { NewAdjustmentInput } from '../engine/adjustment/model.js';
import type { TargetCell, User } from '../engine/plan/model.js';
import type { QkIssue, Result } from '../engine/shared/result.js';
import { targetCells, type PlanState } from '../engine/plan/plan-state.js';
import { buildOrgIndex, type OrgIndex } from '../engine/plan/rollup.js';
import { toStoreError, type StoreError } from './errors.js';
import type { QkStore } from './store.js';

/** What a user asks for; the service adds who asks (the signed-in user), the plan, the time and the status. */
export type AdjustmentDraft = Omit<NewAdjustmentInput, 'id' | 'planId' | 'requesterId' | 'at'> & {
  /** Kept when given (e.g. a form's stable id); a new one otherwise. An id already in use is refused. */
  id?: string;
};

/** Why an action did not go through: a code for the dictionaries, and where it was decided. */
export interface AdjustmentRefusal extends QkIssue {
  source: 'input' | 'engine' | 'adapter';
  issues?: { path: (string | number)[]; message: string }[];
}

export type AdjustmentOutcome =
  | { ok: true; request: AdjustmentRequest; cells?: TargetCell[] }
  | { ok: false; error: AdjustmentRefusal };

/** What is about to happen, for a host that may veto it (the panel's cancelable `qk-adjustment-request`). */
export interface AdjustmentActionDetail {
  action: 'submit' | 'approve' | 'reject' | 'withdraw' | 'apply';
  request: AdjustmentRequest;
  preview?: AdjustmentPreview;
  cells?: TargetCell[];
}

/** The team notice after an applied change: its facts (worded by the view), who gets it, whether it went out. */
export interface AdjustmentNotice {
  facts: NoticeFacts;
  recipients: string[];
  sent: boolean;
}

export interface AdjustmentServiceOptions {
  /** The adapter to list, submit, decide and notify through. Default: none (requests stay local). */
  adapter?: CrmAdapter | null;
  /** The time of an action (ISO date-time). Default: now. */
  now?: () => string;
}

const refusal = (code: string, message: string, source: AdjustmentRefusal['source'], params?: Record<string, string | number>): { ok: false; error: AdjustmentRefusal } => ({
  ok: false,
  error: { code, message, source, ...(params ? { params } : {}) },
});
const fromIssue = (e: QkIssue, source: AdjustmentRefusal['source']) => ({ ok: false as const, error: { ...e, source } });
const fromThrown = (e: unknown, fallback: string) => {
  const err = toStoreError(e, fallback);
  return { ok: false as const, error: { ...err, source: 'adapter' as const } };
};

let idCounter = 0;

/**
 * The adjustment requests of one store and the actions on them.
 *
 * @example
 * const adjustments = new AdjustmentService(store, { adapter });
 * await adjustments.list();
 * const r = await adjustments.decide('adj-7', true, '同意');
 * if (!r.ok) show(t.errors[r.error.code]?.(r.error.params)); // e.g. adjustment-forbidden-own: another approver must decide
 */
export class AdjustmentService {
  /** The requests known, oldest first (listed from the adapter, or set by the host). */
  requests: readonly AdjustmentRequest[] = [];
  /** True while `list()` runs. */
  loading = false;
  /** True while an action waits for the adapter. */
  busy = false;
  /** The last failure of `list()` or of an action; null after a success. */
  error: StoreError | null = null;
  /** Requests whose apply hit a conflict: preview them again (`refresh`). */
  conflicts: ReadonlySet<string> = new Set();
  /** Notices prepared after an apply, by request id. */
  notices: Readonly<Record<string, AdjustmentNotice>> = {};
  /**
   * For previews without an adapter (Storybook, a host showing data only): act as this user of the
   * plan. Ignored whenever the store has a signed-in user or an adapter is connected.
   */
  previewUserId = '';
  /** Asked before an action reaches the adapter; returning false vetoes it. */
  confirm: (detail: AdjustmentActionDetail) => boolean = () => true;
  adapter: CrmAdapter | null;

  readonly #store: QkStore;
  readonly #now: () => string;
  readonly #listeners = new Set<(service: AdjustmentService) => void>();
  #ix?: { org: unknown; ix: OrgIndex };
  #plain?: { state: PlanState; value: AdjustmentState };

  constructor(store: QkStore, options: AdjustmentServiceOptions = {}) {
    this.#store = store;
    this.adapter = options.adapter ?? null;
    this.#now = options.now ?? (() => new Date().toISOString());
  }

  get store(): QkStore {
    return this.#store;
  }

  /** The user every action is checked against: the store's signed-in user (or, with no adapter at all, the preview user). */
  get user(): User | null {
    const s = this.#store;
    if (s.user) return s.user;
    if (this.adapter || s.hasAdapter) return null;
    return s.snapshot?.users?.find((u) => u.id === this.previewUserId) ?? null;
  }

  /** The org index of the store's org (rebuilt only when the org changes). */
  get index(): OrgIndex {
    const st = this.#store.state;
    if (st) return st.index;
    const org = this.#store.org;
    if (this.#ix?.org !== org) this.#ix = { org, ix: buildOrgIndex(org) };
    return this.#ix.ix;
  }

  /** What previews and applies read: the store's read model (targets through its selectors, nothing copied). */
  get state(): PlanState | null {
    return this.#store.state;
  }

  /** The same plan as plain data, for the engine functions that read a list of cells (the trigger rules). Memoized per state. */
  get plainState(): AdjustmentState | null {
    const st = this.#store.state;
    if (!st) return null;
    if (this.#plain?.state !== st) {
      // The list of every cell only when read (the trigger rules read the read model instead: at
      // 100,000 people the list was built in the panel's first render).
      const value: AdjustmentState = {
        plan: st.plan,
        org: st.org,
        get targets() {
          return targetCells(st);
        },
        actuals: st.actuals?.actuals ?? [],
      };
      this.#plain = { state: st, value };
    }
    return this.#plain.value;
  }

  subscribe(listener: (service: AdjustmentService) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    for (const l of [...this.#listeners]) l(this);
  }

  #set(patch: Partial<Pick<AdjustmentService, 'requests' | 'loading' | 'busy' | 'error' | 'conflicts' | 'notices'>>): void {
    Object.assign(this, patch);
    this.#emit();
  }

  /** Shows requests the host holds (no adapter call). */
  setRequests(requests: readonly AdjustmentRequest[]): void {
    if (requests === this.requests) return;
    this.#set({ requests });
  }

  /**
   * Loads the requests through the adapter's `listAdjustments`. Resolves with the items that did
   * not parse (they are left out, each with its issue); a failure is kept in `error`.
   */
  async list(): Promise<QkIssue[]> {
    const adapter = this.adapter;
    if (!adapter?.listAdjustments) return [];
    this.#set({ loading: true });
    try {
      const list: unknown = await this.#store.callAdapter('listAdjustments', () => adapter.listAdjustments!());
      if (!Array.isArray(list)) {
        const got = list === null ? 'null' : typeof list;
        throw new QkAdapterError('invalid-data', `listAdjustments: expected a list of requests, got ${got}`, { issues: [{ path: [], message: `expected an array, got ${got}` }] });
      }
      const parsed: AdjustmentRequest[] = [];
      const invalid: QkIssue[] = [];
      for (const item of list) {
        const r = parseAdjustmentRequest(item);
        if (r.ok) parsed.push(r.value);
        else invalid.push(r.error);
      }
      this.#set({ requests: parsed, loading: false, error: null });
      return invalid;
    } catch (e) {
      this.#set({ loading: false, error: toStoreError(e, 'load-failed') });
      return [];
    }
  }

  /** The preview of a request on the plan as it stands, or why there is none. */
  preview(request: AdjustmentRequest): Result<AdjustmentPreview> | null {
    const st = this.state;
    return st ? previewAdjustment(request, st) : null;
  }

  // ---- actions --------------------------------------------------------------------------------

  /** Submits a new request of the signed-in user for approval, with its preview. */
  async request(draft: AdjustmentDraft): Promise<AdjustmentOutcome> {
    const user = this.user;
    const st = this.state;
    const plan = this.#store.plan;
    if (!user || !st || !plan) return refusal('adjustment-no-user', 'no signed-in user', 'input');
    if (draft.id !== undefined && this.requests.some((r) => r.id === draft.id)) {
      return refusal('adjustment-immutable', `"${draft.id}" is already submitted; withdraw it and make a new request`, 'engine', { field: 'id' });
    }
    const may = canRequest(user, draft.nodeId, this.index);
    if (!may.allowed) return refusal(may.reason, `not allowed: ${may.reason}`, 'engine', may.params);
    const at = this.#now();
    // Only the fields of a request are taken from the draft: who asks is the signed-in user, never a field.
    const created = createAdjustment({
      id: draft.id ?? `adj-${Date.parse(at).toString(36)}-${(++idCounter).toString(36)}`,
      planId: plan.id,
      nodeId: draft.nodeId,
      metric: draft.metric,
      ...(draft.product !== undefined ? { product: draft.product } : {}),
      periods: [...draft.periods],
      change: draft.change,
      trigger: draft.trigger,
      reason: draft.reason,
      ...(draft.evidence !== undefined ? { evidence: draft.evidence } : {}),
      absorption: draft.absorption,
      requesterId: user.id,
      at,
    });
    if (!created.ok) return fromIssue(created.error, 'input');
    const preview = previewAdjustment(created.value, st);
    if (!preview.ok) return fromIssue(preview.error, 'engine');
    // Closed periods are history: refused now, by the rule's name, not first when it is applied.
    const closed = this.closedPeriods(preview.value);
    if (!closed.ok) return fromIssue(closed.error, 'engine');
    const next = transitionAdjustment(created.value, 'submit', { by: user, at, org: this.index, preview: preview.value });
    if (!next.ok) return fromIssue(next.error, 'engine');
    if (!this.confirm({ action: 'submit', request: next.value, preview: preview.value })) return refusal('adjustment-vetoed', 'vetoed by the page', 'input');
    return this.#run(async () => this.#persist(next.value));
  }

  /**
   * Whether a preview would change archived targets of closed periods (`checkClosedPeriods`), as
   * the store refuses them when the cells are written (its `lockClosedPeriods`, on by default).
   */
  closedPeriods(preview: Pick<AdjustmentPreview, 'cells' | 'periods'>): Result<true> {
    const st = this.state;
    if (!st || !this.#store.locksClosedPeriods) return { ok: true, value: true };
    return checkClosedPeriods(preview, this.#store.asOf, st.plan.calendar);
  }

  /** Approves or rejects a pending request (a rejection needs a comment). Never the requester's own. */
  async decide(id: string, approve: boolean, comment?: string): Promise<AdjustmentOutcome> {
    const user = this.user;
    const request = this.requests.find((r) => r.id === id);
    if (!user) return refusal('adjustment-no-user', 'no signed-in user', 'input');
    if (!request) return refusal('not-found', `no adjustment "${id}"`, 'input', { reason: id });
    const note = comment?.trim();
    const next = transitionAdjustment(request, approve ? 'approve' : 'reject', { by: user, at: this.#now(), org: this.index, ...(note ? { comment: note } : {}) });
    if (!next.ok) return fromIssue(next.error, 'engine');
    if (!this.confirm({ action: approve ? 'approve' : 'reject', request: next.value })) return refusal('adjustment-vetoed', 'vetoed by the page', 'input');
    return this.#run(async () => {
      const adapter = this.adapter;
      if (!adapter?.decideAdjustment) return this.#persist(next.value);
      const decided = parseAdjustmentRequest(await this.#store.callAdapter('decideAdjustment', () => adapter.decideAdjustment!({ id, approve, by: user.id, ...(note ? { comment: note } : {}) })));
      // A host that records the decision with its trail entry has said everything; one that only
      // sets the status gets the trail entry stored after it.
      if (decided.ok && decided.value.status === next.value.status && (decided.value.history?.length ?? 0) > (request.history?.length ?? 0)) return decided.value;
      return this.#persist(next.value);
    });
  }

  /** Withdraws the signed-in user's own draft or pending request. */
  async withdraw(id: string): Promise<AdjustmentOutcome> {
    const user = this.user;
    const request = this.requests.find((r) => r.id === id);
    if (!user) return refusal('adjustment-no-user', 'no signed-in user', 'input');
    if (!request) return refusal('not-found', `no adjustment "${id}"`, 'input', { reason: id });
    const next = transitionAdjustment(request, 'withdraw', { by: user, at: this.#now(), org: this.index });
    if (!next.ok) return fromIssue(next.error, 'engine');
    if (!this.confirm({ action: 'withdraw', request: next.value })) return refusal('adjustment-vetoed', 'vetoed by the page', 'input');
    return this.#run(async () => this.#persist(next.value));
  }

  /**
   * Applies an approved request: its cells are saved at the host (all or nothing, outside the undo
   * history) and only then is it recorded as applied; prepares the team notice. On a conflict
   * nothing is written and the request is listed in `conflicts` (preview again with `refresh`).
   */
  async apply(id: string): Promise<AdjustmentOutcome> {
    const user = this.user;
    const st = this.state;
    const request = this.requests.find((r) => r.id === id);
    if (!user || !st) return refusal('adjustment-no-user', 'no signed-in user', 'input');
    if (!request) return refusal('not-found', `no adjustment "${id}"`, 'input', { reason: id });
    const r = applyAdjustment(request, st, { by: user, at: this.#now(), org: this.index });
    if (!r.ok) return fromIssue(r.error, 'engine');
    if (r.value.kind === 'conflict') {
      this.#set({ conflicts: new Set([...this.conflicts, id]) });
      return refusal('adjustment-conflict', `the plan is at version ${r.value.currentVersion}, the preview at ${r.value.baseVersion}`, 'engine', { currentVersion: r.value.currentVersion });
    }
    const { request: applied, cells } = r.value;
    if (!this.confirm({ action: 'apply', request: applied, cells })) return refusal('adjustment-vetoed', 'vetoed by the page', 'input');
    const out = await this.#run(async () => {
      const committed = await this.#store.commitCells(cells, { source: 'adjustment' });
      if (!committed.ok) {
        if (committed.error.code === 'conflict') this.conflicts = new Set([...this.conflicts, id]);
        throw Object.assign(new QkAdapterError(committed.error.code === 'conflict' ? 'conflict' : 'network', committed.error.message), { storeError: committed.error });
      }
      return this.#persist(applied);
    });
    if (!out.ok) return out;
    const preview = previewAdjustment(request, st);
    if (preview.ok) {
      const facts = noticeFacts(out.request, preview.value);
      const users = this.#store.snapshot?.users ?? [];
      const people = facts.changes.map((c) => users.find((u) => u.nodeId === c.nodeId)?.id ?? c.nodeId);
      this.#set({ notices: { ...this.notices, [id]: { facts, recipients: [...new Set([out.request.requesterId, ...people])], sent: false } } });
    }
    return { ...out, cells };
  }

  /** Previews a request again on the plan as it stands (after a conflict); changed numbers send an approved request back for approval. */
  async refresh(id: string): Promise<AdjustmentOutcome> {
    const user = this.user;
    const st = this.state;
    const request = this.requests.find((r) => r.id === id);
    if (!user || !st) return refusal('adjustment-no-user', 'no signed-in user', 'input');
    if (!request) return refusal('not-found', `no adjustment "${id}"`, 'input', { reason: id });
    const r = refreshPreview(request, st, { by: user, at: this.#now(), org: this.index });
    if (!r.ok) return fromIssue(r.error, 'engine');
    const out = await this.#run(async () => this.#persist(r.value.request));
    if (out.ok) {
      const rest = new Set(this.conflicts);
      rest.delete(id);
      this.#set({ conflicts: rest });
    }
    return out;
  }

  /** Sends the team notice of an applied request (subject and body worded by the view). */
  async sendNotice(id: string, text: { subject: string; body: string }): Promise<boolean> {
    const notice = this.notices[id];
    if (!notice) return false;
    try {
      const message: Notice = { recipients: notice.recipients, subject: text.subject, body: text.body };
      const adapter = this.adapter;
      if (adapter) await this.#store.callAdapter('notify', () => adapter.notify(message));
      this.#set({ notices: { ...this.notices, [id]: { ...notice, sent: true } }, error: null });
      return true;
    } catch (e) {
      this.#set({ error: toStoreError(e, 'save-failed') });
      return false;
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Runs an adapter step with `busy` set; stores the result in `requests`, or the failure in `error`. */
  async #run(step: () => Promise<AdjustmentRequest>): Promise<AdjustmentOutcome> {
    this.#set({ busy: true });
    try {
      const stored = await step();
      this.#set({ busy: false, error: null, requests: [...this.requests.filter((r) => r.id !== stored.id), stored] });
      return { ok: true, request: stored };
    } catch (e) {
      const storeError = (e as { storeError?: StoreError }).storeError;
      const out = storeError ? { ok: false as const, error: { ...storeError, source: 'adapter' as const } } : fromThrown(e, 'save-failed');
      this.#set({ busy: false, error: out.error });
      return out;
    }
  }

  /** Stores the request through the adapter (when it can) and returns what the host stored. */
  async #persist(request: AdjustmentRequest): Promise<AdjustmentRequest> {
    const adapter = this.adapter;
    if (!adapter?.submitAdjustment) return request;
    const stored = parseAdjustmentRequest(await this.#store.callAdapter('submitAdjustment', () => adapter.submitAdjustment!(request)));
    if (!stored.ok) {
      throw new QkAdapterError('invalid-data', `submitAdjustment returned an invalid request: ${stored.error.message}`, {
        issues: [{ path: stored.error.path ?? [], message: stored.error.message }],
      });
    }
    return stored.value;
  }
}
