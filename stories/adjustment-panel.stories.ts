import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { expectState, LONG, settled, stateOf, text } from './support/play.js';
import { html } from 'lit';
import '../src/define/qk-adjustment-panel.js';
import '../src/define/qk-provider.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { QkStore } from '../src/store/store.js';
import { createAdjustment, previewAdjustment, transitionAdjustment, type AdjustmentRequest } from '../src/engine/adjustment/index.js';
import type { ActualsSnapshot, PlanSnapshot, User } from '../src/engine/plan/model.js';

const yuan = (n: number) => n * 100;
const fy = (nodeId: string, v: number, locked = false) => ({ nodeId, period: 'FY2026', metric: 'revenue' as const, value: yuan(v), ...(locked ? { locked } : {}) });

/**
 * 星河科技, FY2026 revenue: 华东 ¥7,200,000 = 上海一组 ¥4,000,000 (王芳 2.5M, 李强 1.5M) + 杭州组
 * ¥3,200,000 (张伟, 刘洋 1.6M each); 华南 ¥4,800,000 (locked) = 深圳组 (陈静 3.0M, 赵磊 1.8M).
 */
function data(): { plan: PlanSnapshot; actuals: ActualsSnapshot } {
  const users: User[] = [
    { id: 'u-admin', name: '系统管理员', roles: ['admin'], canView: ['co'], canEdit: ['co'] },
    { id: 'u-east', name: '周敏', roles: ['manager'], canView: ['east'], canEdit: ['east'] },
    { id: 'u-r1', name: '王芳', roles: ['rep'], canView: ['r1'], canEdit: [], nodeId: 'r1' },
  ];
  return {
    plan: {
      plan: { id: 'plan-fy2026', name: 'FY2026 销售计划', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
      org: [
        { id: 'co', name: '星河科技', parentId: null, kind: 'company' },
        { id: 'east', name: '华东', parentId: 'co', kind: 'region' },
        { id: 'south', name: '华南', parentId: 'co', kind: 'region' },
        { id: 'east-sh', name: '上海一组', parentId: 'east', kind: 'team' },
        { id: 'east-hz', name: '杭州组', parentId: 'east', kind: 'team' },
        { id: 'south-sz', name: '深圳组', parentId: 'south', kind: 'team' },
        { id: 'r1', name: '王芳', parentId: 'east-sh', kind: 'rep' },
        { id: 'r2', name: '李强', parentId: 'east-sh', kind: 'rep', leaveDate: '2026-06-30' },
        { id: 'r3', name: '张伟', parentId: 'east-hz', kind: 'rep' },
        { id: 'r4', name: '刘洋', parentId: 'east-hz', kind: 'rep' },
        { id: 'r5', name: '陈静', parentId: 'south-sz', kind: 'rep' },
        { id: 'r6', name: '赵磊', parentId: 'south-sz', kind: 'rep' },
      ],
      products: [{ id: 'core', name: '核心平台', new: false }],
      stages: [{ id: 'lead' }, { id: 'won' }],
      targets: [
        fy('co', 12_000_000), fy('east', 7_200_000), fy('south', 4_800_000, true), fy('east-sh', 4_000_000), fy('east-hz', 3_200_000), fy('south-sz', 4_800_000),
        fy('r1', 2_500_000), fy('r2', 1_500_000), fy('r3', 1_600_000), fy('r4', 1_600_000), fy('r5', 3_000_000), fy('r6', 1_800_000),
      ],
      users,
    },
    actuals: {
      from: '2026-01-01',
      to: '2026-12-31',
      actuals: [
        { id: 'b1', repId: 'r1', productId: 'core', date: '2026-01-15', type: 'booking', amount: yuan(120_000) },
        { id: 'b2', repId: 'r2', productId: 'core', date: '2026-02-03', type: 'booking', amount: yuan(45_000) },
        { id: 'b3', repId: 'r3', productId: 'core', date: '2026-02-03', type: 'booking', amount: yuan(80_000) },
      ],
      stageCounts: [],
      pipeline: [],
    },
  };
}

/** 周敏's request: 李强 leaves on 30 June, so his FY2026 target drops to ¥750,000 and 王芳 takes the ¥750,000. */
function request(status: 'pending' | 'approved' = 'pending', baseVersion?: number): AdjustmentRequest {
  const d = data();
  const users = d.plan.users!;
  const draft = createAdjustment({
    id: 'adj-2026-001', planId: 'plan-fy2026', nodeId: 'r2', metric: 'revenue', periods: ['FY2026'], change: { kind: 'value', value: yuan(750_000) },
    trigger: 'personnel-change', reason: '李强 离职（6 月 30 日），下半年目标由王芳承接。', absorption: { mode: 'recipients', recipients: ['r1'] },
    requesterId: 'u-east', at: '2026-06-20T09:00:00Z',
  });
  if (!draft.ok) throw new Error(draft.error.message);
  const plan = baseVersion === undefined ? d.plan.plan : { ...d.plan.plan, version: baseVersion };
  const p = previewAdjustment(draft.value, { plan, org: d.plan.org, targets: d.plan.targets, actuals: d.actuals.actuals });
  if (!p.ok) throw new Error(p.error.message);
  const s = transitionAdjustment(draft.value, 'submit', { by: users[1]!, at: '2026-06-20T09:05:00Z', org: d.plan.org, preview: p.value });
  if (!s.ok) throw new Error(s.error.message);
  if (status === 'pending') return s.value;
  const a = transitionAdjustment(s.value, 'approve', { by: users[0]!, at: '2026-06-21T10:00:00Z', org: d.plan.org, comment: '同意，请同步客户交接。' });
  if (!a.ok) throw new Error(a.error.message);
  return a.value;
}

function withDraft(userId: string, draft: object): void {
  localStorage.setItem(`quotakit.adjustment-draft.plan-fy2026.${userId}`, JSON.stringify(draft));
}

const meta: Meta = {
  title: 'Elements/qk-adjustment-panel',
  component: 'qk-adjustment-panel',
  parameters: { docs: { description: { component: 'Propose, preview, approve or reject, apply and audit target changes; a team notice after each applied change.' } } },
  decorators: [(story) => html`<div style="max-width: 960px">${story()}</div>`],
  argTypes: {
    view: { control: 'inline-radio', options: ['request', 'queue', 'history'] },
    userId: { control: 'select', options: ['u-admin', 'u-east', 'u-r1'] },
    lang: { control: 'inline-radio', options: ['', 'zh-CN', 'en'] },
  },
  play: async ({ canvasElement, name, parameters }) => expectState(await settled(canvasElement, 'qk-adjustment-panel'), parameters.qkState ?? stateOf(name)),
};

const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.request [part~="actions"] button')];
export default meta;
type Story = StoryObj;

export const NewRequest: Story = {
  render: () => {
    localStorage.removeItem('quotakit.adjustment-draft.plan-fy2026.u-east');
    return html`<qk-adjustment-panel user-id="u-east" .data=${data()}></qk-adjustment-panel>`;
  },
};

/** A filled form (restored from the device's draft) with its live preview. */
export const Preview: Story = {
  render: () => {
    withDraft('u-east', {
      nodeId: 'r2', metric: 'revenue', periods: ['FY2026'], changeKind: 'value', value: '750,000', percent: '', trigger: 'personnel-change',
      reason: '李强 离职（6 月 30 日），下半年目标由王芳承接。', evidence: 'HR 离职单 #2026-118', absorption: 'recipients', recipients: ['r1'],
    });
    return html`<qk-adjustment-panel user-id="u-east" .data=${data()}></qk-adjustment-panel>`;
  },
};

/**
 * The suggested adjustments for 华东, FY2026-Q1, as of 13 March 2026: 王芳 and 张伟 far behind pace
 * (forecasts of ¥208,846.16 and ¥89,230.77 against ¥700,000 and ¥400,000), 刘洋 leaving on
 * 27 February (¥262,500 stays, ¥137,500 to 张伟) and 孙悦 hired on 2 March. Each button fills the form.
 */
export const Suggested: Story = {
  render: () => {
    localStorage.removeItem('quotakit.adjustment-draft.plan-fy2026.u-east');
    const { plan, actuals } = data();
    const q1 = (nodeId: string, v: number) => ({ nodeId, period: 'FY2026-Q1', metric: 'revenue' as const, value: yuan(v) });
    plan.org = plan.org.map((n) => (n.id === 'r4' ? { ...n, leaveDate: '2026-02-27' } : n));
    plan.org.push({ id: 'r7', name: '孙悦', parentId: 'east-sh', kind: 'rep', hireDate: '2026-03-02' });
    plan.targets.push(q1('r1', 700_000), q1('r3', 400_000), q1('r4', 400_000));
    actuals.pipeline = [{ id: 'o1', repId: 'r1', productId: 'core', amount: yuan(300_000), stageId: 'lead', expectedClose: '2026-03-25', probability: 0.5 }];
    const store = new QkStore({ autosaveMs: false, asOf: '2026-03-13' });
    store.setData(plan, actuals);
    store.setFocus({ nodeId: 'east', period: 'FY2026-Q1' });
    return html`<qk-adjustment-panel user-id="u-east" .store=${store}></qk-adjustment-panel>`;
  },
};

/** 周敏's request in the approver's queue. The play approves it, and the request turns approved with an Apply button. */
export const PendingQueueAsApprover: Story = {
  args: { view: 'queue', userId: 'u-admin', lang: 'en' },
  render: (args) => html`<qk-adjustment-panel view=${args.view} user-id=${args.userId} lang=${args.lang} .data=${data()} .requests=${[request()]}></qk-adjustment-panel>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'qk-adjustment-panel');
    await expectState(el, 'ready');
    await waitFor(() => expect(buttons(el).map((b) => text(b))).toEqual(['Approve', 'Reject']), LONG);
    buttons(el)[0].click();
    await waitFor(() => expect(text(el.shadowRoot!.querySelector('.request .badge'))).toBe('Approved'), LONG);
    await expect(buttons(el).map((b) => text(b))).toContain('Apply to plan');
  },
};

/** 王芳 (a rep) sees the request on her node but may not decide it: no approval buttons. */
export const ReadOnlyAsRep: Story = {
  render: () => html`<qk-adjustment-panel view="queue" user-id="u-r1" lang="en" .data=${data()} .requests=${[request()]}></qk-adjustment-panel>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'qk-adjustment-panel');
    await expectState(el, 'ready');
    await waitFor(() => expect(el.shadowRoot!.querySelector('.request')).not.toBeNull(), LONG);
    await expect(buttons(el).map((b) => text(b))).not.toContain('Approve');
  },
};

