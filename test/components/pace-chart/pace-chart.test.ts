import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-pace-chart.js';
import type { QkPaceChart } from '../../../src/components/pace-chart/pace-chart.js';
import type { PaceFigures } from '../../../src/engine/pace/view.js';
import { QkStore } from '../../../src/store/store.js';
import type { QkAlertEvent } from '../../../src/events/qk-alert.js';
import { smallFixture } from '../../fixtures/small-plan.js';

/*
 * March 2026 (22 working days), target ¥22,000, ¥7,000 booked on 2 March, as of Wed 11 March:
 * expected by the 11th 2,200,000 × 8/22 = 800,000 分 (¥8,000); run-rate 700,000 + 700,000 × 14/8 = 1,925,000;
 * no pipeline → blended (1,925,000 + 700,000) / 2 = 1,312,500 (¥13,125) at 31 March; on Thu 12 March the
 * cone is at 700,000 + 612,500 × 1/14 = 743,750 (¥7,437.50) and 9 of 22 working days expect 900,000 (¥9,000).
 */
const march: PaceFigures = { target: 2_200_000, actuals: [{ date: '2026-03-02', amount: 700_000 }], period: '2026-03', asOf: '2026-03-11', nodeId: 'r1', nodeName: '王芳' };

const live = (el: Element) => el.shadowRoot!.querySelector('[aria-live]')!.textContent!.trim();
const plot = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="plot"]')!;

