// Registers the strings and error messages this element shows; importing it is enough.
import { registerMessages, registerStrings } from '../localize.js';
import { funnelStrings } from '../sections/funnel.js';
import { funnelMessages } from '../messages/funnel.js';
import { allocationMessages } from '../messages/allocation.js';

registerStrings('funnel', funnelStrings);
registerMessages(funnelMessages);
registerMessages(allocationMessages);
