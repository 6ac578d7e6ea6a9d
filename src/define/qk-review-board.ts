import { QkReviewBoard } from '../components/review-board/review-board.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-review-board', QkReviewBoard);

declare global {
  interface HTMLElementTagNameMap {
    'qk-review-board': QkReviewBoard;
  }
}
