/**
 * `quotakit/react/goal-tree`: the React wrapper of `<qk-goal-tree>`. The editable decomposition grid.
 * Importing it registers `<qk-goal-tree>` only, so a page pays for the elements it uses.
 */
import '../define/qk-goal-tree.js';
import { QkGoalTree as QkGoalTreeElement } from '../components/goal-tree/goal-tree.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkFocusChangeEvent } from '../events/qk-focus-change.js';
import type { QkTargetChangeEvent } from '../events/qk-target-change.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-goal-tree>`, by the wrapper prop that receives them. */
export interface QkGoalTreeEvents {
  onQkError: QkErrorEvent;
  onQkFocusChange: QkFocusChangeEvent;
  onQkTargetChange: QkTargetChangeEvent;
}

export type QkGoalTreeProps = QkWrapperProps<QkGoalTreeElement, QkGoalTreeEvents>;

/** `<qk-goal-tree>`: The editable decomposition grid. */
export const QkGoalTree = createQkComponent<QkGoalTreeElement, QkGoalTreeEvents>({
  tagName: 'qk-goal-tree',
  elementClass: QkGoalTreeElement,
  events: {
    onQkError: 'qk-error',
    onQkFocusChange: 'qk-focus-change',
    onQkTargetChange: 'qk-target-change',
  },
  displayName: 'QkGoalTree',
});
