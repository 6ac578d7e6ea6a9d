// Size report: a page with two wrappers, imported one by one.
import { createRoot } from 'react-dom/client';
import { QkGoalTree } from 'quotakit/react/goal-tree';
import { QkAttainmentGauge } from 'quotakit/react/attainment-gauge';

createRoot(document.getElementById('app')!).render(
  <>
    <QkGoalTree />
    <QkAttainmentGauge />
  </>,
);