export const History: Story = {
  render: () => html`<qk-adjustment-panel view="history" user-id="u-admin" .data=${data()} .requests=${[request('approved')]}></qk-adjustment-panel>`,
};

/** Approved on plan version 0; the plan is at version 1 now: applying reports a conflict. */
export const Conflict: Story = {
  render: () => html`<qk-adjustment-panel
    view="queue"
    user-id="u-admin"
    .data=${data()}
    .requests=${[request('approved', 0)]}
  ></qk-adjustment-panel>`,
  play: async ({ canvasElement }) => {
    const el = await settled<import('../src/components/adjustment-panel/adjustment-panel.js').QkAdjustmentPanel>(canvasElement, 'qk-adjustment-panel');
    await expect(await el.apply('adj-2026-001')).toBe(false);
    await el.updateComplete;
    await waitFor(() => expect(el.shadowRoot!.querySelector('.request [role="alert"]')).not.toBeNull(), LONG);
  },
};

/** The host handed over data that fails validation. */
/**
 * A flat org of 100,000 reps: the person is picked in a search box that lists at most 50 matches
 * (type a name such as 销售99999, or a path); nothing builds 100,000 options.
 */
export const LargeOrg: Story = {
  tags: ['heavy'],
  render: () => {
    const { plan } = data();
    const reps = Array.from({ length: 100_000 }, (_, i) => ({ id: `rep-${i + 1}`, name: `销售${i + 1}`, parentId: 'co', kind: 'rep' as const }));
    const big: PlanSnapshot = { ...plan, org: [plan.org[0]!, ...reps], targets: [{ nodeId: 'co', period: 'FY2026', metric: 'revenue', value: yuan(120_000_000) }], users: [plan.users![0]!] };
    return html`<qk-adjustment-panel user-id="u-admin" .data=${{ plan: big }}></qk-adjustment-panel>`;
  },
};

