// `npm run openapi`: writes openapi.json from the zod model (server/src/openapi.ts).
// `node scripts/openapi.mjs --check` exits 1 when the committed file differs (drift).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const outfile = join('node_modules', '.cache', 'quotakit', 'openapi.mjs');
await build({ entryPoints: ['server/src/openapi.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const { openApiDocument } = await import(pathToFileURL(join(process.cwd(), outfile)).href);
const text = JSON.stringify(openApiDocument(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync('openapi.json', 'utf8');
  } catch {
    /* missing: drift */
  }
  if (committed !== text) {
    console.error('openapi.json is stale: run `npm run openapi` and commit it.');
    process.exit(1);
  }
  console.log('openapi.json: up to date');
} else {
  writeFileSync('openapi.json', text);
  console.log(`openapi.json: ${Object.keys(openApiDocument().paths).length} paths`);
}
