/**
 * Issue 12 item 5: above 2,000 org nodes under the node shown, qk-funnel-inverter gathers its
 * context (`funnelContextSteps`: the reps, the open pipeline, the history roll-ups) in slices with
 * a loading state, instead of one task of hundreds of milliseconds at 100,000 people. The form it
 * ends on holds the engine's figures. Structure only: timings are in bench/scale.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-funnel-inverter.js';
import type { QkFunnelInverter } from '../../../src/components/funnel-inverter/funnel-inverter.js';
import { QkStore } from '../../../src/store/store.js';
import { targetOf } from '../../../src/engine/plan/plan-state.js';
import { largeOrg, largeTarget } from '../../fixtures/large-org.js';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('qk-funnel-inverter on a large org', function () {
  this.timeout(600_000);
  let store: QkStore;
  // 10,000 nodes: 1 company, 100 teams, 9,899 reps; team-000 holds reps 0–98.
  const REPS = 9_899;

  before(() => {
    const { plan, actuals } = largeOrg({ nodes: 10_000 });
    store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    store.setData(plan, actuals);
  });

  const targetField = (el: QkFunnelInverter) => el.shadowRoot!.querySelector<HTMLInputElement>('#f-target');

  it('shows a loading state first, then the company’s form with the engine’s target', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" node="co" period="FY2026" .store=${store}></qk-funnel-inverter>`);
    // The first render does not gather 10,000 nodes and 9,899 opportunities: it says it is loading.
    expect(el.shadowRoot!.querySelector('[part~="loading"][aria-busy="true"]'), 'the loading state').to.exist;
    expect(targetField(el)).to.equal(null);

    await waitUntil(() => targetField(el) !== null, 'the form renders', { timeout: 600_000 });
    expect(el.shadowRoot!.querySelector('[part~="loading"]')).to.equal(null);
    // Σ over reps i of ¥(100,000 + (i mod 50) × 1,000): the company's FY2026 target.
    let sum = 0;
    for (let i = 0; i < REPS; i++) sum += largeTarget(i);
    expect(targetOf(store.state!, 'co', 'FY2026')).to.equal(sum);
    const yuan = String(sum / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(targetField(el)!.value).to.equal(yuan);
    expect(clean(el.shadowRoot!.querySelector('[part~="subtitle"]')?.textContent)).to.contain('巨象集团');
    // The stages' durations come from the plan (lead 7, demo 14, quote 10 days).
    expect(['#f-days-0', '#f-days-1', '#f-days-2'].map((s) => el.shadowRoot!.querySelector<HTMLInputElement>(s)?.value)).to.deep.equal(['7', '14', '10']);
  });

  it('a team of 99 people is still gathered in one go (no loading state)', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" node="team-000" period="FY2026" .store=${store}></qk-funnel-inverter>`);
    expect(el.shadowRoot!.querySelector('[part~="loading"]')).to.equal(null);
    // Reps 0–98: Σ ¥(100,000 + (i mod 50) × 1,000) = 99 × ¥100,000 + ¥1,000 × (1,225 + 1,176) = ¥12,301,000.
    expect(targetField(el)!.value).to.equal('12,301,000');
  });

  it('switching to a small team while the company is still loading shows the team', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" node="co" period="FY2026" .store=${store}></qk-funnel-inverter>`);
    expect(el.shadowRoot!.querySelector('[part~="loading"]')).to.exist;
    el.node = 'team-000';
    await el.updateComplete;
    expect(targetField(el)!.value).to.equal('12,301,000');
    // The company's slices, cancelled, never overwrite the team's form: by the time another
    // element has gathered the company in slices, the first would have finished too.
    const other = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" node="co" period="FY2026" .store=${store}></qk-funnel-inverter>`);
    await waitUntil(() => targetField(other) !== null, 'the other element gathers the company', { timeout: 600_000 });
    await el.updateComplete;
    expect(clean(el.shadowRoot!.querySelector('[part~="subtitle"]')?.textContent)).to.contain('销售1部');
    expect(targetField(el)!.value).to.equal('12,301,000');
  });
});