/**
 * 周敏 (signed in through the adapter as u-east) looks at her own pending request: she may withdraw
 * it but not approve or apply it, whatever `user-id` the page sets; the refusal names who may.
 */
export const OwnRequestAsRequester: Story = {
  render: () => {
    const { plan, actuals } = data();
    const adapter = new MemoryAdapter(plan, actuals, { user: 'u-east', adjustments: [request()] });
    return html`<qk-provider locale="en" autosave-ms="0" .adapter=${adapter}><qk-adjustment-panel view="queue" user-id="u-admin"></qk-adjustment-panel></qk-provider>`;
  },
};

export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<qk-adjustment-panel .data=${{ plan: { plan: { id: '' }, org: 'not a list' } }}></qk-adjustment-panel>`,
};

export const Loading: Story = {
  render: () => {
    const store = new QkStore({ autosaveMs: false });
    store.setLoading();
    return html`<qk-adjustment-panel .store=${store}></qk-adjustment-panel>`;
  },
};

/** The approver's queue with no request in it: a message, not an empty box. */
export const EmptyQueue: Story = {
  parameters: { qkState: 'empty' },
  render: () => html`<qk-adjustment-panel view="queue" user-id="u-admin" .data=${data()}></qk-adjustment-panel>`,
};

export const ChineseUnderProvider: Story = {
  render: () => {
    const { plan, actuals } = data();
    const adapter = new MemoryAdapter(plan, actuals, { user: 'u-east' });
    return html`<qk-provider locale="zh-CN" autosave-ms="0" .adapter=${adapter}><qk-adjustment-panel></qk-adjustment-panel></qk-provider>`;
  },
};

export const Dark: Story = {
  render: () => html`<div class="qk-theme-dark" style="background:#0d1117;padding:16px">
    <qk-adjustment-panel view="queue" user-id="u-admin" .data=${data()} .requests=${[request()]}></qk-adjustment-panel>
  </div>`,
};
