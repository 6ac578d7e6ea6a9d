/**
 * Issue 16, item 10, in the demo (demo/index.html on ?today=2026-11-27), in zh-CN and in en, after
 * 拆解目标: the goal tree's 导出 CSV / Export Excel buttons download the grid as shown — the test
 * catches the file the element hands to the browser (the Blob behind the download link, in the
 * demo's frame) and checks every figure against the plan's, the .xlsx by opening the zip and its XML
 * here (numbers stored as numbers, with the currency's number format); importing targets (CSV and
 * .xlsx) or commitments (CSV and .xlsx) with one bad row changes nothing and names that row (and
 * cell); a clean file is applied (commitments: saved through the demo's adapter). One page per language; each `it` is one behaviour.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDemo, text, LONG, type Demo } from './demo-helpers.js';
import { figureOf } from '../../src/engine/plan/plan-state.js';
import { writeXlsx } from '../../src/export/xlsx.js';

/** The entries of a zip file, as text (stored or deflated entries; enough for an .xlsx). */
async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd > 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = dv.getUint16(p + 10, true);
    const size = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const data = bytes.slice(start, start + size);
    const raw = method === 0 ? data : new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
    out.set(name, new TextDecoder().decode(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const L = {
  'zh-CN': {
    headers: ['节点编号', '名称', '指标'],
    badAmount: (line: number, column: number, v: string) => `第 ${line} 行第 ${column} 列：“${v}”不是有效的金额。`,
    badCell: (line: number, cell: string, v: string) => `第 ${line} 行（${cell} 单元格）：“${v}”不是有效的金额。`,
    where: (line: number) => `第 ${line} 行`,
    imported: (n: number) => `已导入并保存 ${n} 条承诺。`,
  },
  en: {
    headers: ['Node ID', 'Name', 'Metric'],
    badAmount: (line: number, column: number, v: string) => `Line ${line}, column ${column}: “${v}” is not a valid amount.`,
    badCell: (line: number, cell: string, v: string) => `Row ${line}, cell ${cell}: “${v}” is not a valid amount.`,
    where: (line: number) => `Line ${line}`,
    imported: (n: number) => `${n === 1 ? '1 commitment' : `${n} commitments`} imported and saved.`,
  },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`demo/index.html in ${lang}: export from the tree, import all or nothing (#16 item 10)`, function () {
    this.timeout(1_200_000);
    const l = L[lang];
    let demo: Demo;
    const files: { name: string; blob: Blob }[] = [];
    let pendingBlob: Blob | null = null;
    const tree = () => demo.doc.querySelector('qk-goal-tree')!;
    const root = () => tree().shadowRoot!;
    /** The earlier tests' edits are autosaved: wait for that, so that a save landing later is not taken for the next import's. */
    const editsSaved = () => waitUntil(() => demo.store().pendingCount === 0 && demo.store().saveState !== 'saving', 'the earlier edits were never saved', LONG);
    const fy = () => `FY${demo.store().plan!.fiscalYear}`;
    const target = (id: string, period: string) => figureOf(demo.store().state!, { nodeId: id, period }).target ?? null;
    /** The open rows of the demo's tree (expand-depth 2): the company, each region, then its teams. */
    const openRows = () => {
      const org = demo.store().org;
      const out: { id: string; name: string }[] = [];
      const walk = (id: string, depth: number) => {
        const n = org.find((x) => x.id === id)!;
        out.push({ id, name: n.name });
        if (depth < 2) for (const k of org.filter((x) => x.parentId === id)) walk(k.id, depth + 1);
      };
      for (const r of org.filter((x) => x.parentId === null)) walk(r.id, 0);
      return out;
    };
    /** The node rows the tree has rendered (it renders the rows in view), top to bottom. */
    const shownRows = () =>
      [...root().querySelectorAll<HTMLElement>('.body [role="row"]')]
        .map((r) => ({ i: Number(r.querySelector<HTMLElement>('[data-c="0"]')?.dataset.r ?? -1), name: text(r.querySelector('[part~="name"]')) }))
        .filter((r) => r.i >= 0 && r.name)
        .sort((a, b) => a.i - b.i)
        .map((r) => r.name);
    const download = async (part: string) => {
      const n = files.length;
      root().querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();
      await waitUntil(() => files.length > n, `${part} never downloaded a file`, LONG);
      return files[n];
    };
    const pick = async (input: HTMLInputElement, name: string, content: BlobPart, type: string) => {
      const win = demo.page.win as unknown as typeof globalThis;
      const dt = new win.DataTransfer();
      dt.items.add(new win.File([content], name, { type }));
      input.files = dt.files;
      input.dispatchEvent(new win.Event('change'));
    };
    const reps = () => demo.store().org.filter((n) => n.kind === 'rep' && !n.hireDate?.startsWith('2026'));

    before(async function () {
      demo = await openDemo(lang, 'today=2026-11-27');
      await demo.decompose();
      // Catch the downloads in the demo's frame: the Blob behind the link, and the link's click.
      const win = demo.page.win as unknown as typeof globalThis;
      const create = win.URL.createObjectURL.bind(win.URL);
      win.URL.createObjectURL = (b: Blob | MediaSource) => {
        pendingBlob = b as Blob;
        return create(b);
      };
      const click = win.HTMLAnchorElement.prototype.click;
      win.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (!this.download) return click.call(this);
        files.push({ name: this.download, blob: pendingBlob! });
      };
      await waitUntil(() => shownRows().length > 3, 'the tree never showed its rows', LONG);
    });
    after(() => demo?.close());

    it('Export CSV: the file has the tree’s rows, and every month and the year are the plan’s figures', async () => {
      const file = await download('export');
      const plan = demo.store().plan!;
      expect(file.name).to.equal(`${plan.id}-${fy()}-revenue.csv`);
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      // A UTF-8 byte-order mark first, so Excel reads the Chinese names as UTF-8.
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const body = new TextDecoder('utf-8').decode(bytes.slice(3));
      const lines = body.trimEnd().split('\r\n').map((x) => x.split(','));
      const months = Array.from({ length: 12 }, (_, i) => `${plan.fiscalYear}-${String(i + 1).padStart(2, '0')}`);
      expect(lines[0]).to.deep.equal([...l.headers, ...months, fy()]);
      expect(lines.slice(1).map((x) => `${x[0]} ${x[1]}`)).to.deep.equal(openRows().map((r) => `${r.id} ${r.name}`));
      // The rows the tree has rendered are the file's first rows.
      const shown = shownRows();
      expect(shown.length).to.be.greaterThan(3);
      expect(lines.slice(1, 1 + shown.length).map((x) => x[1])).to.deep.equal(shown);
      let figures = 0;
      for (const line of lines.slice(1)) {
        expect(line[2]).to.equal('revenue');
        [...months, fy()].forEach((p, k) => {
          const want = target(line[0], p);
          // Money in yuan with two decimals, from the plan's 分.
          expect(line[3 + k], `${line[1]} ${p}`).to.equal(want === null ? '' : (want / 100).toFixed(2));
          if (want) figures++;
        });
      }
      expect(figures).to.be.greaterThan(20);
    });

    it('Export Excel: the workbook’s cells are the same figures, stored as numbers with the currency format', async () => {
      const file = await download('export-xlsx');
      expect(file.name).to.equal(`${demo.store().plan!.id}-${fy()}-revenue.xlsx`);
      const zip = await unzip(new Uint8Array(await file.blob.arrayBuffer()));
      const xml = (name: string) => new DOMParser().parseFromString(zip.get(name) ?? '', 'application/xml');
      const strings = [...xml('xl/sharedStrings.xml').getElementsByTagName('si')].map((si) => si.textContent ?? '');
      const styles = xml('xl/styles.xml');
      const formats = new Map([...styles.getElementsByTagName('numFmt')].map((f) => [f.getAttribute('numFmtId'), f.getAttribute('formatCode')]));
      const xfs = [...styles.getElementsByTagName('cellXfs')[0].getElementsByTagName('xf')];
      type Cell = { text: string } | { num: number; numeric: boolean; fmt: string | null };
      // Cells by their column (an empty cell is not written): A → 0, B → 1, …
      const colOf = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const rows = [...xml('xl/worksheets/sheet1.xml').getElementsByTagName('row')].map((r) => {
        const out: (Cell | undefined)[] = [];
        for (const c of r.getElementsByTagName('c')) {
          const v = c.getElementsByTagName('v')[0]?.textContent ?? '';
          const t = c.getAttribute('t');
          const fmt = formats.get(xfs[Number(c.getAttribute('s') ?? 0)]?.getAttribute('numFmtId') ?? '0') ?? null;
          out[colOf(c.getAttribute('r')!)] = t === 's' ? { text: strings[Number(v)] } : { num: Number(v), numeric: t === null || t === 'n', fmt };
        }
        return out;
      });
      const str = (c: Cell | undefined) => (c && 'text' in c ? c.text : null);
      const plan = demo.store().plan!;
      const periods = [...Array.from({ length: 12 }, (_, i) => `${plan.fiscalYear}-${String(i + 1).padStart(2, '0')}`), fy()];
      expect([...rows[0]].map(str)).to.deep.equal([...l.headers, ...periods]);
      expect(rows.slice(1).map((r) => `${str(r[0])} ${str(r[1])}`)).to.deep.equal(openRows().map((r) => `${r.id} ${r.name}`));
      let figures = 0;
      for (const r of rows.slice(1)) {
        const id = str(r[0]) ?? '';
        periods.forEach((p, k) => {
          const want = target(id, p);
          const c = r[3 + k] as { num: number; numeric: boolean; fmt: string | null } | undefined;
          if (want === null) {
            expect(c, `${id} ${p}: no target, no cell`).to.equal(undefined);
            return;
          }
          expect(c !== undefined, `${id} ${p}`).to.equal(true);
          expect([c!.numeric, Math.round(c!.num * 100)], `${id} ${p}`).to.deep.equal([true, want]);
          // A currency symbol and two decimals, for positives and negatives.
          expect(c!.fmt, `${id} ${p}`).to.match(/^"[^"]+"#,##0\.00;-"[^"]+"#,##0\.00$/);
          figures++;
        });
      }
      expect(figures).to.be.greaterThan(20);
    });

    it('Import CSV with one bad row changes nothing and names the row; the clean file is applied', async () => {
      const [a, b] = reps();
      const month = `${demo.store().plan!.fiscalYear}-12`;
      await editsSaved();
      const before = { a: target(a.id, month), b: target(b.id, month), version: demo.store().plan!.version };
      const head = 'nodeId,name,metric,' + month;
      const bad = `${head}\r\n${a.id},${a.name},revenue,123456.78\r\n${b.id},${b.name},revenue,12abc\r\n`;
      const input = root().querySelector<HTMLInputElement>('input[part~="import-file"]')!;
      await pick(input, 'targets.csv', bad, 'text/csv');
      await waitUntil(() => root().querySelector('[part="import-errors"] li'), 'the bad file was never refused', LONG);
      const problems = [...root().querySelectorAll('[part="import-errors"] li')].map(text);
      expect(problems).to.deep.equal([l.badAmount(3, 4, '12abc')]);
      expect([target(a.id, month), target(b.id, month), demo.store().plan!.version, demo.store().pendingCount]).to.deep.equal([before.a, before.b, before.version, 0]);

      await pick(input, 'targets.csv', `${head}\r\n${a.id},${a.name},revenue,123456.78\r\n`, 'text/csv');
      await waitUntil(() => target(a.id, month) === 12_345_678, 'the clean file was never applied', LONG);
      expect([root().querySelectorAll('[part="import-errors"] li').length, target(b.id, month)]).to.deep.equal([0, before.b]);
    });

    it('Import Excel with one bad row changes nothing and names the row and cell; the clean workbook is applied', async () => {
      const [, , a, b] = reps();
      const next = `${demo.store().plan!.fiscalYear}-12`;
      await editsSaved();
      const before = { a: target(a.id, next), b: target(b.id, next), version: demo.store().plan!.version, pending: demo.store().pendingCount };
      const head = ['nodeId', 'name', 'metric', next];
      const input = root().querySelector<HTMLInputElement>('input[part~="import-file"]')!;
      const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const bad = writeXlsx([{ name: 'targets', rows: [head, [a.id, a.name, 'revenue', 98765.43], [b.id, b.name, 'revenue', 'lots']] }]);
      await pick(input, 'targets.xlsx', bad as BlobPart, xlsxType);
      await waitUntil(() => root().querySelector('[part="import-errors"] li'), 'the bad workbook was never refused', LONG);
      expect([...root().querySelectorAll('[part="import-errors"] li')].map(text)).to.deep.equal([l.badCell(3, 'D3', 'lots')]);
      expect([target(a.id, next), target(b.id, next), demo.store().plan!.version, demo.store().pendingCount]).to.deep.equal([before.a, before.b, before.version, before.pending]);

      const good = writeXlsx([{ name: 'targets', rows: [head, [a.id, a.name, 'revenue', 98765.43]] }]);
      await pick(input, 'targets.xlsx', good as BlobPart, xlsxType);
      await waitUntil(() => target(a.id, next) === 9_876_543, 'the clean workbook was never applied', LONG);
      expect([root().querySelectorAll('[part="import-errors"] li').length, target(b.id, next)]).to.deep.equal([0, before.b]);
    });

    it('Import commitments with one bad row saves nothing and names the row', async () => {
      const viewSelect = root().querySelector<HTMLSelectElement>('[part="view-switch"] select')!;
      viewSelect.value = 'sources';
      viewSelect.dispatchEvent(new Event('change'));
      await waitUntil(() => root().querySelector('input[part~="import-commitments-file"]'), 'the inputs form never offered the commitments import', LONG);
      // Asked for at each pick: the form is rendered again (a rep's row adds the ramp editor beside it).
      const input = () => root().querySelector<HTMLInputElement>('input[part~="import-commitments-file"]')!;
      const [a] = reps();
      const team = demo.store().org.find((n) => n.id === a.parentId)!;
      const head = `nodeId,name,metric,${fy()}`;
      await pick(input(), 'commitments.csv', `${head}\r\n${a.id},${a.name},revenue,2500000\r\n${team.id},${team.name},revenue,9000000\r\n`, 'text/csv');
      await waitUntil(() => root().querySelector('[part="inputs-problems"] li'), 'the bad commitments were never refused', LONG);
      const problems = [...root().querySelectorAll('[part="inputs-problems"] li')].map(text);
      expect(problems.length, problems.join(' | ')).to.equal(1);
      expect(problems[0].startsWith(l.where(3)) && problems[0].includes(team.id), problems[0]).to.equal(true);
      expect(demo.store().snapshot!.commitments ?? []).to.deep.equal([]);
      expect(demo.page.errors).to.deep.equal([]);
    });

    // Was skipped: the clean file's save was refused as a conflict ("now at version 1"). Not the
    // store nor the import: the clear of local storage after each test (test/support/testing.ts)
    // removed the open demo's stored plan, so its adapter started again from the sample at version 1
    // under the dashboard's version 2. The demo's keys are now kept while it is open
    // (test/support/kept-storage.ts; test/runner/kept-storage.test.ts failed before).
    it('Import commitments: the clean file is saved', async () => {
      const input = () => root().querySelector<HTMLInputElement>('input[part~="import-commitments-file"]')!;
      const [a] = reps();
      const head = `nodeId,name,metric,${fy()}`;
      await pick(input(), 'commitments.csv', `${head}\r\n${a.id},${a.name},revenue,2500000\r\n`, 'text/csv');
      await waitUntil(() => text(root().querySelector('[part="inputs-message"]')) === l.imported(1), `the clean commitments were never saved: ${text(root().querySelector('[part="inputs-message"]'))}`, LONG);
      expect(demo.store().snapshot!.commitments!.map((c) => [c.nodeId, c.period, c.metric, c.value])).to.deep.equal([[a.id, fy(), 'revenue', 250_000_000]]);
      expect(demo.page.errors).to.deep.equal([]);
    });

    it('Import commitments from Excel: one bad row saves nothing and names the row and cell; the clean workbook is saved', async () => {
      const input = () => root().querySelector<HTMLInputElement>('input[part~="import-commitments-file"]')!;
      const [a, b, c] = reps();
      const saved = () => (demo.store().snapshot!.commitments ?? []).map((x) => [x.nodeId, x.period, x.metric, x.value]).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
      await editsSaved();
      const before = { commitments: saved(), version: demo.store().plan!.version };
      expect(before.commitments).to.deep.equal([[a.id, fy(), 'revenue', 250_000_000]]);
      const head = ['nodeId', 'name', 'metric', fy()];
      const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      // Built with the writer the tree's Excel export uses: amounts in yuan, stored as numbers.
      const bad = writeXlsx([{ name: 'commitments', rows: [head, [b.id, b.name, 'revenue', 1_800_000.5], [c.id, c.name, 'revenue', 'lots']] }]);
      await pick(input(), 'commitments.xlsx', bad as BlobPart, xlsxType);
      await waitUntil(() => root().querySelector('[part="inputs-problems"] li'), 'the bad commitments workbook was never refused', LONG);
      expect([...root().querySelectorAll('[part="inputs-problems"] li')].map(text)).to.deep.equal([l.badCell(3, 'D3', 'lots')]);
      expect([saved(), demo.store().plan!.version]).to.deep.equal([before.commitments, before.version]);

      const good = writeXlsx([{ name: 'commitments', rows: [head, [b.id, b.name, 'revenue', 1_800_000.5], [c.id, c.name, 'revenue', 950_000]] }]);
      await pick(input(), 'commitments.xlsx', good as BlobPart, xlsxType);
      await waitUntil(() => text(root().querySelector('[part="inputs-message"]')) === l.imported(2), `the clean commitments workbook was never saved: ${text(root().querySelector('[part="inputs-message"]'))}`, LONG);
      // ¥1,800,000.50 → 180,000,050 分; ¥950,000 → 95,000,000 分; the CSV's commitment of the first rep kept. One save, one version.
      const want = [[a.id, fy(), 'revenue', 250_000_000], [b.id, fy(), 'revenue', 180_000_050], [c.id, fy(), 'revenue', 95_000_000]].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
      expect([saved(), demo.store().plan!.version, root().querySelectorAll('[part="inputs-problems"] li').length]).to.deep.equal([want, before.version + 1, 0]);
      // Through the demo's adapter: the plan it keeps carries them.
      const kept = JSON.parse(demo.page.win.localStorage.getItem('quotakit-demo-v1')!) as { plan: { plan: { version: number }; commitments?: { nodeId: string; value: number }[] } };
      expect([kept.plan.plan.version, (kept.plan.commitments ?? []).map((x) => [x.nodeId, x.value]).sort((x, y) => String(x[0]).localeCompare(String(y[0])))]).to.deep.equal([
        before.version + 1,
        want.map((w) => [w[0], w[3]]),
      ]);
      expect(demo.page.errors).to.deep.equal([]);
    });
  });
}
