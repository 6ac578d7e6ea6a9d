// Registers the strings and error messages this element shows; importing it is enough.
import { registerMessages, registerStrings } from '../localize.js';
import { scorecardStrings } from '../sections/scorecard.js';
import { reviewMessages } from '../messages/review.js';
import { funnelMessages } from '../messages/funnel.js';

registerStrings('scorecard', scorecardStrings);
registerMessages(reviewMessages);
registerMessages(funnelMessages);
