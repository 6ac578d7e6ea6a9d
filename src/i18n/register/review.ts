// Registers the strings and error messages this element shows; importing it is enough.
import { registerMessages, registerStrings } from '../localize.js';
import { reviewStrings } from '../sections/review.js';
import { reviewMessages } from '../messages/review.js';
import { funnelMessages } from '../messages/funnel.js';

registerStrings('review', reviewStrings);
registerMessages(reviewMessages);
registerMessages(funnelMessages);
