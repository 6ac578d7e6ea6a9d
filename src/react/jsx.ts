/**
 * `quotakit/react/jsx`: types for React 19's native custom elements, without wrappers.
 *
 * React 19 sets a prop as a DOM property when the element has it (`data`, `autosaveMs`, …) and
 * adds a listener for a prop `on<event-name>` (`onqk-alert`). Register the elements you use, then
 * bring these types in once (a type-only import, nothing at run time):
 *
 * @example
 * import 'quotakit/define/qk-attainment-gauge';
 * import type {} from 'quotakit/react/jsx';
 * <qk-attainment-gauge period="FY2026" data={company} onqk-alert={(e) => console.log(e.detail.message)} />
 */
import type * as React from 'react';
import type { QkProvider } from '../components/provider/provider.js';
import type { QkGoalTree } from '../components/goal-tree/goal-tree.js';
import type { QkFunnelInverter } from '../components/funnel-inverter/funnel-inverter.js';
import type { QkAttainmentGauge } from '../components/attainment-gauge/attainment-gauge.js';
import type { QkPaceChart } from '../components/pace-chart/pace-chart.js';
import type { QkAdjustmentPanel } from '../components/adjustment-panel/adjustment-panel.js';
import type { QkIncentiveCalculator } from '../components/incentive-calculator/incentive-calculator.js';
import type { QkIncentivePlanEditor } from '../components/incentive-plan-editor/incentive-plan-editor.js';
import type { QkReviewBoard } from '../components/review-board/review-board.js';
import type { QkScorecard } from '../components/scorecard/scorecard.js';
import type { QkElementProps } from './create-component.js';
import type { QkProviderEvents } from './provider.js';
import type { QkGoalTreeEvents } from './goal-tree.js';
import type { QkFunnelInverterEvents } from './funnel-inverter.js';
import type { QkAttainmentGaugeEvents } from './attainment-gauge.js';
import type { QkPaceChartEvents } from './pace-chart.js';
import type { QkAdjustmentPanelEvents } from './adjustment-panel.js';
import type { QkIncentiveCalculatorEvents } from './incentive-calculator.js';
import type { QkIncentivePlanEditorEvents } from './incentive-plan-editor.js';
import type { QkReviewBoardEvents } from './review-board.js';
import type { QkScorecardEvents } from './scorecard.js';

/** `onQkFocusChange` → `onqk-focus-change`: the prop React 19 turns into a listener. */
type NativeEventName<P> = P extends `onQk${infer Rest}` ? `onqk${Kebab<Rest>}` : never;
type Kebab<S extends string> = S extends `${infer C}${infer Rest}` ? `${C extends Uppercase<C> ? `-${Lowercase<C>}` : C}${Kebab<Rest>}` : S;

/** The JSX props of a QuotaKit tag under React 19. */
export type QkNativeProps<E extends HTMLElement, Events> = QkElementProps<E> &
  { [P in keyof Events as NativeEventName<P>]?: (event: Events[P]) => void } &
  Omit<React.DetailedHTMLProps<React.HTMLAttributes<E>, E>, keyof QkElementProps<E>>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'qk-provider': QkNativeProps<QkProvider, QkProviderEvents>;
      'qk-goal-tree': QkNativeProps<QkGoalTree, QkGoalTreeEvents>;
      'qk-funnel-inverter': QkNativeProps<QkFunnelInverter, QkFunnelInverterEvents>;
      'qk-attainment-gauge': QkNativeProps<QkAttainmentGauge, QkAttainmentGaugeEvents>;
      'qk-pace-chart': QkNativeProps<QkPaceChart, QkPaceChartEvents>;
      'qk-adjustment-panel': QkNativeProps<QkAdjustmentPanel, QkAdjustmentPanelEvents>;
      'qk-incentive-calculator': QkNativeProps<QkIncentiveCalculator, QkIncentiveCalculatorEvents>;
      'qk-incentive-plan-editor': QkNativeProps<QkIncentivePlanEditor, QkIncentivePlanEditorEvents>;
      'qk-review-board': QkNativeProps<QkReviewBoard, QkReviewBoardEvents>;
      'qk-scorecard': QkNativeProps<QkScorecard, QkScorecardEvents>;
    }
  }
}
