import { expect } from '@open-wc/testing';
import {
  alertKey,
  assessStatus,
  DEFAULT_STATUS_THRESHOLDS,
  evaluateAlerts,
  nextStatuses,
  statusOf,
  statusThresholds,
  type StatusObservation,
} from '../../../src/engine/pace/status.js';

describe('statusOf', () => {
  it('applies the documented default bands', () => {
    expect(DEFAULT_STATUS_THRESHOLDS).to.deep.equal({ onTrackPace: 0.95, onTrackForecast: 1, offTrackPace: 0.8, offTrackForecast: 0.85, minElapsedShare: 0.1 });
    expect(statusOf({ paceIndex: 0.95, forecastRatio: 1 })).to.equal('on-track'); // both bounds are inclusive
    expect(statusOf({ paceIndex: 0.949, forecastRatio: 1.2 })).to.equal('at-risk');
    expect(statusOf({ paceIndex: 1.1, forecastRatio: 0.99 })).to.equal('at-risk');
    expect(statusOf({ paceIndex: 0.8, forecastRatio: 0.85 })).to.equal('at-risk'); // on the off-track bounds, not below
    expect(statusOf({ paceIndex: 0.79, forecastRatio: 1.5 })).to.equal('off-track');
    expect(statusOf({ paceIndex: 1.2, forecastRatio: 0.84 })).to.equal('off-track');
  });

  it('leaves out a measure that does not apply', () => {
    expect(statusOf({ paceIndex: null, forecastRatio: 0.9 })).to.equal('at-risk');
    expect(statusOf({ paceIndex: 0.7, forecastRatio: null })).to.equal('off-track');
    expect(assessStatus({ paceIndex: null, forecastRatio: null })).to.deep.equal({ status: 'on-track', reason: 'no-data', params: {} });
    expect(statusOf({ paceIndex: Number.NaN, forecastRatio: 1 })).to.equal('on-track');
  });

  it('gives the reason: the first missed bound, pace before forecast', () => {
    expect(assessStatus({ paceIndex: 0.9, forecastRatio: 1.02 })).to.deep.equal({ status: 'at-risk', reason: 'pace-low', params: { value: 0.9, threshold: 0.95 } });
    expect(assessStatus({ paceIndex: 0.9, forecastRatio: 0.5 })).to.deep.equal({ status: 'off-track', reason: 'forecast-low', params: { value: 0.5, threshold: 0.85 } });
    expect(assessStatus({ paceIndex: 1, forecastRatio: 1 }).reason).to.equal('on-pace');
  });

  it('takes configured thresholds', () => {
    const strict = { onTrackPace: 1, offTrackPace: 0.9 };
    expect(statusOf({ paceIndex: 0.97, forecastRatio: 1.1 }, strict)).to.equal('at-risk');
    expect(statusOf({ paceIndex: 0.89, forecastRatio: 1.1 }, strict)).to.equal('off-track');
  });

  it('validates thresholds', () => {
    expect(statusThresholds({ onTrackPace: 1 })).to.deep.equal({ ok: true, value: { ...DEFAULT_STATUS_THRESHOLDS, onTrackPace: 1 } });
    const bad = statusThresholds({ offTrackForecast: Number.NaN });
    expect(!bad.ok && bad.error.code).to.equal('status-thresholds-invalid');
    const order = statusThresholds({ offTrackPace: 0.99 });
    expect(!order.ok && order.error.code).to.equal('status-thresholds-order');
    expect(!order.ok && order.error.params).to.deep.equal({ metric: 'pace' });
  });
});

