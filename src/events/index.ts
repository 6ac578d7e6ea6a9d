export { QkErrorEvent, type QkErrorDetail } from './qk-error.js';
export { QkFocusChangeEvent } from './qk-focus-change.js';
