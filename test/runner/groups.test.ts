/**
 * The plan of pages for the browser steps (test/runner/groups.mjs): every test file runs exactly
 * once; a folder's files stay together and in order, split evenly when there are more than
 * MAX_FILES; neighbouring folders share a page up to MAX_FILES; files on FRESH get a page of
 * their own; a page is named by its folders; the longest page of the last run opens first.
 */
import { expect } from '@open-wc/testing';
// @ts-expect-error a plain .mjs runner module, no types
import { groupTestFiles, weighedPages, longestFirst, FRESH, MAX_FILES, GROUPS_DIR, LIT_DEV } from './groups.mjs';

type Page = { label: string; path: string; files: string[] };

const files = [
  'test/adapter/a.test.ts',
  'test/adapter/b.test.ts',
  'test/components/c1.test.ts',
  'test/components/c2.test.ts',
  'test/components/c3.test.ts',
  'test/components/c4.test.ts',
  'test/components/c5.test.ts',
  'test/components/c6.test.ts',
  'test/components/c7.test.ts',
  'test/components/goal-tree/goal-tree.test.ts',
  'test/components/pace-chart/pace-chart.test.ts',
  'test/runner/visible-page.test.ts',
  'test/runner/z.test.ts',
];

describe('browser test pages (test/runner/groups.mjs)', () => {
  const pages: Page[] = groupTestFiles(files);

  it('runs every file exactly once, in the order given', () => {
    expect(MAX_FILES).to.equal(6);
    expect(pages.flatMap((p) => p.files).sort()).to.deep.equal([...files].sort());
    for (const p of pages) expect(p.files).to.deep.equal([...p.files].sort());
  });

  it('splits a folder of 7 into 4 + 3, packs folders that follow each other up to 6, and names each page by its folders', () => {
    expect(pages.map((p) => [p.label, p.files.length])).to.deep.equal([
      ['test/runner/visible-page.test.ts', 1],
      ['test/{adapter,components (1 of 2)}/', 6],
      ['test/{components (2 of 2),components/goal-tree,components/pace-chart,runner}/', 6],
    ]);
    for (const p of pages) expect(p.files.length).to.be.at.most(MAX_FILES);
  });

  it('gives a file on FRESH a page of its own', () => {
    expect(FRESH.some((e: { file: RegExp }) => e.file.test('test/runner/visible-page.test.ts'))).to.equal(true);
    expect(pages.filter((p) => p.files.includes('test/runner/visible-page.test.ts')).map((p) => p.files)).to.deep.equal([['test/runner/visible-page.test.ts']]);
  });

  it('opens a lone file at its own path, a page of several at a placeholder named after its label', () => {
    expect(pages[0]!.path).to.equal('test/runner/visible-page.test.ts');
    expect(pages[1]!.path).to.equal(`${GROUPS_DIR}/test_adapter_components_1_of_2.js`);
    expect(new Set(pages.map((p) => p.path)).size).to.equal(pages.length);
  });

  it('orders pages by the last run’s times, longest first, pages not seen before ahead of all', () => {
    const times = { 'test/runner/visible-page.test.ts': 3, 'test/{adapter,components (1 of 2)}/': 40 };
    expect(longestFirst(pages, times).map((p: Page) => p.label)).to.deep.equal([
      'test/{components (2 of 2),components/goal-tree,components/pace-chart,runner}/',
      'test/{adapter,components (1 of 2)}/',
      'test/runner/visible-page.test.ts',
    ]);
    expect(longestFirst(pages, { ...times, 'test/runner/visible-page.test.ts': 50 }).map((p: Page) => p.files.length)).to.deep.equal([6, 1, 6]);
  });
});

