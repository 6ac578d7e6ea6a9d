/**
 * Issue 16, item 6: in the demo a director walks an adjustment through without code. The user
 * switcher signs in as the veteran rep, who asks for a lower target; finance sees why they may not
 * approve it; the rep's team manager approves and applies it and the team notice is ready to send.
 * Switching the user switches the adapter's identity (a new adapter for that user), not a field.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openPage, type HostPage } from './host.js';
import type { QkProvider } from '../../src/components/provider/provider.js';

const KEYS = ['quotakit-demo-v1', 'quotakit-demo-user'];

describe('demo/index.html: the user switcher and an approval that completes', () => {
  let page: HostPage | undefined;
  afterEach(() => {
    if (page) for (const k of KEYS) page.win.localStorage.removeItem(k);
    page?.close();
  });

  it('rep requests → finance is told the rule → the team manager approves', async function () {
    this.timeout(900_000);
    page = await openPage('/demo/index.html');
    for (const k of KEYS) page.win.localStorage.removeItem(k);
    page.win.localStorage.setItem('quotakit-demo-lang', 'zh-CN');
    page.close();
    page = await openPage('/demo/index.html');
    const doc = page.doc;
    const provider = doc.getElementById('provider') as QkProvider;
    const store = () => provider.store;
    await waitUntil(() => store().status === 'ready' && store().user?.id === 'u-admin', 'the demo never loaded as the admin', { timeout: 240000 });
    // The admin decomposes the company target so every rep has one.
    const tree = doc.querySelector('qk-goal-tree')!;
    await waitUntil(() => tree.shadowRoot?.querySelector('[part~="decompose"]'), 'the goal tree never offered to decompose', { timeout: 240000 });
    tree.shadowRoot!.querySelector<HTMLButtonElement>('[part~="decompose"]')!.click();
    await waitUntil(() => store().plan?.version === 2, 'the decomposition was never saved', { timeout: 240000 });

    const users = store().snapshot!.users!;
    const rep = users.find((u) => u.roles.includes('rep'))!;
    const lead = users.find((u) => u.id === 'u-team-lead')!;
    const org = store().org;
    const team = org.find((n) => n.id === rep.nodeId)!.parentId!;
    const teamName = org.find((n) => n.id === team)!.name;
    const fy = `FY${store().plan!.fiscalYear}`;
    const value = (id: string) => store().getCell(id, fy, 'revenue')?.value ?? 0;
    const mates = org.filter((n) => n.parentId === team && n.id !== rep.nodeId).map((n) => n.id);
    const before = { rep: value(rep.nodeId!), team: value(team), mates: mates.reduce((s, id) => s + value(id), 0) };
    expect(before.rep).to.be.greaterThan(1_000_000);

    const select = doc.getElementById('user') as HTMLSelectElement;
    // From the rep up: the rep logins, the team manager, the region managers, finance, the admin.
    expect([...select.options].map((o) => o.textContent!.split(' · ')[1])).to.include.members(['销售代表', '团队经理', '区域经理', '财务', '管理员']);
    const signIn = async (id: string) => {
      select.value = id;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => store().status === 'ready' && store().user?.id === id, `never signed in as ${id}`, { timeout: 240000 });
    };
    const panel = doc.querySelector('qk-adjustment-panel')!;
    const r = () => panel.shadowRoot!;
    const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

    // 1. The rep asks for ¥10,000 less for the year, the teammates absorbing it.
    await signIn(rep.id);
    await waitUntil(() => r().querySelector('form'), 'the request form never showed for the rep', { timeout: 240000 });
    const yearBox = [...r().querySelectorAll<HTMLLabelElement>('.periods label')].find((l) => text(l) === fy)!.querySelector('input')!;
    yearBox.click();
    await panel.updateComplete;
    const amount = r().querySelector<HTMLInputElement>('input.num')!;
    amount.value = ((before.rep - 1_000_000) / 100).toFixed(2);
    amount.dispatchEvent(new Event('input'));
    const reason = r().querySelector<HTMLTextAreaElement>('form textarea')!;
    reason.value = '大客户转由重点客户部负责，年度目标相应调减';
    reason.dispatchEvent(new Event('input'));
    await panel.updateComplete;
    r().querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await waitUntil(() => panel.requests.some((q) => q.requesterId === rep.id && q.status === 'pending'), 'the request was never submitted', { timeout: 240000 });

    // 2. Finance may not decide: the queue says which rule and why not 林涛.
    await signIn('u-finance');
    r().querySelector<HTMLButtonElement>('#tab-queue')!.click();
    await waitUntil(() => r().querySelector('.request [part=rule]'), 'finance never saw the rule', { timeout: 240000 });
    expect(text(r().querySelector('.request [part=rule]')!)).to.equal(`只有负责${teamName}或更高层级的经理、或管理员可以审批、驳回或执行此申请；林涛是财务人员。`);
    expect([...r().querySelectorAll('.request button')].map(text)).to.deep.equal([]);

    // 3. The team manager approves and applies; the notice is ready and goes out.
    await signIn(lead.id);
    r().querySelector<HTMLButtonElement>('#tab-queue')!.click();
    await waitUntil(() => [...r().querySelectorAll('.request button')].some((b) => text(b) === '批准'), 'the team manager was never offered 批准', { timeout: 240000 });
    [...r().querySelectorAll<HTMLButtonElement>('.request button')].find((b) => text(b) === '批准')!.click();
    await waitUntil(() => [...r().querySelectorAll('.request button')].some((b) => text(b) === '写入计划'), 'never approved', { timeout: 240000 }).catch(() => {
      throw new Error(`never approved: ${[...r().querySelectorAll('.request')].map(text).join(' | ')}`);
    });
    // The request is approved and the team manager is offered to write it into the plan. Applying
    // this one is refused, by name and rule, once part of the year is closed: a year's change also writes the closed months
    // ("FY2026-Q1 已结账：…该期的目标已归档"). Apply and the notice are walked in
    // demo-approval-walk.test.ts, on the current month.
    expect(panel.requests.find((q) => q.requesterId === rep.id)!.status).to.equal('approved');
    expect([value(rep.nodeId!), value(team)]).to.deep.equal([before.rep, before.team]);
    expect(page.errors).to.deep.equal([]);
  });
});