describe('evaluateAlerts', () => {
  const obs = (nodeId: string, status: StatusObservation['status'], reason = 'pace-low'): StatusObservation =>
    ({ nodeId, metric: 'revenue', period: '2026-04', status, reason, params: { value: 0.9, threshold: 0.95 } });

  it('raises one alert per change and none when unchanged', () => {
    const previous = { [alertKey('a', 'revenue', '2026-04')]: 'on-track' as const, [alertKey('b', 'revenue', '2026-04')]: 'at-risk' as const };
    const alerts = evaluateAlerts(previous, [obs('a', 'at-risk'), obs('b', 'at-risk')]);
    expect(alerts).to.deep.equal([{
      key: 'revenue|2026-04|a', nodeId: 'a', metric: 'revenue', period: '2026-04',
      from: 'on-track', to: 'at-risk', direction: 'worsened', reason: 'pace-low', params: { value: 0.9, threshold: 0.95 },
    }]);
  });

  it('tells a worsening from an improvement', () => {
    const previous = { 'revenue|2026-04|a': 'off-track' as const, 'revenue|2026-04|b': 'at-risk' as const };
    const alerts = evaluateAlerts(previous, [obs('a', 'at-risk'), obs('b', 'off-track', 'forecast-low')]);
    expect(alerts.map((a) => [a.nodeId, a.from, a.to, a.direction, a.reason])).to.deep.equal([
      ['a', 'off-track', 'at-risk', 'improved', 'pace-low'],
      ['b', 'at-risk', 'off-track', 'worsened', 'forecast-low'],
    ]);
    expect(evaluateAlerts({ 'revenue|2026-04|a': 'off-track' }, [obs('a', 'on-track', 'on-pace')])[0].direction).to.equal('improved');
  });

  it('a node seen for the first time alerts only when it is not on track', () => {
    const alerts = evaluateAlerts({}, [obs('new-ok', 'on-track', 'on-pace'), obs('new-bad', 'off-track')]);
    expect(alerts.map((a) => [a.nodeId, a.from, a.to])).to.deep.equal([['new-bad', null, 'off-track']]);
  });

  it('keys by metric and period too, and compares a repeated key with its earlier entry', () => {
    const previous = { 'revenue|2026-04|a': 'on-track' as const };
    const other = { ...obs('a', 'off-track'), period: '2026-05' };
    expect(evaluateAlerts(previous, [other]).map((a) => a.key)).to.deep.equal(['revenue|2026-05|a']);
    const twice = evaluateAlerts(previous, [obs('a', 'at-risk'), obs('a', 'at-risk')]);
    expect(twice).to.have.length(1);
  });

  it('does not mutate its input, and nextStatuses gives the record for next time', () => {
    const previous = Object.freeze({ 'revenue|2026-04|a': 'on-track' as const });
    evaluateAlerts(previous, [obs('a', 'at-risk')]);
    expect(nextStatuses(previous, [obs('a', 'at-risk'), obs('b', 'on-track')])).to.deep.equal({
      'revenue|2026-04|a': 'at-risk',
      'revenue|2026-04|b': 'on-track',
    });
    expect(previous).to.deep.equal({ 'revenue|2026-04|a': 'on-track' });
  });
});

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('assessStatus in time (issue 16, item 8)', () => {
  it('gives no verdict before the minimum elapsed share, and a closed verdict after the end', () => {
    expect(assessStatus({ paceIndex: 0, forecastRatio: 0, elapsedShare: 1 / 23 })).to.deep.equal({ status: 'too-early', reason: 'too-early', params: { value: 1 / 23, threshold: 0.1 } });
    // At 10 % exactly the verdict is given.
    expect(assessStatus({ paceIndex: 0, forecastRatio: 0, elapsedShare: 0.1 }).status).to.equal('off-track');
    expect(assessStatus({ paceIndex: 0, forecastRatio: 0, elapsedShare: 0.2 }, { minElapsedShare: 0.25 }).status).to.equal('too-early');
    expect(assessStatus({ paceIndex: 0.7, forecastRatio: 0.7, closed: true, attainment: 0.7 })).to.deep.equal({ status: 'missed', reason: 'period-missed', params: { value: 0.7 } });
    expect(assessStatus({ paceIndex: 1, forecastRatio: 1, closed: true, attainment: 1 })).to.deep.equal({ status: 'achieved', reason: 'period-achieved', params: { value: 1 } });
    expect(code(statusThresholds({ minElapsedShare: 1.5 }))).to.equal('status-thresholds-invalid');
  });

  it('raises no alert for a node first seen too early or achieved, and one when first seen missed', () => {
    const obs = (nodeId: string, status: 'too-early' | 'achieved' | 'missed'): StatusObservation => ({ nodeId, metric: 'revenue', period: '2026-11', status, reason: status });
    expect(evaluateAlerts({}, [obs('a', 'too-early'), obs('b', 'achieved'), obs('c', 'missed')]).map((a) => [a.nodeId, a.to, a.direction])).to.deep.equal([['c', 'missed', 'worsened']]);
  });
});
