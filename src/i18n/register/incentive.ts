// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
import { registerMessages, registerStrings } from '../localize.js';
import { incentiveStrings } from '../sections/incentive.js';
import { incentiveMessages } from '../messages/incentive.js';
import { allocationMessages } from '../messages/allocation.js';

export function registerIncentiveStrings(): void {
  registerStrings('incentive', incentiveStrings);
  registerMessages(incentiveMessages);
  registerMessages(allocationMessages);
}
