import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-attainment-gauge.js';
import '../../../src/define/qk-provider.js';
import type { QkAttainmentGauge } from '../../../src/components/attainment-gauge/attainment-gauge.js';
import { QkStore } from '../../../src/store/store.js';
import type { QkAlertEvent } from '../../../src/events/qk-alert.js';
import type { QkErrorEvent } from '../../../src/events/qk-error.js';
import { smallFixture } from '../../fixtures/small-plan.js';

/** The fixture in a store whose "today" is Wed 11 March 2026. */
function fixtureStore(asOf = '2026-03-11'): QkStore {
  const { plan, actuals } = smallFixture();
  const store = new QkStore({ autosaveMs: false, asOf });
  store.setData(plan, actuals);
  return store;
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const meter = (el: Element) => el.shadowRoot!.querySelector('[role="meter"]')!;
const dd = (el: Element) => [...el.shadowRoot!.querySelectorAll('dd')].map((d) => d.textContent!.trim());

/*
 * Company 星河科技, FY2026, as of 2026-03-11, calendar Mon–Fri without holidays:
 * working days Jan 22 + Feb 20 + Mar 1–11 8 = 50 elapsed of 261 (2026: 52 weeks × 5 + Thu 31 Dec), 211 left.
 * target ¥12,000,000; bookings by 11 March 120,000 + 45,000 + 80,000 + 200,000 + 30,000 = ¥475,000
 * attainment 475,000 / 12,000,000 = 3.96 % → "4%"; gap ¥11,525,000 → "CN¥11.5M"
 * actual, gap and target share one unit and precision and add up (issue 13 item 9): 0.5 + 11.5 = 12.0 (M);
 * in zh-CN 47.5 + 1,152.5 = 1,200.0 (万), one decimal because 48 + 1,153 ≠ 1,200
 * expected 1,200,000,000 分 × 50 / 261 = 229,885,057 分 (¥2,298,850.57) → "CN¥2.3M"; pace 0.2066 → off track
 * required daily rate ⌈1,152,500,000 / 211⌉ = 5,462,086 分 → "CN¥54.6K"
 */
describe('qk-attainment-gauge', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('shows the hand-computed figures of the company for FY2026 as of 11 March', async () => {
    // The listener is bound by the template before the element connects, so it hears the first render.
    const alerts: QkAlertEvent[] = [];
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en" period="FY2026" .store=${fixtureStore()} @qk-alert=${(e: QkAlertEvent) => alerts.push(e)}></qk-attainment-gauge>`);
    expect(text(el)).to.contain('星河科技 · Revenue · FY2026');
    expect(text(el)).to.contain('Off track');
    expect(dd(el).slice(0, 5)).to.deep.equal(['CN¥0.5M of CN¥12.0M', 'CN¥11.5M', 'CN¥54.6K / day', 'CN¥2.3M', '20.7%']);
    const m = meter(el);
    expect(m.getAttribute('aria-valuenow')).to.equal('4');
    expect(m.getAttribute('aria-valuemin')).to.equal('0');
    expect(m.getAttribute('aria-valuemax')).to.equal('120');
    expect(m.getAttribute('aria-valuetext')).to.equal('4% of target: CN¥475K of CN¥12M. Off track.');
    expect(m.getAttribute('aria-label')).to.equal('Revenue attainment of 星河科技, FY2026');
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    // First seen off track (pace 0.2066 < 0.8): one alert, and no second one on a re-render.
    el.requestUpdate();
    await el.updateComplete;
    expect(alerts).to.have.length(1);
    expect(alerts[0].detail).to.deep.include({ nodeId: 'co', metric: 'revenue', period: 'FY2026', from: null, to: 'off-track', direction: 'worsened', reason: 'pace-low' });
    expect(alerts[0].detail.message).to.equal('Pace is 20.7% of the expected progress, below 80%.');
    await expect(el).to.be.accessible();
  });

  it('speaks zh-CN with 万/亿 money', async () => {
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="zh-CN" period="FY2026" .store=${fixtureStore()}></qk-attainment-gauge>`);
    expect(meter(el).getAttribute('aria-valuetext')).to.equal('完成率 4%：已完成 ¥47.5万，目标 ¥1,200万。严重落后。');
    expect(dd(el).slice(0, 3)).to.deep.equal(['¥47.5万 / ¥1,200.0万', '¥1,152.5万', '¥5.46万 / 天']);
    expect(text(el)).to.contain('星河科技 · 销售额 · FY2026');
    await expect(el).to.be.accessible();
  });

  it('follows the store focus: setFocus changes what it shows', async () => {
    const store = fixtureStore();
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en" .store=${store}></qk-attainment-gauge>`);
    store.setFocus({ nodeId: 'east', period: 'FY2026' });
    await el.updateComplete;
    // 华东: r1 120,000 + 45,000, r3 80,000 = ¥245,000 of ¥7,200,000 = 3.4 %; gap ¥6,955,000.
    // In M with two decimals 0.25 + 6.96 ≠ 7.20, so three: 0.245 + 6.955 = 7.200.
    expect(dd(el).slice(0, 2)).to.deep.equal(['CN¥0.245M of CN¥7.200M', 'CN¥6.955M']);
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('3.4');
    // An attribute pins the node whatever the focus says.
    el.node = 'south';
    await el.updateComplete;
    // 华南: r5 200,000 + r6 30,000 = ¥230,000 of ¥4,800,000
    expect(dd(el)[0]).to.equal('CN¥0.23M of CN¥4.80M');
  });

  it('follows the focus of a provider', async () => {
    const { plan, actuals } = smallFixture();
    const provider = await fixture(html`<qk-provider locale="en" as-of="2026-03-11"><qk-attainment-gauge period="FY2026"></qk-attainment-gauge></qk-provider>`);
    const store = (provider as unknown as { store: QkStore }).store;
    store.setData(plan, actuals);
    const el = provider.querySelector('qk-attainment-gauge')!;
    await waitUntil(() => dd(el).length > 0);
    expect(dd(el)[0]).to.equal('CN¥0.5M of CN¥12.0M');
    store.setFocus({ nodeId: 'east-hz' });
    await el.updateComplete;
    expect(dd(el)[0]).to.equal('CN¥0.08M of CN¥3.20M'); // 杭州组: r3 80,000 of ¥3,200,000, gap 3,120,000: 0.08 + 3.12 = 3.20
  });

  it('fires qk-alert once per status change, once per store', async () => {
    // r1, FY2026-Q1 (64 working days), target ¥500,000: by 11 March expected 500,000 × 50/64 = ¥390,625,
    // actual 120,000 + 45,000 = ¥165,000 → pace 0.42: off track.
    const store = fixtureStore();
    const alerts: QkAlertEvent[] = [];
    const wrap = await fixture(html`<div @qk-alert=${(e: QkAlertEvent) => alerts.push(e)}>
      <qk-attainment-gauge lang="en" node="r1" period="FY2026-Q1" .store=${store}></qk-attainment-gauge>
      <qk-attainment-gauge lang="en" node="r1" period="FY2026-Q1" size="compact" .store=${store}></qk-attainment-gauge>
    </div>`);
    const [a, b] = [...wrap.querySelectorAll('qk-attainment-gauge')];
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(alerts).to.have.length(1);
    expect(alerts[0].detail).to.deep.include({ nodeId: 'r1', metric: 'revenue', period: 'FY2026-Q1', from: null, to: 'off-track', direction: 'worsened', reason: 'pace-low' });
    expect(alerts[0].detail.message).to.equal('Pace is 42.2% of the expected progress, below 80%.');
    // Target lowered to ¥150,000: expected ¥117,188, pace 1.41; forecast (211,200 + 165,000) / 2 = 188,100 ≥ target.
    store.applyCells([{ nodeId: 'r1', period: 'FY2026-Q1', metric: 'revenue', value: 15_000_000 }]);
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(alerts).to.have.length(2);
    expect(alerts[1].detail).to.deep.include({ from: 'off-track', to: 'on-track', direction: 'improved', reason: 'on-pace' });
    a.requestUpdate();
    b.lang = 'zh-CN';
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(alerts).to.have.length(2);
  });

  it('draws over-achievement truthfully on a longer scale', async () => {
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en"
      .model=${{ target: 2_200_000, actual: 2_900_000, period: '2026-03', asOf: '2026-03-11', nodeName: '王芳' }}></qk-attainment-gauge>`);
    // 2,900,000 / 2,200,000 = 131.8 %. The forecast is drawn too: run-rate 2,900,000 + 2,900,000 × 14/8
    // = 7,975,000, blended (7,975,000 + 2,900,000) / 2 = 5,437,500 = 247.2 % → the scale ends at 250 %.
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('131.8');
    expect(meter(el).getAttribute('aria-valuemax')).to.equal('250');
    expect(el.shadowRoot!.querySelector('path.fill-over')).to.exist;
    expect(text(el)).to.contain('Above target by');
    expect(dd(el)[1]).to.equal('CN¥7K'); // 2,900,000 − 2,200,000 分 = ¥7,000
    await expect(el).to.be.accessible();
  });

  it('says "not applicable" for a zero target instead of dividing by zero', async () => {
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en"
      .model=${{ target: 0, actual: 3_000_000, period: '2026-03', asOf: '2026-03-11' }}></qk-attainment-gauge>`);
    expect(meter(el)).to.equal(null);
    expect(text(el)).to.contain('Not applicable: the target is zero.');
    expect(text(el)).to.not.match(/NaN|Infinity/);
    await expect(el).to.be.accessible();
  });

  it('says when a node has no target for the period', async () => {
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en" node="r2" period="FY2026" .store=${fixtureStore()}></qk-attainment-gauge>`);
    expect(text(el)).to.equal('No target is set for 李强 in FY2026.');
    await expect(el).to.be.accessible();
  });

  it('shows loading, empty and error states accessibly', async () => {
    const store = new QkStore({ autosaveMs: false });
    store.setLoading();
    const loading = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en" .store=${store}></qk-attainment-gauge>`);
    expect(text(loading)).to.equal('Loading…');
    await expect(loading).to.be.accessible();
    const empty = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en"></qk-attainment-gauge>`);
    expect(text(empty)).to.contain('No data source');
    // axe over this empty state and the error state below: test/components/hostile.test.ts
    // ("accessibility in both themes", <qk-attainment-gauge> empty and error: the same element, language
    // and data, in both themes).
    const bad = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en"></qk-attainment-gauge>`);
    setTimeout(() => (bad.data = { plan: { plan: {} } }));
    const ev = await oneEvent(bad, 'qk-error');
    expect(ev.detail.source).to.equal('data');
    await bad.updateComplete;
    expect(bad.shadowRoot!.querySelector('[role="alert"]')).to.exist;
  });

  it('given .data, shows it from the read model alone and reports a cross-record problem without zod (issue 14)', async () => {
    const { plan, actuals } = smallFixture();
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en" node="co" period="FY2026" .data=${{ plan, actuals }}></qk-attainment-gauge>`);
    await el.updateComplete;
    const store = el.activeStore!;
    expect(store.status).to.equal('ready');
    // The read model, not the editing store: nothing to edit, undo or save.
    expect('applyCells' in store || 'undo' in store).to.equal(false);
    const bad = smallFixture().plan;
    bad.targets[0]!.nodeId = 'ghost';
    setTimeout(() => (el.data = { plan: bad }));
    const ev = (await oneEvent(el, 'qk-error')) as QkErrorEvent;
    expect(ev.detail.code).to.equal('invalid-data');
    expect(ev.detail.issues?.map((i) => [i.path.join('.'), (i as { code?: string }).code])).to.deep.equal([['targets.0.nodeId', 'unknown-node']]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
  });

  it('fires a localized qk-error for an unknown node and for bad figures', async () => {
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="zh-CN" .store=${fixtureStore()}></qk-attainment-gauge>`);
    setTimeout(() => (el.node = 'nope'));
    const ev = (await oneEvent(el, 'qk-error')) as QkErrorEvent;
    expect(ev.detail).to.deep.include({ code: 'pace-node-unknown', message: '不存在 ID 为“nope”的团队或人员。', source: 'engine' });
    await el.updateComplete;
    expect(text(el)).to.contain('不存在 ID 为“nope”的团队或人员。');
    const model = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en"></qk-attainment-gauge>`);
    setTimeout(() => (model.model = { target: 100, actual: 1.5, period: '2026-03', asOf: '2026-03-11' }));
    const bad = (await oneEvent(model, 'qk-error')) as QkErrorEvent;
    expect(bad.detail).to.deep.include({ code: 'pace-amount-invalid', message: 'The actual must be a whole amount.', source: 'data' });
  });

  it('resizes with its container', async function () {
    // A ResizeObserver reports with rendered frames only, which a background tab (a concurrent run) does not get.
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 500px"><qk-attainment-gauge lang="en" period="FY2026" .store=${fixtureStore()}></qk-attainment-gauge></div>`);
    const el = wrap.querySelector('qk-attainment-gauge')!;
    const arcWidth = () => Number(el.shadowRoot!.querySelector('svg')!.getAttribute('viewBox')!.split(' ')[2]);
    await waitUntil(() => arcWidth() > 0);
    const wide = arcWidth();
    wrap.style.width = '180px';
    await waitUntil(() => arcWidth() < wide, 'the gauge did not shrink');
    // 180px wide: the arc is 180 wide, plus 2 × 2.6 label font sizes (9px minimum) of room for the end labels.
    expect(arcWidth()).to.be.closeTo(180 + 2 * 2.6 * 9, 0.01);
    expect(el.shadowRoot!.querySelector('svg')!.getBoundingClientRect().width).to.be.at.most(180);
  });
});

