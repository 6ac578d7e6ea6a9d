import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-scorecard.js';
import '../../../src/define/qk-goal-tree.js';
import '../../../src/define/qk-incentive-calculator.js';
import type { QkIncentiveCalculator } from '../../../src/components/incentive-calculator/incentive-calculator.js';
import { QkStore } from '../../../src/store/store.js';
import type { QkGoalTree } from '../../../src/components/goal-tree/goal-tree.js';
import { writeXlsx } from '../../../src/export/xlsx.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import type { QkScorecard } from '../../../src/components/scorecard/scorecard.js';
import type { ScorecardPerson } from '../../../src/engine/scorecard/scorecard.js';
import { readXlsx, type XlsxSheet } from '../../../src/export/xlsx.js';
import { SAME_KPIS } from '../../fixtures/scorecard.js';
import { download } from '../../support/download.js';

const yuan = (n: number) => n * 100;
const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Picks a file in the tree's hidden file input, as a person would. */
async function pick(el: QkGoalTree, bytes: Uint8Array, name: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('input[part~="import-file"]')!;
  const dt = new DataTransfer();
  dt.items.add(new File([bytes as BlobPart], name));
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

const root = (el: Element) => el.shadowRoot!;

const values = (sheet: XlsxSheet) => sheet.rows.map((r) => r.map((c) => c?.value ?? null));
const formats = (sheet: XlsxSheet, row: number) => sheet.rows[row].map((c) => c?.format ?? null);

const PEOPLE: ScorecardPerson[] = [
  { id: 'v', name: 'Veteran', hireDate: '2019-03-01', kpis: SAME_KPIS },
  { id: 'n', name: 'Newcomer', hireDate: '2026-01-05', kpis: SAME_KPIS, previous: { ...SAME_KPIS, attainment: { actual: 60, benchmark: 100 } } },
];

describe('export buttons', () => {
  it('scorecard: .xlsx with the ranking and every KPI line, numbers as numbers', async () => {
    const el = await fixture<QkScorecard>(html`<qk-scorecard lang="en" .people=${PEOPLE} as-of="2026-04-15" period="FY2026-Q1"></qk-scorecard>`);
    const file = await download(el, 'export-xlsx');
    expect(file.name).to.equal('scorecard-FY2026-Q1.xlsx');
    const [ranking, kpis] = readXlsx(file.bytes);
    // The figures the element shows: Newcomer 100.5 (+4.0), Veteran 62.8 (no trend).
    expect(values(ranking)).to.deep.equal([
      ['Rank', 'Name', 'Profile', 'Score', 'Trend'],
      [1, 'Newcomer', 'New hire', 100.5, 4],
      [2, 'Veteran', 'Veteran', 62.8],
    ]);
    expect(formats(ranking, 1)).to.deep.equal(['#,##0', null, null, '#,##0.0', '#,##0.0']);
    // Newcomer's first lines: activity 150 vs 125 → 120.0 × 30% = 36.0; attainment 80 分 (¥0.80) is money.
    const newcomer = kpis.rows.slice(1).filter((r) => r[0]?.value === 'Newcomer');
    expect(newcomer.map((r) => r.map((c) => c?.value ?? null))[0]).to.deep.equal(['Newcomer', 'Activity (leads, demos, quotes)', 30, 150, 125, 120, 36]);
    const attainment = newcomer.find((r) => r[1]?.value === 'Attainment')!;
    expect([attainment[3]!.value, attainment[3]!.format]).to.deep.equal([0.8, '"¥"#,##0.00;-"¥"#,##0.00']);
    const winRate = newcomer.find((r) => r[1]?.value === 'Win rate')!;
    expect([winRate[3]!.value, winRate[3]!.format]).to.deep.equal([0.27, '0.0%']);
  });

  it('goal tree: .xlsx export → import gives the same cells; money is a number with the ¥ format', async () => {
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="quarter" expand-depth="2" lang="en" .data=${smallFixture()}></qk-goal-tree>`);
    const store = el.activeStore!;
    const file = await download(el, 'export-xlsx');
    expect(file.name).to.equal('plan-fy2026-FY2026-revenue.xlsx');
    const [sheet] = readXlsx(file.bytes);
    expect(values(sheet)[0]).to.deep.equal(['Node ID', 'Name', 'Metric', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2026']);
    // 华东 FY2026 ¥7,200,000 is the number 7200000 with the CNY format, not the text "¥7,200,000".
    const east = sheet.rows.find((r) => r[0]?.value === 'east')!;
    expect([east[7]!.value, east[7]!.format]).to.deep.equal([7200000, '"¥"#,##0.00;-"¥"#,##0.00']);
    // Change 华东 FY2026 to ¥7,000,000 in the store, then import the file: it comes back to ¥7,200,000.
    const before = store.getCell('east', 'FY2026', 'revenue')!;
    store.applyCells([{ ...before, value: yuan(7_000_000) }], { label: 'test' });
    await pick(el, file.bytes, 'targets.xlsx');
    await waitUntil(() => store.getCell('east', 'FY2026', 'revenue')!.value === yuan(7_200_000), 'imported', { timeout: 60000 });
    // Importing it again changes nothing: every cell of the file equals the grid.
    await pick(el, file.bytes, 'targets.xlsx');
    await waitUntil(() => text(root(el).querySelector('[part="message"]')) !== '', 'message', { timeout: 60000 });
    expect(text(root(el).querySelector('[part="message"]'))).to.equal('The file holds no targets that differ from the plan. Nothing was changed.');
  });

  it('goal tree: an .xlsx with bad rows is refused whole, problems by row and cell in the page language', async () => {
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="year" expand-depth="2" lang="zh-CN" .data=${smallFixture()}></qk-goal-tree>`);
    const store = el.activeStore!;
    const bytes = writeXlsx([{ name: 'T', rows: [['节点编号', '名称', 'FY2026'], ['east', '华东', 7000000], ['nowhere', '?', 1], ['south', '华南', '1.2.3']] }]);
    await pick(el, bytes, '目标.xlsx');
    await waitUntil(() => root(el).querySelector('[part="import-errors"]'), 'errors listed', { timeout: 60000 });
    expect([...root(el).querySelectorAll('[part="import-errors"] li')].map(text)).to.deep.equal([
      '第 3 行（A3 单元格）：计划中没有节点“nowhere”。',
      '第 4 行（C4 单元格）：“1.2.3”不是有效的金额（包含多个小数点）。',
    ]);
    // Row 2 was fine but nothing was applied.
    expect(store.getCell('east', 'FY2026', 'revenue')!.value).to.equal(yuan(7_200_000));
    expect(store.canUndo).to.equal(false);
  });

  it('incentive calculator: the team payouts as CSV (exact decimals) and .xlsx (numbers with formats)', async () => {
    // The figures of incentive-calculator.test.ts: 上海一组 FY2026-Q1 as of 31 March.
    const { plan, actuals } = smallFixture();
    plan.targets.push({ nodeId: 'r2', period: 'FY2026-Q1', metric: 'revenue', value: 4_000_000 });
    actuals.actuals.push({ id: 'b9', repId: 'r2', productId: 'ai', date: '2026-03-02', type: 'booking', amount: 4_500_000 });
    const store = new QkStore({ autosaveMs: false, asOf: '2026-03-31' });
    store.setData(plan, actuals);
    const el = await fixture<QkIncentiveCalculator>(html`<qk-incentive-calculator lang="en" node="east-sh" period="FY2026-Q1" .store=${store}></qk-incentive-calculator>`);
    const csv = await download(el, 'export-csv');
    expect(csv.name).to.equal('payouts-上海一组-FY2026-Q1.csv');
    const lines = new TextDecoder().decode(csv.bytes).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(1)).to.deep.equal([
      '李强,40000.00,45000.00,112.5%,8000.00,',
      '王芳,500000.00,165000.00,33.0%,5600.00,600.00',
      'Total,540000.00,210000.00,38.9%,13600.00,600.00',
      '',
    ]);
    const [sheet] = readXlsx((await download(el, 'export-xlsx')).bytes);
    expect(values(sheet).slice(1)).to.deep.equal([
      ['李强', 40000, 45000, 1.125, 8000],
      ['王芳', 500000, 165000, 0.33, 5600, 600],
      ['Total', 540000, 210000, 210000 / 540000, 13600, 600],
    ]);
    expect(formats(sheet, 2)).to.deep.equal([null, ...Array(2).fill('"¥"#,##0.00;-"¥"#,##0.00'), '0.0%', ...Array(2).fill('"¥"#,##0.00;-"¥"#,##0.00')]);
  });
});
