/**
 * One real event of every kind the elements fire, built with its own class from src/events (with
 * the payload an element would put in it), for the React and Vue tests to dispatch from an element
 * and check that the host's handler receives exactly that event object.
 */
import { createAdjustment } from '../../src/engine/adjustment/index.js';
import { computeFunnel, type FunnelInputs } from '../../src/engine/funnel/view.js';
import { SAMPLE_COMMISSION_PLAN } from '../../src/engine/incentive/plan.js';
import {
  QkAdjustmentCommitEvent,
  QkAdjustmentRequestEvent,
  QkAlertEvent,
  QkErrorEvent,
  QkFocusChangeEvent,
  QkFunnelChangeEvent,
  QkIncentivePlanSaveEvent,
  QkReviewApplyEvent,
  QkTargetChangeEvent,
} from '../../src/events/index.js';

/** 李强 leaves on 30 June: his July target goes to 王芳 (the worked example of `createAdjustment`). */
function request() {
  const r = createAdjustment({
    id: 'adj-1',
    planId: 'plan-fy2026',
    nodeId: 'r2',
    metric: 'revenue',
    periods: ['2026-07'],
    change: { kind: 'value', value: 0 },
    trigger: 'personnel-change',
    reason: '李强 leaves on 30 June',
    absorption: { mode: 'recipients', recipients: ['r1'] },
    requesterId: 'u-east',
    at: '2026-06-20T09:00:00Z',
  });
  if (!r.ok) throw new Error(`test fixture: ${r.error.message}`);
  return r.value;
}

/** ¥1,000,000 at ¥50,000 a deal through lead → deal (20%) → won (50%). */
function funnel() {
  const inputs: FunnelInputs = {
    target: 100_000_000,
    avgDealSize: 5_000_000,
    stages: [{ id: 'lead', rate: 0.2, avgDays: 10 }, { id: 'deal', rate: 0.5, avgDays: 20 }, { id: 'won' }],
    confidence: 0.8,
  };
  const results = computeFunnel(inputs);
  if (!results.ok) throw new Error(`test fixture: ${results.error.message}`);
  return { nodeId: 'east', period: 'FY2026', inputs, results: results.value };
}

const makers: Record<string, () => Event> = {
  'qk-error': () => new QkErrorEvent({ code: 'network', message: 'The CRM did not answer.', source: 'adapter' }),
  'qk-focus-change': () => new QkFocusChangeEvent({ nodeId: 'east', period: 'FY2026', metric: 'revenue', product: null }),
  'qk-target-change': () =>
    new QkTargetChangeEvent({ nodeId: 'east-sh', period: 'FY2026', metric: 'revenue', product: null, oldValue: 400_000_000, newValue: 450_000_000, source: 'manual' }),
  'qk-alert': () =>
    new QkAlertEvent({
      key: 'revenue|FY2026|east',
      nodeId: 'east',
      metric: 'revenue',
      period: 'FY2026',
      from: 'on-track',
      to: 'at-risk',
      direction: 'worsened',
      reason: 'pace-low',
      params: { pace: 0.875, threshold: 0.95 },
      message: 'Pace is 87.5% of the expected progress, below 95%.',
    }),
  'qk-funnel-change': () => new QkFunnelChangeEvent(funnel()),
  'qk-adjustment-request': () => new QkAdjustmentRequestEvent({ action: 'submit', request: { ...request(), status: 'pending' } }),
  'qk-review-apply': () =>
    new QkReviewApplyEvent({
      nodeId: 'east',
      period: 'FY2026',
      rates: [{ id: 'lead', rate: 0.2 }, { id: 'deal', rate: 0.5 }, { id: 'won' }],
      avgDealSize: 5_000_000,
      nextTarget: 100_000_000,
    }),
  'qk-incentive-plan-save': () => new QkIncentivePlanSaveEvent({ version: 2, plan: SAMPLE_COMMISSION_PLAN }),
  'qk-adjustment-commit': () => new QkAdjustmentCommitEvent({ action: 'submit', request: { ...request(), status: 'pending' } }),
};

/** A fresh event of `type`, of its own class; throws for a type this file does not know yet (add it). */
export function sampleEvent(type: string): Event {
  const make = makers[type];
  if (!make) throw new Error(`test/embed/events.ts has no sample "${type}" event: add one`);
  return make();
}
