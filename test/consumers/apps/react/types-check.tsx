// Compile-time only: bindings that must not compile. If the wrappers were `any` (the defect with
// skipLibCheck: true and @lit/react missing), tsc would report each directive as unused.
import { QkGoalTree } from 'quotakit/react/goal-tree';
import { QkAttainmentGauge } from 'quotakit/react';
import type {} from 'quotakit/react/jsx';

export const bad = (
  <>
    {/* @ts-expect-error not a property */}
    <QkGoalTree notAProp={123} />
    {/* @ts-expect-error the handler gets a QkAlertEvent */}
    <QkAttainmentGauge onQkAlert={(e: number) => e} />
    {/* @ts-expect-error not a property of the native element */}
    <qk-goal-tree notAProp={123} />
    {/* @ts-expect-error autosaveMs is a number */}
    <qk-provider autosaveMs="0" />
  </>
);
