// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
import { registerMessages, registerStrings } from '../localize.js';
import { gaugeStrings } from '../sections/gauge.js';
import { paceMessages } from '../messages/pace.js';

export function registerGaugeStrings(): void {
  registerStrings('gauge', gaugeStrings);
  registerMessages(paceMessages);
}
