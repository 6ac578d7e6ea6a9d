export { QkScorecard } from './scorecard.js';
