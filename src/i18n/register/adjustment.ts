// Registers the strings and error messages this element shows; importing it is enough.
import { registerMessages, registerStrings } from '../localize.js';
import { adjustmentStrings } from '../sections/adjustment.js';
import { adjustmentMessages } from '../messages/adjustment.js';
import { allocationMessages } from '../messages/allocation.js';
import { paceMessages } from '../messages/pace.js';

registerStrings('adjustment', adjustmentStrings);
registerMessages(adjustmentMessages);
registerMessages(allocationMessages);
registerMessages(paceMessages);
