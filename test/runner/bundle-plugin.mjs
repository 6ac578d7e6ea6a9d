/**
 * A @web/test-runner plugin that serves every browser test file as one esbuild bundle.
 *
 * Why: each test file runs in a fresh page in its own browser context (web-test-runner.config.mjs),
 * so each page used to fetch, and the server used to resolve, every module of the kit one by one:
 * about 200 requests and 5 MB per element test file, some 2.5 s of CPU per file on a 2-core
 * machine before the first test ran. Bundled, a page loads its test file and a few shared chunks.
 *
 * All test files of the run are built together once, when the server starts (esbuild, code
 * splitting: what several files share — lit, the engine, the elements — is one chunk served to
 * every page from memory). The bundle is served at the test file's own URL, so `import.meta.url`
 * in a test still points beside it. Chunks live under `/__qk-bundle/`. Imports of the runner's own
 * virtual modules (`/__web-dev-server__web-socket.js`, `/__qk-embed/…`) stay imports.
 *
 * Groups (test/runner/groups.mjs): several test files in one page. A group is one more entry, a
 * module made here that requires its files in order, each inside a describe named after the file;
 * it is answered at the group's placeholder URL. In a grouped file, `import.meta.url` is the test
 * file's own URL (written in at build time), as when it runs alone.
 *
 * What it does not do: coverage (v8 coverage is collected per served source file; run
 * `npm run test:coverage`, which serves modules one by one), and watching (`--watch` serves modules).
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { isLitDev } from './groups.mjs';

const CHUNKS = '__qk-bundle';
/** The chunks of the pages in Lit's development build (groups.mjs, `LIT_DEV`), built apart. */
const DEV_CHUNKS = '__qk-bundle-dev';

/**
 * @param {{ files: string[], groups?: { path: string, files: string[] }[], rootDir?: string, alias?: Record<string, string> }} options
 *   `files`: test files relative to `rootDir` (`test/components/x.test.ts`), each run in its own
 *   page; `groups`: pages of several files (groups.mjs; a group of one file is that file).
 */
