// A React 19 app as a CRM vendor writes it, against the installed tarball only. It renders the
// per-element wrappers, the all-in-one is measured apart (size.tsx); the checks run in the page and
// end in window.__qkResult, which test/consumers/browser.mjs reads after driving one real edit.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { QkProvider } from 'quotakit/react/provider';
import { QkGoalTree } from 'quotakit/react/goal-tree';
import { QkAttainmentGauge } from 'quotakit/react/attainment-gauge';
import { QkFunnelInverter, QkPaceChart, QkAdjustmentPanel, QkIncentiveCalculator, QkReviewBoard, QkScorecard } from 'quotakit/react';
import 'quotakit/define/qk-attainment-gauge.js';
import type {} from 'quotakit/react/jsx';
import { MemoryAdapter } from 'quotakit/adapters';
import { generateSampleCompany } from 'quotakit/sample-data';
import type {
  QkAlertEvent,
  QkErrorEvent,
  QkFocusChangeEvent,
  QkTargetChangeEvent,
  QkFunnelChangeEvent,
  QkAdjustmentRequestEvent,
  QkAdjustmentCommitEvent,
  QkReviewApplyEvent,
} from 'quotakit';

type Log = Record<string, string[]>;
const log: Log = {};
const note = (where: string, e: Event) => (log[where] ??= []).push(e.type);

// Every handler is typed by the wrapper: e.detail has the event's own payload type.
const onError = (where: string) => (e: QkErrorEvent) => note(`${where}:${e.detail.code}`, e);
const company = generateSampleCompany();
const failing = new MemoryAdapter(company.plan, company.actuals, { failNext: 'forbidden' });

function App() {
  const [changes, setChanges] = useState(0);
  return (
    <>
      <QkProvider sample locale="en" asOf="2026-03-11" autosaveMs={0} onQkError={onError('provider')}>
        <QkGoalTree
          id="tree"
          granularity="year"
          expandDepth={1}
          onQkTargetChange={(e: QkTargetChangeEvent) => {
            note('tree:target', e);
            setChanges((n) => n + (e.detail.newValue === null ? 0 : 1));
          }}
          onQkFocusChange={(e: QkFocusChangeEvent) => note(`tree:focus:${e.detail.nodeId}`, e)}
          onQkError={onError('tree')}
        />
        <QkAttainmentGauge id="gauge" period="FY2026" onQkAlert={(e: QkAlertEvent) => note(`gauge:alert:${e.detail.to}`, e)} onQkError={onError('gauge')} />
        <QkFunnelInverter id="funnel" onQkFunnelChange={(e: QkFunnelChangeEvent) => note('funnel:change', e)} onQkError={onError('funnel')} />
        <QkPaceChart id="pace" period="FY2026" onQkAlert={(e: QkAlertEvent) => note('pace:alert', e)} onQkError={onError('pace')} />
        <QkAdjustmentPanel
          id="adjust"
          onQkAdjustmentRequest={(e: QkAdjustmentRequestEvent) => note('adjust:request', e)}
          onQkAdjustmentCommit={(e: QkAdjustmentCommitEvent) => note('adjust:commit', e)}
          onQkFocusChange={(e: QkFocusChangeEvent) => note('adjust:focus', e)}
          onQkError={onError('adjust')}
        />
        <QkIncentiveCalculator id="incentive" onQkFocusChange={(e) => note('incentive:focus', e)} onQkError={onError('incentive')} />
        <QkReviewBoard id="review" onQkReviewApply={(e: QkReviewApplyEvent) => note('review:apply', e)} onQkError={onError('review')} />
        <QkScorecard id="scorecard" onQkFocusChange={(e) => note('scorecard:focus', e)} onQkError={onError('scorecard')} />
      </QkProvider>
      {/* An adapter that answers at once and fails the first load: the error must reach onQkError. */}
      <QkProvider adapter={failing} locale="en" onQkError={onError('failing')}>
        <QkAttainmentGauge period="FY2026" />
      </QkProvider>
      {/* React 19's own custom-element support, typed through quotakit/react/jsx. */}
      <qk-attainment-gauge id="native" lang="en" period="FY2026" data={company} onqk-alert={(e) => note(`native:alert:${e.detail.to}`, e)} />
      <output id="changes">{changes}</output>
    </>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

declare global {
  interface Window {
    __qkLog: Log;
  }
}
window.__qkLog = log;
