import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseTargetsCsv, targetsToCsv, TARGET_CSV_HEADERS, type CsvImportResult, type TargetCsvRow } from '../../../src/engine/plan/csv.js';
import type { PlanSnapshot, TargetCell } from '../../../src/engine/plan/model.js';
import { csvMessages } from '../../../src/i18n/both-languages.js';
import { smallPlan } from '../../fixtures/small-plan.js';

// A copy of the fixture with awkward names: a comma, a quote, a line break, a formula.
const snapshot: PlanSnapshot = {
  ...smallPlan,
  org: [
    ...smallPlan.org,
    { id: '=cmd', name: '=HYPERLINK("http://x","点我")', parentId: 'south-sz', kind: 'rep' },
    { id: 'r7', name: '欧阳, "小明"\n新人', parentId: 'south-sz', kind: 'rep' },
  ],
};
const options = { snapshot, metric: 'revenue' } as const;
const headers = TARGET_CSV_HEADERS.en;

function cells(r: CsvImportResult): TargetCell[] {
  if (!r.ok) throw new Error(`expected a clean file, got ${JSON.stringify(r.errors)}`);
  return r.value;
}
function errors(r: CsvImportResult) {
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => ({ code: e.code, line: e.line, column: e.column }));
}

describe('targetsToCsv', () => {
  const rows: TargetCsvRow[] = [
    { nodeId: 'co', name: '星河科技', values: { '2026-01': 120_000_000, '2026-02': 35_050 }, total: 120_035_050 },
    { nodeId: 'r7', name: '欧阳, "小明"\n新人', values: { '2026-01': 0, '2026-02': null } },
    { nodeId: '=cmd', name: '=HYPERLINK("http://x","点我")', values: {} },
  ];

  it('writes the header, decimal yuan and RFC 4180 quoting with CRLF', () => {
    const text = targetsToCsv(rows, { periods: ['2026-01', '2026-02'], metric: 'revenue', currency: 'CNY', headers, total: true });
    expect(text).to.equal(
      'Node ID,Name,Metric,2026-01,2026-02,Total\r\n' +
        // 120,000,000 分 = ¥1,200,000.00; 35,050 分 = ¥350.50
        'co,星河科技,revenue,1200000.00,350.50,1200350.50\r\n' +
        // the name has a comma, quotes and a line break: quoted, quotes doubled
        'r7,"欧阳, ""小明""\n新人",revenue,0.00,,\r\n' +
        // formula-looking text gets a leading apostrophe (and is quoted for its quotes and commas)
        "'=cmd,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",revenue,,,\r\n",
    );
  });

  it('writes Chinese headers, a product column, counts and a BOM on request', () => {
    const text = targetsToCsv([{ nodeId: 'r1', name: '王芳', values: { 'FY2026-Q1': 1200 } }], {
      periods: ['FY2026-Q1'], metric: 'won', product: 'ai', currency: 'CNY', headers: TARGET_CSV_HEADERS['zh-CN'], bom: true, newline: '\n',
    });
    expect(text).to.equal('\uFEFF节点编号,名称,指标,产品线,FY2026-Q1\nr1,王芳,won,ai,1200\n');
  });

  it('escapes every formula trigger: = + - @ tab', () => {
    const text = targetsToCsv(['=1', '+1', '-1', '@SUM(A1)', '\tx', 'a=b'].map((name, i) => ({ nodeId: `n${i}`, name, values: {} })), {
      periods: [], metric: 'revenue', currency: 'CNY', headers, newline: '\n',
    });
    expect(text.split('\n').slice(1, 7).map((l) => l.split(',')[1])).to.deep.equal(["'=1", "'+1", "'-1", "'@SUM(A1)", "'\tx", 'a=b']);
  });
});

