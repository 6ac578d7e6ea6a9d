// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
import { registerMessages, registerStrings } from '../localize.js';
import { scorecardStrings } from '../sections/scorecard.js';
import { reviewMessages } from '../messages/review.js';
import { funnelMessages } from '../messages/funnel.js';

export function registerScorecardStrings(): void {
  registerStrings('scorecard', scorecardStrings);
  registerMessages(reviewMessages);
  registerMessages(funnelMessages);
}
