// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
import { registerMessages, registerStrings } from '../localize.js';
import { funnelStrings } from '../sections/funnel.js';
import { funnelMessages } from '../messages/funnel.js';
import { allocationMessages } from '../messages/allocation.js';

export function registerFunnelStrings(): void {
  registerStrings('funnel', funnelStrings);
  registerMessages(funnelMessages);
  registerMessages(allocationMessages);
}
