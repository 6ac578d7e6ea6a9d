// Registers the strings and error messages this element shows; importing it is enough.
import { registerMessages, registerStrings } from '../localize.js';
import { incentiveStrings } from '../sections/incentive.js';
import { incentiveMessages } from '../messages/incentive.js';
import { allocationMessages } from '../messages/allocation.js';

registerStrings('incentive', incentiveStrings);
registerMessages(incentiveMessages);
registerMessages(allocationMessages);
