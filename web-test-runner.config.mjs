import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { restTestServerPlugin } from './test/adapter/rest-server-plugin.mjs';
import { embedPlugin } from './test/embed/embed-plugin.mjs';
import { findChromium } from './scripts/chromium-path.mjs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { isNodeTest, isScaleTest } from './scripts/test-layers.mjs';
import { bundledTestsPlugin, skipBundled } from './test/runner/bundle-plugin.mjs';
import { groupTestFiles, longestFirst, readPageTimes, readWeights, writePlaceholders } from './test/runner/groups.mjs';

// Which files run here: everything under test/ that is not a Node test (scripts/test-layers.mjs).
// `npm test` runs two steps through this config (QK_TEST_STEP): `components` (the elements and the
// DOM-bound store/adapter tests) and `embed` (host pages: bundles, CSP, frameworks, load order),
// each two windows at once. Without QK_TEST_STEP, both. Files named on the command line
// win over this list (npx web-test-runner test/engine/money/money.test.ts still runs in Chromium).
const allTests = readdirSync('test', { recursive: true })
  .map((f) => join('test', String(f)).split('\\').join('/'))
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
const browserTests = allTests.filter((f) => !isNodeTest(f));
const step = process.env.QK_TEST_STEP;
// QK_TEST_PATHS=test/runner,test/store narrows a step to files under those paths, still grouped into
// pages as `npm test` runs them (test/runner/groups.mjs): to see a failure the way the suite sees it.
const paths = process.env.QK_TEST_PATHS?.split(',').map((p) => p.trim()).filter(Boolean);
// `scale`: the browser files of the scale layer (`*.scale.test.ts`, scripts/test-layers.mjs), which
// the components step leaves out.
const stepFiles = (
  step === 'embed' ? browserTests.filter((f) => f.startsWith('test/embed/'))
  : step === 'components' ? browserTests.filter((f) => !f.startsWith('test/embed/') && !isScaleTest(f))
  : step === 'scale' ? browserTests.filter((f) => isScaleTest(f))
  : browserTests
).filter((f) => !paths || paths.some((p) => f === p || f.startsWith(p.replace(/\/?$/, '/'))));

/**
 * The dev server's port: one the system gives out now (port 0), not wtr's default 8000 and its
 * "first free from 8000" search — two copies of `npm test` starting at once both found 8000 free
 * and the second failed with EADDRINUSE (a twin run, 2026-12-02). QK_TEST_PORT overrides it.
 */
async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
const port = Number(process.env.QK_TEST_PORT) || (await freePort());

const executablePath = findChromium() ?? '/usr/bin/chromium';

