/**
 * Issue 12 item 5: no recursion that org depth can overflow. A 10,000-level chain (company → 9,998
 * nested teams → one rep) loads in every element, at the root and (where an element shows a person)
 * at the deepest node, without "RangeError: Maximum call stack size exceeded" and without an error
 * state; the figures at the top are the rep's, rolled up through every level.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { LitElement } from 'lit';
import { QkStore } from '../../src/store/store.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { ActualsSnapshot, OrgNode, PlanSnapshot } from '../../src/engine/plan/model.js';

const DEPTH = 10_000;
const LAST = `n${DEPTH - 1}`;

/** co → n1 → … → n9998 (teams) → n9999 (the rep 李深, target ¥100,000, booked ¥60,000 in February). */
function chain(): { plan: PlanSnapshot; actuals: ActualsSnapshot } {
  const org: OrgNode[] = Array.from({ length: DEPTH }, (_, i) => ({
    id: i === 0 ? 'co' : `n${i}`,
    name: i === 0 ? '深链集团' : i === DEPTH - 1 ? '李深' : `第${i}层`,
    parentId: i === 0 ? null : i === 1 ? 'co' : `n${i - 1}`,
    kind: i === 0 ? 'company' : i === DEPTH - 1 ? 'rep' : 'team',
    ...(i === DEPTH - 1 ? { hireDate: '2020-01-01' } : {}),
  }));
  const plan: PlanSnapshot = {
    plan: { id: 'deep', name: 'FY2026 深链', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
    org,
    products: [{ id: 'core', name: '核心平台', new: false }],
    stages: [
      { id: 'lead', name: { en: 'Lead', 'zh-CN': '线索' }, avgDays: 7 },
      { id: 'quote', name: { en: 'Quote', 'zh-CN': '报价' }, avgDays: 10 },
      { id: 'won', name: { en: 'Won', 'zh-CN': '赢单' } },
    ],
    targets: [{ nodeId: LAST, period: 'FY2026', metric: 'revenue', value: 10_000_000, source: 'manual' }],
    users: [{ id: 'u-admin', name: '系统管理员', roles: ['admin'], canView: ['co'], canEdit: ['co'] }],
  };
  const actuals: ActualsSnapshot = {
    from: '2026-01-01',
    to: '2026-12-31',
    actuals: [{ id: 'b1', repId: LAST, productId: 'core', date: '2026-02-10', type: 'booking', amount: 6_000_000 }],
    stageCounts: [
      { repId: LAST, month: '2026-02', stageId: 'lead', count: 20 },
      { repId: LAST, month: '2026-02', stageId: 'quote', count: 4 },
      { repId: LAST, month: '2026-02', stageId: 'won', count: 2 },
    ],
    pipeline: [{ id: 'o1', repId: LAST, productId: 'core', amount: 5_000_000, stageId: 'quote', expectedClose: '2026-06-30', probability: 0.4 }],
  };
  return { plan, actuals };
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const busy = (el: Element) => !!el.shadowRoot?.querySelector('[aria-busy="true"], [part~="loading"]');

/** Uncaught errors (a stack overflow in an event handler or a lit update) land here. */
const uncaught: string[] = [];
const onError = (e: ErrorEvent) => uncaught.push(String(e.message));
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));

async function show(tag: string, store: QkStore, attrs: Record<string, string>): Promise<LitElement> {
  const el = document.createElement(tag) as LitElement & { store?: QkStore };
  for (const [k, v] of Object.entries({ lang: 'en', ...attrs })) el.setAttribute(k, v);
  el.store = store;
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.append(el);
  await waitUntil(() => el.shadowRoot && el.shadowRoot.childElementCount > 0 && !busy(el), `${tag} renders`, { timeout: 120_000 });
  await el.updateComplete;
  return el;
}

function expectNoError(el: Element): void {
  const text = clean(el.shadowRoot!.textContent);
  expect(el.shadowRoot!.querySelector('[part~="error"], [role="alert"]'), `${el.localName}: ${text.slice(0, 200)}`).to.equal(null);
  expect(text).not.to.match(/RangeError|call stack/i);
  expect(uncaught, el.localName).to.deep.equal([]);
}

describe('a 10,000-level org chain', function () {
  // Building and walking 10,000 levels is work, not waiting: a loaded 2-core box may take a while.
  this.timeout(300_000);
  let store: QkStore;

  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const { plan, actuals } = chain();
    store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    store.setData(plan, actuals, plan.users![0]);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('loads through the validating adapter and the provider', async () => {
    const { plan, actuals } = chain();
    const adapter = new MemoryAdapter(plan, actuals, { user: 'u-admin' });
    const provider = await fixture<LitElement & { adapter?: MemoryAdapter; store?: QkStore }>(html`<qk-provider as-of="2026-03-31" autosave-ms="0" .adapter=${adapter}></qk-provider>`);
    await waitUntil(() => provider.store?.status === 'ready' || provider.store?.status === 'error', 'the provider loads', { timeout: 120_000 });
    expect(provider.store!.error?.message ?? null).to.equal(null);
    expect(provider.store!.org.length).to.equal(DEPTH);
  });

  // What each shows, hand-checked: the rep's ¥100,000 target and ¥60,000 booked, rolled up 9,999
  // levels to the company (60 % attained).
  const cases: [string, Record<string, string>, string][] = [
    ['qk-goal-tree', { node: 'co', period: 'FY2026' }, '▶深链集团Distribute…————CN¥100K▶第1层'],
    ['qk-attainment-gauge', { node: 'co', period: 'FY2026' }, '深链集团 · Revenue · FY2026'],
    ['qk-pace-chart', { node: 'co', period: 'FY2026' }, '深链集团 · Revenue · FY2026'],
    ['qk-funnel-inverter', { node: 'co', period: 'FY2026' }, '深链集团 · FY2026'],
    ['qk-review-board', { node: 'co', period: 'FY2026-Q1' }, 'Actual: CN¥60K'],
    ['qk-adjustment-panel', { 'user-id': 'u-admin' }, 'From the market, territory, personnel and product events of 深链集团'],
    ['qk-scorecard', { node: 'co', period: 'FY2026-Q1' }, 'RankNameProfile ScoreTrend 1 李深 Veteran'],
    ['qk-incentive-calculator', { node: 'co', period: 'FY2026' }, '李深 CN¥100K CN¥60K 60%'],
    ['qk-scorecard', { node: LAST, period: 'FY2026-Q1' }, 'Scorecard · 李深 · FY2026-Q1'],
    ['qk-incentive-calculator', { node: LAST, period: 'FY2026' }, 'Booked / target CN¥60K of CN¥100K'],
    ['qk-attainment-gauge', { node: LAST, period: 'FY2026' }, 'Actual / TargetCN¥60K of CN¥100K'],
  ];
  for (const [tag, attrs, shows] of cases) {
    it(`${tag} at ${attrs.node ?? 'its default node'} renders without a stack overflow`, async () => {
      const el = await show(tag, store, attrs);
      expectNoError(el);
      expect(clean(el.shadowRoot!.textContent)).to.contain(shows);
    });
  }

  it('the gauge at the company shows the rep\'s figures rolled up through every level', async () => {
    const el = await show('qk-attainment-gauge', store, { node: 'co', period: 'FY2026' });
    expect(clean(el.shadowRoot!.textContent)).to.contain('Actual / TargetCN¥60K of CN¥100K Gap to targetCN¥40K');
  });
});
