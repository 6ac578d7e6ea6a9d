import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-scorecard.js';
import { QkScorecard } from '../../../src/components/scorecard/scorecard.js';
import type { ScorecardPerson } from '../../../src/engine/scorecard/scorecard.js';
import { QkStore } from '../../../src/store/store.js';
import type { QkFocusChangeEvent } from '../../../src/events/qk-focus-change.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import { largeOrg } from '../../fixtures/large-org.js';
import { SAME_KPIS } from '../../fixtures/scorecard.js';

// The same numbers for both (see test/engine/scorecard.test.ts): new hire 100.5, veteran 62.8.
const SAME = SAME_KPIS;
const PEOPLE: ScorecardPerson[] = [
  { id: 'v', name: 'Veteran', hireDate: '2019-03-01', kpis: SAME },
  { id: 'n', name: 'Newcomer', hireDate: '2026-01-05', kpis: SAME, previous: { ...SAME, attainment: { actual: 60, benchmark: 100 } } },
];
const root = (el: Element) => el.shadowRoot!;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: Element, selector: string) => [...root(el).querySelectorAll(`${selector} tbody tr`)].map((tr) => [...tr.children].map((c) => clean(c.textContent)));

describe('qk-scorecard', () => {
  it('ranks a new hire above a veteran with the same numbers, and switches the weight profile', async () => {
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="en" .people=${PEOPLE} as-of="2026-04-15" period="FY2026-Q1"></qk-scorecard>`);
    expect(rows(el, 'table.ranking')).to.deep.equal([
      ['1', 'Newcomer', 'New hire', '100.5', '▲ +4.0 vs last period (96.5)'],
      ['2', 'Veteran', 'Veteran', '62.8', 'No previous period to compare with'],
    ]);
    await expect(el).to.be.accessible();

    // One profile for everyone: both score 62.8 as veterans and share rank 1 (equal score and attainment).
    root(el).querySelector<HTMLInputElement>('input[value="veteran"]')!.click();
    await el.updateComplete;
    expect(el.profile).to.equal('veteran');
    expect(rows(el, 'table.ranking').map((r) => r.slice(0, 4))).to.deep.equal([
      ['1 tied', 'Newcomer', 'Veteran', '62.8'],
      ['1 tied', 'Veteran', 'Veteran', '62.8'],
    ]);
    // Keyboard: arrows move through the radio group (native radios).
    root(el).querySelector<HTMLInputElement>('input[value="veteran"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.profile).to.equal('standard');
  });

  it("opens a person's card with weights, KPI scores and the trend", async () => {
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="zh-CN" .people=${PEOPLE} as-of="2026-04-15" period="FY2026-Q1"></qk-scorecard>`);
    root(el).querySelector<HTMLButtonElement>('button[part="person"]')!.click();
    await el.updateComplete;
    expect(clean(root(el).querySelector('[part~="title"]')!.textContent)).to.equal('绩效记分卡 · Newcomer · FY2026-Q1');
    // The label states the real cap: a KPI scores at most 120 (DEFAULT_SCORE_CAP 1.2 × 100), so the composite does too.
    expect(root(el).querySelector('[part="score"]')!.getAttribute('aria-label')).to.equal('得分 100.5（最高 120 分，100 分表示各项指标均达到基准）');
    expect(rows(el, 'table.kpis')).to.deep.equal([
      ['活动量（线索、演示、报价） 过程', '30 (30%)', '150', '125', '120.0', '36.0'],
      ['CRM 填写完整度 过程', '25 (25%)', '100%', '100%', '100.0', '25.0'],
      // Attainment is a money KPI: 80 and 100 分 show as ¥0.8 and ¥1.
      ['目标完成率 结果', '20 (20%)', '¥0.8', '¥1', '80.0', '16.0'],
      ['赢单率 过程', '15 (15%)', '27%', '30%', '90.0', '13.5'],
      ['回款率 质量', '10 (10%)', '90%', '90%', '100.0', '10.0'],
    ]);
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part="back"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('table.ranking')).to.exist;
  });

  it('scores a team from the store and moves the shared focus to a chosen person', async () => {
    const { plan, actuals } = smallFixture();
    const store = new QkStore({ asOf: '2026-04-15', autosaveMs: false });
    store.setData(plan, actuals);
    store.setFocus({ nodeId: 'east-sh', period: 'FY2026-Q1' });
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="zh-CN" .store=${store}></qk-scorecard>`);
    // 王芳 (veteran): (30·33 + 15·100 + 10·100 + 10·100 + 10·100) / 75 = 73.2; 李强 (new hire) has no bookings.
    expect(rows(el, 'table.ranking')[0].slice(0, 4)).to.deep.equal(['1', '王芳', '资深', '73.2']);
    const focus = oneEvent(el, 'qk-focus-change');
    root(el).querySelector<HTMLButtonElement>('button[part="person"]')!.click();
    expect(((await focus) as unknown as QkFocusChangeEvent).focus.nodeId).to.equal('r1');
    await el.updateComplete;
    expect(clean(root(el).querySelector('[part~="title"]')!.textContent)).to.equal('绩效记分卡 · 王芳 · FY2026-Q1');
    expect(clean(root(el).querySelector('[part~="note"]')!.textContent)).to.equal('未统计（权重已分给其他指标）：战略新客户、客户终身价值（CLV）');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part="back"]')!.click();
    await el.updateComplete;
    expect(store.focus.nodeId).to.equal('east-sh');
  });

  it("shows a veteran's CLV and states the score's cap in English", async () => {
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="en" .people=${PEOPLE} as-of="2026-04-15" period="FY2026-Q1"></qk-scorecard>`);
    root(el).querySelectorAll<HTMLButtonElement>('button[part="person"]')[1].click();
    await el.updateComplete;
    expect(root(el).querySelector('[part="score"]')!.getAttribute('aria-label')).to.equal('Score 62.8 of at most 120 (100 = every KPI on its benchmark)');
    // CLV: weight 10 of the 90 measured points (11.1%), ¥120,000 against ¥150,000 → 80, 10 / 90 × 80 = 8.9 points.
    const clv = rows(el, 'table.kpis').find((r) => r[0].startsWith('Customer lifetime value'));
    expect(clv).to.deep.equal(['Customer lifetime value (CLV) Quality', '10 (11.1%)', 'CN¥120K', 'CN¥150K', '80.0', '8.9']);
    await expect(el).to.be.accessible();
  });

  it("takes CLV from the host's extras under a store", async () => {
    const { plan, actuals } = smallFixture();
    const store = new QkStore({ asOf: '2026-04-15', autosaveMs: false });
    store.setData(plan, actuals);
    store.setFocus({ nodeId: 'r1', period: 'FY2026-Q1' });
    const extras = { r1: { clv: { actual: 12_000_000, benchmark: 15_000_000 } } };
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="zh-CN" .store=${store} .extras=${extras}></qk-scorecard>`);
    // (5,490 + 10·80) / 85 = 74.0; strategic accounts alone stay unmeasured.
    expect(clean(root(el).querySelector('[part="score"]')!.textContent)).to.equal('74.0');
    expect(rows(el, 'table.kpis').find((r) => r[0].startsWith('客户终身价值'))).to.deep.equal(['客户终身价值（CLV） 质量', '10 (11.8%)', '¥12万', '¥15万', '80.0', '9.4']);
    expect(clean(root(el).querySelector('[part~="note"]')!.textContent)).to.equal('未统计（权重已分给其他指标）：战略新客户');
  });

  it('shows bad KPI values in place and fires qk-error; loading and empty states are accessible', async () => {
    const el = document.createElement('qk-scorecard');
    el.lang = 'en';
    el.asOf = '2026-04-15';
    el.people = [{ id: 'x', name: 'X', kpis: { activity: { actual: -3, benchmark: 10 } } }];
    const event = oneEvent(el, 'qk-error');
    document.body.append(el);
    expect((await event).detail.code).to.equal('scorecard-kpi-invalid');
    expect(clean(root(el).querySelector('[role="alert"] p')!.textContent)).to.equal('The activity of "X" must be a number of 0 or more (got -3).');
    await expect(el).to.be.accessible();
    el.remove();

    const store = new QkStore({ autosaveMs: false });
    store.setLoading();
    const loading = await fixture<QkScorecard>(html`<qk-scorecard lang="en" .store=${store}></qk-scorecard>`);
    await expect(loading).to.be.accessible();
    const empty = await fixture<QkScorecard>(html`<qk-scorecard lang="en" .people=${[]} as-of="2026-04-15"></qk-scorecard>`);
    expect(clean(root(empty).querySelector('[part~="state"]')!.textContent)).to.equal('There is nobody to score under this node.');
    await expect(empty).to.be.accessible();
  });

  it('pages a ranking longer than 50 people and searches it by name, in Chinese', async () => {
    // 1 company → 2 teams → 197 reps: 4 pages of 50.
    const { plan, actuals } = largeOrg({ nodes: 200, teams: 2 });
    const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    store.setData(plan, actuals);
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="zh-CN" node="co" period="FY2026-Q1" .store=${store}></qk-scorecard>`);
    const status = () => clean(root(el).querySelector('[part~="page-status"]')!.textContent);
    const button = (part: string) => root(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
    expect(rows(el, 'table.ranking').length).to.equal(50);
    expect(status()).to.equal('第 1–50 人，共 197 人');
    expect(button('page-previous').disabled).to.equal(true);
    for (let i = 0; i < 3; i++) {
      button('page-next').click();
      await el.updateComplete;
    }
    expect(status()).to.equal('第 151–197 人，共 197 人');
    expect(rows(el, 'table.ranking').length).to.equal(47);
    expect(button('page-next').disabled).to.equal(true);
    const input = root(el).querySelector<HTMLInputElement>('input[part~="search"]')!;
    input.value = '赵辰';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(rows(el, 'table.ranking').map((r) => r[1])).to.deep.equal(['赵辰']);
    expect(status()).to.equal('197 人中有 1 人与“赵辰”匹配');
    expect(root(el).querySelector('[part~="pager"]')).to.equal(null);
    await expect(el).to.be.accessible();
    input.value = '不存在';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(rows(el, 'table.ranking')).to.deep.equal([]);
    expect(status()).to.equal('197 人中没有与“不存在”匹配的人');
    // A person's rank is their rank in the whole team, whatever page or search shows them.
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(status()).to.equal('第 1–50 人，共 197 人');
    expect(rows(el, 'table.ranking')[0][0]).to.equal('1');
  });
});
