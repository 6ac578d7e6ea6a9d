import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-review-board.js';
import { readXlsx } from '../../../src/export/xlsx.js';
import { download } from '../../support/download.js';
import '../../../src/define/qk-funnel-inverter.js';
import { QkReviewBoard, type ReviewBoardModel } from '../../../src/components/review-board/review-board.js';
import { QkStore } from '../../../src/store/store.js';
import type { QkReviewApplyEvent } from '../../../src/events/qk-review-apply.js';
import type { FunnelInputsInit } from '../../../src/components/funnel-inverter/funnel-inverter.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const STAGES = ['lead', 'demo', 'quote', 'won'];
// The seed's plan (¥1,000,000 at 20% / 50% / 40%, ¥50,000 a deal) and a period with 600 leads but quote→won at 25%.
const SEED: ReviewBoardModel = {
  stages: STAGES,
  plan: { revenue: 100_000_000, rates: [0.2, 0.5, 0.4], avgDealSize: 5_000_000 },
  actual: { revenue: 75_000_000, counts: { lead: 600, demo: 120, quote: 60, won: 15 } },
  currency: 'CNY',
  nodeName: 'East',
  period: 'FY2026-Q3',
  stageNames: { lead: 'Lead', demo: 'Demo', quote: 'Quote', won: 'Won' },
};
const root = (el: Element) => el.shadowRoot!;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: Element, selector: string) => [...root(el).querySelectorAll(`${selector} tbody tr`)].map((tr) => [...tr.children].map((c) => clean(c.textContent)));

