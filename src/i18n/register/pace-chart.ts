// Registers the strings and error messages this element shows; importing it is enough.
import { registerMessages, registerStrings } from '../localize.js';
import { paceChartStrings } from '../sections/pace-chart.js';
import { gaugeStrings } from '../sections/gauge.js';
import { paceMessages } from '../messages/pace.js';

registerStrings('paceChart', paceChartStrings);
// The pace chart shares the gauge's base and its no-target / unknown-node messages.
registerStrings('gauge', gaugeStrings);
registerMessages(paceMessages);
