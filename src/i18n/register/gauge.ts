// Registers the strings and error messages this element shows; importing it is enough.
import { registerMessages, registerStrings } from '../localize.js';
import { gaugeStrings } from '../sections/gauge.js';
import { paceMessages } from '../messages/pace.js';

registerStrings('gauge', gaugeStrings);
registerMessages(paceMessages);
