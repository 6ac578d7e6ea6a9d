import { QkIncentivePlanEditor } from '../components/incentive-plan-editor/incentive-plan-editor.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-incentive-plan-editor', QkIncentivePlanEditor);

declare global {
  interface HTMLElementTagNameMap {
    'qk-incentive-plan-editor': QkIncentivePlanEditor;
  }
}
