export { QkReviewBoard, type ReviewBoardModel } from './review-board.js';
// The waterfall's geometry (pure).
export { layoutWaterfall, type WaterfallBar, type WaterfallLayout, type WaterfallOptions } from './review-board.layout.js';