// Test files and the embed host pages' entries are served bundled (test/runner/bundle-plugin.mjs,
// test/embed/embed-plugin.mjs: a page loads a few files instead of ~200 modules), except with
// coverage (QK_COVERAGE=1, `npm run test:coverage`: v8 coverage is per served source file), in
// watch mode, or with QK_BUNDLE=0. The step's test files are bundled together; when test files are
// named on the command line, only those run, and only those are bundled (bundling all 55 browser
// test files to run one took ~8 s idle and over 50 s on a loaded machine).
const watch = process.argv.includes('--watch');
const coverage = process.env.QK_COVERAGE === '1' || process.argv.includes('--coverage');
const bundle = process.env.QK_BUNDLE !== '0' && !coverage && !watch;
const cliFiles = process.argv.slice(2).filter((a) => a.endsWith('.test.ts') && existsSync(a)).map((a) => a.replace(/^\.\//, ''));
const embed = embedPlugin({ bundlePages: bundle });
// Bundled and not naming files: neighbouring files run together in pages of about PAGE_SECONDS of
// tests each, by the committed weights (test/runner/groups.mjs, `weighedPages`; QK_GROUP=0 runs each
// file in its own page, as files named on the command line do). The pages that took longest in the
// last run open first.
const groups = bundle && !cliFiles.length && process.env.QK_GROUP !== '0' ? longestFirst(groupTestFiles(stepFiles, { weights: readWeights(), pageSeconds: step === 'embed' ? 30 : 16 }), readPageTimes()) : undefined;
if (groups) writePlaceholders(groups);
const bundled = bundle
  ? bundledTestsPlugin({
      files: groups ? [] : cliFiles.length ? cliFiles : stepFiles,
      groups,
      alias: { '@open-wc/testing': './test/support/testing.ts' },
    })
  : undefined;

/**
 * Test files import `@open-wc/testing`; they get test/support/testing.ts, which re-exports it with
 * a 60 s ceiling on `waitUntil` (the package's default is 1 s, too short on a loaded machine).
 */
function generousWaits() {
  return {
    name: 'qk-generous-waits',
    resolveImport({ source, context }) {
      if (source === '@open-wc/testing' && !context.path.endsWith('/test/support/testing.ts')) return '/test/support/testing.ts';
      return undefined;
    },
  };
}

/**
 * QK_PROFILE_DIR=dir: each page's JavaScript CPU profile (Chrome DevTools' .cpuprofile) is written
 * there when its test files end (wtr then opens about:blank): what a slow page spends its time on.
 */
async function profilePages(page, dir) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  const goto = page.goto.bind(page);
  let n = 0;
  page.goto = async (url, ...rest) => {
    if (url === 'about:blank') {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(dir, `page-${process.pid}-${Date.now()}-${n++}.cpuprofile`), JSON.stringify(profile));
    } else await cdp.send('Profiler.start');
    return goto(url, ...rest);
  };
}

/**
 * What a test page does besides its tests, watched from here:
 * - A dialog (alert, confirm, prompt, beforeunload) blocks the page, and nothing in it, not even
 *   mocha's timeouts, runs again: the run then waits out testsFinishTimeout. Each is dismissed,
 *   reported, and fails the run.
 * - Every 30 s the page is asked which test it is in (test/support/testing.ts). A page that has not
 *   answered for 2 minutes, or has been in one test for 11 (longer than any test's own timeout), is
 *   reported on stderr with that test's title: where a page that never finishes stood (one page of
 *   the components step once never reported, 2026-12-03, with nothing to say where it was).
 * - QK_TRACE_DIR=dir: each page's console, errors, navigations and every answer, in a file per page.
 */
