// Registers the strings and error messages this element shows; importing it is enough.
import { registerMessages, registerStrings } from '../localize.js';
import { goalTreeStrings } from '../sections/goal-tree.js';
import { allocationMessages } from '../messages/allocation.js';
import { goalGridMessages } from '../messages/goal-grid.js';
import { csvMessages } from '../messages/csv.js';

registerStrings('goalTree', goalTreeStrings);
registerMessages(allocationMessages);
registerMessages(goalGridMessages);
registerMessages(csvMessages);
