/**
 * `quotakit/react/review-board`: the React wrapper of `<qk-review-board>`. Plan vs actual per KPI and the gap per funnel factor.
 * Importing it registers `<qk-review-board>` only, so a page pays for the elements it uses.
 */
import '../define/qk-review-board.js';
import { QkReviewBoard as QkReviewBoardElement } from '../components/review-board/review-board.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkReviewApplyEvent } from '../events/qk-review-apply.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-review-board>`, by the wrapper prop that receives them. */
export interface QkReviewBoardEvents {
  onQkError: QkErrorEvent;
  onQkReviewApply: QkReviewApplyEvent;
}

export type QkReviewBoardProps = QkWrapperProps<QkReviewBoardElement, QkReviewBoardEvents>;

/** `<qk-review-board>`: Plan vs actual per KPI and the gap per funnel factor. */
export const QkReviewBoard = createQkComponent<QkReviewBoardElement, QkReviewBoardEvents>({
  tagName: 'qk-review-board',
  elementClass: QkReviewBoardElement,
  events: {
    onQkError: 'qk-error',
    onQkReviewApply: 'qk-review-apply',
  },
  displayName: 'QkReviewBoard',
});
