/**
 * Target adjustments (目标调整): changes to targets only through a transparent, rule-based process —
 * a trigger, a reason, a preview of who is affected, an approval by someone entitled to approve,
 * an append-only audit trail, and a notice to the team:
 * - `model`: the request (zod schema and type), `createAdjustment`, `parseAdjustmentRequest`;
 * - `preview`: `previewAdjustment` (every affected cell, parent totals, dual attainment);
 * - `access`: `canRequest`, `canApprove`;
 * - `guard`: `checkSubmission`, `decideAs` (what a host checks when a client stores or decides a request);
 * - `flow`: `transitionAdjustment`, `applyAdjustment` (with version conflicts), `refreshPreview`;
 * - `triggers`: `evaluateTriggers` (market, territory, personnel, product and, when asked, pace rules), `groupProposals`;
 * - `ledger`: `appendLedger`, `ledgerOf`, `ledgerToCsv`, `noticeFacts`.
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  canApprove,
  canRequest,
  type Permission,
} from './access.js';
export {
  ADJUSTMENT_TRANSITIONS,
  applyAdjustment,
  refreshPreview,
  transitionAdjustment,
  type ActionContext,
  type ApplyOutcome,
} from './flow.js';
export {
  checkSubmission,
  decideAs,
  type GuardAnswer,
  type GuardRefusal,
} from './guard.js';
export {
  appendLedger,
  createLedger,
  LEDGER_CSV_HEADERS,
  ledgerOf,
  ledgerToCsv,
  noticeFacts,
  type Ledger,
  type LedgerCsvHeaders,
  type NoticeFacts,
} from './ledger.js';
export {
  AbsorptionSchema,
  ADJUSTMENT_ACTIONS,
  ADJUSTMENT_STATUSES,
  ADJUSTMENT_TRIGGERS,
  AdjustmentActionSchema,
  AdjustmentChangeSchema,
  AdjustmentRequestSchema,
  AdjustmentStatusSchema,
  AdjustmentTriggerSchema,
  AffectedCellSchema,
  createAdjustment,
  LedgerEntrySchema,
  MIN_REASON_LENGTH,
  parseAdjustmentRequest,
  StoredPreviewSchema,
  type Absorption,
  type AdjustmentAction,
  type AdjustmentChange,
  type AdjustmentRequest,
  type AdjustmentStatus,
  type AdjustmentTrigger,
  type AffectedCell,
  type LedgerEntry,
  type NewAdjustmentInput,
  type StoredPreview,
} from './model.js';
export {
  checkClosedPeriods,
  previewAdjustment,
  type AdjustmentPreview,
  type AdjustmentSource,
  type AdjustmentState,
  type ImpactRole,
  type NodeImpact,
  type PersonImpact,
} from './preview.js';
export {
  DEFAULT_TRIGGER_THRESHOLDS,
  evaluateTriggers,
  groupProposals,
  TRIGGER_GROUPS,
  type PlanEvent,
  type TriggerGroup,
  type TriggerKind,
  type TriggerOptions,
  type TriggerProposal,
  type TriggerThresholds,
} from './triggers.js';
