// Bundles the server's TypeScript (and the engine rules it shares with the kit) into plain ESM.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles `server/src/<entry>.ts` into `server/.build/<entry>.mjs`; returns its file URL. */
export async function bundleServer(entry = 'index') {
  const outfile = join(here, '.build', `${entry}.mjs`);
  await build({
    entryPoints: [join(here, 'src', `${entry}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return pathToFileURL(outfile).href;
}

/** The server library (createServer, openPglite, hmacTokens, …), bundled and imported. */
export async function loadServer() {
  return import(await bundleServer('index'));
}
