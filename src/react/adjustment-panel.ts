/**
 * `quotakit/react/adjustment-panel`: the React wrapper of `<qk-adjustment-panel>`. Propose, preview, approve and audit target changes.
 * Importing it registers `<qk-adjustment-panel>` only, so a page pays for the elements it uses.
 */
import '../define/qk-adjustment-panel.js';
import { QkAdjustmentPanel as QkAdjustmentPanelElement } from '../components/adjustment-panel/adjustment-panel.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkFocusChangeEvent } from '../events/qk-focus-change.js';
import type { QkAdjustmentRequestEvent } from '../events/qk-adjustment-request.js';
import type { QkAdjustmentCommitEvent } from '../events/qk-adjustment-commit.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-adjustment-panel>`, by the wrapper prop that receives them. */
export interface QkAdjustmentPanelEvents {
  onQkError: QkErrorEvent;
  onQkFocusChange: QkFocusChangeEvent;
  onQkAdjustmentRequest: QkAdjustmentRequestEvent;
  onQkAdjustmentCommit: QkAdjustmentCommitEvent;
}

export type QkAdjustmentPanelProps = QkWrapperProps<QkAdjustmentPanelElement, QkAdjustmentPanelEvents>;

/** `<qk-adjustment-panel>`: Propose, preview, approve and audit target changes. */
export const QkAdjustmentPanel = createQkComponent<QkAdjustmentPanelElement, QkAdjustmentPanelEvents>({
  tagName: 'qk-adjustment-panel',
  elementClass: QkAdjustmentPanelElement,
  events: {
    onQkError: 'qk-error',
    onQkFocusChange: 'qk-focus-change',
    onQkAdjustmentRequest: 'qk-adjustment-request',
    onQkAdjustmentCommit: 'qk-adjustment-commit',
  },
  displayName: 'QkAdjustmentPanel',
});
