/**
 * Issue 16, item 6, the whole path in the demo (demo/index.html, its user switcher and inbox), in
 * zh-CN and in en: a rep asks for ¥10,000 less on one product line (云平台) for the current month,
 * the teammates absorbing it → the queue names the product line, not its id → another region's manager
 * is told the rule, by name → the rep's region manager approves and writes it into the plan → the
 * rep's month target on that line is ¥10,000 lower, the teammates' ¥10,000 higher, the team's unchanged → the
 * team notice is sent → signed in as the rep again, it is in their inbox.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDemo, text, LONG, type Demo } from './demo-helpers.js';

const L = {
  'zh-CN': {
    empty: (name: string) => `${name}暂无通知。`,
    reason: '大客户转由重点客户部负责，年度目标相应调减',
    rule: (team: string, user: string, scope: string) => `只有负责${team}或更高层级的经理、或管理员可以审批、驳回或执行此申请；${user}负责的是${scope}，不包括${team}。`,
    approve: '批准',
    apply: '写入计划',
    send: '发送给团队',
    sent: '通知已发送。',
  },
  en: {
    empty: (name: string) => `No notices for ${name}.`,
    reason: 'A key account moves to the key-accounts team; the target goes down with it',
    rule: (team: string, user: string, scope: string) =>
      `Only a manager responsible for ${team} or above, or an administrator, can approve, reject or apply this; ${user} manages ${scope}, which does not include ${team}.`,
    approve: 'Approve',
    apply: 'Apply to plan',
    send: 'Send to the team',
    sent: 'Notice sent.',
  },
} as const;

for (const lang of ['zh-CN', 'en'] as const) describe(`demo/index.html in ${lang}: request → approve → apply → notice`, () => {
  const l = L[lang];
  let demo: Demo | undefined;
  afterEach(() => demo?.close());

  it("a rep's request, approved and applied by the region manager, changes the plan and reaches the rep's inbox", async function () {
    this.timeout(1_200_000);
    demo = await openDemo(lang);
    const { doc, store } = demo;
    await demo.decompose();

    const users = store().snapshot!.users!;
    const org = store().org;
    const byId = new Map(org.map((n) => [n.id, n]));
    const rep = users.find((u) => u.roles.includes('rep'))!;
    const team = byId.get(rep.nodeId!)!.parentId!;
    let region = team;
    while (byId.get(region)!.kind !== 'region') region = byId.get(region)!.parentId!;
    const director = users.find((u) => u.roles.includes('manager') && u.canEdit.includes(region))!;
    const otherDirector = users.find((u) => u.roles.includes('manager') && byId.get(u.canEdit[0])?.kind === 'region' && u.canEdit[0] !== region)!;
    expect([director, otherDirector].every(Boolean), 'the sample has a manager for the rep’s region and one for another').to.equal(true);
    // The current month: the year's closed months are archived, and an apply touching them is refused.
    const month = store().asOf.slice(0, 7);
    // One product line: its cells change, and the queue must name it (云平台), not show its id.
    const product = store().snapshot!.products.find((p) => p.id === 'cloud')!;
    const value = (id: string) => store().getCell(id, month, 'revenue', product.id)?.value ?? 0;
    const mates = org.filter((n) => n.parentId === team && n.id !== rep.nodeId).map((n) => n.id);
    const sumMates = () => mates.reduce((s, id) => s + value(id), 0);
    const before = { rep: value(rep.nodeId!), team: value(team), mates: sumMates() };
    expect(before.rep).to.be.greaterThan(1_000_000);

    const signIn = (id: string) => demo!.signIn(id);
    const panel = doc.querySelector('qk-adjustment-panel')!;
    const r = () => panel.shadowRoot!;
    const buttons = () => [...r().querySelectorAll<HTMLButtonElement>('.request button')];
    const button = (label: string) => buttons().find((b) => text(b) === label);
    const inbox = () => [...doc.querySelectorAll('#inbox li')].map(text);

    // 1. The rep asks for ¥10,000 less this month (the panel's default: the teammates absorb it).
    await signIn(rep.id);
    expect(inbox()).to.deep.equal([l.empty(rep.name)]);
    await waitUntil(() => r().querySelector('form'), 'the request form never showed for the rep', LONG);
    [...r().querySelectorAll<HTMLLabelElement>('.periods label')].find((l) => text(l) === month)!.querySelector('input')!.click();
    await panel.updateComplete;
    const productSelect = [...r().querySelectorAll<HTMLSelectElement>('form select')].find((s) => s.querySelector(`option[value="${product.id}"]`))!;
    productSelect.value = product.id;
    productSelect.dispatchEvent(new Event('change'));
    await panel.updateComplete;
    const amount = r().querySelector<HTMLInputElement>('input.num')!;
    amount.value = ((before.rep - 1_000_000) / 100).toFixed(2);
    amount.dispatchEvent(new Event('input'));
    const reason = r().querySelector<HTMLTextAreaElement>('form textarea')!;
    reason.value = l.reason;
    reason.dispatchEvent(new Event('input'));
    await panel.updateComplete;
    r().querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await waitUntil(() => panel.requests.some((q) => q.requesterId === rep.id && q.status === 'pending'), 'the request was never submitted', LONG);

    // 2. Another region's manager may not decide: the rule names them (not an id) and what they manage.
    await signIn(otherDirector.id);
    r().querySelector<HTMLButtonElement>('#tab-queue')!.click();
    await waitUntil(() => r().querySelector('.request [part=rule]'), 'the other region manager never saw the rule', LONG);
    const teamName = byId.get(team)!.name;
    const otherRegionName = byId.get(otherDirector.canEdit[0])!.name;
    expect(text(r().querySelector('.request [part=rule]')!)).to.equal(l.rule(teamName, otherDirector.name, otherRegionName));
    // The queue names the product line of the request and of its cells, never the line's id.
    const queued = text(r().querySelector('.request strong'));
    const title = queued.split(' · ');
    expect([title[0], title[2]], queued).to.deep.equal([rep.name, product.name]);
    expect(/\b(cloud|analytics|ai)\b/.test(text(r().querySelector('.request'))), text(r().querySelector('.request'))).to.equal(false);
    expect(buttons().map(text)).to.deep.equal([]);

    // 3. The rep's region manager approves, writes it into the plan and sends the notice.
    await signIn(director.id);
    r().querySelector<HTMLButtonElement>('#tab-queue')!.click();
    await waitUntil(() => button(l.approve), `the region manager was never offered ${l.approve}`, LONG);
    button(l.approve)!.click();
    await waitUntil(() => button(l.apply), 'never approved', LONG);
    button(l.apply)!.click();
    await waitUntil(() => button(l.send), '', LONG).catch(() => {
      const q = panel.requests.find((x) => x.requesterId === rep.id);
      throw new Error(`the applied request never offered its notice: status ${q?.status}, save ${store().saveState}, tab ${r().querySelector('[role=tab][aria-selected=true]')?.id}; ${[...r().querySelectorAll('.request, [part~=message]')].map(text).join(' | ')}`);
    });
    expect(value(rep.nodeId!), 'the rep: ¥10,000 less').to.equal(before.rep - 1_000_000);
    expect(sumMates(), 'the teammates: ¥10,000 more between them').to.equal(before.mates + 1_000_000);
    expect(value(team), 'the team: unchanged').to.equal(before.team);
    expect(panel.requests.find((q) => q.requesterId === rep.id)!.status).to.equal('applied');
    const subject = text(r().querySelector('[part=notice] label span')!).replace(/^[^:：]*[:：]\s*/, '');
    button(l.send)!.click();
    await waitUntil(() => button(l.sent), 'the notice was never sent', LONG);

    // 4. Signed in as the rep again: the notice is in their inbox.
    await signIn(rep.id);
    await waitUntil(() => inbox().some((t) => t.startsWith(subject)), `the notice never reached the rep's inbox: ${inbox().join(' | ')}`, LONG);
    expect(demo.page.errors).to.deep.equal([]);
  });
});
