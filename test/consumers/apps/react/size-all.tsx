// Size report: all nine wrappers through the all-in-one quotakit/react.
import { createRoot } from 'react-dom/client';
import {
  QkProvider,
  QkGoalTree,
  QkAttainmentGauge,
  QkFunnelInverter,
  QkPaceChart,
  QkAdjustmentPanel,
  QkIncentiveCalculator,
  QkReviewBoard,
  QkScorecard,
} from 'quotakit/react';

createRoot(document.getElementById('app')!).render(
  <QkProvider>
    <QkGoalTree />
    <QkAttainmentGauge />
    <QkFunnelInverter />
    <QkPaceChart />
    <QkAdjustmentPanel />
    <QkIncentiveCalculator />
    <QkReviewBoard />
    <QkScorecard />
  </QkProvider>,
);
