/**
 * The adjustment panel at the top of a large org (issue 12 item 5): its first render does not run
 * the trigger rules over every rep in one task. Above 2,000 nodes they run in slices
 * (`evaluateTriggersSteps`) after the form is shown, with a loading state in the suggestions.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-adjustment-panel.js';
import type { QkAdjustmentPanel } from '../../../src/components/adjustment-panel/adjustment-panel.js';
import { QkStore } from '../../../src/store/store.js';
import { evaluateTriggers } from '../../../src/engine/adjustment/triggers.js';
import { targetCells } from '../../../src/engine/plan/plan-state.js';
import { largeOrg } from '../../fixtures/large-org.js';

describe('qk-adjustment-panel on a 20,000-person org', function () {
  this.timeout(300_000);

  it('shows the form at once and the suggestions once the rules have run in slices: the same proposals', async () => {
    const { plan, actuals } = largeOrg({ nodes: 20_000, teams: 20 });
    // Three reps hired inside FY2026-Q1: three "joining" proposals at the company.
    const hired = new Set(plan.org.filter((n) => n.kind === 'rep').slice(0, 3).map((n) => n.id));
    plan.org = plan.org.map((n) => (hired.has(n.id) ? { ...n, hireDate: '2026-02-02' } : n));
    const store = new QkStore({ autosaveMs: false, asOf: '2026-03-13' });
    store.setData(plan, actuals, plan.users![0]);
    await store.whenWarm();
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-admin" .store=${store}></qk-adjustment-panel>`);
    const root = el.shadowRoot!;
    // The first render: the form, and the suggestions still loading (not computed in this task).
    expect(root.querySelector('form[part~="form"]')).to.not.equal(null);
    expect(root.querySelector('[part~="suggestions"] [aria-busy="true"]')).to.not.equal(null);
    await waitUntil(() => !root.querySelector('[part~="suggestions"] [aria-busy="true"]'), 'the suggestions never came', { timeout: 120_000 });
    const st = store.state!;
    const expected = evaluateTriggers({
      state: { plan: st.plan, org: st.org, targets: targetCells(st), actuals: st.actuals?.actuals ?? [], pipeline: st.actuals?.pipeline ?? [] },
      period: 'FY2026-Q1', metric: 'revenue', asOf: '2026-03-13', nodeId: 'co', products: plan.products, readModel: st,
    });
    if (!expected.ok) throw new Error('rules failed');
    const joining = expected.value.filter((p) => p.kind === 'joining').map((p) => p.name);
    expect(joining).to.have.length(3);
    const shown = [...root.querySelectorAll('[part~="suggestion"].joining')].map((li) => li.textContent ?? '');
    expect(shown).to.have.length(3);
    joining.forEach((name, i) => expect(shown[i]).to.contain(name));
  });
});