describe('parseTargetsCsv', () => {
  it('round-trips: export → import gives the same cells, awkward names and ids included', () => {
    const periods = ['2026-01', '2026-02', 'FY2026-Q1', 'FY2026'];
    const rows: TargetCsvRow[] = [
      { nodeId: 'co', name: '星河科技', values: { '2026-01': 120_000_000, '2026-02': 35_050, 'FY2026-Q1': 999_999_999, FY2026: 1_200_000_000 } },
      { nodeId: 'r7', name: '欧阳, "小明"\n新人', values: { '2026-01': 0 } },
      { nodeId: '=cmd', name: '=HYPERLINK("http://x","点我")', values: { '2026-02': 1 } },
    ];
    for (const [locale, bom] of [['en', false], ['zh-CN', true]] as const) {
      const text = targetsToCsv(rows, { periods, metric: 'revenue', product: 'core', currency: 'CNY', headers: TARGET_CSV_HEADERS[locale], total: true, bom });
      expect(cells(parseTargetsCsv(text, { snapshot }))).to.deep.equal([
        { nodeId: 'co', period: '2026-01', metric: 'revenue', product: 'core', value: 120_000_000, source: 'import' },
        { nodeId: 'co', period: '2026-02', metric: 'revenue', product: 'core', value: 35_050, source: 'import' },
        { nodeId: 'co', period: 'FY2026-Q1', metric: 'revenue', product: 'core', value: 999_999_999, source: 'import' },
        { nodeId: 'co', period: 'FY2026', metric: 'revenue', product: 'core', value: 1_200_000_000, source: 'import' },
        { nodeId: 'r7', period: '2026-01', metric: 'revenue', product: 'core', value: 0, source: 'import' },
        { nodeId: '=cmd', period: '2026-02', metric: 'revenue', product: 'core', value: 1, source: 'import' },
      ]);
    }
  });

  it('round-trips any amounts and names (property)', () => {
    const ids = snapshot.org.map((n) => n.id);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1 }),
        fc.array(fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: null }), { minLength: 3, maxLength: 3 }),
        fc.string(),
        fc.constantFrom('revenue' as const, 'leads' as const),
        (nodeIds, values, name, metric) => {
          const periods = ['2026-03', 'FY2026-H1', 'FY2026-Q4'];
          const rows = nodeIds.map((nodeId) => ({ nodeId, name, values: Object.fromEntries(periods.map((p, i) => [p, values[i]])) }));
          const got = cells(parseTargetsCsv(targetsToCsv(rows, { periods, metric, currency: 'CNY', headers }), { snapshot }));
          const want = rows.flatMap((r) => periods.flatMap((p, i) => (values[i] === null ? [] : [{ nodeId: r.nodeId, period: p, metric, value: values[i]!, source: 'import' }])));
          expect(got).to.deep.equal(want);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads what people type: 120万, 1,200,000, ¥ and 元, quoted fields with commas, Chinese headers, a BOM', () => {
    const text = '\uFEFF节点编号,名称,2026-01,2026-02,2026-03,合计\r\n' + 'east,"华东, 一区",120万,"1,200,000",¥350.50,这一列被忽略\r\n' + 'south,华南,1.5亿,8000元,,\r\n';
    expect(cells(parseTargetsCsv(text, options))).to.deep.equal([
      // 120万 yuan = 1,200,000 yuan = 120,000,000 分
      { nodeId: 'east', period: '2026-01', metric: 'revenue', value: 120_000_000, source: 'import' },
      { nodeId: 'east', period: '2026-02', metric: 'revenue', value: 120_000_000, source: 'import' },
      { nodeId: 'east', period: '2026-03', metric: 'revenue', value: 35_050, source: 'import' },
      // 1.5亿 yuan = 150,000,000 yuan = 15,000,000,000 分; 8000元 = 800,000 分
      { nodeId: 'south', period: '2026-01', metric: 'revenue', value: 15_000_000_000, source: 'import' },
      { nodeId: 'south', period: '2026-02', metric: 'revenue', value: 800_000, source: 'import' },
    ]);
  });

  it('accepts header spellings in any order, a metric column, LF endings and blank lines', () => {
    const text = 'fy2026-q2,metric,node_id\n\n"7,000",leads,r1\n12,won,r2\n';
    expect(cells(parseTargetsCsv(text, { snapshot }))).to.deep.equal([
      { nodeId: 'r1', period: 'FY2026-Q2', metric: 'leads', value: 7000, source: 'import' },
      { nodeId: 'r2', period: 'FY2026-Q2', metric: 'won', value: 12, source: 'import' },
    ]);
  });

  it('keeps line numbers right after a quoted field that spans lines', () => {
    // Line 2 holds a record whose name spans lines 2–4; the next record starts on line 5.
    const text = 'Node ID,Name,2026-01\nr1,"a\nb\nc",100\nr2,d,abc\n';
    const r = parseTargetsCsv(text, options);
    expect(errors(r)).to.deep.equal([{ code: 'csv-bad-amount', line: 5, column: 3 }]);
    expect(r.ok ? null : r.errors[0]!.params).to.deep.equal({ line: 5, column: 3, value: 'abc', reason: 'money-invalid' });
  });

  describe('errors, each with its line and column', () => {
    const head = 'Node ID,Name,2026-01,2026-02\n';
    const cases: [string, string, { code: string; line: number; column: number }[]][] = [
      ['unknown node id', head + 'r1,王芳,1,2\nnobody,谁,1,2\n', [{ code: 'csv-unknown-node', line: 3, column: 1 }]],
      ['unknown period id', 'Node ID,2026-01,2027-01\nr1,1,2\n', [{ code: 'csv-unknown-period', line: 1, column: 3 }]],
      ['unknown metric', 'Node ID,Metric,2026-01\nr1,revenue,1\nr1,profit,2\nr2,winRate,3\n', [
        { code: 'csv-unknown-metric', line: 3, column: 2 },
        // a ratio is derived from two counts: it takes no target of its own
        { code: 'csv-unknown-metric', line: 4, column: 2 },
      ]],
      ['unknown product', 'Node ID,Product,2026-01\nr1,core,1\nr1,widgets,1\n', [{ code: 'csv-unknown-product', line: 3, column: 2 }]],
      ['bad amounts', head + 'r1,王芳,1.2.3,-5\nr2,李强,"1,20,0",0.001\n', [
        { code: 'csv-bad-amount', line: 2, column: 3 },
        { code: 'csv-bad-amount', line: 2, column: 4 },
        { code: 'csv-bad-amount', line: 3, column: 3 },
        { code: 'csv-bad-amount', line: 3, column: 4 },
      ]],
      ['duplicate cell', head + 'r1,王芳,1,\nr2,李强,1,2\nr1,王芳,,5\nr1,王芳,3,\n', [{ code: 'csv-duplicate-cell', line: 5, column: 3 }]],
      ['duplicate column', 'Node ID,2026-01,节点编号,2026-01\nr1,1,r1,2\n', [
        { code: 'csv-duplicate-column', line: 1, column: 3 },
        { code: 'csv-duplicate-column', line: 1, column: 4 },
      ]],
      ['missing node id column', 'Name,2026-01\n王芳,1\n', [{ code: 'csv-missing-column', line: 1, column: 0 }]],
      ['missing period columns', 'Node ID,Name\nr1,王芳\n', [{ code: 'csv-missing-column', line: 1, column: 0 }]],
      ['wrong column count', head + 'r1,王芳,1,2\nr2,李强,1\nr3,张伟,1,2,3\n', [
        { code: 'csv-column-count', line: 3, column: 4 },
        { code: 'csv-column-count', line: 4, column: 5 },
      ]],
      ['unterminated quote', head + 'r1,王芳,1,2\nr2,"李强,1,2\nr3,张伟,1,2\n', [{ code: 'csv-unterminated-quote', line: 3, column: 2 }]],
      ['text after a closing quote', head + 'r1,"王"芳,1,2\n', [{ code: 'csv-stray-quote', line: 2, column: 2 }]],
      ['empty file', '\uFEFF', [{ code: 'csv-empty', line: 1, column: 1 }]],
    ];
    for (const [what, text, want] of cases) {
      it(what, () => expect(errors(parseTargetsCsv(text, options))).to.deep.equal(want));
    }

    it('needs a metric column or a metric option', () => {
      const r = parseTargetsCsv('Node ID,2026-01\nr1,1\n', { snapshot });
      expect(errors(r)).to.deep.equal([{ code: 'csv-missing-column', line: 1, column: 0 }]);
      expect(r.ok ? null : r.errors[0]!.params).to.deep.equal({ line: 1, column: 0, name: 'metric' });
    });
  });

  it('applies nothing when one bad row sits in the middle of a good file', () => {
    // 50 lines, 50 distinct (node, month) pairs: line i is rep (i mod 6) + 1 in month ⌊i / 6⌋ + 1.
    const periods = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`);
    const lines = Array.from({ length: 50 }, (_, i) => {
      const cols = periods.map((_p, m) => (m === Math.floor(i / 6) % 12 ? `${i + 1}万` : ''));
      return [`r${(i % 6) + 1}`, `名${i}`, ...cols].join(',');
    });
    const clean = `Node ID,Name,${periods.join(',')}\n${lines.join('\n')}\n`;
    expect(cells(parseTargetsCsv(clean, options))).to.have.length(50);
    lines[24] = lines[24]!.replace('万', '万万');
    const r = parseTargetsCsv(`Node ID,Name,${periods.join(',')}\n${lines.join('\n')}\n`, options);
    expect(r.ok).to.equal(false);
    expect('value' in r).to.equal(false);
    // lines[24] is the 26th line of the file (the header is line 1); its amount is in month (24/6|0)+1 = 5, column 2 + 5 = 7
    expect(errors(r)).to.deep.equal([{ code: 'csv-bad-amount', line: 26, column: 7 }]);
    expect(r.ok ? null : r.error).to.deep.equal({
      code: 'csv-invalid',
      message: 'the file has 1 problem(s); the first on line 26: "25万万" is not a valid amount',
      params: { count: 1, line: 26 },
    });
  });
});

describe('csv messages', () => {
  it('has every code in both locales, with the line and column', () => {
    expect(Object.keys(csvMessages['zh-CN']).sort()).to.deep.equal(Object.keys(csvMessages.en).sort());
    const p = { line: 26, column: 7, value: '25万万', reason: 'money-invalid' };
    expect(csvMessages.en['csv-bad-amount']!(p)).to.equal('Line 26, column 7: “25万万” is not a valid amount.');
    expect(csvMessages['zh-CN']['csv-bad-amount']!({ ...p, reason: 'money-negative', value: '-5' })).to.equal('第 26 行第 7 列：“-5”不是有效的金额（目标不能为负数）。');
    expect(csvMessages['zh-CN']['csv-missing-column']!({ line: 1, column: 0, name: 'nodeId' })).to.equal('第 1 行：表头缺少“节点编号”列。');
    expect(csvMessages.en['csv-invalid']!({ count: 3, line: 4 })).to.equal('The file was not imported: there are 3 problems, the first on line 4. Nothing was changed.');
  });
});
