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
 * The runner needs a file on disk per page (it globs `files`): each group has a placeholder (a
 * comment listing its files) under node_modules/.cache/qk-groups/, which the bundle plugin answers
 * with the group's bundle.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Files that run in a page of their own, and why. */
export const FRESH = [
  // Checks the page it runs in (visible, focused, animation frames): as a page of its own it tells
  // that every concurrent window is on screen, whichever window it lands in.
  { file: /^test\/runner\/visible-page\.test\.ts$/, why: 'checks the page itself' },
];

/**
 * Test files that run in Lit's development build (`*.dev.test.ts`): every other page loads Lit's
 * production build, as the built package and a host's production bundle do, which costs ~11% less
 * CPU in the components step (84.6 against 95.6 CPU-s, 2026-12-03). The development build adds
 * checks that print warnings (a property changed in `updated()`, a class field shadowing a
 * property); these files mount the elements under it and fail on any such warning. They share a
 * page of their own, bundled apart (test/runner/bundle-plugin.mjs), since a page has one Lit.
 */
export const LIT_DEV = /\.dev\.test\.ts$/;
export const isLitDev = (f) => LIT_DEV.test(f);

/** The page of the `LIT_DEV` files (none when there are none). */
function litDevPages(files) {
  const dev = files.filter(isLitDev);
  if (!dev.length) return [];
  return [{ label: dev.length === 1 ? dev[0] : `Lit development build: ${dev.join(', ')}`, path: dev.length === 1 ? dev[0] : `${GROUPS_DIR}/lit-development-build.js`, files: dev, litDev: true }];
}

/** At most this many files in one page: a long page would be the last to finish (2 windows). */
export const MAX_FILES = 6;

export const GROUPS_DIR = 'node_modules/.cache/qk-groups';

/**
 * Splits test files (paths relative to the root, sorted) into pages. A folder's files stay
 * together and in order: a folder of more than `maxFiles` is split evenly into parts; the folders
 * (or parts) that follow each other share a page while it holds at most `maxFiles` files. Files on
 * `fresh` get a page of their own.
 * @returns {{ label: string, path: string, files: string[] }[]} `label` names the page in reports
 *   (`test/components/goal-tree/ (1 of 2)`, `test/components/{pace-chart,provider}/`); `path` is
 *   what the runner opens (the file itself for a page of one file, else a placeholder).
 */
export function groupTestFiles(all, { maxFiles = MAX_FILES, fresh = FRESH, weights, pageSeconds = PAGE_SECONDS } = {}) {
  const files = all.filter((f) => !isLitDev(f));
  if (weights) return [...litDevPages(all), ...weighedPages(files, weights, { fresh, pageSeconds })];
  const folderOf = (f) => f.slice(0, f.lastIndexOf('/') + 1);
  const alone = [];
  const byFolder = new Map();
  for (const f of files) {
    if (fresh.some((e) => e.file.test(f))) alone.push([{ folder: folderOf(f), part: 0, parts: 1, files: [f] }]);
    else byFolder.set(folderOf(f), [...(byFolder.get(folderOf(f)) ?? []), f]);
  }
  const chunks = [];
  for (const [folder, list] of byFolder) {
    const parts = Math.ceil(list.length / maxFiles);
    const size = Math.ceil(list.length / parts);
    for (let i = 0; i < parts; i++) chunks.push({ folder, part: i + 1, parts, files: list.slice(i * size, (i + 1) * size) });
  }
  const pages = [];
  let page = [];
  for (const c of chunks) {
    if (page.length && page.reduce((n, p) => n + p.files.length, 0) + c.files.length > maxFiles) {
      pages.push(page);
      page = [];
    }
    page.push(c);
  }
  if (page.length) pages.push(page);
  return [...litDevPages(all), ...[...alone, ...pages].map((cs) => {
    const files = cs.flatMap((c) => c.files);
    const label = labelOf(cs);
    const path = files.length === 1 ? files[0] : `${GROUPS_DIR}/${label.replace(/[^\w.+-]+/g, '_').replace(/^_+|_+$/g, '')}.js`;
    return { label: files.length === 1 ? files[0] : label, path, files };
  })];
}

/**
 * Test seconds per file (the sum of its tests' durations in a run), committed beside this file so a
 * fresh clone has them: `weighedPages` balances pages by them. Rewritten by a run with
 * QK_UPDATE_WEIGHTS=1 (scripts/summary-reporter.mjs). A file not listed weighs the median.
 */
export const WEIGHTS_FILE = 'test/runner/file-weights.json';

/** Test seconds a page aims at (components; the embed step's pages aim at 30): a page costs ~3 CPU-s before its first test, fewer pages cost less. */
export const PAGE_SECONDS = 16;

export function readWeights(rootDir = process.cwd()) {
  try {
    return JSON.parse(readFileSync(resolve(rootDir, WEIGHTS_FILE), 'utf8'));
  } catch {
    return {};
  }
}

