import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-incentive-calculator.js';
import type { QkIncentiveCalculator } from '../../../src/components/incentive-calculator/incentive-calculator.js';
import type { CommissionPlan } from '../../../src/engine/incentive/commission.js';
import type { Actual } from '../../../src/engine/plan/model.js';
import { QkStore } from '../../../src/store/store.js';
import type { QkErrorEvent } from '../../../src/events/qk-error.js';
import type { QkFocusChangeEvent } from '../../../src/events/qk-focus-change.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import { figureOf } from '../../../src/engine/plan/plan-state.js';

const text = (el: Element, sel = ':host') => {
  const root = el.shadowRoot!;
  const node = sel === ':host' ? root : root.querySelector(sel);
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
};
const rowsOf = (el: Element, sel: string) =>
  [...el.shadowRoot!.querySelectorAll(`${sel} tr`)].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));

const PLAN: CommissionPlan = {
  basis: 'booked',
  tiers: [
    { from: 0, rate: 0 },
    { from: 0.5, rate: 0.05 },
    { from: 1, rate: 0.08 },
    { from: 1.5, rate: 0.1 },
  ],
};
const booking = (amount: number, id = 'b1', repId = 'r1', productId = 'core', date = '2026-02-10'): Actual => ({ id, repId, productId, date, type: 'booking', amount });

/*
 * Rep view, target ¥100,000, booked ¥120,000 → 120 %:
 * tiers 50,000 × 0 + 50,000 × 5 % + 20,000 × 8 % = 0 + 2,500 + 1,600 = ¥4,100.
 * Next: ¥30,000 more reaches 150 % (the 10 % tier), worth 30,000 × 8 % = ¥2,400.
 */
