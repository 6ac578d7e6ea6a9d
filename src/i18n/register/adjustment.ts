// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
import { registerMessages, registerStrings } from '../localize.js';
import { adjustmentStrings } from '../sections/adjustment.js';
import { adjustmentMessages } from '../messages/adjustment.js';
import { allocationMessages } from '../messages/allocation.js';
import { paceMessages } from '../messages/pace.js';

export function registerAdjustmentStrings(): void {
  registerStrings('adjustment', adjustmentStrings);
  registerMessages(adjustmentMessages);
  registerMessages(allocationMessages);
  registerMessages(paceMessages);
}
