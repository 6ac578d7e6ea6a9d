// Runs every story's play function in headless Chromium (Debian's /usr/bin/chromium through
// puppeteer-core), checks each story with axe-core, and prints how long each took to render.
//
//   npm run test:stories                 builds storybook-static, then runs every story
//   npm run test:stories -- --no-build   reuses storybook-static
//   npm run test:stories -- goal-tree    only the stories whose id contains "goal-tree"
//
// Each story is shown in one long-lived preview iframe by asking Storybook's channel to switch
// stories (as the manager does), so the bundle loads once. A story passes when Storybook reports it
// rendered and its play function finished without an exception, Lit warned of no second copy, and
// axe finds no violation inside the story root. Every wait is on an event, bounded by a timeout.
import { execSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium } from './chromium-path.mjs';

const args = process.argv.slice(2);
const dir = 'storybook-static';
const filters = args.filter((a) => !a.startsWith('--'));
const STORY_TIMEOUT = Number(process.env.STORY_TIMEOUT_MS ?? 120_000);
const RENDER_BUDGET = Number(process.env.STORY_RENDER_BUDGET_MS ?? 3_000);
// Render times are printed and the stories over budget listed; they fail the run only when asked
// (STORY_RENDER_BUDGET_STRICT=1): on a shared, loaded CI box a timing is a measurement, not a test.
const STRICT_BUDGET = process.env.STORY_RENDER_BUDGET_STRICT === '1';
const TOTAL_TIMEOUT = Number(process.env.STORIES_TOTAL_TIMEOUT_MS ?? 30 * 60_000);
setTimeout(() => {
  console.error(`test:stories: not finished after ${TOTAL_TIMEOUT / 60_000} min; giving up.`);
  console.log('0 passed, 1 failed, 0 skipped (stories)');
  process.exit(1);
}, TOTAL_TIMEOUT).unref();

if (!args.includes('--no-build') || !existsSync(join(dir, 'index.json'))) {
  execSync(`npx storybook build --quiet -o ${dir}`, { stdio: 'inherit', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const wanted = (e) => !filters.length || filters.some((f) => e.id.includes(f));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && wanted(e));
const docs = Object.values(index.entries).filter((e) => e.type === 'docs' && wanted(e));

const browser = await puppeteer.launch({
  executablePath: findChromium() ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1200,900'],
});
const axeSource = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

// Records the preview channel's events from the moment Storybook creates the channel.
function recordChannel() {
  const events = (window.__qkEvents = []);
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      for (const name of ['docsRendered', 'storyRendered', 'storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing', 'storyFinished']) {
        value.on(name, (payload) => events.push({ name, payload, at: performance.now() }));
      }
    },
  });
}

let page;
const consoleLines = [];
async function openPreview(firstId) {
  if (page) await page.close().catch(() => {});
  page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  await page.evaluateOnNewDocument(recordChannel);
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(firstId)}&viewMode=story`, { waitUntil: 'load', timeout: STORY_TIMEOUT });
  await page.addScriptTag({ content: axeSource });
}

// Storybook emits storyRendered once the play function has run, then storyFinished with the
// reports of the afterEach hooks (the accessibility addon's among them).
const outcome = (id, since) =>
  page.waitForFunction(
    (id, since) => {
      const mine = window.__qkEvents.filter((e) => e.at >= since);
      const finished = mine.find((e) => e.name === 'storyFinished' && e.payload?.storyId === id);
      if (!finished) return false;
      const rendered = mine.find((e) => e.name === 'storyRendered' && e.payload === id);
      const bad = mine.find((e) => ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing'].includes(e.name));
      const failedReports = (finished.payload.reporters ?? []).filter((r) => r.status === 'failed' || r.status === 'warning');
      return {
        ok: !bad && finished.payload.status === 'success' && !!rendered,
        event: bad?.name ?? `storyFinished (${finished.payload.status})`,
        detail: bad ? JSON.stringify(bad.payload).slice(0, 800) : '',
        reports: failedReports.map((r) => `${r.type}: ${r.status} ${JSON.stringify(r.result?.violations?.map((v) => `${v.id} ${v.nodes?.length} node(s) ${v.nodes?.[0]?.target?.join(' ') ?? ''}`) ?? r.result).slice(0, 600)}`),
        playedAt: rendered?.at ?? finished.at,
        renderedAt: window.__qkRenderedAt ?? rendered?.at ?? finished.at,
      };
    },
    { timeout: STORY_TIMEOUT, polling: 50 },
    id,
    since,
  );

const results = [];
let first = true;
for (const story of stories) {
  const started = Date.now();
  const name = `${story.title} › ${story.name}`;
  consoleLines.length = 0;
  let result;
  try {
    let event = 'setCurrentStory';
    if (first) {
      // Loading the preview bundle is not the story's render time: load it on this story, let it
      // finish, then render the story again from a clean canvas and time that.
      await openPreview(story.id);
      await outcome(story.id, 0);
      event = 'forceRemount';
      first = false;
    }
    await page.evaluate(
      (id, event) => {
        window.__qkRenderedAt = undefined;
        window.__qkStart = performance.now();
        window.__STORYBOOK_ADDONS_CHANNEL__.emit(event, { storyId: id, viewMode: 'story' });
      },
      story.id,
      event,
    );
    const since = await page.evaluate(() => window.__qkStart ?? 0);
    const done = await (await outcome(story.id, since)).jsonValue();
    if (!done.ok && !done.reports.length) throw new Error(`${done.event}: ${done.detail}`);
    const renderMs = Math.round(done.renderedAt - since);
    const playMs = Math.round(done.playedAt - since);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target?.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? v.help}`);
    });
    // Lit registers each copy it loads (in production builds too); the dev build also warns.
    const copies = await page.evaluate(() => ({ 'lit-html': window.litHtmlVersions, 'lit-element': window.litElementVersions, '@lit/reactive-element': window.reactiveElementVersions }));
    const litTwice = [
      ...consoleLines.filter((l) => /multiple versions of lit/i.test(l)),
      ...Object.entries(copies).filter(([, v]) => v && v.length > 1).map(([k, v]) => `${v.length} copies of ${k} loaded: ${v.join(', ')}`),
    ];
    const problems = [...done.reports.map((r) => `addon ${r}`), ...violations.map((v) => `axe: ${v}`), ...litTwice.map((l) => `console: ${l}`)];
    const overBudget = renderMs > RENDER_BUDGET;
    if (overBudget && STRICT_BUDGET) problems.push(`rendered in ${renderMs} ms, over the ${RENDER_BUDGET} ms budget`);
    result = { name, id: story.id, ok: problems.length === 0, renderMs, playMs, problems, overBudget };
  } catch (e) {
    result = { name, id: story.id, ok: false, renderMs: NaN, playMs: Date.now() - started, problems: [String(e.message ?? e).slice(0, 1200), ...consoleLines.filter((l) => /error|exception/i.test(l)).slice(0, 3)] };
    first = true; // a broken preview is reloaded for the next story
  }
  results.push(result);
  const mark = result.ok ? (result.overBudget ? 'slow' : 'ok  ') : 'FAIL';
  console.log(`${mark} ${String(result.renderMs).padStart(5)} ms render ${String(result.playMs).padStart(6)} ms with play  ${name}`);
  for (const p of result.problems) console.log(`       ${p}`);
}

