import { QkAdjustmentPanel } from '../components/adjustment-panel/adjustment-panel.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-adjustment-panel', QkAdjustmentPanel);

declare global {
  interface HTMLElementTagNameMap {
    'qk-adjustment-panel': QkAdjustmentPanel;
  }
}
