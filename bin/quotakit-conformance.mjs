#!/usr/bin/env node
// quotakit-conformance <baseUrl> --as admin=<token> --as manager=<token> --as rep=<token>
//                      [--as other-manager=<token>] [--header <name>] [--today YYYY-MM-DD]
// Checks a server against the QuotaKit REST protocol. With --header, each --as value is a user id
// sent in that header (a server behind a trusted proxy) instead of a bearer token.
// Prints one line per check and ends with "N passed, N failed, N skipped"; exits 1 on a failure.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function load() {
  const built = join(root, 'dist', 'conformance.js');
  if (existsSync(built)) return import(pathToFileURL(built).href);
  // In the repository before a build: bundle the TypeScript source.
  const { build } = await import('esbuild');
  const outfile = join(root, 'node_modules', '.cache', 'quotakit', 'conformance.mjs');
  await build({ entryPoints: [join(root, 'src', 'conformance', 'index.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}

const args = process.argv.slice(2);
const usage = 'usage: quotakit-conformance <baseUrl> --as admin=<token> --as manager=<token> --as rep=<token> [--as other-manager=<token>] [--header <name>] [--today YYYY-MM-DD]';
let baseUrl;
let header;
let today;
const tokens = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--as') {
    const [who, ...rest] = String(args[++i] ?? '').split('=');
    const key = who === 'other-manager' ? 'otherManager' : who;
    if (!['admin', 'manager', 'rep', 'otherManager'].includes(key) || !rest.length) {
      console.error(`bad --as ${args[i]}\n${usage}`);
      process.exit(2);
    }
    tokens[key] = rest.join('=');
  } else if (a === '--header') header = args[++i];
  else if (a === '--today') today = args[++i];
  else if (a === '--help' || a === '-h') {
    console.log(usage);
    process.exit(0);
  } else if (!baseUrl) baseUrl = a;
  else {
    console.error(`unexpected ${a}\n${usage}`);
    process.exit(2);
  }
}
if (!baseUrl || !tokens.admin || !tokens.manager || !tokens.rep) {
  console.error(usage);
  process.exit(2);
}

const { runConformance } = await load();
const options = { baseUrl, tokens, ...(today ? { today } : {}) };
if (header) {
  // Each user's id goes in the header; no bearer token is sent.
  options.tokens = Object.fromEntries(Object.keys(tokens).map((k) => [k, '']));
  options.headersFor = (who) => ({ [header]: tokens[who] });
}
const report = await runConformance({
  ...options,
  onResult: (r) => console.log(`${r.status === 'pass' ? 'ok  ' : r.status === 'skip' ? 'skip' : 'FAIL'} ${r.name}${r.detail ? `\n     ${r.detail}` : ''}`),
});
console.log(`${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
process.exit(report.failed ? 1 : 0);