async function repView(lang = 'en', extra: Partial<QkIncentiveCalculator> = {}) {
  return fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang=${lang} as-of="2026-03-31" period="FY2026-Q1"
    .plan=${PLAN} .person=${{ id: 'r1', name: '王芳', target: 10_000_000, ...(extra.person ?? {}) }} .actuals=${[booking(12_000_000)]}></qk-incentive-calculator>`);
}

/** The fixture in a store as of 31 March 2026, with a Q1 target and an AI booking for the new hire r2 (mentored by r1). */
function fixtureStore(): QkStore {
  const { plan, actuals } = smallFixture();
  plan.targets.push({ nodeId: 'r2', period: 'FY2026-Q1', metric: 'revenue', value: 4_000_000 });
  actuals.actuals.push({ id: 'b9', repId: 'r2', productId: 'ai', date: '2026-03-02', type: 'booking', amount: 4_500_000 });
  const store = new QkStore({ autosaveMs: false, asOf: '2026-03-31' });
  store.setData(plan, actuals);
  return store;
}

describe('qk-incentive-calculator: rep view', () => {
  it('shows attainment, payout, the lines and the next tier', async () => {
    const el = await repView();
    const dds = [...el.shadowRoot!.querySelectorAll('.figures dd')].map((d) => d.textContent!.trim());
    expect(dds).to.deep.equal(['120%', 'CN¥120K of CN¥100K', 'CN¥4,100']);
    expect(text(el, '[part="next"]')).to.equal('Close CN¥30,000 more to reach the 10% tier at 150% (+CN¥2,400).');
    expect(rowsOf(el, '.breakdown tbody')).to.deep.equal([
      ['0%–50% at 0%', 'CN¥50,000', 'CN¥0'],
      ['50%–100% at 5%', 'CN¥50,000', 'CN¥2,500'],
      ['100%–150% at 8%', 'CN¥20,000', 'CN¥1,600'],
      ['Above 150% at 10%', 'CN¥0', 'CN¥0'],
    ]);
    expect(rowsOf(el, '.breakdown tfoot')).to.deep.equal([['Total', 'CN¥120,000', 'CN¥4,100']]);
    await expect(el).to.be.accessible();
  });

  it('carries the curve in a hidden table: 0, 0, 2,500, 6,500, 11,500 at 0/50/100/150/200 %', async () => {
    const el = await repView();
    const rows = rowsOf(el, '.chart table tbody');
    expect(rows.slice(0, 5).map((r) => [r[0], r[2]])).to.deep.equal([
      ['0%', 'CN¥0'],
      ['50%', 'CN¥0'],
      ['100%', 'CN¥2,500'],
      ['150%', 'CN¥6,500'],
      ['200%', 'CN¥11,500'],
    ]);
    expect(rows.at(-1)).to.deep.equal(['You: 120%', 'CN¥120,000', 'CN¥4,100']);
    // Three tier breakpoints (50, 100, 150 %) are drawn; the SVG is hidden from assistive technology.
    expect(el.shadowRoot!.querySelectorAll('[part="breakpoint"]').length).to.equal(3);
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[part="curve"]')!.getAttribute('d')).to.match(/^M/);
  });

  it('the what-if slider moves by keyboard and speaks money', async () => {
    const el = await repView();
    const slider = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="range"]')!;
    // Step: 0.5 % of the target = ¥500; max: up to 200 % = ¥80,000 more.
    expect([slider.step, slider.max]).to.deep.equal(['50000', '8000000']);
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    // ¥500 more at 8 %: 4,100 + 40 = ¥4,140.
    expect(slider.getAttribute('aria-valuetext')).to.equal('CN¥500 more: payout CN¥4,140 (+CN¥40)');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    // ¥80,000 more → 200 %: ¥11,500.
    expect(text(el, 'output')).to.equal('With CN¥80,000 more (200%), the payout would be CN¥11,500, CN¥7,400 more.');
    expect(el.shadowRoot!.querySelector('[part~="what-if"].marker')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows the original target beside the target in force', async () => {
    // Target lowered from ¥125,000 to ¥100,000: 120 % for pay, 96 % of the original.
    const el = await repView('en', { person: { id: 'r1', name: '王芳', target: 10_000_000, originalTarget: 12_500_000 } });
    expect(text(el, '.fig .sub')).to.equal('Original target CN¥125K: 96%');
  });

  it('speaks Chinese', async () => {
    const el = await repView('zh-CN');
    expect(text(el, '[part="next"]')).to.equal('再完成 ¥30,000 即可达到 150% 的 10% 档（提成 +¥2,400）。');
    expect(text(el, '.title')).to.equal('王芳 · FY2026-Q1 提成');
    await expect(el).to.be.accessible();
  });
});

describe('qk-incentive-calculator: manager view from the store', () => {
  /*
   * Sample plan, 上海一组 FY2026-Q1 as of 31 March.
   * 王芳 (r1): target ¥500,000, booked 120,000 core + 45,000 ai = ¥165,000 → 33 %: no commission;
   *   ai is 27 % ≥ 20 % → new-product bonus ¥5,000; mentoring 20 % × 李强's ¥3,000 = ¥600 → ¥5,600.
   * 李强 (r2, hired 5 Jan, on ramp): target ¥40,000, booked ¥45,000 ai → 112.5 %:
   *   20,000 × 5 % + 5,000 × 8 % = ¥1,400, ai ×1.5 → +¥700; bonus ¥5,000; ramp bonus ¥3,000
   *   = ¥10,100, capped at 20 % × 40,000 = ¥8,000.
   * Team: target ¥540,000, booked ¥210,000, payouts ¥13,600, mentoring ¥600.
   */
  it('lists the team with totals and the mentoring credit', async () => {
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" node="east-sh" period="FY2026-Q1" .store=${fixtureStore()}></qk-incentive-calculator>`);
    expect(rowsOf(el, '.team tbody')).to.deep.equal([
      ['李强', 'CN¥40K', 'CN¥45K', '112.5%', 'CN¥8,000', '—'],
      ['王芳', 'CN¥500K', 'CN¥165K', '33%', 'CN¥5,600', 'CN¥600'],
    ]);
    expect(rowsOf(el, '.team tfoot')).to.deep.equal([['Total (2 people)', 'CN¥540K', 'CN¥210K', '38.9%', 'CN¥13,600', 'CN¥600']]);
    expect(rowsOf(el, '.mentoring tbody')).to.deep.equal([['王芳', '李强', 'CN¥3,000', 'CN¥600']]);
    await expect(el).to.be.accessible();
  });

  it('sorts by a column with aria-sort', async () => {
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" node="east-sh" period="FY2026-Q1" .store=${fixtureStore()}></qk-incentive-calculator>`);
    const th = () => [...el.shadowRoot!.querySelectorAll('.team thead th')];
    expect(th().map((h) => h.getAttribute('aria-sort'))).to.deep.equal(['none', 'none', 'none', 'none', 'descending', 'none']);
    th()[4].querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(th()[4].getAttribute('aria-sort')).to.equal('ascending');
    expect(rowsOf(el, '.team tbody').map((r) => r[0])).to.deep.equal(['王芳', '李强']);
    th()[0].querySelector('button')!.click();
    await el.updateComplete;
    expect(th()[0].getAttribute('aria-sort')).to.equal('ascending');
  });

  it('follows the focus: a rep selected shows the rep view, with the cap line', async () => {
    const store = fixtureStore();
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" period="FY2026-Q1" .store=${store}></qk-incentive-calculator>`);
    store.setFocus({ nodeId: 'east-sh' });
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button.link')!;
    expect(button.textContent).to.equal('李强');
    setTimeout(() => button.click());
    const ev = (await oneEvent(el, 'qk-focus-change')) as QkFocusChangeEvent;
    expect(ev.focus.nodeId).to.equal('r2');
    await el.updateComplete;
    expect(text(el, '.figures .payout')).to.equal('CN¥8,000');
    const lines = rowsOf(el, '.breakdown tbody');
    expect(lines.slice(4)).to.deep.equal([
      ['智能助手 coefficient ×1.5', 'CN¥45,000', 'CN¥700'],
      ['New-product bonus (100% of revenue, target 20%)', '', 'CN¥5,000'],
      ['New-hire ramp bonus (reached 100%)', '', 'CN¥3,000'],
      ['Cap at CN¥8,000', '', '−CN¥2,100'],
    ]);
    await expect(el).to.be.accessible();
  });
});

