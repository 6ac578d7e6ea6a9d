// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
import { registerMessages, registerStrings } from '../localize.js';
import { reviewStrings } from '../sections/review.js';
import { reviewMessages } from '../messages/review.js';
import { funnelMessages } from '../messages/funnel.js';

export function registerReviewStrings(): void {
  registerStrings('review', reviewStrings);
  registerMessages(reviewMessages);
  registerMessages(funnelMessages);
}