describe('browser test pages by weight (weighedPages)', () => {
  // Seconds of tests per file: 40 in all outside FRESH, c2 heavy, z unknown (weighs the median, 2).
  const weights: Record<string, number> = {
    'test/adapter/a.test.ts': 2,
    'test/adapter/b.test.ts': 2,
    'test/components/c1.test.ts': 1,
    'test/components/c2.test.ts': 14,
    'test/components/c3.test.ts': 2,
    'test/components/c4.test.ts': 2,
    'test/components/c5.test.ts': 3,
    'test/components/c6.test.ts': 2,
    'test/components/c7.test.ts': 1,
    'test/components/goal-tree/goal-tree.test.ts': 5,
    'test/components/pace-chart/pace-chart.test.ts': 4,
    'test/runner/visible-page.test.ts': 3,
  };
  const pages: Page[] = weighedPages(files, weights, { pageSeconds: 10 });
  const weightOf = (p: Page) => p.files.reduce((n, f) => n + (weights[f] ?? 2), 0);

  it('runs every file exactly once, each page a run of neighbouring files in order, FRESH alone', () => {
    expect(pages.flatMap((p) => p.files)).to.deep.equal(['test/runner/visible-page.test.ts', ...files.filter((f) => f !== 'test/runner/visible-page.test.ts')]);
    expect(pages[0]!.files).to.deep.equal(['test/runner/visible-page.test.ts']);
  });

  it('makes as many pages as the weight needs (40 s at 10 s a page: 4) and puts each file where its middle falls', () => {
    // Running sums of the middles: a 1, b 3, c1 4.5 | c2 12 (10–20) | c3 20 c4 22 c5 24.5 c6 27 c7 28.5 | goal-tree 31.5, pace-chart 36, z 39.
    expect(pages.slice(1).map((p) => [p.files.length, weightOf(p)])).to.deep.equal([
      [3, 5],
      [1, 14],
      [5, 10],
      [3, 11],
    ]);
  });

  it('names a page by its folders, a folder over several pages by its parts', () => {
    expect(pages.slice(1).map((p) => p.label)).to.deep.equal([
      'test/{adapter,components (1 of 3)}/',
      'test/components/c2.test.ts',
      'test/components/ (3 of 3)',
      'test/{components/goal-tree,components/pace-chart,runner}/',
    ]);
    expect(pages[2]!.path).to.equal('test/components/c2.test.ts');
    expect(pages[1]!.path).to.equal(`${GROUPS_DIR}/test_adapter_components_1_of_3.js`);
  });

  it('makes at least two pages (two windows), even when everything weighs less than one', () => {
    expect(weighedPages(files, {}, { pageSeconds: 1000 }).filter((p: Page) => !p.files.includes('test/runner/visible-page.test.ts')).length).to.equal(2);
  });
});

describe("browser test pages in Lit's development build (LIT_DEV)", () => {
  const withDev = [...files, 'test/components/c0-warnings.dev.test.ts', 'test/components/goal-tree/goal-tree-warnings.dev.test.ts'].sort();
  const dev = ['test/components/c0-warnings.dev.test.ts', 'test/components/goal-tree/goal-tree-warnings.dev.test.ts'];

  it('puts every *.dev.test.ts file, from any folder, in one page of its own, marked for the development build', () => {
    expect(LIT_DEV.test('test/components/lit-warnings.dev.test.ts')).to.equal(true);
    expect(LIT_DEV.test('test/components/dev-tools.test.ts')).to.equal(false);
    for (const pages of [groupTestFiles(withDev), groupTestFiles(withDev, { weights: {} }), weighedPages(withDev, {})] as Page[][]) {
      const marked = pages.filter((p) => (p as Page & { litDev?: boolean }).litDev);
      expect(marked.map((p) => p.files)).to.deep.equal([dev]);
      expect(marked[0]!.path).to.equal(`${GROUPS_DIR}/lit-development-build.js`);
      // No other page holds a development-build file, and every file runs once.
      expect(pages.filter((p) => p !== marked[0]).flatMap((p) => p.files).filter((f) => dev.includes(f))).to.deep.equal([]);
      expect(pages.flatMap((p) => p.files).sort()).to.deep.equal(withDev);
    }
  });

  it('runs a lone development-build file at its own path', () => {
    const pages: Page[] = groupTestFiles(['test/a/x.test.ts', 'test/a/y.dev.test.ts']);
    expect(pages.map((p) => [p.path, p.files])).to.deep.equal([
      ['test/a/y.dev.test.ts', ['test/a/y.dev.test.ts']],
      ['test/a/x.test.ts', ['test/a/x.test.ts']],
    ]);
  });
});
