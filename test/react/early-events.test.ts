/**
 * Issue #15: the React wrappers must deliver events from the first render on. A page renders with
 * `root.render` (not `flushSync`), so React runs passive effects (`useEffect`) in a later task; an
 * element that raises an event before that (a gauge's first alert, a provider whose adapter answers
 * at once) must still reach its `onQk…` prop. A document listener is the witness of what was raised.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QkAttainmentGauge, QkProvider } from '../../src/react/index.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { generateSampleCompany } from '../../src/sample/sample-data.js';
import type { QkAlertEvent } from '../../src/events/qk-alert.js';
import type { QkErrorEvent } from '../../src/events/qk-error.js';

describe('React wrappers: events from the first render on', () => {
  let container: HTMLElement;
  let root: Root | undefined;
  const seen: Record<string, Event[]> = { 'qk-alert': [], 'qk-error': [] };
  const witness = (e: Event) => seen[e.type]!.push(e);
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    for (const t of Object.keys(seen)) {
      seen[t]!.length = 0;
      document.addEventListener(t, witness);
    }
  });
  afterEach(() => {
    root?.unmount();
    root = undefined;
    container.remove();
    for (const t of Object.keys(seen)) document.removeEventListener(t, witness);
  });

  it('onQkAlert gets the alert a gauge raises on its first update', async () => {
    const alerts: QkAlertEvent[] = [];
    const company = generateSampleCompany();
    root = createRoot(container);
    root.render(createElement(QkAttainmentGauge, { lang: 'en', period: 'FY2026', data: company, onQkAlert: (e: QkAlertEvent) => alerts.push(e) }));
    await waitUntil(() => seen['qk-alert']!.length > 0, 'the gauge raised no qk-alert at all', { timeout: 60000 });
    const gauge = container.querySelector('qk-attainment-gauge') as HTMLElement & { updateComplete: Promise<unknown> };
    await gauge.updateComplete;
    expect(alerts.length, 'alerts that reached onQkAlert').to.equal(seen['qk-alert']!.length);
    expect(alerts[0]).to.equal(seen['qk-alert']![0]);
    expect(alerts[0]!.detail.period).to.equal('FY2026');
  });

  it('onQkError gets the error of a first load that fails at once (failNext: forbidden, no latency)', async () => {
    const errors: QkErrorEvent[] = [];
    const company = generateSampleCompany();
    const adapter = new MemoryAdapter(company.plan, company.actuals, { failNext: 'forbidden' });
    root = createRoot(container);
    root.render(createElement(QkProvider, { adapter, locale: 'en', onQkError: (e: QkErrorEvent) => errors.push(e) }));
    await waitUntil(() => seen['qk-error']!.length > 0, 'the provider raised no qk-error at all', { timeout: 60000 });
    expect(errors.length, 'errors that reached onQkError').to.equal(seen['qk-error']!.length);
    expect(errors[0]).to.equal(seen['qk-error']![0]);
    expect(errors[0]!.detail.code).to.equal('forbidden');
  });
});

describe('React 19 native custom elements (quotakit/react/jsx types)', () => {
  it('<qk-attainment-gauge> gets .data as a property and its first alert through onqk-alert', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const seen: Event[] = [];
    const witness = (e: Event) => seen.push(e);
    document.addEventListener('qk-alert', witness);
    const alerts: QkAlertEvent[] = [];
    const company = generateSampleCompany();
    const root = createRoot(container);
    try {
      root.render(createElement('qk-attainment-gauge', { lang: 'en', period: 'FY2026', data: company, 'onqk-alert': (e: QkAlertEvent) => alerts.push(e) }));
      await waitUntil(() => seen.length > 0, 'the gauge raised no qk-alert at all', { timeout: 60000 });
      const gauge = container.querySelector('qk-attainment-gauge') as HTMLElement & { data: unknown; updateComplete: Promise<unknown> };
      await gauge.updateComplete;
      expect(gauge.data).to.equal(company);
      expect(alerts).to.deep.equal(seen);
    } finally {
      root.unmount();
      container.remove();
      document.removeEventListener('qk-alert', witness);
    }
  });
});
