/**
 * `quotakit/react/scorecard`: the React wrapper of `<qk-scorecard>`. Process and quality KPIs per person.
 * Importing it registers `<qk-scorecard>` only, so a page pays for the elements it uses.
 */
import '../define/qk-scorecard.js';
import { QkScorecard as QkScorecardElement } from '../components/scorecard/scorecard.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkFocusChangeEvent } from '../events/qk-focus-change.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-scorecard>`, by the wrapper prop that receives them. */
export interface QkScorecardEvents {
  onQkError: QkErrorEvent;
  onQkFocusChange: QkFocusChangeEvent;
}

export type QkScorecardProps = QkWrapperProps<QkScorecardElement, QkScorecardEvents>;

/** `<qk-scorecard>`: Process and quality KPIs per person. */
export const QkScorecard = createQkComponent<QkScorecardElement, QkScorecardEvents>({
  tagName: 'qk-scorecard',
  elementClass: QkScorecardElement,
  events: {
    onQkError: 'qk-error',
    onQkFocusChange: 'qk-focus-change',
  },
  displayName: 'QkScorecard',
});
