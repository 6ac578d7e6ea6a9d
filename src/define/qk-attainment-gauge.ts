import { QkAttainmentGauge } from '../components/attainment-gauge/attainment-gauge.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-attainment-gauge', QkAttainmentGauge);

declare global {
  interface HTMLElementTagNameMap {
    'qk-attainment-gauge': QkAttainmentGauge;
  }
}