describe('qk-incentive-calculator: after an approved adjustment', () => {
  /*
   * 王芳's Q1 target was loaded at ¥500,000; an approved adjustment lowered it to ¥300,000 (a cell
   * with source 'adjustment', outside the snapshot). Booked ¥165,000 in Q1.
   * Pay (tiers only): vs ¥300,000 → 55 %: (165,000 − 150,000) × 5 % = ¥750; vs the original 33 %.
   * 李强: ¥45,000 of ¥40,000 → 112.5 %: 20,000 × 5 % + 5,000 × 8 % = ¥1,400 (no adjustment: no original).
   */
  async function adjusted(lang: string, node: string) {
    const store = fixtureStore();
    const done = await store.commitCells([{ nodeId: 'r1', period: 'FY2026-Q1', metric: 'revenue', value: 30_000_000 }], { source: 'adjustment' });
    expect(done.ok).to.equal(true);
    return fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang=${lang} node=${node} period="FY2026-Q1" .plan=${PLAN} .store=${store}></qk-incentive-calculator>`);
  }

  it('pays against the target in force and shows the original beside it (rep view)', async () => {
    const el = await adjusted('en', 'r1');
    const dds = [...el.shadowRoot!.querySelectorAll('.figures dd')].map((d) => d.textContent!.replace(/\s+/g, ' ').trim());
    expect(dds).to.deep.equal(['55%', 'Original target CN¥500K: 33%', 'CN¥165K of CN¥300K', 'CN¥750']);
    await expect(el).to.be.accessible();
  });

  it('shows the original target in the team table, in Chinese too', async () => {
    const el = await adjusted('en', 'east-sh');
    expect(rowsOf(el, '.team tbody').map((r) => r.slice(0, 5))).to.deep.equal([
      ['李强', 'CN¥40K', 'CN¥45K', '112.5%', 'CN¥1,400'],
      ['王芳', 'CN¥300K (original CN¥500K)', 'CN¥165K', '55% (33%)', 'CN¥750'],
    ]);
    await expect(el).to.be.accessible();
    const zh = await adjusted('zh-CN', 'r1');
    expect(text(zh, '.fig .sub')).to.equal('原目标 ¥50万：33%');
  });
});

describe('qk-incentive-calculator: the basis of the figure paid on (one truth with the goal tree)', () => {
  /*
   * 王芳 (r1), FY2026-Q1, the sample plan (clawback 90 days after booking), as of 30 April 2026:
   * booked b1 ¥120,000 (15 Jan, ¥60,000 of it collected) + b2 ¥45,000 (3 Feb) = ¥165,000: what the
   * goal tree and the gauge show, 33 % of her ¥500,000 target.
   * b1 was due by 15 April (15 Jan + 90 days) with ¥60,000 still missing → clawed back; b2 is due
   * 4 May. Credited for pay: 165,000 − 60,000 = ¥105,000 → 21 %.
   * 陈静 (r5, Q1 target ¥400,000 here): b4 ¥200,000 collected in full on 31 March: nothing clawed
   * back, credited = booked.
   */
  function clawbackStore(): QkStore {
    const { plan, actuals } = smallFixture();
    plan.targets.push({ nodeId: 'r5', period: 'FY2026-Q1', metric: 'revenue', value: 40_000_000 });
    const store = new QkStore({ autosaveMs: false, asOf: '2026-04-30' });
    store.setData(plan, actuals);
    return store;
  }
  const tags = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part="basis"]')];

  it('shows the booked figure the goal tree shows, and labels the credited figure with its basis (en)', async () => {
    const store = clawbackStore();
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" node="r1" period="FY2026-Q1" .store=${store}></qk-incentive-calculator>`);
    // One truth: the booked figure is the read model's actual and target, as the goal tree shows them.
    const figure = figureOf(store.state!, { nodeId: 'r1', period: 'FY2026-Q1' });
    expect([figure.actual, figure.target]).to.deep.equal([16_500_000, 50_000_000]);
    expect(text(el, '[part="booked"]')).to.equal('CN¥165K of CN¥500K');
    expect(text(el, '[part="credited"]')).to.equal('Credited for pay CN¥105K after clawback');
    expect(text(el, '.figures .fig:first-child dd.big')).to.equal('21% after clawback');
    const tip = 'Paid on bookings less those not collected within 90 days (clawed back). The goal tree and the gauges count every booking: CN¥165K.';
    expect(tags(el).map((t) => [t.textContent!.trim(), t.getAttribute('title'), t.getAttribute('aria-describedby')])).to.deep.equal([
      ['after clawback', tip, 'basis-tip'],
      ['after clawback', tip, 'basis-tip'],
    ]);
    expect(el.shadowRoot!.getElementById('basis-tip')!.textContent).to.equal(tip);
    await expect(el).to.be.accessible();
  });

  it('names the basis in Chinese, and not at all where credited equals booked', async () => {
    const store = clawbackStore();
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="zh-CN" node="r1" period="FY2026-Q1" .store=${store}></qk-incentive-calculator>`);
    expect(text(el, '[part="booked"]')).to.equal('¥16.5万 / ¥50万');
    expect(text(el, '[part="credited"]')).to.equal('计提业绩 ¥10.5万 扣回后');
    expect(tags(el)[0].getAttribute('title')).to.equal('计提口径：签约额减去超过 90 天未回款而扣回的部分。目标拆解和完成率仪表按全部签约额统计：¥16.5万。');
    const r5 = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" node="r5" period="FY2026-Q1" .store=${store}></qk-incentive-calculator>`);
    expect(text(r5, '[part="booked"]')).to.equal('CN¥200K of CN¥400K');
    expect(text(r5, '.figures .fig:first-child dd.big')).to.equal('50%');
    expect(tags(r5)).to.deep.equal([]);
    expect(r5.shadowRoot!.querySelector('[part="credited"]')).to.equal(null);
  });

  it('labels the team column paid on, with the booked figure beside a credited one that differs', async () => {
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" node="east-sh" period="FY2026-Q1" .store=${clawbackStore()}></qk-incentive-calculator>`);
    const head = el.shadowRoot!.querySelectorAll('.team thead th')[2];
    expect(head.querySelector('button')!.textContent!.trim()).to.equal('Credited for pay');
    expect(head.querySelector('[part="basis"]')!.textContent).to.equal('after clawback');
    expect(head.querySelector('[part="basis"]')!.getAttribute('title')).to.equal('Paid on bookings less those not collected within 90 days (clawed back). The goal tree and the gauges count every booking.');
    const wang = rowsOf(el, '.team tbody').find((r) => r[0] === '王芳')!;
    expect(wang.slice(1, 4)).to.deep.equal(['CN¥500K', 'CN¥105K (booked CN¥165K)', '21%']);
    await expect(el).to.be.accessible();
  });
});

