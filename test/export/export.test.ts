import { expect } from '@open-wc/testing';
import { strFromU8, unzipSync } from 'fflate';
import { readXlsx, writeXlsx } from '../../src/export/xlsx.js';
import { moneyFormat, tableToCsv, tablesToXlsx, type ExportTable } from '../../src/export/table.js';
import { readTargetsFile } from '../../src/export/import.js';
import { targetsTable } from '../../src/export/targets.js';
import { TARGET_CSV_HEADERS } from '../../src/engine/plan/csv.js';
import { errorText, getTranslation, loadLocale } from '../../src/i18n/localize.js';
import { registerGoalTreeStrings } from '../../src/i18n/loaders/goal-tree.js';
import { smallFixture } from '../fixtures/small-plan.js';

const yuan = (n: number) => n * 100;
const enc = (s: string) => new TextEncoder().encode(s);

/** A payouts-like table: a name, money, a count and a ratio. */
const payouts: ExportTable = {
  name: 'Payouts',
  currency: 'CNY',
  columns: [
    { header: 'Name', kind: 'text' },
    { header: 'Payout', kind: 'money' },
    { header: 'Deals', kind: 'count' },
    { header: 'Attainment', kind: 'percent' },
  ],
  rows: [
    ['王芳', 120000050, 12, 1.085],
    ['=HYPERLINK("x")', -5, 0, 0],
  ],
};

