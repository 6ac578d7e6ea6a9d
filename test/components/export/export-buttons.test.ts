import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-scorecard.js';
import type { QkScorecard } from '../../../src/components/scorecard/scorecard.js';
import type { ScorecardPerson } from '../../../src/engine/scorecard/scorecard.js';
import { readXlsx, type XlsxSheet } from '../../../src/export/xlsx.js';
import { SAME_KPIS } from '../../fixtures/scorecard.js';

const root = (el: Element) => el.shadowRoot!;

/** Clicks an export button and returns the file the page would download (name and bytes). */
async function download(el: Element, part: 'export-xlsx' | 'export-csv'): Promise<{ name: string; bytes: Uint8Array }> {
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let blob: Blob | null = null;
  let name = '';
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blob = b as Blob;
    return createObjectURL.call(URL, b);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    root(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();
    await waitUntil(() => blob !== null && name !== '', 'the file is built', { timeout: 60000 });
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return { name, bytes: new Uint8Array(await blob!.arrayBuffer()) };
}

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
});