describe('qk-incentive-calculator: states', () => {
  it('fires qk-error with the path of the bad field of an invalid plan', async () => {
    const el = document.createElement('qk-incentive-calculator');
    el.lang = 'en';
    el.plan = { basis: 'booked', tiers: [{ from: 0, rate: 0 }, { from: 0.5, rate: 1.2 }] };
    el.person = { id: 'r1', target: 10_000_000 };
    el.actuals = [];
    setTimeout(() => document.body.append(el));
    const ev = (await oneEvent(el, 'qk-error')) as QkErrorEvent;
    expect(ev.detail.code).to.equal('incentive-plan-invalid');
    expect(ev.detail.issues![0].path).to.deep.equal(['tiers', 1, 'rate']);
    expect(text(el, '[role="alert"] p')).to.match(/^The commission plan is invalid at “tiers\.1\.rate”/);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('says when the person has no target', async () => {
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" period="FY2026-Q1" .plan=${PLAN} .person=${{ id: 'r9', name: '新人', target: 0 }} .actuals=${[]}></qk-incentive-calculator>`);
    expect(text(el, '[role="status"]')).to.equal('新人 has no revenue target for FY2026-Q1, so there is no commission to compute.');
    await expect(el).to.be.accessible();
  });

  it('shows loading and empty states', async () => {
    const store = new QkStore({ autosaveMs: false });
    store.setLoading();
    const loading = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" .store=${store}></qk-incentive-calculator>`);
    expect(loading.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
    await expect(loading).to.be.accessible();
    const empty = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en"></qk-incentive-calculator>`);
    expect(empty.shadowRoot!.querySelector('[part~="empty"]')).to.exist;
    // axe over the empty state: test/components/hostile.test.ts ("accessibility in both themes",
    // <qk-incentive-calculator> empty: the same element, language and no data, in both themes).
  });
});
