import { QkPaceChart } from '../components/pace-chart/pace-chart.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-pace-chart', QkPaceChart);

declare global {
  interface HTMLElementTagNameMap {
    'qk-pace-chart': QkPaceChart;
  }
}
