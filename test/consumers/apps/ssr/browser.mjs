// The browser half of the SSR consumer: Chromium loads the server-rendered pages and checks that
// the elements hydrate without a flash: the nodes the server drew (the shadow root's first child
// and the element's base) are the same nodes after the elements have upgraded and rendered, the
// figures are still there, and no hydration error or warning reached the console. The page without
// quotakit/ssr/hydrate must fail the same check (the elements draw again), or the check proves nothing.
// Usage: node ssr/browser.mjs   (after server.mjs)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');
const dir = import.meta.dirname;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
const server = createServer(async (req, res) => {
  const path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  let body;
  try {
    body = await readFile(path);
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ssr: ${what}`);
  if (!ok) failures.push(what);
};

/** Loads a page, waits until every element has upgraded and finished its first update, compares nodes. */
async function visit(page) {
  const tab = await browser.newPage();
  const messages = [];
  tab.on('console', (m) => ['error', 'warn', 'warning'].includes(m.type()) && messages.push(`${m.type()}: ${m.text()}`));
  tab.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
  await tab.goto(base + page);
  await tab.waitForFunction(
    () => window.__qkBefore.length === 4 && window.__qkBefore.every(({ tag }) => customElements.get(tag)),
    { timeout: 120000, polling: 50 },
  );
  const result = await tab.evaluate(async () => {
    const els = [...document.querySelectorAll('#dashboard > *')];
    await Promise.all(els.map((el) => el.updateComplete));
    return window.__qkBefore.map(({ tag, root, first, firstElement }, i) => {
      const el = els[i];
      return {
        tag,
        serverDrew: Boolean(root && first && firstElement),
        sameRoot: el.shadowRoot === root,
        sameFirst: el.shadowRoot.firstChild === first,
        sameBase: el.shadowRoot.querySelector('[part~="base"]') === firstElement,
        hydrated: el.hasUpdated,
        meter: el.shadowRoot.querySelector('[role="meter"]')?.getAttribute('aria-valuenow') ?? null,
      };
    });
  });
  await tab.close();
  return { result, messages };
}

try {
  const { result, messages } = await visit('dist-index/index.html');
  for (const r of result) {
    check(r.serverDrew, `${r.tag}: the browser parsed the declarative shadow root before any script ran`);
    check(r.hydrated && r.sameRoot && r.sameFirst && r.sameBase, `${r.tag}: hydrated without a flash (same shadow root, first child and base node before and after; updated ${r.hydrated}, root ${r.sameRoot}, first child ${r.sameFirst}, base ${r.sameBase})`);
  }
  check(result[0].meter === '84.5', `the gauge still reads 84.5 after hydration (${result[0].meter})`);
  check(messages.length === 0, `no hydration error or warning in the console (${messages.join(' | ') || 'none'})`);

  const control = await visit('dist-no-hydrate/no-hydrate.html');
  const redrawn = control.result.filter((r) => !r.sameFirst || !r.sameBase).map((r) => r.tag);
  check(redrawn.length === 4, `control: without quotakit/ssr/hydrate every element draws again (${redrawn.join(', ') || 'none'}), so the check above can fail`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failures.length ? 1 : 0);
