/**
 * `quotakit/react`: React wrappers of every QuotaKit element, made with `@lit/react`.
 *
 * Each wrapper renders the custom element, sets its properties (`data`, `store`, `thresholds`,
 * `inputs`, …) as DOM properties rather than attributes, and turns its events into typed `onQk…`
 * props. Importing this module registers the elements (guarded: a second copy never throws).
 *
 * @example
 * import { QkProvider, QkAttainmentGauge } from 'quotakit/react';
 * <QkProvider adapter={adapter} locale="zh-CN">
 *   <QkAttainmentGauge period="FY2026" onQkAlert={(e) => console.log(`${e.detail.nodeId}: ${e.detail.from} → ${e.detail.to}`, e.detail.message)} />
 * </QkProvider>
 */
import * as React from 'react';
import { createComponent as litCreateComponent, type EventName, type Options, type ReactWebComponent } from '@lit/react';
import '../define/index.js';
import '../define/qk-goal-tree.js';
import '../define/qk-funnel-inverter.js';
import '../define/qk-attainment-gauge.js';
import '../define/qk-pace-chart.js';
import '../define/qk-adjustment-panel.js';
import '../define/qk-incentive-calculator.js';
import '../define/qk-review-board.js';
import '../define/qk-scorecard.js';
import { QkProvider as QkProviderElement } from '../components/provider/provider.js';
import { QkGoalTree as QkGoalTreeElement } from '../components/goal-tree/goal-tree.js';
import { QkFunnelInverter as QkFunnelInverterElement } from '../components/funnel-inverter/funnel-inverter.js';
import { QkAttainmentGauge as QkAttainmentGaugeElement } from '../components/attainment-gauge/attainment-gauge.js';
import { QkPaceChart as QkPaceChartElement } from '../components/pace-chart/pace-chart.js';
import { QkAdjustmentPanel as QkAdjustmentPanelElement } from '../components/adjustment-panel/adjustment-panel.js';
import { QkIncentiveCalculator as QkIncentiveCalculatorElement } from '../components/incentive-calculator/incentive-calculator.js';
import { QkReviewBoard as QkReviewBoardElement } from '../components/review-board/review-board.js';
import { QkScorecard as QkScorecardElement } from '../components/scorecard/scorecard.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkFocusChangeEvent } from '../events/qk-focus-change.js';
import type { QkAlertEvent } from '../events/qk-alert.js';
import type { QkTargetChangeEvent } from '../events/qk-target-change.js';
import type { QkFunnelChangeEvent } from '../events/qk-funnel-change.js';
import type { QkAdjustmentRequestEvent } from '../events/qk-adjustment-request.js';
import type { QkAdjustmentCommitEvent } from '../events/qk-adjustment-commit.js';
import type { QkReviewApplyEvent } from '../events/qk-review-apply.js';

/**
 * `@lit/react`'s `createComponent`, plus: after unmount the element holds no reference to the app's
 * handlers. @lit/react leaves its listeners on the detached element; here they point at a stable
 * trampoline that forwards to the latest handler only while the component is mounted, so a host
 * that keeps the element (or an event fired late) never calls into an unmounted component.
 */
function createComponent<I extends HTMLElement, E extends Record<string, EventName | string>>(options: Options<I, E>): ReactWebComponent<I, E> {
  const Inner = litCreateComponent(options);
  const eventProps = Object.keys(options.events ?? {});
  const Outer = React.forwardRef<I, Record<string, unknown>>((props, ref) => {
    const latest = React.useRef<Record<string, unknown>>({});
    const trampolines = React.useRef<Record<string, (e: Event) => void>>({});
    const mounted = React.useRef(false);
    React.useEffect(() => {
      mounted.current = true;
      return () => {
        mounted.current = false;
      };
    }, []);
    const passed: Record<string, unknown> = { ...props, ref };
    for (const key of eventProps) {
      latest.current[key] = props[key];
      if (typeof props[key] !== 'function') continue;
      passed[key] = trampolines.current[key] ??= (e: Event) => {
        const handler = latest.current[key];
        if (mounted.current && typeof handler === 'function') handler(e);
      };
    }
    return React.createElement(Inner as React.ElementType, passed);
  });
  Outer.displayName = options.displayName ?? options.elementClass.name;
  return Outer as unknown as ReactWebComponent<I, E>;
}

const onError = { onQkError: 'qk-error' as EventName<QkErrorEvent> };
const onFocus = { onQkFocusChange: 'qk-focus-change' as EventName<QkFocusChangeEvent> };
const onAlert = { onQkAlert: 'qk-alert' as EventName<QkAlertEvent> };

/** `<qk-provider>`: the adapter, shared store and locale for the widgets inside. */
export const QkProvider = createComponent({
  react: React,
  tagName: 'qk-provider',
  elementClass: QkProviderElement,
  events: onError,
});

/** `<qk-goal-tree>`: the editable decomposition grid. */
export const QkGoalTree = createComponent({
  react: React,
  tagName: 'qk-goal-tree',
  elementClass: QkGoalTreeElement,
  events: { ...onError, ...onFocus, onQkTargetChange: 'qk-target-change' as EventName<QkTargetChangeEvent> },
});

/** `<qk-funnel-inverter>`: revenue target → activity per funnel stage. */
export const QkFunnelInverter = createComponent({
  react: React,
  tagName: 'qk-funnel-inverter',
  elementClass: QkFunnelInverterElement,
  events: { ...onError, onQkFunnelChange: 'qk-funnel-change' as EventName<QkFunnelChangeEvent> },
});

/** `<qk-attainment-gauge>`: attainment, gap, pace and forecast of one node and period. */
export const QkAttainmentGauge = createComponent({
  react: React,
  tagName: 'qk-attainment-gauge',
  elementClass: QkAttainmentGaugeElement,
  events: { ...onError, ...onAlert },
});

/** `<qk-pace-chart>`: cumulative actual against the expected curve, with the forecast cone. */
export const QkPaceChart = createComponent({
  react: React,
  tagName: 'qk-pace-chart',
  elementClass: QkPaceChartElement,
  events: { ...onError, ...onAlert },
});

/** `<qk-adjustment-panel>`: propose, preview, approve and audit target changes. */
export const QkAdjustmentPanel = createComponent({
  react: React,
  tagName: 'qk-adjustment-panel',
  elementClass: QkAdjustmentPanelElement,
  events: {
    ...onError,
    ...onFocus,
    onQkAdjustmentRequest: 'qk-adjustment-request' as EventName<QkAdjustmentRequestEvent>,
    onQkAdjustmentCommit: 'qk-adjustment-commit' as EventName<QkAdjustmentCommitEvent>,
  },
});

/** `<qk-incentive-calculator>`: what reaching the target is worth. */
export const QkIncentiveCalculator = createComponent({
  react: React,
  tagName: 'qk-incentive-calculator',
  elementClass: QkIncentiveCalculatorElement,
  events: { ...onError, ...onFocus },
});

/** `<qk-review-board>`: plan vs actual per KPI and the gap per funnel factor. */
export const QkReviewBoard = createComponent({
  react: React,
  tagName: 'qk-review-board',
  elementClass: QkReviewBoardElement,
  events: { ...onError, onQkReviewApply: 'qk-review-apply' as EventName<QkReviewApplyEvent> },
});

/** `<qk-scorecard>`: process and quality KPIs per person. */
export const QkScorecard = createComponent({
  react: React,
  tagName: 'qk-scorecard',
  elementClass: QkScorecardElement,
  events: { ...onError, ...onFocus },
});
