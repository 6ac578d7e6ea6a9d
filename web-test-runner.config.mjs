import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { restTestServerPlugin } from './test/adapter/rest-server-plugin.mjs';
import { embedPlugin } from './test/embed/embed-plugin.mjs';
import { findChromium } from './scripts/chromium-path.mjs';

const executablePath = findChromium() ?? '/usr/bin/chromium';

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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One tab at a time: a background tab gets no rendered frames, so ResizeObserver and rAF stall there.
  concurrency: 1,
  testFramework: { config: { timeout: 120000 } },
  // Each test file starts with empty local storage (pending edits are kept there between page
  // loads); SOAK_RUNS lengthens the fault-injection property (npm run soak).
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>window.__QK_SOAK__ = ${Number(process.env.SOAK_RUNS) || 0}; try { localStorage.clear(); } catch (e) {}</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  coverage: true,
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary'],
  },
  plugins: [
    generousWaits(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    restTestServerPlugin(),
    embedPlugin(),
  ],
  browsers: [
    chromeLauncher({
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
          // Test files run in parallel tabs: keep hidden tabs rendering (rAF, ResizeObserver).
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  filterBrowserLogs: ({ args }) =>
    !args.some((a) => typeof a === 'string' && a.includes('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryReporter()],
};