export function bundledTestsPlugin({ files, groups = [], rootDir = process.cwd(), alias = {} }) {
  /** URL path → { body, type } */
  const served = new Map();
  let ready;

  const alone = [...files, ...groups.filter((g) => g.files.length === 1).map((g) => g.files[0])];
  const several = groups.filter((g) => g.files.length > 1);
  const grouped = new Set(several.flatMap((g) => g.files));
  const testing = alias['@open-wc/testing'] ? resolve(rootDir, alias['@open-wc/testing']) : undefined;

  /** The module of a group's page (see groups.mjs). */
  function groupModule(group) {
    const lines = [];
    if (testing) lines.push(`import ${JSON.stringify(testing)};`);
    lines.push(`import { isolate } from ${JSON.stringify(resolve(rootDir, 'test/runner/group-isolation.ts'))};`);
    for (const f of group.files) {
      lines.push(`describe(${JSON.stringify(f)}, () => {`, '  isolate();', `  require(${JSON.stringify(resolve(rootDir, f))});`, '});');
    }
    return lines.join('\n');
  }

  const groupsPlugin = {
    name: 'qk-test-groups',
    setup(b) {
      b.onResolve({ filter: /^qk-group:/ }, (args) => ({ path: args.path.slice('qk-group:'.length), namespace: 'qk-group' }));
      b.onLoad({ filter: /.*/, namespace: 'qk-group' }, (args) => ({
        contents: groupModule(several.find((g) => g.path === args.path)),
        loader: 'js',
        resolveDir: rootDir,
      }));
      // A grouped file's `import.meta.url` is its own URL, not the group's.
      b.onLoad({ filter: /\.test\.ts$/ }, async (args) => {
        const rel = relative(rootDir, args.path).split(sep).join('/');
        if (!grouped.has(rel)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(`/${rel}`)}, location.href).href`), loader: 'ts' };
      });
    },
  };

  /**
   * One esbuild build of `entries` (test files and groups), with Lit's development build (`dev`) or
   * its production build. The pages of one build share its chunks.
   */
  function buildOne(entries, dev, outdir) {
    return build({
      entryPoints: entries.map((e) => (typeof e === 'string' ? resolve(rootDir, e) : { in: `qk-group:${e.path}`, out: e.path.replace(/\.js$/, '') })),
      plugins: [groupsPlugin],
      outdir,
      outbase: rootDir,
      entryNames: '[dir]/[name]',
      chunkNames: `${dev ? DEV_CHUNKS : CHUNKS}/[name]-[hash]`,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      sourcemap: 'linked',
      // The maps name the sources; their text is on the server already.
      sourcesContent: false,
      tsconfig: resolve(rootDir, 'tsconfig.json'),
      // Lit's production build (what a host's production bundle runs), but in the `LIT_DEV` pages,
      // whose tests check its development build's warnings; React's development build everywhere.
      conditions: dev ? ['development'] : [],
      define: { 'process.env.NODE_ENV': '"development"' },
      // Vue as the module server serves it: the self-contained build with the template compiler.
      alias: { vue: 'vue/dist/vue.esm-browser.js', ...alias },
      // package.json's `sideEffects` names dist files only: honoured here, a bare import of a src module
      // that registers something (strings, an element) was dropped when no other test file used it.
      ignoreAnnotations: true,
      // The runner's and the embed plugin's virtual modules.
      external: ['/__*'],
      logLevel: 'warning',
    });
  }

  async function buildAll() {
    const t0 = Date.now();
    const outdir = resolve(rootDir, 'node_modules/.cache/qk-browser-bundles');
    const entries = [...alone, ...several];
    const devEntry = (e) => (typeof e === 'string' ? isLitDev(e) : e.litDev === true || e.files.every(isLitDev));
    const dev = entries.filter(devEntry);
    const prod = entries.filter((e) => !devEntry(e));
    const results = await Promise.all([prod.length ? buildOne(prod, false, outdir) : null, dev.length ? buildOne(dev, true, outdir) : null]);
    let bytes = 0;
    for (const out of results.flatMap((r) => r?.outputFiles ?? [])) {
      const rel = relative(outdir, out.path).split(sep).join('/');
      // An entry `test/x/y.test.js` answers at the test file's URL `/test/x/y.test.ts`; its map
      // at `/test/x/y.test.js.map` (the `sourceMappingURL` is relative to the served URL).
      const path = `/${rel}`;
      const isEntry = !rel.startsWith(`${CHUNKS}/`) && !rel.startsWith(`${DEV_CHUNKS}/`) && rel.endsWith('.test.js');
      const type = rel.endsWith('.map') ? 'json' : 'js';
      bytes += out.contents.length;
      served.set(isEntry ? path.replace(/\.js$/, '.ts') : path, { body: out.text, type });
      if (isEntry) served.set(path, { body: out.text, type });
    }
    const pages = several.length ? ` in ${alone.length + several.length} pages (${grouped.size} of them in ${several.length} groups)` : '';
    console.log(`browser tests: ${alone.length + grouped.size} files${pages} bundled in ${((Date.now() - t0) / 1000).toFixed(1)} s (${(bytes / 1e6).toFixed(1)} MB with source maps)`);
  }

  return {
    name: 'qk-bundled-tests',
    async serverStart() {
      ready = buildAll();
      await ready;
    },
    /** Whether `context` is answered with bundled code (the TypeScript plugin must leave it alone). */
    handles(context) {
      return served.has(context.path);
    },
    async serve(context) {
      await ready;
      const hit = served.get(context.path);
      if (hit) return { body: hit.body, type: hit.type, headers: { 'cache-control': 'no-store' } };
      return undefined;
    },
  };
}

/**
 * Wraps the esbuild TypeScript plugin so that it does not transform again what a bundling plugin
 * serves at a `.ts` URL (each has `handles(context)`).
 */
export function skipBundled(tsPlugin, ...bundlers) {
  const transform = tsPlugin.transform.bind(tsPlugin);
  tsPlugin.transform = (context) => (bundlers.some((b) => b.handles(context)) ? undefined : transform(context));
  return tsPlugin;
}