/**
 * Splits test files (sorted) into pages of about `pageSeconds` of tests each, by their weights
 * (`WEIGHTS_FILE`): the files stay in order and each page takes the files that follow each other,
 * so a page holds one folder or neighbouring ones. Pages are as many as the total weight needs
 * (at least two: the browser steps run two windows). Files on `fresh` get a page of their own.
 */
export function weighedPages(files, weights, { fresh = FRESH, pageSeconds = PAGE_SECONDS } = {}) {
  const folderOf = (f) => f.slice(0, f.lastIndexOf('/') + 1);
  const alone = files.filter((f) => fresh.some((e) => e.file.test(f)) && !isLitDev(f));
  const rest = files.filter((f) => !alone.includes(f) && !isLitDev(f));
  const known = rest.map((f) => weights[f]).filter((w) => typeof w === 'number' && w >= 0).sort((a, b) => a - b);
  const median = known.length ? known[Math.floor(known.length / 2)] : 1;
  const weightOf = (f) => (typeof weights[f] === 'number' && weights[f] >= 0 ? weights[f] : median);
  const total = rest.reduce((n, f) => n + weightOf(f), 0);
  const count = Math.max(2, Math.min(rest.length, Math.round(total / pageSeconds)));
  const share = total / count || 1;
  const pages = Array.from({ length: count }, () => []);
  let before = 0;
  for (const f of rest) {
    // A file goes to the page its middle falls in: pages hold about `share` seconds each.
    pages[Math.min(count - 1, Math.floor((before + weightOf(f) / 2) / share))].push(f);
    before += weightOf(f);
  }
  const full = pages.filter((p) => p.length);
  // Labels: a folder's files spread over several pages are its parts (1 of n…).
  const spans = new Map();
  for (const p of full) for (const folder of new Set(p.map(folderOf))) spans.set(folder, [...(spans.get(folder) ?? []), p]);
  const out = [...litDevPages(files), ...alone.map((f) => ({ label: f, path: f, files: [f] }))];
  for (const p of full) {
    const chunks = [...new Set(p.map(folderOf))].map((folder) => ({ folder, part: spans.get(folder).indexOf(p) + 1, parts: spans.get(folder).length }));
    const label = labelOf(chunks);
    out.push({ label: p.length === 1 ? p[0] : label, path: p.length === 1 ? p[0] : `${GROUPS_DIR}/${label.replace(/[^\w.+-]+/g, '_').replace(/^_+|_+$/g, '')}.js`, files: p });
  }
  return out;
}

/** `test/x/`, `test/x/ (1 of 2)`, or for several folders `test/{a,b/c (2 of 2)}/`. */
function labelOf(chunks) {
  const name = (c, base) => `${c.folder.slice(base.length).replace(/\/$/, '') || '.'}${c.parts > 1 ? ` (${c.part} of ${c.parts})` : ''}`;
  if (chunks.length === 1) return `${chunks[0].folder}${chunks[0].parts > 1 ? ` (${chunks[0].part} of ${chunks[0].parts})` : ''}`;
  let base = chunks[0].folder;
  while (!chunks.every((c) => c.folder.startsWith(base))) base = base.slice(0, base.slice(0, -1).lastIndexOf('/') + 1);
  return `${base}{${chunks.map((c) => name(c, base)).join(',')}}/`;
}

/** Writes the placeholders the runner globs (once; two runs at once write the same text). */
export function writePlaceholders(groups, rootDir = process.cwd()) {
  for (const g of groups) {
    if (g.files.length === 1) continue;
    const file = resolve(rootDir, g.path);
    const text = `// Placeholder of a page that runs several test files (test/runner/groups.mjs):\n${g.files.map((f) => `//   ${f}\n`).join('')}`;
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/**
 * Each page's time in the last run (label → seconds), written by scripts/summary-reporter.mjs: the
 * next run opens the longest pages first, so that the two windows finish together rather than one
 * long page running alone at the end. Only the order of pages depends on it, never what runs.
 */
export const TIMES_FILE = 'node_modules/.cache/qk-page-times.json';

export function readPageTimes(rootDir = process.cwd()) {
  try {
    return JSON.parse(readFileSync(resolve(rootDir, TIMES_FILE), 'utf8'));
  } catch {
    return {};
  }
}

/** Adds `times` to the file (a write and a rename: two runs at once each leave a whole file). */
export function writePageTimes(times, rootDir = process.cwd()) {
  const file = resolve(rootDir, TIMES_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, JSON.stringify({ ...readPageTimes(rootDir), ...times }, null, 1));
  renameSync(`${file}.${process.pid}`, file);
}

/** The pages, longest in the last run first; a page not seen before first of all (it may be long). */
export function longestFirst(groups, times) {
  const t = (g) => times[g.label] ?? Infinity;
  return [...groups].sort((a, b) => t(b) - t(a));
}