const dialogs = [];
process.on('exit', () => {
  if (dialogs.length) {
    console.error(`\n${dialogs.length} dialog(s) opened by test pages:\n${dialogs.join('\n')}`);
    process.exitCode = 1;
  }
});
const STALL_NO_ANSWER_MS = 120_000;
const STALL_ONE_TEST_MS = 660_000;
async function watchPage(page, dir) {
  page.on('dialog', (d) => {
    dialogs.push(`  ${d.type()} "${d.message()}" on ${page.url()}`);
    d.dismiss().catch(() => {});
  });
  let log = () => {};
  if (dir) {
    const { mkdirSync, appendFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `page-${process.pid}-${Date.now()}.log`);
    log = (line) => appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
    page.on('console', (m) => log(`console.${m.type()} ${m.text().slice(0, 500)}`));
    page.on('pageerror', (e) => log(`pageerror ${e?.message ?? e}`));
    page.on('framenavigated', (f) => f === page.mainFrame() && log(`navigated ${f.url()}`));
  }
  page.on('error', (e) => {
    console.error(`[qk-watch] a test page crashed (${page.url()}): ${e?.message ?? e}`);
    log(`page crashed: ${e?.message ?? e}`);
  });
  let answeredAt = Date.now();
  let last; // { n, title, at } of the test the page last said it was in
  let said = '';
  // Said once per test and kind of stall.
  const report = (kind, why) => {
    const key = `${kind} ${last?.n}`;
    if (said === key) return;
    said = key;
    console.error(`[qk-watch] ${why}: ${page.url()}${last ? `, in test #${last.n} "${last.title}" since ${new Date(last.at).toISOString()}` : ', no test known yet'}`);
  };
  const timer = setInterval(async () => {
    if (page.isClosed()) return clearInterval(timer);
    const answer = await Promise.race([
      page.evaluate(() => ({ test: globalThis.__qkTest, visible: document.visibilityState, focus: document.hasFocus() })).catch((e) => `evaluate failed: ${e.message}`),
      new Promise((r) => setTimeout(() => r('no answer in 20 s'), 20_000)),
    ]);
    log(`${page.url()} ${JSON.stringify(answer)}`);
    const now = Date.now();
    if (typeof answer === 'object') {
      answeredAt = now;
      last = answer.test;
      if (last && page.url().includes('wtr-session-id') && now - last.at > STALL_ONE_TEST_MS) report('long', `a test page has been in one test for ${Math.round((now - last.at) / 1000)} s`);
    } else if (!page.url().startsWith('about:') && now - answeredAt > STALL_NO_ANSWER_MS) report('mute', `a test page has not answered for ${Math.round((now - answeredAt) / 1000)} s (${answer})`);
  }, 30_000);
  timer.unref();
}

export default {
  port,
  files: groups ? groups.map((g) => g.path) : stepFiles,
  nodeResolve: true,
  // Element test files run side by side, each page in its own browser window (`createPage` below):
  // a tab behind another tab is hidden and gets no requestAnimationFrame or ResizeObserver callbacks
  // (the launch flags do not change that), so a test waiting for a frame hung with the renderer idle
  // (deep-chain.scale.test.ts in CI, one round ago). test/runner/visible-page.test.ts fails if a page is
  // hidden. QK_BROWSER_CONCURRENCY overrides the number of windows (1 = one file at a time).
  concurrency: Number(process.env.QK_BROWSER_CONCURRENCY) || 2,
  testFramework: { config: { timeout: 120000 } },
  // Each test file starts with empty local storage (pending edits are kept there between page
  // loads); SOAK_RUNS lengthens the fault-injection property (npm run soak).
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>window.__QK_SOAK__ = ${Number(process.env.SOAK_RUNS) || 0}; try { localStorage.clear(); } catch (e) {}</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  // A ceiling: at load 40 a page took more than 60 s to open and start its test file.
  browserStartTimeout: 300_000,
  // A ceiling per page, not a wait: on a loaded 2-core machine (load 25, two tabs) the goal tree's
  // and the hostile-data files took more than 5 minutes each, and a page runs several files
  // (test/runner/groups.mjs; the longest page took 167 s at load 16, 97 s at load 17 on
  // 2026-12-03). 15 minutes: a page that never finishes fails the run well inside CI's 30 (it
  // was an hour); `watchPage` says on stderr which test it stopped in.
  testsFinishTimeout: 900_000,
  // Coverage is a figure of the element tests (`npm run test:coverage`); the embed step loads whole
  // host pages in iframes, where it measures nothing a unit test does not. It costs about a quarter
  // more CPU per page and needs the modules served one by one, so `npm test` runs without it.
  coverage: coverage && step !== 'embed',
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary'],
  },
  plugins: [
    ...(bundled ? [bundled] : []),
    generousWaits(),
    skipBundled(esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), ...(bundled ? [bundled] : []), embed),
    restTestServerPlugin(),
    embed,
  ],
  browsers: [
    chromeLauncher({
      // A window per page, not a tab: every concurrent test page is visible and focused (see
      // `concurrency`; test/runner/visible-page.test.ts checks both). And a browser context per
      // page: two files at once on one origin would otherwise share localStorage, and one file's
      // clear() or demo language broke the other's (responsive.test.ts with two copies running).
      createPage: async ({ browser }) => {
        const page = await (await browser.createBrowserContext()).newPage({ type: 'window' });
        await watchPage(page, process.env.QK_TRACE_DIR);
        if (process.env.QK_PROFILE_DIR) await profilePages(page, process.env.QK_PROFILE_DIR);
        return page;
      },
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          // Full-rate timers in windows that are not focused.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  filterBrowserLogs: ({ args }) =>
    !args.some((a) => typeof a === 'string' && a.includes('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryReporter({ labels: new Map((groups ?? []).map((g) => [g.path, g.label])) })],
};
