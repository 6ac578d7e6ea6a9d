import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-adjustment-panel.js';
import '../../../src/define/qk-provider.js';
import type { QkAdjustmentPanel } from '../../../src/components/adjustment-panel/adjustment-panel.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { createAdjustment, previewAdjustment, transitionAdjustment, type AdjustmentRequest } from '../../../src/engine/adjustment/index.js';
import type { PlanSnapshot, User } from '../../../src/engine/plan/model.js';
import { registerTranslation } from '../../../src/i18n/localize.js';
import { adjustmentMessages } from '../../../src/i18n/both-languages.js';
import type { QkAdjustmentRequestEvent } from '../../../src/events/qk-adjustment-request.js';
import type { QkAdjustmentCommitEvent } from '../../../src/events/qk-adjustment-commit.js';
import type { QkErrorEvent } from '../../../src/events/qk-error.js';
import type { QkFocusChangeEvent } from '../../../src/events/qk-focus-change.js';
import { QkStore } from '../../../src/store/store.js';
import { smallFixture } from '../../fixtures/small-plan.js';

// Until the lead merges src/i18n/messages/adjustment.ts into the dictionaries.
registerTranslation('en', { errors: adjustmentMessages.en });
registerTranslation('zh-CN', { errors: adjustmentMessages['zh-CN'] });

const yuan = (n: number) => n * 100;

/**
 * The small fixture with a consistent FY2026 revenue plan down to the reps:
 * 上海一组 ¥4,000,000 = 王芳 (r1) ¥2,500,000 + 李强 (r2) ¥1,500,000; 杭州组 ¥3,200,000 = r3 + r4
 * ¥1,600,000 each; 华南 (locked) ¥4,800,000 = 深圳组 = r5 ¥3,000,000 + r6 ¥1,800,000.
 */
function data(): { plan: PlanSnapshot; actuals: ReturnType<typeof smallFixture>['actuals'] } {
  const { plan, actuals } = smallFixture();
  const fy = (nodeId: string, v: number, locked = false) => ({ nodeId, period: 'FY2026', metric: 'revenue' as const, value: yuan(v), ...(locked ? { locked } : {}) });
  plan.targets = [
    fy('co', 12_000_000), fy('east', 7_200_000), fy('south', 4_800_000, true), fy('east-sh', 4_000_000), fy('east-hz', 3_200_000), fy('south-sz', 4_800_000),
    fy('r1', 2_500_000), fy('r2', 1_500_000), fy('r3', 1_600_000), fy('r4', 1_600_000), fy('r5', 3_000_000), fy('r6', 1_800_000),
  ];
  return { plan, actuals };
}

const user = (id: string): User => data().plan.users!.find((u) => u.id === id)!;
const root = (el: QkAdjustmentPanel) => el.shadowRoot!;
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A table row as its cells' texts joined with single spaces. */
const rowText = (tr: Element) => [...tr.children].map(text).join(' ');

const combo = (el: QkAdjustmentPanel) => root(el).querySelector<HTMLInputElement>('input[role=combobox]')!;
/** The node ids of the options the combobox lists now. */
const optionNodes = (el: QkAdjustmentPanel) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')].map((o) => o.dataset.node);
const nameOf = (id: string) => data().plan.org.find((n) => n.id === id)!.name;

/** Types the node's name into the search box and clicks its option. */
async function pickNode(el: QkAdjustmentPanel, id: string): Promise<void> {
  const input = combo(el);
  input.focus();
  input.value = nameOf(id);
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  root(el).querySelector<HTMLElement>(`[role=option][data-node="${id}"]`)!.click();
  await el.updateComplete;
}

/** Opens the combobox's list with the keyboard and returns the node ids listed. */
async function listedNodes(el: QkAdjustmentPanel): Promise<(string | undefined)[]> {
  combo(el).focus();
  await sendKeys({ press: 'ArrowDown' });
  await el.updateComplete;
  const ids = optionNodes(el);
  await sendKeys({ press: 'Escape' });
  await el.updateComplete;
  return ids;
}

async function fill(el: QkAdjustmentPanel, form: { node?: string; period?: string; value?: string; reason?: string }): Promise<void> {
  const r = root(el);
  if (form.node) await pickNode(el, form.node);
  if (form.period) {
    const box = [...r.querySelectorAll<HTMLLabelElement>('.periods label')].find((l) => text(l) === form.period)!.querySelector('input')!;
    box.click();
    await el.updateComplete;
  }
  if (form.value !== undefined) {
    const input = r.querySelector<HTMLInputElement>('input.num')!;
    input.value = form.value;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
  }
  if (form.reason !== undefined) {
    const area = r.querySelector<HTMLTextAreaElement>('textarea')!;
    area.value = form.reason;
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
  }
}

/** r2 → ¥1,000,000 for FY2026, the siblings absorbing: r1 takes the ¥500,000 (¥2,500,000 → ¥3,000,000). */
const r2Request = { node: 'r2', period: 'FY2026', value: '1,000,000', reason: '李强 moves to key-account work from July' };

