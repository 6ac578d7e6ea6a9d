import { QkGoalTree } from '../components/goal-tree/goal-tree.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-goal-tree', QkGoalTree);

declare global {
  interface HTMLElementTagNameMap {
    'qk-goal-tree': QkGoalTree;
  }
}
