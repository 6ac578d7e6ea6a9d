// QuotaKit in a React 19 app: the wrappers of `quotakit/react` take properties and `onQk…` events.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  QkProvider,
  QkAttainmentGauge,
  QkPaceChart,
  QkGoalTree,
  QkFunnelInverter,
  QkIncentiveCalculator,
  QkIncentivePlanEditor,
  QkReviewBoard,
  QkScorecard,
  QkAdjustmentPanel,
} from '../../src/react/index.js';

function Dashboard() {
  const [focus, setFocus] = useState('—');
  const [alerts, setAlerts] = useState(0);
  const [edits, setEdits] = useState(0);
  const [last, setLast] = useState('—');
  return (
    <QkProvider sample locale="en" asOf="2026-03-11" autosaveMs={0} onQkError={(e) => console.error(e.detail.message)}>
      <p>
        Focus: <output id="focus">{focus}</output> · Alerts: <output id="alerts">{alerts}</output> · Edited cells:{' '}
        <output id="edits">{edits}</output> · Last event: <output id="last-event">{last}</output>
      </p>
      <main className="grid">
        <QkAttainmentGauge period="FY2026" onQkAlert={() => setAlerts((n) => n + 1)} />
        <QkPaceChart period="FY2026" />
        <QkGoalTree
          className="wide"
          onQkFocusChange={(e) => setFocus(e.detail.nodeId ?? '')}
          onQkTargetChange={(e) => {
            setEdits((n) => n + 1);
            setLast(`${e.type} ${e.detail.nodeId}`);
          }}
        />
        <QkFunnelInverter onQkFunnelChange={(e) => setLast(`${e.type} ${e.detail.nodeId}`)} />
        <QkIncentiveCalculator />
        <QkIncentivePlanEditor />
        <QkReviewBoard className="wide" />
        <QkScorecard className="wide" />
        <QkAdjustmentPanel className="wide" onQkAdjustmentCommit={(e) => setLast(`${e.type} ${e.detail.action}`)} />
      </main>
    </QkProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Dashboard />
  </StrictMode>,
);
