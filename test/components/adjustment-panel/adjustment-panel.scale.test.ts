/**
 * The adjustment panel on large orgs (issue 12 item 5), the scale layer (`npm run test:scale`):
 * - at the top of a 20,000-person org its first render does not run the trigger rules over every rep
 *   in one task: above 2,000 nodes they run in slices (`evaluateTriggersSteps`) after the form is
 *   shown, with a loading state in the suggestions;
 * - on a 100,000-node org its node combobox renders at most 50 options.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-adjustment-panel.js';
import type { QkAdjustmentPanel } from '../../../src/components/adjustment-panel/adjustment-panel.js';
import { QkStore } from '../../../src/store/store.js';
import { evaluateTriggers } from '../../../src/engine/adjustment/triggers.js';
import { targetCells } from '../../../src/engine/plan/plan-state.js';
import { largeOrg } from '../../fixtures/large-org.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import type { PlanSnapshot } from '../../../src/engine/plan/model.js';

const yuan = (n: number) => n * 100;
const root = (el: QkAdjustmentPanel) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const combo = (el: QkAdjustmentPanel) => root(el).querySelector<HTMLInputElement>('input[role=combobox]')!;
/** The node ids of the options the combobox lists now. */
const optionNodes = (el: QkAdjustmentPanel) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')].map((o) => o.dataset.node);

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

describe('qk-adjustment-panel node combobox on a 100,000-node org', () => {
  it('renders a 100,000-node org with at most 50 options in the DOM', async function () {
    // Validating and indexing 100,000 nodes takes seconds on a loaded machine; nothing here measures time.
    this.timeout(180_000);
    // A flat valid org: the company and 100,000 reps directly under it.
    const { plan } = smallFixture();
    const reps = Array.from({ length: 100_000 }, (_, i) => ({ id: `rep-${i + 1}`, name: `销售${i + 1}`, parentId: 'co', kind: 'rep' as const }));
    const big: PlanSnapshot = {
      ...plan,
      org: [{ id: 'co', name: '星河科技', parentId: null, kind: 'company' }, ...reps],
      targets: [{ nodeId: 'co', period: 'FY2026', metric: 'revenue', value: yuan(120_000_000) }],
      users: [{ id: 'u-admin', name: '系统管理员', roles: ['admin'], canView: ['co'], canEdit: ['co'] }],
    };
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-admin" .data=${{ plan: big }}></qk-adjustment-panel>`);
    await waitUntil(() => root(el).querySelector('input[role=combobox]'), 'the form never showed', { timeout: 60000 });
    const size = () => root(el).querySelectorAll('*').length;
    // Only the metric, product line (all + 2 lines) and trigger selects have <option>s; the node picker renders none while closed.
    expect([root(el).querySelectorAll('[role=option]').length, root(el).querySelectorAll('option').length]).to.deep.equal([0, 16]);
    expect(size()).to.be.below(1_000);
    combo(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(optionNodes(el)).to.have.length(50);
    expect(optionNodes(el).slice(0, 3)).to.deep.equal(['co', 'rep-1', 'rep-2']);
    expect(text(root(el).querySelector('#node-status')!)).to.equal('The first 50 matches are listed; type more to narrow the search.');
    expect(size()).to.be.below(1_200);
    combo(el).value = '销售99999';
    combo(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(optionNodes(el)).to.deep.equal(['rep-99999']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(combo(el).value).to.equal('销售99999');
  });
});