describe('export: .xlsx', () => {
  it('writes money as numbers in major units with a currency format, not as text', () => {
    const bytes = tablesToXlsx([payouts]);
    const files = unzipSync(bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    // ¥1,200,000.50 is a number cell (no t="s") with style 2, whose number format is the CNY one.
    expect(/<c r="B2" s="(\d+)"><v>1200000\.5<\/v><\/c>/.exec(sheet)?.[1]).to.equal('2');
    expect(sheet).to.contain('<c r="B3" s="2"><v>-0.05</v></c>');
    const styles = strFromU8(files['xl/styles.xml']);
    expect(styles).to.contain('<numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00;-&quot;¥&quot;#,##0.00"/>');
    expect(styles).to.contain('<numFmt numFmtId="166" formatCode="0.0%"/>');
    // The formula-looking text is a shared string, never a formula.
    expect(sheet).not.to.contain('<f>');
    expect(strFromU8(files['xl/sharedStrings.xml'])).to.contain('=HYPERLINK(&quot;x&quot;)');
  });

  it('reads back every cell with its value and number format', () => {
    const [sheet] = readXlsx(tablesToXlsx([payouts]));
    expect(sheet.name).to.equal('Payouts');
    expect(sheet.rows.map((r) => r.map((c) => c?.value ?? null))).to.deep.equal([
      ['Name', 'Payout', 'Deals', 'Attainment'],
      ['王芳', 1200000.5, 12, 1.085],
      ['=HYPERLINK("x")', -0.05, 0, 0],
    ]);
    expect(sheet.rows[1].map((c) => c?.format ?? null)).to.deep.equal([null, '"¥"#,##0.00;-"¥"#,##0.00', '#,##0', '0.0%']);
  });

  it('reads sparse rows, inline strings and rich text as Excel and WPS write them', () => {
    const bytes = writeXlsx([{ name: 'a', rows: [['x']] }]);
    const files = unzipSync(bytes);
    files['xl/worksheets/sheet1.xml'] = enc(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Node ID</t></is></c><c r="C1" t="s"><v>0</v></c></row>' +
        '<row r="4"><c r="B4" t="s"><v>1</v></c><c r="C4"><v>3.25</v></c><c r="D4" t="b"><v>1</v></c></row>' +
        '</sheetData></worksheet>',
    );
    files['xl/sharedStrings.xml'] = enc(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>2026-01</t></si><si><r><t>华</t></r><r><rPr><b/></rPr><t xml:space="preserve">东 &amp; 南</t></r><rPh><t>ホ</t></rPh></si></sst>',
    );
    return import('fflate').then(({ zipSync }) => {
      const [sheet] = readXlsx(zipSync(files));
      expect(sheet.rows.length).to.equal(4);
      expect(sheet.rows.map((r) => r.map((c) => c?.value ?? null))).to.deep.equal([
        ['Node ID', null, '2026-01'],
        [],
        [],
        [null, '华东 & 南', 3.25, true],
      ]);
    });
  });

  it('keeps CNY, USD and JPY decimals in the money format', () => {
    expect(moneyFormat('CNY')).to.equal('"¥"#,##0.00;-"¥"#,##0.00');
    expect(moneyFormat('JPY')).to.equal('"¥"#,##0;-"¥"#,##0');
    expect(moneyFormat('CHF')).to.equal('#,##0.00 "CHF";-#,##0.00 "CHF"');
  });

  it('writes CSV with exact decimals, percents and inert formulas', () => {
    expect(tableToCsv(payouts)).to.equal('\uFEFFName,Payout,Deals,Attainment\r\n王芳,1200000.50,12,108.5%\r\n"\'=HYPERLINK(""x"")",-0.05,0,0.0%\r\n');
  });
});

describe('export: targets round trip and import', () => {
  const data = smallFixture();
  const snapshot = data.plan;
  const periods = ['FY2026-Q1', 'FY2026-Q2', 'FY2026'];
  // Values as the tree shows them: 华东 ¥7,200,000 for the year and ¥1,800,000.50 in Q1; 上海一组 ¥4,000,000.
  const rows = [
    { nodeId: 'east', name: '华东', values: { 'FY2026-Q1': 180000050, 'FY2026-Q2': null, FY2026: yuan(7_200_000) } },
    { nodeId: 'east-sh', name: '上海一组', values: { 'FY2026-Q1': yuan(1_000_000), FY2026: yuan(4_000_000) } },
  ];
  const table = targetsTable(rows, { periods, metric: 'revenue', currency: 'CNY', headers: TARGET_CSV_HEADERS['zh-CN'], name: '目标' });
  const expected = [
    { nodeId: 'east', period: 'FY2026-Q1', metric: 'revenue', value: 180000050, source: 'import' },
    { nodeId: 'east', period: 'FY2026', metric: 'revenue', value: yuan(7_200_000), source: 'import' },
    { nodeId: 'east-sh', period: 'FY2026-Q1', metric: 'revenue', value: yuan(1_000_000), source: 'import' },
    { nodeId: 'east-sh', period: 'FY2026', metric: 'revenue', value: yuan(4_000_000), source: 'import' },
  ];

  it('.xlsx export → import gives the same cells', () => {
    const r = readTargetsFile(tablesToXlsx([table]), { snapshot, metric: 'revenue' });
    expect(r.ok ? r.value : r.errors).to.deep.equal(expected);
  });

  it('CSV export → import gives the same cells', () => {
    const r = readTargetsFile(enc(tableToCsv(table)), { snapshot, metric: 'revenue' });
    expect(r.ok ? r.value : r.errors).to.deep.equal(expected);
  });

  it('an .xlsx with bad rows is refused whole, each problem with its row and cell, in both languages', async () => {
    const bytes = writeXlsx([
      {
        name: 'T',
        rows: [
          ['Node ID', 'Name', 'FY2026'],
          ['east', '华东', 7200000],
          ['nowhere', '?', 100],
          ['south', '华南', '1.2.3'],
          ['co', '星河科技', 12000000],
        ],
      },
    ]);
    const r = readTargetsFile(bytes, { snapshot, metric: 'revenue' });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.line, e.params?.cell])).to.deep.equal([
      ['csv-unknown-node', 3, 'A3'],
      ['csv-bad-amount', 4, 'C4'],
    ]);
    registerGoalTreeStrings();
    await loadLocale('zh-CN');
    expect(r.errors.map((e) => errorText(getTranslation('en'), e))).to.deep.equal([
      'Row 3, cell A3: “nowhere” is not a node of this plan.',
      'Row 4, cell C4: “1.2.3” is not a valid amount (it has more than one decimal point).',
    ]);
    expect(errorText(getTranslation('zh-CN'), r.errors[0])).to.equal('第 3 行（A3 单元格）：计划中没有节点“nowhere”。');
    expect(errorText(getTranslation('zh-CN'), r.error)).to.equal('文件未导入：共有 2 处问题，第一处在第 3 行。没有任何数据被修改。');
  });

  it('a file that is neither CSV text nor a workbook is refused with one problem', () => {
    const r = readTargetsFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { snapshot, metric: 'revenue' });
    expect(r.ok ? 'ok' : r.errors.map((e) => e.code)).to.deep.equal(['xlsx-unreadable']);
  });
});
