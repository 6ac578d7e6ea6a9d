export { QkReviewBoard, type ReviewBoardModel } from './review-board.js';