function pendingRequest(): AdjustmentRequest {
  const d = data();
  const draft = createAdjustment({
    id: 'adj-r2', planId: d.plan.plan.id, nodeId: 'r2', metric: 'revenue', periods: ['FY2026'], change: { kind: 'value', value: yuan(1_000_000) },
    trigger: 'personnel-change', reason: '李强 moves to key-account work from July', absorption: { mode: 'siblings' }, requesterId: 'u-east', at: '2026-06-20T09:00:00Z',
  });
  if (!draft.ok) throw new Error(draft.error.code);
  const state = { plan: d.plan.plan, org: d.plan.org, targets: d.plan.targets, actuals: d.actuals.actuals };
  const p = previewAdjustment(draft.value, state);
  if (!p.ok) throw new Error(p.error.code);
  const s = transitionAdjustment(draft.value, 'submit', { by: user('u-east'), at: '2026-06-20T09:00:00Z', org: d.plan.org, preview: p.value });
  if (!s.ok) throw new Error(s.error.code);
  return s.value;
}

describe('qk-adjustment-panel', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'en';
  });

  it('offers the manager’s subtree and previews the change live, with hand-computed numbers', async () => {
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-east" .data=${data()}></qk-adjustment-panel>`);
    // 周敏 manages 华东: 华东, 上海一组, 王芳, 李强, 杭州组, 张伟, 刘洋.
    expect(await listedNodes(el)).to.deep.equal(['east', 'east-sh', 'r1', 'r2', 'east-hz', 'r3', 'r4']);
    await fill(el, r2Request);
    const rows = [...root(el).querySelectorAll('.preview table')[0]!.querySelectorAll('tbody tr')].map(rowText);
    expect(rows).to.deep.equal([
      '上海一组 Parent CN¥4,000,000.00 CN¥4,000,000.00 CN¥0.00',
      '王芳 Teammate CN¥2,500,000.00 CN¥3,000,000.00 +CN¥500,000.00',
      '李强 Adjusted CN¥1,500,000.00 CN¥1,000,000.00 −CN¥500,000.00',
    ]);
    // 王芳 booked ¥165,000 in FY2026: 6.6 % of ¥2,500,000 before, 5.5 % of ¥3,000,000 after.
    const people = [...root(el).querySelectorAll('.preview table')[1]!.querySelectorAll('tbody tr')].map(rowText);
    expect(people[0]).to.equal('王芳 CN¥2,500,000.00 CN¥3,000,000.00 CN¥165,000.00 6.6% → 5.5%');
    await expect(el).to.be.accessible();
  });

  it('fires a cancelable request, then a commit, and clears the draft', async () => {
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-east" .data=${data()}></qk-adjustment-panel>`);
    await fill(el, r2Request);
    expect(localStorage.getItem('quotakit.adjustment-draft.plan-fy2026.u-east')).to.contain('key-account');
    const seen: string[] = [];
    el.addEventListener('qk-adjustment-request', (e: QkAdjustmentRequestEvent) => seen.push(`request ${e.detail.action} ${e.detail.request.status}`));
    const commit = oneEvent(el, 'qk-adjustment-commit') as Promise<QkAdjustmentCommitEvent>;
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const done = await commit;
    seen.push(`commit ${done.detail.action} ${done.detail.request.status}`);
    expect(seen).to.deep.equal(['request submit pending', 'commit submit pending']);
    expect(el.requests.map((r) => [r.nodeId, r.status, r.preview!.after])).to.deep.equal([['r2', 'pending', yuan(1_000_000)]]);
    expect(localStorage.getItem('quotakit.adjustment-draft.plan-fy2026.u-east')).to.equal(null);
  });

  it('lets the host veto: nothing is stored and the form stays filled', async () => {
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-east" .data=${data()}></qk-adjustment-panel>`);
    await fill(el, r2Request);
    el.addEventListener('qk-adjustment-request', (e) => e.preventDefault());
    let committed = false;
    el.addEventListener('qk-adjustment-commit', () => (committed = true));
    const ok = await el.submit();
    await el.updateComplete;
    expect([ok, committed, el.requests.length]).to.deep.equal([false, false, 0]);
    expect(text(root(el).querySelector('[part=message]')!)).to.equal('The page declined this action. Your entries are kept.');
    expect(root(el).querySelector('textarea')!.value).to.equal(r2Request.reason);
  });

  it('keeps the draft across re-creating the element', async () => {
    const first = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-east" .data=${data()}></qk-adjustment-panel>`);
    await fill(first, r2Request);
    first.remove();
    const again = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-east" .data=${data()}></qk-adjustment-panel>`);
    await again.updateComplete;
    expect(root(again).querySelector('textarea')!.value).to.equal(r2Request.reason);
    expect(combo(again).value).to.equal('李强');
    expect(root(again).querySelector<HTMLInputElement>('input.num')!.value).to.equal('1,000,000');
    // Another user on the same device has their own (empty) draft.
    const other = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-admin" .data=${data()}></qk-adjustment-panel>`);
    expect(root(other).querySelector('textarea')!.value).to.equal('');
  });

  it('keeps the form and says why when the adapter fails', async () => {
    const { plan, actuals } = data();
    const adapter = new MemoryAdapter(plan, actuals, { user: 'u-east' });
    const provider = await fixture<QkProvider>(html`<qk-provider locale="en" autosave-ms="0"><qk-adjustment-panel></qk-adjustment-panel></qk-provider>`);
    provider.adapter = adapter;
    const el = provider.querySelector('qk-adjustment-panel')!;
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form never showed');
    await fill(el, r2Request);
    adapter.failNext = 'network';
    const error = oneEvent(el, 'qk-error') as Promise<QkErrorEvent>;
    expect(await el.submit()).to.equal(false);
    expect((await error).detail).to.deep.include({ code: 'network', source: 'adapter' });
    await el.updateComplete;
    expect(root(el).querySelector('[role=alert]')).to.exist;
    expect(root(el).querySelector('textarea')!.value).to.equal(r2Request.reason);
    expect(localStorage.getItem('quotakit.adjustment-draft.plan-fy2026.u-east')).to.contain('key-account');
    // The second try goes through and lands at the host.
    expect(await el.submit()).to.equal(true);
    expect((await adapter.listAdjustments()).map((a) => [a.id.startsWith('adj-'), a.status])).to.deep.equal([[true, 'pending']]);
  });

  it('lets an approver reject (with a comment) or approve, apply and notify the team', async () => {
    const { plan, actuals } = data();
    // The host already holds the request the 华东 manager (u-east) submitted earlier; the admin decides.
    const adapter = new MemoryAdapter(plan, actuals, { user: 'u-admin', adjustments: [pendingRequest()] });
    const provider = await fixture<QkProvider>(html`<qk-provider locale="en" autosave-ms="0"><qk-adjustment-panel view="queue"></qk-adjustment-panel></qk-provider>`);
    provider.adapter = adapter;
    const el = provider.querySelector('qk-adjustment-panel')!;
    await waitUntil(() => el.shadowRoot!.querySelector('.request'), 'the queue never showed');
    await expect(el).to.be.accessible();
    // Reject without a comment: refused, with the reason shown.
    expect(await el.decide('adj-r2', 'reject')).to.equal(false);
    await el.updateComplete;
    expect(text(root(el).querySelector('[role=alert]')!)).to.equal('Please say why you reject the request.');
    expect(await el.decide('adj-r2', 'approve')).to.equal(true);
    expect(await el.apply('adj-r2')).to.equal(true);
    // Saved at the host before it shows (all or nothing), source 'adjustment': r1 ¥3,000,000, r2 ¥1,000,000.
    const store = provider.store;
    expect([store.getCell('r1', 'FY2026', 'revenue')!.value, store.getCell('r2', 'FY2026', 'revenue')!.value]).to.deep.equal([yuan(3_000_000), yuan(1_000_000)]);
    expect(store.getCell('r1', 'FY2026', 'revenue')!.source).to.equal('adjustment');
    expect(store.pendingCount).to.equal(0);
    expect(store.canUndo).to.equal(false);
    const atHost = (await adapter.loadPlan()).targets.filter((c) => ['r1', 'r2'].includes(c.nodeId) && c.period === 'FY2026' && c.metric === 'revenue' && !c.product);
    expect(atHost.map((c) => [c.nodeId, c.value])).to.have.deep.members([['r1', yuan(3_000_000)], ['r2', yuan(1_000_000)]]);
    expect((await adapter.listAdjustments()).find((a) => a.id === 'adj-r2')?.status).to.equal('applied');
    await el.updateComplete;
    const body = root(el).querySelector<HTMLTextAreaElement>('.notice textarea')!.value;
    expect(body).to.contain('- 王芳: CN¥2,500,000.00 → CN¥3,000,000.00');
    // 王芳: ¥3,000,000 − ¥165,000 booked = ¥2,835,000 to go.
    expect(body).to.contain('- 王芳: target CN¥3,000,000.00, CN¥2,835,000.00 still to go');
    root(el).querySelector<HTMLButtonElement>('.notice button')!.click();
    await waitUntil(() => adapter.sent.length === 1, 'no notice sent');
    expect(adapter.sent[0]!.subject).to.equal('Target adjustment: 李强, Revenue, FY2026');
    // The requester, 王芳's login (u-r1), and 李强 by node id (he has no login in the fixture).
    expect(adapter.sent[0]!.recipients).to.deep.equal(['u-east', 'u-r1', 'r2']);
    const stored = (await adapter.listAdjustments())[0]!;
    expect((stored.history as { action: string }[]).map((h) => h.action)).to.deep.equal(['submit', 'approve', 'apply']);
  });

  it('reports a conflict and applies nothing when the plan moved since the preview', async () => {
    const d = data();
    const approved = transitionAdjustment(pendingRequest(), 'approve', { by: user('u-admin'), at: '2026-06-21T09:00:00Z', org: d.plan.org });
    if (!approved.ok) throw new Error(approved.error.code);
    d.plan.plan.version = 2;
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" view="queue" user-id="u-admin" .data=${d} .requests=${[approved.value]}></qk-adjustment-panel>`);
    expect(await el.apply('adj-r2')).to.equal(false);
    await el.updateComplete;
    expect(text(root(el).querySelector('[role=alert]')!)).to.equal('The plan changed since this preview. Preview again before applying; nothing was changed.');
    expect(el.activeStore!.getCell('r1', 'FY2026', 'revenue')!.value).to.equal(yuan(2_500_000));
    const refresh = [...root(el).querySelectorAll('button')].find((b) => text(b) === 'Preview again')!;
    refresh.click();
    await waitUntil(() => el.requests[0]!.preview!.baseVersion === 2, 'never refreshed');
    // Same numbers on the new version: still approved, and now it applies.
    expect(el.requests[0]!.status).to.equal('approved');
    expect(await el.apply('adj-r2')).to.equal(true);
  });

  it('is read-only for a rep: only their own node, no approval buttons', async () => {
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-r1" .data=${data()} .requests=${[pendingRequest()]}></qk-adjustment-panel>`);
    expect(await listedNodes(el)).to.deep.equal(['r1']);
    el.view = 'queue';
    await el.updateComplete;
    expect(text(root(el).querySelector('.queue')!)).not.to.contain('Approve');
    expect(text(root(el))).to.contain('approving needs a manager');
    await expect(el).to.be.accessible();
  });

  it('moves between tabs with the arrow keys and shows the history', async () => {
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-admin" .data=${data()} .requests=${[pendingRequest()]}></qk-adjustment-panel>`);
    root(el).querySelector<HTMLButtonElement>('#tab-request')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.view).to.equal('queue');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.view).to.equal('history');
    expect(root(el).activeElement?.id).to.equal('tab-history');
    expect([...root(el).querySelectorAll('.entry')].map((e) => text(e.querySelector('strong')!))).to.deep.equal(['周敏 submitted the change for 李强']);
    await expect(el).to.be.accessible();
  });

  it('counts every period ticked before it re-renders (two boxes clicked in one task)', async () => {
    const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-east" .data=${data()}></qk-adjustment-panel>`);
    await fill(el, { node: r2Request.node, value: r2Request.value, reason: r2Request.reason });
    const box = (p: string) => [...root(el).querySelectorAll<HTMLLabelElement>('.periods label')].find((l) => text(l) === p)!.querySelector('input')!;
    const checked = () => [...root(el).querySelectorAll<HTMLInputElement>('.periods input')].filter((i) => i.checked).map((i) => text(i.parentElement!));
    // What the form will submit: the draft it keeps for u-east.
    const kept = () => (JSON.parse(localStorage.getItem('quotakit.adjustment-draft.plan-fy2026.u-east') ?? '{}') as { periods?: string[] }).periods;
    for (const b of root(el).querySelectorAll<HTMLInputElement>('.periods input:checked')) b.click();
    await el.updateComplete;
    expect([checked(), kept()]).to.deep.equal([[], []]);
    // Q1 and Q2 in the same task: the second click must not start again from the form of the last
    // render (it did: the boxes showed Q1 and Q2 ticked while the request held Q2 only).
    box('FY2026-Q1').click();
    box('FY2026-Q2').click();
    await el.updateComplete;
    expect([checked(), kept()]).to.deep.equal([['FY2026-Q1', 'FY2026-Q2'], ['FY2026-Q1', 'FY2026-Q2']]);
    // Both off and Q3 on, in one task: Q3 alone, as the boxes show.
    box('FY2026-Q1').click();
    box('FY2026-Q2').click();
    box('FY2026-Q3').click();
    await el.updateComplete;
    expect([checked(), kept()]).to.deep.equal([['FY2026-Q3'], ['FY2026-Q3']]);
  });

  it('follows the provider’s focus and speaks Chinese', async () => {
    const { plan, actuals } = data();
    const provider = await fixture<QkProvider>(html`<qk-provider locale="zh-CN" autosave-ms="0"><qk-adjustment-panel></qk-adjustment-panel></qk-provider>`);
    provider.adapter = new MemoryAdapter(plan, actuals, { user: 'u-east' });
    const el = provider.querySelector('qk-adjustment-panel')!;
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form never showed');
    provider.store.setFocus({ nodeId: 'r3', period: 'FY2026-Q2' });
    await el.updateComplete;
    expect(combo(el).value).to.equal('张伟');
    const checked = [...root(el).querySelectorAll<HTMLInputElement>('.periods input')].filter((i) => i.checked).map((i) => text(i.parentElement!));
    expect(checked).to.deep.equal(['FY2026-Q2']);
    expect(text(root(el).querySelector('h2')!)).to.equal('目标调整');
    await expect(el).to.be.accessible();
  });

  describe('suggested adjustments', () => {
    /*
     * 华东 as of Friday 13 March 2026, FY2026-Q1 (no holidays in the fixture's calendar): 64 working
     * days (January 22, February 20, March 22), 52 behind (22 + 20 + 10, 2–13 March) = 81.25 %.
     * Q1 targets: 张伟 (r3) and 刘洋 (r4) ¥400,000 each.
     * - 李强 (r2) was hired on 5 January, inside Q1: a new hire, no value suggested.
     * - 张伟 booked ¥80,000 (3 February), nothing open: run-rate 80,000 + 80,000 × 12 / 52 = 98,461.54;
     *   blended ½ · 98,461.54 + ½ · 80,000 = ¥89,230.77 = 22.3 % of 400,000 < 80 % → suggest ¥89,230.77.
     * - 刘洋 booked nothing and his only opportunity closes 15 April (after Q1): nothing to forecast
     *   from, so no suggestion (not “set 刘洋 to ¥0”).
     * - 王芳 has no Q1 target (only FY2026): nothing.
     */
    function store(leaveDate?: string): QkStore {
      const { plan, actuals } = data();
      plan.targets.push(
        { nodeId: 'r3', period: 'FY2026-Q1', metric: 'revenue', value: yuan(400_000) },
        { nodeId: 'r4', period: 'FY2026-Q1', metric: 'revenue', value: yuan(400_000) },
      );
      if (leaveDate) plan.org.find((n) => n.id === 'r4')!.leaveDate = leaveDate;
      const s = new QkStore({ autosaveMs: false, asOf: '2026-03-13' });
      s.setData(plan, actuals);
      s.setFocus({ nodeId: 'east', period: 'FY2026-Q1' });
      return s;
    }
    const items = (el: QkAdjustmentPanel) => [...root(el).querySelectorAll('[part=suggestion]')];

    /** Ticks "also suggest cutting the targets of reps far behind pace". */
    async function includePace(el: QkAdjustmentPanel): Promise<void> {
      root(el).querySelector<HTMLInputElement>('input[part=include-pace]')!.click();
      await el.updateComplete;
    }

    it('lists the pace and personnel suggestions of the focused subtree, each with its reason', async () => {
      const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-east" .store=${store()}></qk-adjustment-panel>`);
      const list = root(el).querySelector('[part=suggestions]')!;
      expect(text(list.querySelector('h3')!)).to.equal('Suggested adjustments');
      expect(text(list.querySelector(':scope > p')!)).to.equal('From the market, territory, personnel and product events of 华东, FY2026-Q1, as of 2026-03-13.');
      // Cutting 张伟's target because he is behind is off by default.
      expect(items(el).map((li) => text(li.querySelector('.head')!))).to.deep.equal(['李强 New hire Personnel change · Revenue · FY2026-Q1']);
      await includePace(el);
      expect(items(el).map((li) => text(li.querySelector('.head')!))).to.deep.equal([
        '李强 New hire Personnel change · Revenue · FY2026-Q1',
        '张伟 Behind pace Pace deviation · Revenue · FY2026-Q1',
      ]);
      expect(text(items(el)[1]!.querySelector('.reason')!)).to.equal(
        '张伟 is far behind pace in FY2026-Q1: with 81.3% of the working days behind, the actual is CN¥80,000.00 and the forecast CN¥89,230.77 is 22.3% of the target CN¥400,000.00.',
      );
      expect(items(el).map((li) => text(li.querySelector('.actions span')!))).to.deep.equal(['Suggested target: yours to set', 'Suggested target: CN¥89,230.77']);
      expect(items(el).map((li) => li.querySelector('button')!.getAttribute('aria-label'))).to.deep.equal([
        'Use in the form: 李强',
        'Use in the form: 张伟',
      ]);
      /*
       * The effect on his payout (sample plan): booking the forecast ¥89,230.77 is 22.3 % of ¥400,000,
       * under the 50 % where commission starts: ¥0. Against the cut target it is 100 %: 5 % of the
       * band 50–100 % = 5 % × 44,615.385 = ¥2,230.77. Falling behind would pay him more.
       */
      expect(text(items(el)[1]!.querySelector('[part=payout-effect]')!)).to.equal(
        'Payout at the forecast CN¥89,230.77: CN¥0.00 against the current target, CN¥2,230.77 against the cut one (+CN¥2,230.77).',
      );
      await expect(el).to.be.accessible();
      const zh = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="zh-CN" user-id="u-east" .store=${store()}></qk-adjustment-panel>`);
      await includePace(zh);
      expect(text(items(zh)[1]!.querySelector('.reason')!)).to.equal('张伟在 FY2026-Q1 进度严重落后：工作日已过 81.3%，完成 ¥80,000.00，预测 ¥89,230.77，仅为目标 ¥400,000.00 的 22.3%。');
      expect(text(items(zh)[1]!.querySelector('[part=payout-effect]')!)).to.equal('按预测 ¥89,230.77 计算提成：目标不变为 ¥0.00，调减后为 ¥2,230.77（+¥2,230.77）。');
      await expect(zh).to.be.accessible();
    });

    it('fills the form from a suggestion with the keyboard: a leaving rep’s remainder goes to the teammate', async () => {
      // 刘洋 leaves on Friday 27 February: 42 of 64 working days (22 + 20) → 400,000 × 42 / 64 = ¥262,500
      // stays with him; the remaining ¥137,500 goes to 张伟, the teammate who stays (¥537,500).
      const s = store('2026-02-27');
      const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-east" .store=${s}></qk-adjustment-panel>`);
      const leaving = items(el).find((li) => li.classList.contains('leaving'))!;
      expect(text(leaving.querySelector('.reason')!)).to.equal(
        '刘洋 leaves on 2026-02-27. The target for FY2026-Q1 is prorated to the working days until then: CN¥262,500.00 of CN¥400,000.00; the remaining CN¥137,500.00 goes to 张伟.',
      );
      leaving.querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const r = root(el);
      expect(combo(el).value).to.equal('刘洋');
      expect([...r.querySelectorAll<HTMLInputElement>('.periods input')].filter((i) => i.checked).map((i) => text(i.parentElement!))).to.deep.equal(['FY2026-Q1']);
      expect(r.querySelector<HTMLInputElement>('input.num')!.value).to.equal('262500');
      // The selects: metric, product line, trigger.
      expect(r.querySelectorAll<HTMLSelectElement>('.form select')[2]!.value).to.equal('personnel-change');
      expect([...r.querySelectorAll<HTMLInputElement>('.absorb input[type=radio]')].map((i) => i.checked)).to.deep.equal([false, false, true]);
      expect([...r.querySelectorAll<HTMLInputElement>('.recipients input')].filter((i) => i.checked).map((i) => text(i.parentElement!))).to.deep.equal(['张伟']);
      const reason = r.querySelector<HTMLTextAreaElement>('.form textarea')!;
      expect(reason.value).to.equal(text(leaving.querySelector('.reason')!));
      // Focus lands in the reason, to edit it; the focus of the dashboard stays on 华东.
      expect(r.activeElement).to.equal(reason);
      expect(s.focus.nodeId).to.equal('east');
      expect(text(r.querySelector('[part=message]')!)).to.equal('The form is filled from the suggestion for 刘洋. Check the numbers and edit the reason before you submit.');
      const rows = [...r.querySelectorAll('.preview table')[0]!.querySelectorAll('tbody tr')].map(rowText);
      expect(rows).to.include.members([
        '张伟 Recipient CN¥400,000.00 CN¥537,500.00 +CN¥137,500.00',
        '刘洋 Adjusted CN¥400,000.00 CN¥262,500.00 −CN¥137,500.00',
      ]);
      await expect(el).to.be.accessible();
    });
  });

  describe('suggestions from the seed’s triggers, grouped and capped (issue 16, item 7)', () => {
    function store(): QkStore {
      const { plan, actuals } = data();
      plan.targets.push(
        { nodeId: 'r3', period: 'FY2026-Q1', metric: 'revenue', value: yuan(400_000) },
        { nodeId: 'r4', period: 'FY2026-Q1', metric: 'revenue', value: yuan(400_000) },
      );
      const s = new QkStore({ autosaveMs: false, asOf: '2026-03-13' });
      s.setData(plan, actuals);
      s.setFocus({ nodeId: 'east', period: 'FY2026-Q1' });
      return s;
    }
    /*
     * FY2026-Q1 has 64 working days (22 + 20 + 22).
     * - 杭州组's market shrinks 25 % from Monday 2 March: the 22 working days of March are left, so
     *   800,000 − 800,000 × 25 % × 22 / 64 = 800,000 − 68,750 = ¥731,250, the parent absorbing.
     * - 张伟 is away 2–27 February: 20 working days, so 400,000 − 400,000 × 20 / 64 = ¥275,000.
     */
    const events = [
      { kind: 'market' as const, nodeId: 'east-hz', date: '2026-03-02', change: -0.25 },
      { kind: 'absence' as const, nodeId: 'r3', from: '2026-02-02', to: '2026-02-27' },
    ];
    const groups = (el: QkAdjustmentPanel) =>
      [...root(el).querySelectorAll('[part=suggestion-group]')].map((g) => [text(g.querySelector('h4')!), [...g.querySelectorAll('[part=suggestion] .actions span')].map(text)]);

    it('turns market changes and long absences into cards with their numbers, grouped, in both languages', async () => {
      const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-east" .store=${store()} .events=${events}></qk-adjustment-panel>`);
      expect(groups(el)).to.deep.equal([
        ['Market 1 of 1', ['Suggested target: CN¥731,250.00']],
        ['People and territory 2 of 2', ['Suggested target: yours to set', 'Suggested target: CN¥275,000.00']],
      ]);
      const reasons = [...root(el).querySelectorAll('[part=suggestion] .reason')].map(text);
      expect(reasons[0]).to.equal(
        'The market of 杭州组 changes by −25% from 2026-03-02. Applied to the 34.4% of the working days of FY2026-Q1 left from then, the target becomes CN¥731,250.00 instead of CN¥800,000.00; the parent total changes with it.',
      );
      expect(reasons[2]).to.equal('张伟 is away from 2026-02-02 to 2026-02-27: 20 working days of FY2026-Q1. Prorated, the target becomes CN¥275,000.00 instead of CN¥400,000.00; the teammates take the difference.');
      await expect(el).to.be.accessible();
      const zh = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="zh-CN" user-id="u-east" .store=${store()} .events=${events}></qk-adjustment-panel>`);
      expect(groups(zh).map((g) => g[0])).to.deep.equal(['市场 1 / 1', '人员与区域 2 / 2']);
      expect(text(root(zh).querySelectorAll('[part=suggestion] .reason')[2]!)).to.equal('张伟自 2026-02-02 至 2026-02-27 缺勤，占 FY2026-Q1 的 20 个工作日。按比例折算，目标由 ¥400,000.00 调为 ¥275,000.00，差额由同级分摊。');
    });

    it('after decomposing the sample company in the goal tree, shows at most 3 cards a group, pace cuts only when asked, and all on request', async function () {
      this.timeout(120000);
      const { sampleCompany } = await import('../../fixtures/sample-company.js');
      await import('../../../src/define/qk-goal-tree.js');
      const company = sampleCompany({ asOf: '2026-11-20' });
      const adapter = new MemoryAdapter(company.plan, company.actuals, { user: 'u-admin' });
      const provider = await fixture<QkProvider>(html`<qk-provider locale="zh-CN" autosave-ms="0" as-of="2026-11-20">
        <qk-goal-tree granularity="month" expand-depth="1"></qk-goal-tree>
        <qk-adjustment-panel></qk-adjustment-panel>
      </qk-provider>`);
      provider.adapter = adapter;
      const tree = provider.querySelector('qk-goal-tree')!;
      const el = provider.querySelector('qk-adjustment-panel')!;
      await waitUntil(() => tree.shadowRoot!.querySelector('[part~=decompose]'), 'the decompose offer never showed', { timeout: 60000 });
      tree.shadowRoot!.querySelector<HTMLButtonElement>('[part~=decompose]')!.click();
      await waitUntil(() => root(el).querySelector('[part=suggestions] h3'), 'no suggestions section', { timeout: 60000 });
      await el.updateComplete;
      // Off by default: no card proposes cutting a lagging rep's target.
      expect(root(el).querySelectorAll('[part=suggestion].pace').length).to.equal(0);
      for (const g of root(el).querySelectorAll('[part=suggestion-group]')) expect(g.querySelectorAll('[part=suggestion]').length).to.be.at.most(3);
      root(el).querySelector<HTMLInputElement>('input[part=include-pace]')!.click();
      await el.updateComplete;
      const pace = root(el).querySelector('[part=suggestion-group].pace')!;
      const total = Number(/\/ (\d+)/.exec(text(pace.querySelector('h4')!))![1]);
      // Dozens of reps lag after a top-down split; three are shown, with the payout effect.
      expect(total).to.be.greaterThan(3);
      expect(pace.querySelectorAll('[part=suggestion]').length).to.equal(3);
      expect(pace.querySelectorAll('[part=payout-effect]').length).to.equal(3);
      expect(root(el).querySelectorAll('[part=suggestion]').length).to.be.at.most(3 * root(el).querySelectorAll('[part=suggestion-group]').length);
      const more = pace.querySelector<HTMLButtonElement>('.show-all')!;
      expect([text(more), more.getAttribute('aria-expanded')]).to.deep.equal([`显示全部 ${total} 条`, 'false']);
      more.click();
      await el.updateComplete;
      expect(pace.querySelectorAll('[part=suggestion]').length).to.equal(total);
      expect(text(pace.querySelector('.show-all')!)).to.equal('收起');
    });
  });

  describe('the pre-filled reason follows the chosen absorption (issue 16, item 6)', () => {
    it('rewrites a suggestion’s reason when another absorption is chosen, and leaves an edited reason alone', async () => {
      const { plan, actuals } = data();
      const s = new QkStore({ autosaveMs: false, asOf: '2026-03-13' });
      s.setData(plan, actuals);
      s.setFocus({ nodeId: 'east', period: 'FY2026-Q1' });
      const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="zh-CN" user-id="u-east" .store=${s}></qk-adjustment-panel>`);
      const joining = [...root(el).querySelectorAll('[part=suggestion]')].find((li) => li.classList.contains('joining'))!;
      joining.querySelector('button')!.click();
      await el.updateComplete;
      const r = root(el);
      const reason = () => r.querySelector<HTMLTextAreaElement>('.form textarea')!.value;
      expect(reason()).to.equal('李强于 2026-01-05 入职（FY2026-Q1 期间），需要设定爬坡期目标，差额由同级分摊。');
      // 上级总额随之变化 (parent): the reason used to keep saying 差额由同级分摊.
      const radios = [...r.querySelectorAll<HTMLInputElement>('.absorb input[type=radio]')];
      radios[1]!.click();
      await el.updateComplete;
      expect(radios[1]!.checked).to.equal(true);
      expect(reason()).to.equal('李强于 2026-01-05 入职（FY2026-Q1 期间），需要设定爬坡期目标，上级总额随之变化。');
      // Once the user has written their own reason, a change of absorption keeps it.
      const area = r.querySelector<HTMLTextAreaElement>('.form textarea')!;
      area.value = '按新人爬坡政策调整。';
      area.dispatchEvent(new Event('input'));
      await el.updateComplete;
      radios[0]!.click();
      await el.updateComplete;
      expect(reason()).to.equal('按新人爬坡政策调整。');
    });
  });

  describe('the node combobox', () => {
    it('follows the combobox keyboard contract: Down/Up move, Enter picks, Escape closes; search by name or path', async () => {
      const el = await fixture<QkAdjustmentPanel>(html`<qk-adjustment-panel lang="en" user-id="u-admin" .data=${data()}></qk-adjustment-panel>`);
      const input = combo(el);
      expect([input.value, input.getAttribute('aria-expanded')]).to.deep.equal(['星河科技', 'false']);
      input.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      // Opens on the chosen node (the company), then moves.
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(input.getAttribute('aria-activedescendant')).to.equal('node-opt-0');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal('node-opt-1');
      expect(root(el).querySelector('#node-opt-1')!.getAttribute('aria-selected')).to.equal('true');
      await expect(el).to.be.accessible();
      const focus = oneEvent(el, 'qk-focus-change') as Promise<QkFocusChangeEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await focus).focus.nodeId).to.equal('east');
      await el.updateComplete;
      expect([input.value, input.getAttribute('aria-expanded'), optionNodes(el).length]).to.deep.equal(['华东', 'false', 0]);
      // 杭州组 by name, 张伟 and 刘洋 by their path 星河科技 / 华东 / 杭州组.
      input.value = '杭州';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(optionNodes(el)).to.deep.equal(['east-hz', 'r3', 'r4']);
      expect(text(root(el).querySelector('[role=option][data-node=r3]')!)).to.equal('张伟星河科技 / 华东 / 杭州组');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect([input.value, input.getAttribute('aria-expanded'), optionNodes(el).length]).to.deep.equal(['华东', 'false', 0]);
    });
  });

  describe('refusals name the rule', () => {
    it('the observed self-approval: 华东’s manager cannot approve or apply their own request, whatever user-id the page sets', async () => {
      const { plan, actuals } = data();
      // 周敏 (u-east) asked for 上海一组 herself; the page claims she is the admin.
      const state = { plan: plan.plan, org: plan.org, targets: plan.targets };
      const draft = createAdjustment({ id: 'adj-east', planId: plan.plan.id, nodeId: 'east-sh', metric: 'revenue', periods: ['FY2026'], change: { kind: 'value', value: yuan(4_100_000) }, trigger: 'market-shift', reason: 'A new key account moved to Shanghai', absorption: { mode: 'siblings' }, requesterId: 'u-east', at: '2026-06-20T09:00:00Z' });
      if (!draft.ok) throw new Error(draft.error.code);
      const p = previewAdjustment(draft.value, state);
      if (!p.ok) throw new Error(p.error.code);
      const sent = transitionAdjustment(draft.value, 'submit', { by: user('u-east'), at: '2026-06-20T09:00:00Z', org: plan.org, preview: p.value });
      if (!sent.ok) throw new Error(sent.error.code);
      const adapter = new MemoryAdapter(plan, actuals, { user: 'u-east', adjustments: [sent.value] });
      const provider = await fixture<QkProvider>(html`<qk-provider locale="en" autosave-ms="0"><qk-adjustment-panel view="queue" user-id="u-admin"></qk-adjustment-panel></qk-provider>`);
      provider.adapter = adapter;
      const el = provider.querySelector('qk-adjustment-panel')!;
      await waitUntil(() => el.shadowRoot!.querySelector('.request'), 'the queue never showed', { timeout: 60000 });
      // No approve button for her own request.
      expect([...root(el).querySelectorAll('.request button')].map(text)).to.deep.equal(['Withdraw']);
      const error = oneEvent(el, 'qk-error') as Promise<QkErrorEvent>;
      expect(await el.decide('adj-east', 'approve')).to.equal(false);
      expect((await error).detail).to.deep.include({ code: 'adjustment-forbidden-own', source: 'engine' });
      await el.updateComplete;
      expect(text(root(el).querySelector('[role=alert]')!)).to.equal('You made this request, so you cannot decide on it or apply it: a manager responsible for 华东, or an administrator, must.');
      expect(await el.apply('adj-east')).to.equal(false);
      expect(provider.store.getCell('east-sh', 'FY2026', 'revenue')!.value).to.equal(400_000_000);
      expect((await adapter.listAdjustments()).map((a) => [a.requesterId, a.status])).to.deep.equal([['u-east', 'pending']]);
    });
  });
});
