export { QkErrorEvent, type QkErrorDetail } from './qk-error.js';
export { QkFocusChangeEvent } from './qk-focus-change.js';
export { QkAdjustmentRequestEvent } from './qk-adjustment-request.js';
export { QkAdjustmentCommitEvent } from './qk-adjustment-commit.js';
export { QkFunnelChangeEvent, type QkFunnelChangeDetail } from './qk-funnel-change.js';
export { QkAlertEvent, type QkAlertDetail } from './qk-alert.js';
export { QkTargetChangeEvent, type QkTargetChangeDetail } from './qk-target-change.js';
export { QkReviewApplyEvent, type QkReviewApplyDetail, type QkReviewApplyStage } from './qk-review-apply.js';
export { QkIncentivePlanSaveEvent, type QkIncentivePlanSaveDetail } from './qk-incentive-plan-save.js';
