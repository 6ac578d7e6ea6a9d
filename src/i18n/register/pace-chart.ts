// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
import { registerMessages, registerStrings } from '../localize.js';
import { paceChartStrings } from '../sections/pace-chart.js';
import { gaugeStrings } from '../sections/gauge.js';
import { paceMessages } from '../messages/pace.js';

export function registerPaceChartStrings(): void {
  registerStrings('paceChart', paceChartStrings);
  // The pace chart shares the gauge's base and its no-target / unknown-node messages.
  registerStrings('gauge', gaugeStrings);
  registerMessages(paceMessages);
}
