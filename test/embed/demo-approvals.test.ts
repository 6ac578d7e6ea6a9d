/**
 * Issue 16, item 6: in the demo a director walks an adjustment through without code. The user
 * switcher signs in as the veteran rep, who asks for a lower target. Asked for the whole year after
 * eleven months closed, the form refuses it at once, naming the rule (closed months are archived);
 * asked for the current month, it is submitted. Finance sees why they may not approve it; the rep's
 * team manager approves it. Switching the user switches the adapter's identity (a new adapter for
 * that user), not a field. Apply and the notice are walked in demo-approval-walk.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDemo, text, LONG, type Demo } from './demo-helpers.js';

describe('demo/index.html: the user switcher and an approval that completes', () => {
  let demo: Demo | undefined;
  afterEach(() => demo?.close());

  it('rep requests (the whole year refused by rule, the month submitted) → finance is told the rule → the team manager approves', async function () {
    this.timeout(900_000);
    demo = await openDemo('zh-CN');
    const { doc, store } = demo;
    // The admin decomposes the company target so every rep has one.
    await demo.decompose();

    const users = store().snapshot!.users!;
    const rep = users.find((u) => u.roles.includes('rep'))!;
    const lead = users.find((u) => u.id === 'u-team-lead')!;
    const org = store().org;
    const team = org.find((n) => n.id === rep.nodeId)!.parentId!;
    const teamName = org.find((n) => n.id === team)!.name;
    const fy = `FY${store().plan!.fiscalYear}`;
    const month = store().asOf.slice(0, 7);
    const value = (id: string, period = fy) => store().getCell(id, period, 'revenue')?.value ?? 0;
    const before = { rep: value(rep.nodeId!), team: value(team), month: value(rep.nodeId!, month) };
    expect(before.month).to.be.greaterThan(1_000_000);

    const select = doc.getElementById('user') as HTMLSelectElement;
    // From the rep up: the rep logins, the team manager, the region managers, finance, the admin.
    expect([...select.options].map((o) => o.textContent!.split(' · ')[1])).to.include.members(['销售代表', '团队经理', '区域经理', '财务', '管理员']);
    const panel = doc.querySelector('qk-adjustment-panel')!;
    const r = () => panel.shadowRoot!;
    const tick = async (period: string) => {
      for (const box of r().querySelectorAll<HTMLInputElement>('.periods input:checked')) box.click();
      [...r().querySelectorAll<HTMLLabelElement>('.periods label')].find((l) => text(l) === period)!.querySelector('input')!.click();
      await panel.updateComplete;
    };
    const amount = async (v: number) => {
      const input = r().querySelector<HTMLInputElement>('input.num')!;
      input.value = (v / 100).toFixed(2);
      input.dispatchEvent(new Event('input'));
      await panel.updateComplete;
    };

    // 1. The rep asks for ¥10,000 less for the year, the teammates absorbing it: refused by rule.
    await demo.signIn(rep.id);
    await waitUntil(() => r().querySelector('form'), 'the request form never showed for the rep', LONG);
    await tick(fy);
    await amount(before.rep - 1_000_000);
    const reason = r().querySelector<HTMLTextAreaElement>('form textarea')!;
    reason.value = '大客户转由重点客户部负责，目标相应调减';
    reason.dispatchEvent(new Event('input'));
    await panel.updateComplete;
    r().querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await waitUntil(() => [...r().querySelectorAll('[part~=message]')].some((m) => text(m).includes('前结账')), 'the whole-year request was never refused', LONG);
    const rule = [...r().querySelectorAll('[part~=message]')].map(text).find((m) => m.includes('前结账'))!;
    // The first archived cell it would change names the period: one that ended before today.
    const m = new RegExp(`^(\\S+) 已于 ${store().asOf} 前结账，该期目标已归档，调整申请不能改动（${fy} 会改动(.+)在 \\1 的目标）。请只选择尚未结账的期间。$`).exec(rule);
    expect(m, rule).to.not.equal(null);
    expect(m![1] !== month && org.some((n) => n.name === m![2])).to.equal(true);
    expect(panel.requests.filter((q) => q.requesterId === rep.id)).to.deep.equal([]);

    // 2. The same ¥10,000 for the current month only: submitted.
    await tick(month);
    await amount(before.month - 1_000_000);
    r().querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await waitUntil(() => panel.requests.some((q) => q.requesterId === rep.id && q.status === 'pending'), 'the request was never submitted', LONG);

    // 3. Finance may not decide: the queue says which rule and why not 林涛.
    await demo.signIn('u-finance');
    r().querySelector<HTMLButtonElement>('#tab-queue')!.click();
    await waitUntil(() => r().querySelector('.request [part=rule]'), 'finance never saw the rule', LONG);
    expect(text(r().querySelector('.request [part=rule]')!)).to.equal(`只有负责${teamName}或更高层级的经理、或管理员可以审批、驳回或执行此申请；林涛是财务人员。`);
    expect([...r().querySelectorAll('.request button')].map(text)).to.deep.equal([]);

    // 4. The team manager approves; writing it into the plan is offered.
    await demo.signIn(lead.id);
    r().querySelector<HTMLButtonElement>('#tab-queue')!.click();
    await waitUntil(() => [...r().querySelectorAll('.request button')].some((b) => text(b) === '批准'), 'the team manager was never offered 批准', LONG);
    [...r().querySelectorAll<HTMLButtonElement>('.request button')].find((b) => text(b) === '批准')!.click();
    await waitUntil(() => [...r().querySelectorAll('.request button')].some((b) => text(b) === '写入计划'), 'never approved', LONG).catch(() => {
      throw new Error(`never approved: ${[...r().querySelectorAll('.request')].map(text).join(' | ')}`);
    });
    expect(panel.requests.find((q) => q.requesterId === rep.id)!.status).to.equal('approved');
    // Approved, not yet applied: the plan is as it was.
    expect([value(rep.nodeId!), value(team), value(rep.nodeId!, month)]).to.deep.equal([before.rep, before.team, before.month]);
    expect(demo.page.errors).to.deep.equal([]);
  });
});
