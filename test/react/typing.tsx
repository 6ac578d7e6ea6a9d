/**
 * Compile-time checks of the React types (`npm run typecheck` compiles this file; nothing runs it).
 * Each `@ts-expect-error` is a binding that must NOT compile: were the types `any`, tsc would fail
 * on the unused directive.
 */
import { QkAttainmentGauge, QkGoalTree } from '../../src/react/index.js';
import { QkFunnelInverter } from '../../src/react/funnel-inverter.js';
import type {} from '../../src/react/jsx.js';
import type { QkAlertEvent } from '../../src/events/qk-alert.js';

export const ok = (
  <>
    <QkGoalTree expandDepth={2} onQkTargetChange={(e) => e.detail.newValue} onQkFocusChange={(e) => e.detail.nodeId} />
    <QkAttainmentGauge period="FY2026" onQkAlert={(e: QkAlertEvent) => e.detail.message} className="x" />
    <QkFunnelInverter onQkFunnelChange={(e) => e.detail} />
    <qk-attainment-gauge period="FY2026" onqk-alert={(e) => e.detail.message} />
    <qk-provider autosaveMs={0} onqk-error={(e) => e.detail.code} />
  </>
);

export const bad = (
  <>
    {/* @ts-expect-error not a property of qk-goal-tree */}
    <QkGoalTree notAProp={123} />
    {/* @ts-expect-error the handler gets a QkAlertEvent, not a number */}
    <QkAttainmentGauge onQkAlert={(e: number) => e} />
    {/* @ts-expect-error qk-pace-chart raises no qk-target-change */}
    <QkAttainmentGauge onQkTargetChange={() => {}} />
    {/* @ts-expect-error not a property of qk-goal-tree */}
    <qk-goal-tree notAProp={123} />
    {/* @ts-expect-error autosaveMs is a number */}
    <qk-provider autosaveMs="0" />
  </>
);
