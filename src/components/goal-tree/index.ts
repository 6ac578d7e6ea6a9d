export { QkGoalTree } from './goal-tree.js';