describe('qk-pace-chart', () => {
  it('carries every day in a hidden table with the hand-computed numbers', async () => {
    const el = await fixture<QkPaceChart>(html`<qk-pace-chart lang="en" .model=${march}></qk-pace-chart>`);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
    expect(rows).to.have.length(31);
    expect(rows[10]).to.deep.equal(['Mar 11 (Today)', 'CN¥7,000.00', 'CN¥8,000.00', '—', '—']);
    expect(rows[11]).to.deep.equal(['Mar 12', '—', 'CN¥9,000.00', 'CN¥7,437.50', 'CN¥7,437.50 – CN¥7,437.50']);
    expect(rows[30]).to.deep.equal(['Mar 31', '—', 'CN¥22,000.00', 'CN¥13,125.00', 'CN¥13,125.00 – CN¥13,125.00']);
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[part="today"]')).to.exist;
    expect(el.shadowRoot!.querySelector('[part="cone"]')!.getAttribute('d')).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('moves over the points with the keyboard, announcing each in the live region', async () => {
    const el = await fixture<QkPaceChart>(html`<qk-pace-chart lang="en" .model=${march}></qk-pace-chart>`);
    // Reading starts at today (on focus; a key press before any focus event starts there too).
    plot(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(live(el)).to.equal('Mar 12: expected CN¥9K, forecast CN¥7.44K (≈ CN¥7.44K)');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(live(el)).to.equal('Mar 11: actual CN¥7K, expected CN¥8K');
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.contain('Mar 11');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(live(el)).to.equal('Mar 1: actual CN¥0, expected CN¥0');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(live(el)).to.contain('Mar 1:');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(live(el)).to.contain('Mar 31:');
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(live(el)).to.contain('Mar 24:');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the value under the pointer', async () => {
    const el = await fixture<QkPaceChart>(html`<qk-pace-chart lang="zh-CN" .model=${march}></qk-pace-chart>`);
    const svgEl = el.shadowRoot!.querySelector('svg')!;
    const r = svgEl.getBoundingClientRect();
    const w = Number(svgEl.getAttribute('width'));
    // The point ending 11 March sits at x = 64 + (w − 80) × 11/31 in the SVG's w-wide coordinates.
    const x = r.left + ((64 + ((w - 80) * 11) / 31) * r.width) / w;
    plot(el).dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: r.top + 50, bubbles: true }));
    await el.updateComplete;
    expect(live(el)).to.equal('3月11日：实际累计 ¥7,000，应达 ¥8,000');
  });

  it('takes weeks over a year and its data from the store', async () => {
    const { plan, actuals } = smallFixture();
    const store = new QkStore({ autosaveMs: false, asOf: '2026-03-11' });
    store.setData(plan, actuals);
    const el = await fixture<QkPaceChart>(html`<qk-pace-chart lang="en" .store=${store}></qk-pace-chart>`);
    // No period chosen: the page's default period, the fiscal year holding today.
    expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('星河科技 · Revenue · FY2026');
    store.setFocus({ period: 'FY2026-Q1' });
    await el.updateComplete;
    // A quarter (≤ 92 days) is drawn by days.
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(90);
    store.setFocus({ period: 'FY2026' });
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(54); // 53 week ends in 2026 and the split at 11 March
    // Week of 9–11 March: all bookings by then, ¥475,000.
    const today = rows.find((r) => r.textContent!.includes('Today'))!;
    expect(today.children[0].textContent!.trim()).to.equal('Mar 9 – Mar 11 (Today)');
    expect(today.children[1].textContent!.trim()).to.equal('CN¥475,000.00');
    await expect(el).to.be.accessible();
  });

  it('fires qk-alert when the status changes', async () => {
    const el = await fixture<QkPaceChart>(html`<qk-pace-chart lang="en" .model=${march}></qk-pace-chart>`);
    // The first view is off track: pace 700,000 / 800,000 = 0.875 is only at risk, but the forecast
    // 1,312,500 / 2,200,000 = 59.7 % is below 85 %. Lowering the target to 1,000,000: expected
    // 1,000,000 × 8/22 = 363,636, pace 1.93 ≥ 0.95; forecast 1,312,500 / 1,000,000 = 131 % ≥ 100 %: on track.
    setTimeout(() => (el.model = { ...march, target: 1_000_000 }));
    const ev = await new Promise<QkAlertEvent>((resolve) => el.addEventListener('qk-alert', resolve, { once: true }));
    expect(ev.detail).to.deep.include({ from: 'off-track', to: 'on-track', direction: 'improved' });
  });

  it('shows loading, error and no-target states accessibly', async () => {
    const store = new QkStore({ autosaveMs: false });
    store.setLoading();
    const loading = await fixture<QkPaceChart>(html`<qk-pace-chart lang="en" .store=${store}></qk-pace-chart>`);
    await expect(loading).to.be.accessible();
    const bad = await fixture<QkPaceChart>(html`<qk-pace-chart lang="en" .model=${{ ...march, period: 'FY2026-Q7' }}></qk-pace-chart>`);
    expect(bad.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('“FY2026-Q7” is not a period');
    await expect(bad).to.be.accessible();
    const { plan, actuals } = smallFixture();
    const s = new QkStore({ autosaveMs: false, asOf: '2026-03-11' });
    s.setData(plan, actuals);
    const none = await fixture<QkPaceChart>(html`<qk-pace-chart lang="en" node="r6" period="FY2026" .store=${s}></qk-pace-chart>`);
    expect(none.shadowRoot!.textContent!.trim()).to.equal('No target is set for 赵磊 in FY2026.');
  });

  it('resizes with its container', async function () {
    // A ResizeObserver reports with rendered frames only, which a background tab (a concurrent run) does not get.
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 700px"><qk-pace-chart lang="en" .model=${march}></qk-pace-chart></div>`);
    const el = wrap.querySelector('qk-pace-chart')!;
    const width = () => el.shadowRoot!.querySelector('svg')!.getAttribute('width');
    await waitUntil(() => width() === '700');
    // Height follows the width: 45 % of 700 = 315.
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('height')).to.equal('315');
    wrap.style.width = '400px';
    await waitUntil(() => width() === '400', 'the chart did not follow its container');
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('height')).to.equal('200'); // 180, raised to the 200 minimum
  });
});
