// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
import { registerMessages, registerStrings } from '../localize.js';
import { goalTreeStrings } from '../sections/goal-tree.js';
import { allocationMessages } from '../messages/allocation.js';
import { goalGridMessages } from '../messages/goal-grid.js';
import { csvMessages } from '../messages/csv.js';

export function registerGoalTreeStrings(): void {
  registerStrings('goalTree', goalTreeStrings);
  registerMessages(allocationMessages);
  registerMessages(goalGridMessages);
  registerMessages(csvMessages);
}
