/**
 * The adapter interface: the only way QuotaKit talks to a host CRM. Implement it against your API
 * (see the README's "Writing an adapter"), or use a built-in one: `MemoryAdapter`,
 * `LocalStorageAdapter`, `RestAdapter`. Every payload that comes back through an adapter is parsed
 * with the zod schemas of `quotakit/engine`; a built-in adapter throws `QkAdapterError` on bad data.
 */
import type {
  ActualsSnapshot,
  OrgNode,
  PlanInputsChange,
  PlanSnapshot,
  SaveResult,
  TargetChange,
  User,
} from '../engine/plan/model.js';

/** A change the host pushes to the kit (another user saved, actuals arrived). */
export type AdapterUpdate =
  | { type: 'plan'; snapshot: PlanSnapshot }
  | { type: 'actuals'; snapshot: ActualsSnapshot };

/** The commission plan a host keeps, with its optimistic-concurrency version (0 before the first save). */
export interface IncentivePlanRecord {
  version: number;
  /** A plan as `CommissionPlanSchema` describes it (validated by the kit before use). */
  plan: Record<string, unknown>;
}

/** A message to people (e.g. the team notice after a target adjustment). */
export interface Notice {
  recipients: string[];
  subject: string;
  body: string;
}

/** An adjustment request as it crosses the adapter (its engine type lives with the adjustment engine). */
export interface AdjustmentPayload {
  id: string;
  [key: string]: unknown;
}

export interface CrmAdapter {
  /** The plan snapshot: plan, org (whole, or the top levels when `loadChildren` is offered), products, stages, targets, users. */
  loadPlan(): Promise<PlanSnapshot>;
  /** Actuals, funnel stage counts and open pipeline between two dates (inclusive, `YYYY-MM-DD`). */
  loadActuals(range: { from: string; to: string }): Promise<ActualsSnapshot>;
  /** Saves target cells based on `change.baseVersion`; rejects with a `conflict` QkAdapterError when the plan moved on. */
  saveTargets(change: TargetChange): Promise<SaveResult>;
  /**
   * Saves planning inputs — reps' commitments, market size/share, the blend — based on
   * `change.baseVersion`, with the same rights as targets (a rep only their own commitment).
   */
  saveInputs?(change: PlanInputsChange): Promise<SaveResult>;
  /** The signed-in user, with the org scopes they may see and edit. */
  currentUser(): Promise<User>;
  /** Sends a message to people (team notice after an adjustment). */
  notify(notice: Notice): Promise<void>;
  /** Submits an adjustment request; the host stores it and returns it (with its id). */
  submitAdjustment?(request: AdjustmentPayload): Promise<AdjustmentPayload>;
  /** Records a decision on an adjustment request. */
  decideAdjustment?(decision: { id: string; approve: boolean; by: string; comment?: string }): Promise<AdjustmentPayload>;
  /** Lists adjustment requests known to the host. */
  listAdjustments?(): Promise<AdjustmentPayload[]>;
  /** The commission plan the host keeps, or null when it keeps none (the kit then uses its sample plan). */
  loadIncentivePlan?(): Promise<IncentivePlanRecord | null>;
  /**
   * Saves the commission plan based on `change.baseVersion` (0 when none was saved yet) and returns
   * the new version. Only a finance or admin user may (`forbidden`, rule `incentive-plan-forbidden`);
   * a stale base rejects with `conflict` and the current version; an invalid plan with `invalid-data`.
   */
  saveIncentivePlan?(change: { baseVersion: number; plan: Record<string, unknown> }): Promise<{ version: number }>;
  /** Live updates from the host; returns an unsubscribe function. */
  subscribe?(listener: (update: AdapterUpdate) => void): () => void;
  /** Loads the children of one org node, for very large orgs loaded a subtree at a time. */
  loadChildren?(nodeId: string): Promise<OrgNode[]>;
}

/** `timeout`: the host did not answer in time (the store's own limit). */
export type QkAdapterErrorCode = 'invalid-data' | 'network' | 'conflict' | 'forbidden' | 'not-found' | 'timeout';

/** An adapter failure with a stable code and, for `invalid-data`, every bad path and its reason. */
export class QkAdapterError extends Error {
  readonly code: QkAdapterErrorCode;
  readonly issues: { path: (string | number)[]; message: string }[];
  /** For `conflict`: the version the host has now. */
  readonly currentVersion?: number;
  /**
   * For a refusal by a rule (`forbidden`, `conflict`): the rule's code and params, e.g.
   * `{ reason: 'adjustment-forbidden-approve-scope', params: { node: 'east', user: '王芳', … } }`,
   * so the widget names the rule in the user's language rather than "no permission".
   */
  readonly rule?: { reason: string; params: Record<string, string | number> };

  constructor(
    code: QkAdapterErrorCode,
    message: string,
    options: { issues?: { path: (string | number)[]; message: string }[]; currentVersion?: number; cause?: unknown; rule?: { reason: string; params: Record<string, string | number> } } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'QkAdapterError';
    this.code = code;
    this.issues = options.issues ?? [];
    if (options.currentVersion !== undefined) this.currentVersion = options.currentVersion;
    if (options.rule !== undefined) this.rule = options.rule;
  }

  static is(e: unknown): e is QkAdapterError {
    return e instanceof Error && e.name === 'QkAdapterError' && 'code' in e;
  }
}
