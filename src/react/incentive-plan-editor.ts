/**
 * `quotakit/react/incentive-plan-editor`: the React wrapper of `<qk-incentive-plan-editor>`. Edit, validate, preview and save the commission plan.
 * Importing it registers `<qk-incentive-plan-editor>` only, so a page pays for the elements it uses.
 */
import '../define/qk-incentive-plan-editor.js';
import { QkIncentivePlanEditor as QkIncentivePlanEditorElement } from '../components/incentive-plan-editor/incentive-plan-editor.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkIncentivePlanSaveEvent } from '../events/qk-incentive-plan-save.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-incentive-plan-editor>`, by the wrapper prop that receives them. */
export interface QkIncentivePlanEditorEvents {
  onQkIncentivePlanSave: QkIncentivePlanSaveEvent;
  onQkError: QkErrorEvent;
}

export type QkIncentivePlanEditorProps = QkWrapperProps<QkIncentivePlanEditorElement, QkIncentivePlanEditorEvents>;

/** `<qk-incentive-plan-editor>`: Edit, validate, preview and save the commission plan. */
export const QkIncentivePlanEditor = createQkComponent<QkIncentivePlanEditorElement, QkIncentivePlanEditorEvents>({
  tagName: 'qk-incentive-plan-editor',
  elementClass: QkIncentivePlanEditorElement,
  events: {
    onQkIncentivePlanSave: 'qk-incentive-plan-save',
    onQkError: 'qk-error',
  },
  displayName: 'QkIncentivePlanEditor',
});
