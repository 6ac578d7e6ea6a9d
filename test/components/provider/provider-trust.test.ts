/**
 * A host page with its own adapter: a malformed payload gives the localized in-place error and one
 * `qk-error`, never a half-loaded dashboard; a save that never answers is reported and retried.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-provider.js';
import '../../../src/define/qk-attainment-gauge.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import type { QkAttainmentGauge } from '../../../src/components/attainment-gauge/attainment-gauge.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { CrmAdapter } from '../../../src/adapter/adapter.js';
import { smallFixture } from '../../fixtures/small-plan.js';

/** A host's own adapter (not a built-in one): plain functions over a MemoryAdapter, with overrides. */
function hostAdapter(over: Partial<CrmAdapter> = {}): CrmAdapter {
  const { plan, actuals } = smallFixture();
  const inner = new MemoryAdapter(plan, actuals);
  return {
    loadPlan: () => inner.loadPlan(),
    loadActuals: (r) => inner.loadActuals(r),
    saveTargets: (c) => inner.saveTargets(c),
    currentUser: () => inner.currentUser(),
    notify: (n) => inner.notify(n),
    ...over,
  };
}

const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('qk-provider with a host adapter', () => {
  it('a null plan: the gauge shows the localized error in place and the page gets one qk-error', async () => {
    const el = await fixture<QkProvider>(html`<qk-provider locale="zh-CN" as-of="2026-03-31"><qk-attainment-gauge></qk-attainment-gauge></qk-provider>`);
    const gauge = el.querySelector<QkAttainmentGauge>('qk-attainment-gauge')!;
    const errors: string[] = [];
    el.addEventListener('qk-error', (e) => errors.push(e.detail.code));
    const fired = oneEvent(el, 'qk-error');
    el.adapter = hostAdapter({ loadPlan: async () => null as never });
    const event = await fired;
    expect(event.detail.code).to.equal('invalid-data');
    // Observed before: "无法加载计划：Cannot read properties of null (reading 'plan')".
    expect(event.detail.message).to.not.include('Cannot read properties');
    await waitUntil(() => gauge.shadowRoot!.querySelector('[part~="error"]'), 'the gauge shows no error');
    expect(shadowText(gauge)).to.not.include('Cannot read');
    expect(errors).to.have.length(1);
  });

  it('a rejection that is not an Error reads as words, not "[object Object]"', async () => {
    const el = await fixture<QkProvider>(html`<qk-provider locale="en" as-of="2026-03-31"><qk-attainment-gauge></qk-attainment-gauge></qk-provider>`);
    const fired = oneEvent(el, 'qk-error');
    el.adapter = hostAdapter({ loadPlan: () => Promise.reject({ status: 500 }) });
    const event = await fired;
    expect(event.detail.message).to.not.include('[object Object]');
  });

  it('a save that never answers is reported with qk-error, the edit stays, and retry saves it', async () => {
    const { plan, actuals } = smallFixture();
    const inner = new MemoryAdapter(plan, actuals);
    let hang = true;
    const adapter = hostAdapter({ saveTargets: (c) => (hang ? new Promise(() => {}) : inner.saveTargets(c)), loadPlan: () => inner.loadPlan() });
    const el = await fixture<QkProvider>(html`<qk-provider locale="en" as-of="2026-03-31" autosave-ms="0" timeout-ms="30"></qk-provider>`);
    el.store.configure({ retryDelaysMs: [] });
    el.adapter = adapter;
    await waitUntil(() => el.store.status === 'ready', 'never loaded');
    const fired = oneEvent(el, 'qk-error');
    el.store.applyCells([{ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 700_000_000 }]);
    void el.store.save();
    const event = await fired;
    expect(event.detail.code).to.equal('timeout');
    expect(el.store.pendingCount).to.equal(1);
    hang = false;
    expect(await el.store.retry()).to.equal(true);
    expect((await inner.loadPlan()).targets.find((t) => t.nodeId === 'east' && t.period === 'FY2026' && !t.product)?.value).to.equal(700_000_000);
  });
});