// Each docs page (the guides and the elements' pages, MDX) must render without an exception.
for (const entry of docs) {
  const name = `${entry.title} › ${entry.name}`;
  const errors = [];
  let problem = null;
  try {
    if (first) {
      await openPreview(stories[0]?.id ?? entry.id);
      first = false;
    }
    const onError = (e) => errors.push(e.message);
    page.on('pageerror', onError);
    const since = await page.evaluate((id) => {
      const at = performance.now();
      window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'docs' });
      return at;
    }, entry.id);
    await page.waitForFunction(
      (id, since) => window.__qkEvents.some((e) => e.at >= since && ((e.name === 'docsRendered' && e.payload === id) || e.name === 'storyErrored' || e.name === 'storyMissing')),
      { timeout: STORY_TIMEOUT, polling: 50 },
      entry.id,
      since,
    );
    const bad = await page.evaluate((since) => window.__qkEvents.filter((e) => e.at >= since && (e.name === 'storyErrored' || e.name === 'storyMissing')).map((e) => `${e.name}: ${JSON.stringify(e.payload).slice(0, 400)}`), since);
    const shown = await page.evaluate(() => !!document.querySelector('#storybook-docs h1'));
    page.off('pageerror', onError);
    problem = [...bad, ...errors, ...(shown ? [] : ['no heading rendered'])].join('; ') || null;
  } catch (e) {
    problem = String(e.message ?? e).slice(0, 600);
    first = true;
  }
  results.push({ name, id: entry.id, ok: !problem, renderMs: NaN, playMs: 0, problems: problem ? [problem] : [] });
  console.log(`${problem ? 'FAIL' : 'ok  '}  docs  ${name}${problem ? `\n       ${problem}` : ''}`);
}

await browser.close();
server.close();
const failed = results.filter((r) => !r.ok);
const renders = results.map((r) => r.renderMs).filter(Number.isFinite).sort((a, b) => a - b);
const slowest = results.filter((r) => Number.isFinite(r.renderMs)).sort((a, b) => b.renderMs - a.renderMs)[0];
if (renders.length) {
  console.log(`render: median ${renders[Math.floor(renders.length / 2)]} ms, slowest ${slowest.renderMs} ms (${slowest.name}); budget ${RENDER_BUDGET} ms`);
}
const slow = results.filter((r) => r.overBudget);
if (slow.length) {
  console.log(`over the ${RENDER_BUDGET} ms render budget${STRICT_BUDGET ? ' (failing: STORY_RENDER_BUDGET_STRICT=1)' : ''}:`);
  for (const r of slow) console.log(`  ${r.renderMs} ms  ${r.name}`);
}
console.log(`${results.length - failed.length} passed, ${failed.length} failed, 0 skipped (stories and docs pages)`);
process.exit(failed.length ? 1 : 0);
