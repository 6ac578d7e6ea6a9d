// Opens the built consumer apps in Chromium (puppeteer-core, /usr/bin/chromium) and checks what a
// user and a host see: every element renders; the first-load error of an adapter that answers at
// once and the gauge's first alert reach their typed handlers; one real edit in the goal tree
// moves the gauge; every event an element declares reaches its handler. Usage:
//   node browser.mjs react <dir>   |   node browser.mjs vue <dir>
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');
const [kind, dir] = process.argv.slice(2);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const server = createServer(async (req, res) => {
  const path = join(resolve(dir), decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html'));
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${kind}: ${what}`);
  if (!ok) failures.push(what);
};
const WAIT = { timeout: 120000, polling: 50 };
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  const logHas = (prefix) => page.waitForFunction((p) => Object.keys(window.__qkLog ?? {}).some((k) => k.startsWith(p)), WAIT, prefix).then(() => true, () => false);
  const meter = () => page.evaluate(() => document.querySelector('#gauge')?.shadowRoot?.querySelector('[role="meter"]')?.getAttribute('aria-valuenow') ?? null);

  await page.waitForFunction(() => document.querySelector('#gauge')?.shadowRoot?.querySelector('[role="meter"]'), WAIT);
  check(await logHas('failing:forbidden'), 'the first load of an adapter that fails at once reaches onQkError / @qk-error (forbidden)');
  check(await logHas('gauge:alert:'), "the gauge's first qk-alert reaches its handler");
  if (kind === 'vue') {
    check((await page.evaluate(() => document.querySelector('#provider').autosaveMs)) === 0, ':autosave-ms="0" sets the property autosaveMs to 0');
  }
  if (kind === 'react') {
    check(await logHas('native:alert:'), 'React 19 native <qk-attainment-gauge onqk-alert> gets its alert');
    const tags = ['tree', 'gauge', 'funnel', 'pace', 'adjust', 'incentive', 'review', 'scorecard'];
    const rendered = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)?.shadowRoot?.childElementCount), tags);
    check(rendered.length === 0, `every element renders (not rendered: ${rendered.join(', ') || 'none'})`);
  }

  // One real edit: the root's FY2026 revenue target, typed into the goal tree.
  await page.waitForFunction(() => document.querySelector('#tree')?.shadowRoot?.querySelector('[data-r="0"][data-c="1"]'), WAIT);
  const before = await meter();
  await page.evaluate(() => document.querySelector('#tree').shadowRoot.querySelector('[data-r="0"][data-c="1"]').focus());
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#tree').shadowRoot.querySelector('input'), WAIT);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type('1亿');
  await page.keyboard.press('Enter');
  const moved = await page.waitForFunction((b) => {
    const now = document.querySelector('#gauge')?.shadowRoot?.querySelector('[role="meter"]')?.getAttribute('aria-valuenow');
    return now !== null && now !== undefined && now !== b;
  }, WAIT, before).then(() => true, () => false);
  check(moved, `one edit in the goal tree moves the gauge (aria-valuenow ${before} → ${await meter()})`);
  check(await logHas('tree:focus:'), 'the edit raised qk-focus-change with e.detail.nodeId');
  if (kind === 'react') {
    check(await logHas('tree:target'), 'the edit raised qk-target-change through onQkTargetChange');
    // Every declared event reaches its own handler (synthetic events with a detail of each shape).
    const declared = {
      tree: ['qk-target-change', 'qk-focus-change', 'qk-error'],
      gauge: ['qk-alert', 'qk-error'],
      funnel: ['qk-funnel-change', 'qk-error'],
      pace: ['qk-alert', 'qk-error'],
      adjust: ['qk-adjustment-request', 'qk-adjustment-commit', 'qk-focus-change', 'qk-error'],
      incentive: ['qk-focus-change', 'qk-error'],
      review: ['qk-review-apply', 'qk-error'],
      scorecard: ['qk-focus-change', 'qk-error'],
    };
    const missed = await page.evaluate((declared) => {
      const missed = [];
      const total = () => Object.values(window.__qkLog).flat().length;
      for (const [id, types] of Object.entries(declared)) {
        for (const type of types) {
          const n = total();
          const detail = { code: 'synthetic', to: 'synthetic', nodeId: 'synthetic', newValue: 1 };
          // Dispatched on the element and stopped there, so a provider's own handler does not count it.
          const e = new CustomEvent(type, { detail });
          document.getElementById(id).dispatchEvent(e);
          if (total() !== n + 1) missed.push(`${id}:${type}`);
        }
      }
      return missed;
    }, declared);
    check(missed.length === 0, `every declared event reaches its onQk… handler (missed: ${missed.join(', ') || 'none'})`);
  }
  check(errors.length === 0, `no uncaught page errors (${errors.join(' | ') || 'none'})`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failures.length ? 1 : 0);
