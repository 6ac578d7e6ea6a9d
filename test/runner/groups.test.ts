/**
 * The plan of pages for the browser steps (test/runner/groups.mjs): every test file runs exactly
 * once, a page holds the files of one folder only, at most MAX_FILES of them, files on FRESH get a
 * page of their own, and a report names a group's page by its folder.
 */
import { expect } from '@open-wc/testing';
// @ts-expect-error a plain .mjs runner module, no types
import { groupTestFiles, groupPath, pageLabel, FRESH, MAX_FILES, GROUPS_DIR } from './groups.mjs';

type Group = { folder: string; part: number; parts: number; files: string[] };

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
  'test/runner/visible-page.test.ts',
  'test/runner/z.test.ts',
];

describe('browser test pages (test/runner/groups.mjs)', () => {
  const groups: Group[] = groupTestFiles(files);

  it('runs every file exactly once, in the order given', () => {
    expect(groups.flatMap((g) => g.files).sort()).to.deep.equal([...files].sort());
    for (const g of groups) expect(g.files).to.deep.equal([...g.files].sort());
  });

  it('puts only files of one folder in a page, at most MAX_FILES, split evenly (7 → 4 + 3)', () => {
    for (const g of groups) {
      expect(g.files.length).to.be.at.most(MAX_FILES);
      for (const f of g.files) expect(f.slice(0, f.lastIndexOf('/') + 1)).to.equal(g.folder);
    }
    const components = groups.filter((g) => g.folder === 'test/components/');
    expect(MAX_FILES).to.equal(6);
    expect(components.map((g) => [g.part, g.parts, g.files.length])).to.deep.equal([
      [1, 2, 4],
      [2, 2, 3],
    ]);
  });

  it('gives a file on FRESH a page of its own', () => {
    expect(FRESH.some((e: { file: RegExp }) => e.file.test('test/runner/visible-page.test.ts'))).to.equal(true);
    expect(groups.filter((g) => g.files.includes('test/runner/visible-page.test.ts')).map((g) => g.files)).to.deep.equal([['test/runner/visible-page.test.ts']]);
    expect(groups.filter((g) => g.folder === 'test/runner/').map((g) => g.files)).to.deep.equal([['test/runner/visible-page.test.ts'], ['test/runner/z.test.ts']]);
  });

  it('opens a lone file at its own path, a group at a placeholder the report names by folder', () => {
    const one = groups.find((g) => g.folder === 'test/components/goal-tree/')!;
    expect(groupPath(one)).to.equal('test/components/goal-tree/goal-tree.test.ts');
    const adapter = groups.find((g) => g.folder === 'test/adapter/')!;
    expect(groupPath(adapter)).to.equal(`${GROUPS_DIR}/test/adapter/group.js`);
    expect(pageLabel(`/root/${groupPath(adapter)}`)).to.equal('test/adapter/ [grouped]');
    const second = groups.find((g) => g.folder === 'test/components/' && g.part === 2)!;
    expect(groupPath(second)).to.equal(`${GROUPS_DIR}/test/components/group-2-of-2.js`);
    expect(pageLabel(groupPath(second))).to.equal('test/components/ (2 of 2) [grouped]');
    expect(pageLabel('test/components/goal-tree/goal-tree.test.ts')).to.equal('test/components/goal-tree/goal-tree.test.ts');
  });
});