describe('qk-attainment-gauge: status in time (issue 16, item 8)', () => {
  const badge = (el: Element) => el.shadowRoot!.querySelector('.badge')!;

  it('gives no verdict on 1 December for December, and raises no alert', async () => {
    // December 2026 has 23 working days (Tue 1 … Thu 31); by the end of Tue 1 December one has passed:
    // 1 / 23 = 4.3 % < the default 10 %. Nothing booked: pace 0, which used to read "Off track".
    const alerts: QkAlertEvent[] = [];
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en" @qk-alert=${(e: QkAlertEvent) => alerts.push(e)}
      .model=${{ target: 10_000_000, actual: 0, period: '2026-12', asOf: '2026-12-01', nodeName: '华东' }}></qk-attainment-gauge>`);
    expect(badge(el).textContent!.trim()).to.equal('Too early to judge');
    expect(badge(el).classList.contains('too-early')).to.equal(true);
    expect(text(el)).to.contain('Only 4.3% of the period’s working days have passed; progress is judged from 10% on.');
    expect(alerts).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('judges from the configured minimum share on: with 0 the same day is off track', async () => {
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en" .thresholds=${{ minElapsedShare: 0 }}
      .model=${{ target: 10_000_000, actual: 0, period: '2026-12', asOf: '2026-12-01' }}></qk-attainment-gauge>`);
    expect(badge(el).textContent!.trim()).to.equal('Off track');
  });

  it('says missed or achieved for a closed period, in both languages', async () => {
    // November 2026 is over on 1 December: ¥70,000 of ¥100,000 is 70 %, missed; ¥105,000 is 105 %, achieved.
    const missed = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="zh-CN"
      .model=${{ target: 10_000_000, actual: 7_000_000, period: '2026-11', asOf: '2026-12-01' }}></qk-attainment-gauge>`);
    expect(badge(missed).textContent!.trim()).to.equal('未达成');
    expect(text(missed)).to.contain('本期已结束：仅完成目标的 70%。');
    const achieved = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en"
      .model=${{ target: 10_000_000, actual: 10_500_000, period: '2026-11', asOf: '2026-12-01' }}></qk-attainment-gauge>`);
    expect(badge(achieved).textContent!.trim()).to.equal('Achieved');
    expect(text(achieved)).to.contain('The period is over: 105% of the target was reached.');
  });

  it('never shows a flat 0 % chance without saying why', async () => {
    // Before December starts nothing is booked and there is no pipeline: the chance is 0 and says why.
    const el = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="en"
      .model=${{ target: 10_000_000, actual: 0, period: '2026-12', asOf: '2026-11-20' }}></qk-attainment-gauge>`);
    expect(dd(el)).to.include('0% · no sales yet this period, and the open pipeline cannot reach the target even if every deal closes');
    const zh = await fixture<QkAttainmentGauge>(html`<qk-attainment-gauge lang="zh-CN"
      .model=${{ target: 10_000_000, actual: 0, period: '2026-12', asOf: '2026-11-20' }}></qk-attainment-gauge>`);
    expect(dd(zh)).to.include('0% · 本期尚无成交，即使在手商机全部赢单也达不到目标');
  });
});
