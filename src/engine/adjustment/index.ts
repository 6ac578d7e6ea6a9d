/**
 * Target adjustments (目标调整): changes to targets only through a transparent, rule-based process —
 * a trigger, a reason, a preview of who is affected, an approval by someone entitled to approve,
 * an append-only audit trail, and a notice to the team. This module gathers the pieces:
 * - `adjustment-model`: the request (zod schema and type), `createAdjustment`, `parseAdjustmentRequest`;
 * - `adjustment-preview`: `previewAdjustment` (every affected cell, parent totals, dual attainment);
 * - `adjustment-access`: `canRequest`, `canApprove`;
 * - `adjustment-guard`: `checkSubmission`, `decideAs` (what a host checks when a client stores or decides a request);
 * - `adjustment-flow`: `transitionAdjustment`, `applyAdjustment` (with version conflicts), `refreshPreview`;
 * - `adjustment-triggers`: `evaluateTriggers` (pace and personnel rules);
 * - `adjustment-ledger`: `appendLedger`, `ledgerOf`, `ledgerToCsv`, `noticeFacts`.
 */
export * from './model.js';
export * from './access.js';
export * from './guard.js';
export * from './preview.js';
export * from './flow.js';
export * from './triggers.js';
export * from './ledger.js';
