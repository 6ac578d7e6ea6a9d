/**
 * Writing an adapter: the README's example adapter, demo/embed/adapter.ts (`ExampleCrmAdapter`),
 * against the real REST test server (test/adapter/rest-server-plugin.mjs) with the browser's fetch.
 * It must keep the whole adapter contract (`runAdapterContractSuite`, what a CRM vendor runs), map
 * HTTP failures to `QkAdapterError` codes, and drive a `qk-provider` like a built-in adapter.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import { runAdapterContractSuite } from '../../src/testing.js';
import '../../src/define/qk-provider.js';
import '../../src/define/qk-attainment-gauge.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { ExampleCrmAdapter } from '../../demo/embed/adapter.js';
import { smallFixture } from '../fixtures/small-plan.js';
import { settle, squash } from './host.js';

let counter = 0;

/** A server session with fresh small-fixture data, the example adapter on it, and the control routes. */
async function session() {
  const base = `/__qk-rest/example-${Date.now()}-${counter++}`;
  const control = async (path: string, body: unknown) => {
    const res = await fetch(`${base}/__control/${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status}`);
  };
  const { plan, actuals } = smallFixture();
  await control('reset', { plan, actuals, user: plan.users![0] });
  return { control, adapter: new ExampleCrmAdapter(base, 't0ken') };
}

async function rejection(p: Promise<unknown>): Promise<QkAdapterError> {
  try {
    await p;
  } catch (e) {
    if (QkAdapterError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a QkAdapterError, it resolved');
}

runAdapterContractSuite(async () => (await session()).adapter, { name: 'ExampleCrmAdapter (demo/embed/adapter.ts)' });

describe('embed: the example adapter of "Writing an adapter"', () => {
  it('maps HTTP failures to QkAdapterError codes', async () => {
    const { adapter, control } = await session();
    await control('next', { status: 500 });
    expect((await rejection(adapter.loadPlan())).code).to.equal('network');
    await control('next', { status: 403 });
    expect((await rejection(adapter.currentUser())).code).to.equal('forbidden');
    await control('next', { status: 404 });
    expect((await rejection(adapter.loadPlan())).code).to.equal('not-found');
    await control('next', { rawBody: '{"plan": ' });
    const notJson = await rejection(adapter.loadPlan());
    expect([notJson.code, notJson.message]).to.deep.equal(['invalid-data', 'GET /plan: the answer is not JSON']);
  });

  it('rejects a plan that fails the schema with invalid-data, naming every bad path', async () => {
    const { adapter, control } = await session();
    const { plan } = smallFixture();
    await control('next', { json: { ...plan, plan: { ...plan.plan, currency: 'yuan' }, targets: [{ ...plan.targets[0], value: 'lots' }] } });
    const e = await rejection(adapter.loadPlan());
    expect(e.code).to.equal('invalid-data');
    expect(e.issues.map((i) => i.path.join('.'))).to.deep.equal(['plan.currency', 'targets.0.value']);
  });

  it('drives a qk-provider: the gauge shows the small fixture (co ¥475,000 booked of ¥12,000,000 ≈ 4%)', async () => {
    const { adapter } = await session();
    const provider = await fixture<QkProvider>(html`
      <qk-provider locale="en" as-of="2026-03-31" .autosaveMs=${0} .adapter=${adapter}>
        <qk-attainment-gauge node="co" period="FY2026"></qk-attainment-gauge>
      </qk-provider>
    `);
    await waitUntil(() => provider.store.status === 'ready', 'the example adapter never loaded');
    const gauge = provider.querySelector('qk-attainment-gauge')!;
    expect(await settle(gauge)).to.equal('');
    // Bookings to 31 March: 120,000 + 45,000 + 80,000 + 200,000 + 30,000 = ¥475,000 of ¥12,000,000 = 3.96% → "4%".
    expect(squash(gauge.shadowRoot!.querySelector('[part~="value"]')!.textContent)).to.equal('4%');
  });
});
