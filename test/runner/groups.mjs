/**
 * Several browser test files in ONE page (issue #19): each page costs ~2.5–3.5 CPU-s before its
 * first test (a renderer, 1.3–2.4 MB of bundled JS parsed and run), a third of the element step.
 * So `npm test` runs the files of one folder together, a few per page; the files stay where they
 * are (they mirror src/), and `npx web-test-runner test/x/y.test.ts` still runs one file alone.
 *
 * How a group runs (test/runner/bundle-plugin.mjs builds it): the page's module is
 *
 *     import '…/test/support/testing.ts';   // root hooks (fixture cleanup, localStorage), once
 *     describe('test/x/a.test.ts', () => { isolate(); require('…/test/x/a.test.ts'); });
 *     describe('test/x/b.test.ts', () => { isolate(); require('…/test/x/b.test.ts'); });
 *
 * esbuild turns each `require` of a test file into a call of its module body, so the file's
 * top-level `describe`, `it` and hooks land inside the describe named after the file: its hooks
 * apply to its own tests only, and a failure reads `test/x/a.test.ts > suite > test`. `isolate()`
 * (test/runner/group-isolation.ts) puts back after each file what a file may leave behind on the
 * page: elements in <head>/<body>, <html> attributes (lang, dir), adopted style sheets, storage.
 *
 * A file that needs a page of its own (it checks what a fresh page looks like, or fails grouped)
 * is on `FRESH` below, with the reason.
 *
 * The runner needs a file on disk per page (it globs `files`): each group has an empty placeholder
 * under node_modules/.cache/qk-groups/, which the bundle plugin answers with the group's bundle.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Files that run in a page of their own, and why. */
export const FRESH = [
  // Checks the page it runs in (visible, focused, animation frames): as a page of its own it tells
  // that every concurrent window is on screen, whichever window it lands in.
  { file: /^test\/runner\/visible-page\.test\.ts$/, why: 'checks the page itself' },
];

/** At most this many files in one page: a long group would be the last to finish (2 windows). */
export const MAX_FILES = 6;

export const GROUPS_DIR = 'node_modules/.cache/qk-groups';

/**
 * Splits test files (paths relative to the root, sorted) into groups: the files of one folder,
 * split evenly into pages of at most `maxFiles`; files on `FRESH` alone.
 * @returns {{ folder: string, part: number, parts: number, files: string[] }[]}
 */
export function groupTestFiles(files, { maxFiles = MAX_FILES, fresh = FRESH } = {}) {
  const byFolder = new Map();
  const groups = [];
  for (const f of files) {
    if (fresh.some((e) => e.file.test(f))) {
      groups.push({ folder: f.slice(0, f.lastIndexOf('/') + 1), part: 1, parts: 1, files: [f] });
      continue;
    }
    const folder = f.slice(0, f.lastIndexOf('/') + 1);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  for (const [folder, list] of byFolder) {
    const pages = Math.ceil(list.length / maxFiles);
    const size = Math.ceil(list.length / pages);
    for (let i = 0; i < pages; i++) {
      groups.push({ folder, part: i + 1, parts: pages, files: list.slice(i * size, (i + 1) * size) });
    }
  }
  return groups.filter((g) => g.files.length);
}

/**
 * The placeholder of a group (a path relative to the root: what the runner opens, and the URL the
 * bundle plugin answers). A group of one file is that file itself.
 */
export function groupPath(group) {
  if (group.files.length === 1) return group.files[0];
  return `${GROUPS_DIR}/${group.folder}${group.parts > 1 ? `group-${group.part}-of-${group.parts}` : 'group'}.js`;
}

/** Writes the placeholders the runner globs (once; two runs at once write the same text). */
export function writePlaceholders(groups, rootDir = process.cwd()) {
  for (const g of groups) {
    if (g.files.length === 1) continue;
    const file = resolve(rootDir, groupPath(g));
    const text = `// Placeholder of a page that runs several test files (test/runner/groups.mjs):\n${g.files.map((f) => `//   ${f}\n`).join('')}`;
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** How a report names a page: its folder and part for a group, else the test file. */
export function pageLabel(path) {
  const i = path.indexOf(`${GROUPS_DIR}/`);
  if (i < 0) return path;
  const m = path.slice(i + GROUPS_DIR.length + 1).match(/^(.*\/)group(?:-(\d+)-of-(\d+))?\.js$/);
  return m ? `${m[1]}${m[2] ? ` (${m[2]} of ${m[3]})` : ''} [grouped]` : path;
}
