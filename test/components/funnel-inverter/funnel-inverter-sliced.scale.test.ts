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
import { computeFunnel, funnelContext } from '../../../src/engine/funnel/view.js';
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

describe('qk-funnel-inverter: the what-if over thousands of reps', function () {
  this.timeout(600_000);
  let store: QkStore;
  const REPS = 9_899;
  // The large org has no history before FY2026: the rates and deal size come from `inputs`.
  const inputs = {
    avgDealSize: 5_000_000,
    stages: [
      { id: 'lead', rate: 0.3, avgDays: 7 },
      { id: 'demo', rate: 0.5, avgDays: 14 },
      { id: 'quote', rate: 0.4, avgDays: 10 },
      { id: 'won' },
    ],
  };

  before(() => {
    const { plan, actuals } = largeOrg({ nodes: 10_000 });
    store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    store.setData(plan, actuals);
  });

  const root = (el: QkFunnelInverter) => el.shadowRoot!;
  const perRepRows = (el: QkFunnelInverter) => [...root(el).querySelectorAll('[part~="per-rep"] tbody tr')];
  const rowText = (tr: Element) => [...tr.querySelectorAll('th, td')].map((c) => clean(c.textContent));

  it('computes the split over 9,899 reps in slices with a loading state, and pages the per-rep table', async () => {
    const el = await fixture<QkFunnelInverter>(html`<qk-funnel-inverter lang="en" node="co" period="FY2026" .store=${store} .inputs=${inputs}></qk-funnel-inverter>`);
    await waitUntil(() => perRepRows(el).length > 0, 'the per-rep table renders', { timeout: 600_000 });
    expect(root(el).querySelector('[part~="loading"]')).to.equal(null);

    // The engine's figures for the same inputs: the company's target, the reps of the context.
    const ctx = funnelContext(store.state!, { nodeId: 'co', period: 'FY2026' });
    expect(ctx.ok).to.equal(true);
    if (!ctx.ok) return;
    const stages = inputs.stages;
    const expected = computeFunnel({ target: ctx.value.target!, avgDealSize: inputs.avgDealSize, confidence: 0.8, stages }, ctx.value);
    expect(expected.ok && expected.value.perRep?.ok).to.equal(true);
    if (!expected.ok || !expected.value.perRep?.ok) return;
    const reps = expected.value.perRep.value.reps;
    expect(reps.length).to.equal(REPS);
    const fmt = (n: number) => n.toLocaleString('en-US');
    const names = new Map(ctx.value.reps.map((r) => [r.id, r.name]));
    const shown = (from: number) => reps.slice(from, from + 50).map((x) => [names.get(x.id)!, `${Math.round(x.ramp * 100)}%`, ...['lead', 'demo', 'quote', 'won'].map((s) => fmt(x.counts[s]))]);

    // A bounded DOM: one page of 50 rows, the first 50 reps of the engine's split.
    expect(perRepRows(el).map(rowText)).to.deep.equal(shown(0));
    expect(clean(root(el).querySelector('[part~="per-rep"] [part~="page-status"]')?.textContent)).to.equal('1–50 of 9,899 people');
    root(el).querySelector<HTMLButtonElement>('[part~="per-rep"] [part~="page-next"]')!.click();
    await el.updateComplete;
    expect(perRepRows(el).map(rowText)).to.deep.equal(shown(50));

    // Typing a rate recomputes in slices: the outputs show the loading state until the split is done.
    let changes = 0;
    el.addEventListener('qk-funnel-change', () => changes++);
    const rate = root(el).querySelector<HTMLInputElement>('#f-rate-0')!;
    rate.value = '25';
    rate.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).querySelector('[part~="loading"][aria-busy="true"]'), 'the loading state while the split runs').to.exist;
    expect(perRepRows(el).length).to.equal(0);
    await waitUntil(() => perRepRows(el).length > 0, 'the new split renders', { timeout: 600_000 });
    expect(changes).to.equal(1);
    const again = computeFunnel({ target: ctx.value.target!, avgDealSize: inputs.avgDealSize, confidence: 0.8, stages: [{ ...stages[0], rate: 0.25 }, ...stages.slice(1)] }, ctx.value);
    expect(again.ok && again.value.perRep?.ok).to.equal(true);
    if (!again.ok || !again.value.perRep?.ok) return;
    // The same node and period: the table stays on its second page, now with the new split.
    expect(clean(root(el).querySelector('[part~="per-rep"] [part~="page-status"]')?.textContent)).to.equal('51–100 of 9,899 people');
    expect(perRepRows(el).map((tr) => rowText(tr)[2])).to.deep.equal(again.value.perRep.value.reps.slice(50, 100).map((x) => fmt(x.counts.lead)));
    // Every stage's per-rep counts add up to the requirement (the engine's; the DOM shows a page).
    for (const s of ['lead', 'demo', 'quote', 'won']) {
      expect(again.value.perRep.value.reps.reduce((t, x) => t + x.counts[s], 0)).to.equal(again.value.requirement.counts[s]);
    }

    // The search finds a rep who is not on the first pages.
    const search = root(el).querySelector<HTMLInputElement>('[part~="per-rep"] [part~="search"]')!;
    search.value = '赵辰';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(perRepRows(el).map((tr) => rowText(tr)[0])).to.deep.equal(['赵辰']);
  });
});
