import { QkFunnelInverter } from '../components/funnel-inverter/funnel-inverter.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-funnel-inverter', QkFunnelInverter);

declare global {
  interface HTMLElementTagNameMap {
    'qk-funnel-inverter': QkFunnelInverter;
  }
}