describe('qk-review-board', () => {
  it('shows the waterfall, the KPI table, the diagnosis and the ranked findings from a model', async () => {
    const el = await fixture<QkReviewBoard>(html`<qk-review-board lang="en" .model=${SEED} style="width: 900px"></qk-review-board>`);
    expect(clean(root(el).querySelector('[part~="title"]')!.textContent)).to.equal('Period review · East · FY2026-Q3');
    // Waterfall: plan, 5 factors, actual; the hidden table carries the same numbers in full.
    expect(root(el).querySelectorAll('rect[part~="bar"]').length).to.equal(7);
    const hidden = rows(el, 'figure table');
    expect(hidden[0]).to.deep.equal(['Plan', 'CN¥1M', 'CN¥0.00', 'CN¥1,000,000.00']);
    // Leads +¥158,440.14 (from ¥1,000,000.00 to ¥1,158,440.14); quote→won −¥408,440.14.
    expect(hidden[1]).to.deep.equal(['Leads', '+CN¥158K', 'CN¥1,000,000.00', 'CN¥1,158,440.14']);
    expect(hidden[4]).to.deep.equal(['Quote→Won', '−CN¥408K', 'CN¥1,158,440.14', 'CN¥750,000.00']);
    // The axis is zoomed to the bridge (CN¥750K … CN¥1.16M): where it starts depends on the width.
    expect(root(el).querySelector('figure')!.getAttribute('aria-label')).to.match(
      /^Waterfall from planned revenue CN¥1M to actual CN¥750K, a gap of −CN¥250K, split by factor\. The same figures are in the table below\. The axis starts at CN¥7\d\dK, not 0 \(cut to show the gap\)\.$/,
    );
    const kpis = rows(el, 'table.kpis');
    expect(kpis[0]).to.deep.equal(['Revenue', 'CN¥1M', 'CN¥750K', '−CN¥250K (worse than plan)', '−25%']);
    expect(kpis[1]).to.deep.equal(['Lead', '500', '600', '+100 (better than plan)', '+20%']);
    expect(kpis[6]).to.deep.equal(['Conversion Quote→Won', '40%', '25%', '−15 pp (worse than plan)', '−37.5%']);
    // No CLV from the host: the row is there, empty.
    expect(kpis.at(-1)).to.deep.equal(['Customer lifetime value (CLV)', '—', '—', '—', '—']);
    expect(clean(root(el).querySelector('[part="diagnosis"]')!.textContent)).to.equal(
      'Leads 20% above plan but the Quote→Won conversion fell from 40% to 25%: the problem is closing, at the bottom of the funnel.',
    );
    const findings = [...root(el).querySelectorAll('[part~="finding"]')].map((li) => clean(li.textContent));
    expect(findings).to.deep.equal([
      '−CN¥408K Quote→Won converted 25% against 40% planned: cost CN¥408K.',
      '+CN¥158K Leads were 600 against 500 planned (+20%): worth CN¥158K of revenue.',
    ]);
    expect(clean(root(el).querySelector('[part="recommendations"]')!.textContent)).to.contain('Proposed next target: CN¥875K');
    await expect(el).to.be.accessible();
  });

  it('hands the recommendations to the host with "Use for the next cycle"', async () => {
    // Market ¥5,000,000 × 12% = ¥600,000, growth 10%: 0.4 × 1,000,000 + 0.4 × 825,000 + 0.2 × 600,000 = ¥850,000.
    // Rates (15 + 30 × 0.4) / (60 + 30) = 30% for quote→won, the others stay; deal size stays ¥50,000.
    const model: ReviewBoardModel = { ...SEED, market: { size: 500_000_000, share: 0.12 }, plan: { ...SEED.plan, clv: 15_000_000 }, actual: { ...SEED.actual, clv: 12_000_000 } };
    const el = await fixture<QkReviewBoard>(html`<qk-review-board lang="en" .model=${model} .options=${{ nextTarget: { growth: 0.1 } }}></qk-review-board>`);
    expect(rows(el, 'table.kpis').at(-1)).to.deep.equal(['Customer lifetime value (CLV)', 'CN¥150K', 'CN¥120K', '−CN¥30K (worse than plan)', '−20%']);
    expect(clean(root(el).querySelector('[part="recommendations"]')!.textContent)).to.contain(
      'Proposed next target: CN¥850K, a blend of the plan (CN¥1M), the actual (CN¥750K, +10% → CN¥825K) and the market view (CN¥5M × 12% = CN¥600K)',
    );
    const button = root(el).querySelector<HTMLButtonElement>('[part="apply"]')!;
    expect(clean(button.textContent)).to.equal('Use for the next cycle');
    const applied = oneEvent(el, 'qk-review-apply');
    button.click();
    const e = (await applied) as unknown as QkReviewApplyEvent;
    expect([e.bubbles, e.composed]).to.deep.equal([true, true]);
    expect(e.detail).to.deep.equal({
      nodeId: '',
      period: 'FY2026-Q3',
      rates: [{ id: 'lead', rate: 0.2 }, { id: 'demo', rate: 0.5 }, { id: 'quote', rate: 0.3 }, { id: 'won' }],
      avgDealSize: 5_000_000,
      nextTarget: 85_000_000,
    });
    // The detail is what qk-funnel-inverter takes as `inputs`; the review needs the same funnel.
    expect(el.review!.recommendation.required).to.deep.equal({ lead: 570, demo: 114, quote: 57, won: 17 });
    const inputs: FunnelInputsInit = { target: e.detail.nextTarget, avgDealSize: e.detail.avgDealSize, stages: e.detail.rates };
    const inverter = await fixture<HTMLElementTagNameMap['qk-funnel-inverter']>(html`<qk-funnel-inverter lang="en" period="FY2026-Q4" as-of="2026-10-01" .inputs=${inputs}></qk-funnel-inverter>`);
    // The inverter works the funnel back to the same 570 leads → 17 won the review's recommendation names.
    expect([...inverter.shadowRoot!.querySelectorAll('[part~="stage"]')].map((g) => g.getAttribute('aria-label'))).to.deep.equal([
      'Leads: 570 required', 'Demos: 114 required', 'Quotes: 57 required', 'Won deals: 17 required',
    ]);
    await el.updateComplete;
    expect(clean(root(el).querySelector('[role="status"]')!.textContent)).to.equal('The updated rates, deal size and next target were sent for the next cycle.');
    await expect(el).to.be.accessible();

    // Nothing to base a next target on (no plan, nothing booked): no button.
    const empty = await fixture<QkReviewBoard>(html`<qk-review-board lang="en" .model=${{ ...SEED, plan: { ...SEED.plan, revenue: null }, actual: { revenue: 0, counts: {} } }}></qk-review-board>`);
    expect(root(empty).querySelector('[part="apply"]')).to.equal(null);
  });

  it('writes and downloads the CSV', async () => {
    const el = await fixture<QkReviewBoard>(html`<qk-review-board lang="zh-CN" .model=${SEED}></qk-review-board>`);
    const csv = el.csv()!;
    expect(csv.startsWith('\uFEFF部分,项目,计划,实际,差异,差异率\r\n指标,销售额,1000000.00,750000.00,-250000.00,-0.2500\r\n')).to.equal(true);
    expect(csv).to.contain('\r\n影响,线索,500,600,158440.14,\r\n');
    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      created.push(b as Blob);
      return 'blob:test';
    };
    const clicks: string[] = [];
    const onClick = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      if (a.download) {
        clicks.push(a.download);
        e.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      root(el).querySelector<HTMLButtonElement>('[part="export"]')!.click();
      await el.updateComplete;
    } finally {
      URL.createObjectURL = original;
      document.removeEventListener('click', onClick, true);
    }
    expect(created.length).to.equal(1);
    // Blob.text() decodes UTF-8 and drops the byte-order mark.
    expect(await created[0].text()).to.equal(csv.slice(1));
    expect(clean(root(el).querySelector('[role="status"]')!.textContent)).to.equal('已导出 review-FY2026-Q3.csv');
  });

  it('downloads the review as .xlsx: the rows of the CSV, each figure a number in its own format', async () => {
    const el = await fixture<QkReviewBoard>(html`<qk-review-board lang="zh-CN" .model=${SEED}></qk-review-board>`);
    const file = await download(el, 'export-xlsx');
    expect(file.name).to.equal('review-FY2026-Q3.xlsx');
    const [sheet] = readXlsx(file.bytes);
    expect(sheet.rows[0].map((c) => c?.value)).to.deep.equal(['部分', '项目', '计划', '实际', '差异', '差异率']);
    // 销售额 ¥1,000,000 → ¥750,000: money cells in ¥, the variance ratio −25% as a percent.
    expect(sheet.rows[1].map((c) => c?.value ?? null)).to.deep.equal(['指标', '销售额', 1000000, 750000, -250000, -0.25]);
    expect(sheet.rows[1].map((c) => c?.format ?? null)).to.deep.equal([null, null, '"¥"#,##0.00;-"¥"#,##0.00', '"¥"#,##0.00;-"¥"#,##0.00', '"¥"#,##0.00;-"¥"#,##0.00', '0.0%']);
    // The leads effect: 500 planned, 600 actual (counts), worth ¥158,440.14.
    const leads = sheet.rows.find((r) => r[0]?.value === '影响' && r[1]?.value === '线索')!;
    expect(leads.map((c) => c?.value ?? null)).to.deep.equal(['影响', '线索', 500, 600, 158440.14]);
    expect(leads[2]!.format).to.equal('#,##0');
  });

  it('follows the store focus and reviews a rep from plan data', async () => {
    const { plan, actuals } = smallFixture();
    const store = new QkStore({ asOf: '2026-04-15', autosaveMs: false });
    store.setData(plan, actuals);
    store.setFocus({ nodeId: 'r1', period: 'FY2026-Q1' });
    const el = await fixture<QkReviewBoard>(
      html`<qk-review-board lang="zh-CN" .store=${store} .rates=${[0.25, 0.5, 0.4]} .avgDealSize=${5_000_000} .clv=${{ plan: 15_000_000, actual: 12_000_000 }}></qk-review-board>`,
    );
    expect(clean(root(el).querySelector('[part~="title"]')!.textContent)).to.equal('复盘 · 王芳 · FY2026-Q1');
    // Plan ¥500,000 (200 leads); actual ¥165,000 from 40 leads, 2 won at ¥82,500.
    const kpis = rows(el, 'table.kpis');
    expect(kpis[0].slice(0, 3)).to.deep.equal(['销售额', '¥50万', '¥16.5万']);
    expect(kpis[1].slice(0, 3)).to.deep.equal(['线索', '200', '40']);
    expect(kpis.at(-1)).to.deep.equal(['客户终身价值（CLV）', '¥15万', '¥12万', '−¥3万 (差于计划)', '−20%']);
    // "用于下期" sends r1's recommendation: rates on plan (e.g. (10 + 30 × 0.25) / (40 + 30) = 25%), deal size
    // (16,500,000 + 10 × 5,000,000) / 12 = 5,541,667, next target (0.4 × 500,000 + 0.4 × 165,000) / 0.8 = ¥332,500.
    const applied = oneEvent(el, 'qk-review-apply');
    root(el).querySelector<HTMLButtonElement>('[part="apply"]')!.click();
    expect(((await applied) as unknown as QkReviewApplyEvent).detail).to.deep.equal({
      nodeId: 'r1',
      period: 'FY2026-Q1',
      rates: [{ id: 'lead', rate: 0.25 }, { id: 'demo', rate: 0.5 }, { id: 'quote', rate: 0.4 }, { id: 'won' }],
      avgDealSize: 5_541_667,
      nextTarget: 33_250_000,
    });
    // Leads −¥486,317.20 and deal size +¥151,317.20 add up to the gap of −¥335,000.
    const hidden = rows(el, 'figure table');
    expect(hidden.map((r) => r[0])).to.deep.equal(['计划', '线索', '线索→演示', '演示→报价', '报价→赢单', '客单价', '实际']);
    expect(hidden[1][3]).to.equal('¥13,682.80'); // ¥500,000 − ¥486,317.20
    expect(hidden[5][3]).to.equal('¥165,000.00');
    const timing = [...root(el).querySelectorAll('[part~="finding"]')].map((li) => clean(li.textContent)).find((t) => t.includes('商机'));
    expect(timing).to.equal('−¥15万 有 1 个预计在本期成交的商机仍未关闭，金额 ¥15万（加权 ¥9万）：这部分差距属于时间延后，可能在下期落地。');

    store.setFocus({ nodeId: 'co', period: 'FY2026' });
    await el.updateComplete;
    expect(clean(root(el).querySelector('[part~="title"]')!.textContent)).to.equal('复盘 · 星河科技 · FY2026');
    // The note names the whole period's target (figureOf's ¥12,000,000) and the basis of the plan column.
    expect(clean(root(el).querySelector('[part~="partial"]')!.textContent)).to.equal('本期尚未结束：复盘截至 2026-04-15（已过 75/261 个工作日），目标（全期 ¥1,200万）按比例折算。');
    const planHead = root(el).querySelector('[part~="plan-basis"]')!;
    expect(planHead.textContent).to.contain('截至今日计划');
    // ¥12,000,000 × 75 / 261 = ¥3,448,275.86 → the KPI table's plan, ¥345万 in the kit's one compact rule (3 significant digits).
    expect(planHead.getAttribute('title')).to.equal('按比例折算：本期计划（目标 ¥12,000,000.00）× 75/261 个工作日；各阶段数量同样按计划量折算。');
    expect(rows(el, 'table.kpis')[0].slice(0, 2)).to.deep.equal(['销售额', '¥345万']);
    // The waterfall's first bar is the same pro-rata plan, named the same way.
    expect(rows(el, 'figure table')[0].slice(0, 2)).to.deep.equal(['截至今日计划', '¥345万']);
    await expect(el).to.be.accessible();
  });

  it('shows bad figures in place and fires qk-error', async () => {
    const el = document.createElement('qk-review-board');
    el.lang = 'en';
    el.model = { ...SEED, actual: { ...SEED.actual, revenue: 1.5 } };
    const event = oneEvent(el, 'qk-error');
    document.body.append(el);
    const e = await event;
    expect(e.detail.code).to.equal('review-amount-invalid');
    expect(clean(root(el).querySelector('[role="alert"] p')!.textContent)).to.equal('actual.revenue must be a whole amount of 0 or more (got 1.5).');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('has accessible loading and no-plan states and a keyboard-reachable export', async () => {
    const store = new QkStore({ autosaveMs: false });
    store.setLoading();
    const loading = await fixture<QkReviewBoard>(html`<qk-review-board lang="en" .store=${store}></qk-review-board>`);
    expect(clean(root(loading).textContent)).to.equal('Loading…');
    await expect(loading).to.be.accessible();

    const el = await fixture<QkReviewBoard>(html`<qk-review-board lang="en" .model=${{ ...SEED, plan: { ...SEED.plan, revenue: null } }}></qk-review-board>`);
    expect(clean(root(el).querySelector('[part="diagnosis"]')!.textContent)).to.equal('There is no revenue target for this period, so there is no gap to explain.');
    expect(clean(root(el).querySelector('[part~="finding"]')!.textContent)).to.equal('+CN¥750K CN¥750K was booked without a target for the period.');
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('part')).to.equal('export');
  });
});
