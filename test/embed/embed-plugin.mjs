/**
 * A @web/test-runner plugin for the embedding tests (test/embed/*) and their host pages
 * (demo/embed/*). It makes the test server behave like the hosts those pages stand for:
 *
 * - `/demo/embed/csp.html` is served with the strict header
 *   `Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'`.
 * - `/dist/quotakit.bundle.js` (what the plain-HTML pages load, as a real host would) is answered
 *   with the source entry `src/bundle.ts`, bundled by esbuild (development builds, code split:
 *   each language its own chunk, loaded by `import()`), so the suite runs without a build. The
 *   demo's and the framework examples' entries (`/demo/main.ts`, `/demo/embed/react.tsx`,
 *   `/demo/embed/vue.ts`) are bundled in the same build and share its chunks (`/__qk-embed/kit/`).
 *   Built once per run on first use: a host page then loads a few files instead of ~250 modules,
 *   which cost seconds of CPU per iframe (`bundlePages: false`, in watch mode and with coverage:
 *   modules one by one, as before). A page opened with `?bundle=dist` loads the built file
 *   instead (404 when not built).
 * - `/src/define/qk-*.ts` and `/src/adapter/memory-adapter.ts`, which load-order.test.ts imports
 *   into a blank page one by one, are answered bundled too (one build, shared chunks under
 *   `/__qk-embed/src-chunks/`), except with `bundlePages: false`.
 * - `/__qk-embed/bundle.js?copy=N&version=V` is the whole kit bundled into one file by esbuild, a
 *   fresh copy per query: what a page that loads QuotaKit twice (two CRM plugins) gets. `version`
 *   stamps another `VERSION` into that copy.
 * - `/__qk-embed/defines.json` lists the tags of `src/define/*.ts`, so a test notices an element
 *   that test/embed/elements.ts does not know yet; `/__qk-embed/fires.json` maps each tag to the
 *   events its class declares with `@fires` (read from the source, where the JSDoc still is).
 * - React 19 ships CommonJS only: `react`, `react-dom`, `react-dom/client` and the JSX runtimes are
 *   served as ES modules from one esbuild bundle (one React instance). `vue` is served as Vue's
 *   own self-contained ES build with the template compiler (what a Vite alias to
 *   `vue/dist/vue.esm-bundler.js` gives an app).
 * - `.tsx` files (demo/embed/react.tsx) are compiled with the automatic JSX runtime.
 */
import { build, transform } from 'esbuild';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

const VENDOR = '/__qk-embed/vendor/';
const reactModules = {
  react: 'react',
  'react-dom': 'react-dom',
  'react-dom/client': 'react-dom-client',
  'react/jsx-runtime': 'jsx-runtime',
  'react/jsx-dev-runtime': 'jsx-dev-runtime',
};
const identifier = /^[A-Za-z_$][\w$]*$/;

/** The pages' entries bundled by `kitPages()`: URL path → output name. */
const PAGE_ENTRIES = {
  '/dist/quotakit.bundle.js': { in: 'src/bundle.ts', out: 'dist/quotakit.bundle' },
  '/demo/main.ts': { in: 'demo/main.ts', out: 'demo/main' },
  '/demo/embed/react.tsx': { in: 'demo/embed/react.tsx', out: 'demo/embed/react' },
  '/demo/embed/vue.ts': { in: 'demo/embed/vue.ts', out: 'demo/embed/vue' },
};

export function embedPlugin({ rootDir = process.cwd(), bundlePages = true } = {}) {
  const require = createRequire(resolve(rootDir, 'package.json'));
  let reactBundle;
  let pages;
  const copies = new Map();

  /** The host pages' entries and their shared chunks, bundled once: URL path → code. */
  function kitPages() {
    pages ??= build({
      entryPoints: Object.values(PAGE_ENTRIES).map((e) => ({ in: resolve(rootDir, e.in), out: e.out })),
      outdir: resolve(rootDir, 'node_modules/.cache/qk-embed-pages'),
      chunkNames: '__qk-embed/kit/[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      tsconfig: resolve(rootDir, 'tsconfig.json'),
      jsx: 'automatic',
      // What the module server gave these pages: Lit's and React's development builds, and Vue's
      // self-contained build with the template compiler.
      conditions: ['development'],
      define: { 'process.env.NODE_ENV': '"development"' },
      alias: { vue: 'vue/dist/vue.esm-browser.js' },
      external: ['/__*'],
      logLevel: 'warning',
    }).then((r) => {
      const out = new Map();
      const dir = resolve(rootDir, 'node_modules/.cache/qk-embed-pages');
      for (const f of r.outputFiles) out.set(`/${f.path.slice(dir.length + 1).split('\\').join('/')}`, f.text);
      for (const [url, e] of Object.entries(PAGE_ENTRIES)) out.set(url, out.get(`/${e.out}.js`));
      return out;
    });
    return pages;
  }
  const bundledPage = (context) =>
    bundlePages && (context.path in PAGE_ENTRIES && !context.URL.searchParams.has('built')) || context.path.startsWith('/__qk-embed/kit/');

  /**
   * The source modules a page imports one by one (load-order.test.ts: each `src/define/qk-*.ts`, and
   * `src/adapter/memory-adapter.ts`), bundled once with shared chunks and answered at their own URLs:
   * a page then fetches a few files instead of ~200 modules, four pages per run. Importing two of
   * them still shares one copy of what they share (the same chunk URLs), as the sources did.
   */
  let sourceModules;
  const SOURCE_MODULE = /^\/src\/(define\/qk-[\w-]+|adapter\/memory-adapter)\.ts$/;
  function bundledSources() {
    sourceModules ??= build({
      entryPoints: [
        ...readdirSync(resolve(rootDir, 'src/define')).filter((f) => /^qk-.*\.ts$/.test(f)).map((f) => resolve(rootDir, 'src/define', f)),
        resolve(rootDir, 'src/adapter/memory-adapter.ts'),
      ],
      outdir: resolve(rootDir, 'node_modules/.cache/qk-embed-sources'),
      outbase: rootDir,
      entryNames: '[dir]/[name]',
      chunkNames: '__qk-embed/src-chunks/[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      tsconfig: resolve(rootDir, 'tsconfig.json'),
      conditions: ['development'],
      define: { 'process.env.NODE_ENV': '"development"' },
      // Each define module registers its element: keep it although nothing imports its exports.
      ignoreAnnotations: true,
      external: ['/__*'],
      logLevel: 'warning',
    }).then((r) => {
      const out = new Map();
      const dir = resolve(rootDir, 'node_modules/.cache/qk-embed-sources');
      for (const f of r.outputFiles) {
        const url = `/${f.path.slice(dir.length + 1).split('\\').join('/')}`;
        // An entry `src/define/qk-x.js` answers at the source's URL `/src/define/qk-x.ts`.
        out.set(url.startsWith('/src/') ? url.replace(/\.js$/, '.ts') : url, f.text);
      }
      return out;
    });
    return sourceModules;
  }
  const bundledSource = (context) => bundlePages && (SOURCE_MODULE.test(context.path) || context.path.startsWith('/__qk-embed/src-chunks/'));

  /** One ESM bundle holding every React module, so hooks see one React. */
  async function reactAll() {
    reactBundle ??= build({
      stdin: {
        contents: Object.entries(reactModules)
          .map(([spec, name]) => `import * as ${name.replace(/-/g, '_')} from '${spec}'; export { ${name.replace(/-/g, '_')} };`)
          .join('\n'),
        resolveDir: rootDir,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      write: false,
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    }).then((r) => r.outputFiles[0].text);
    return reactBundle;
  }

  const facades = new Map();
  /**
   * A module re-exporting one React module's names from the shared bundle. Made once per run: it
   * reads the names in a child process, which blocks the test server, and every page that mounts
   * React asks for five of them.
   */
  function reactFacade(spec, name) {
    if (!facades.has(spec)) facades.set(spec, makeReactFacade(spec, name));
    return facades.get(spec);
  }

  function makeReactFacade(spec, name) {
    // The names, read in a child process: React's CommonJS build touches the console wtr patches here.
    const keys = JSON.parse(
      execFileSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(require.resolve(spec))}))))`], { encoding: 'utf8' }),
    );
    const names = keys.filter((k) => k !== 'default' && identifier.test(k));
    const local = name.replace(/-/g, '_');
    return [
      `import { ${local} as ns } from '${VENDOR}react-all.js';`,
      `const m = ns.default ?? ns;`,
      `export default m;`,
      names.length ? `export const { ${names.join(', ')} } = m;` : '',
    ].join('\n');
  }

  /** The whole kit as one file (a fresh copy per key), optionally with another VERSION. */
  function kitCopy(key, version) {
    if (!copies.has(key)) {
      const versionFile = resolve(rootDir, 'src/internal/version.ts');
      copies.set(
        key,
        build({
          // The bundle entry plus every define module (the same as src/bundle.ts once it registers them all).
          stdin: {
            contents: [
              "export * from './src/bundle.ts';",
              ...readdirSync(resolve(rootDir, 'src/define'))
                .filter((f) => /^qk-.*\.ts$/.test(f))
                .map((f) => `import './src/define/${f}';`),
            ].join('\n'),
            resolveDir: rootDir,
            loader: 'ts',
          },
          bundle: true,
          format: 'esm',
          write: false,
          target: 'es2022',
          tsconfig: resolve(rootDir, 'tsconfig.json'),
          logLevel: 'silent',
          plugins: version
            ? [{
                name: 'qk-version',
                setup(b) {
                  b.onLoad({ filter: /internal[\\/]version\.ts$/ }, (args) =>
                    args.path === versionFile ? { contents: `export const VERSION = ${JSON.stringify(version)};`, loader: 'ts' } : undefined,
                  );
                },
              }]
            : [],
        }).then((r) => r.outputFiles[0].text),
      );
    }
    return copies.get(key);
  }

  return {
    name: 'qk-embed',

    /** Whether `context` is answered with bundled code (the TypeScript plugin must leave it alone). */
    handles(context) {
      return bundledPage(context) || bundledSource(context);
    },

    resolveImport({ source, context }) {
      if (source in reactModules) return `${VENDOR}${reactModules[source]}.js`;
      if (source === 'vue') return '/node_modules/vue/dist/vue.esm-browser.js';
      // A .tsx file importing `./x.js` means `./x.ts`, as in the TypeScript sources.
      if (context.path.endsWith('.tsx') && source.startsWith('.') && source.endsWith('.js')) {
        const dir = resolve(rootDir, `.${context.path}`, '..');
        const ts = `${source.slice(0, -3)}.ts`;
        if (existsSync(resolve(dir, ts))) return ts;
      }
      return undefined;
    },

    resolveMimeType(context) {
      if (context.path.endsWith('.tsx')) return 'js';
      return undefined;
    },

    async serve(context) {
      const path = context.path;
      if (path === `${VENDOR}react-all.js`) return { body: await reactAll(), type: 'js' };
      if (path.startsWith(VENDOR)) {
        const entry = Object.entries(reactModules).find(([, name]) => path === `${VENDOR}${name}.js`);
        if (entry) return { body: reactFacade(entry[0], entry[1]), type: 'js' };
      }
      if (path === '/__qk-embed/bundle.js') {
        const version = context.URL.searchParams.get('version') ?? '';
        return { body: await kitCopy(context.URL.search, version), type: 'js', headers: { 'cache-control': 'no-store' } };
      }
      if (path === '/__qk-embed/defines.json') {
        const tags = readdirSync(resolve(rootDir, 'src/define'))
          .filter((f) => /^qk-.*\.ts$/.test(f))
          .map((f) => f.slice(0, -3))
          .sort();
        return { body: JSON.stringify(tags), type: 'json', headers: { 'cache-control': 'no-store' } };
      }
      if (path === '/__qk-embed/fires.json') {
        return { body: JSON.stringify(declaredEvents(rootDir)), type: 'json', headers: { 'cache-control': 'no-store' } };
      }
      if (bundledPage(context)) {
        const body = (await kitPages()).get(path);
        return body === undefined ? undefined : { body, type: 'js' };
      }
      if (bundledSource(context)) {
        const body = (await bundledSources()).get(path);
        return body === undefined ? undefined : { body, type: 'js' };
      }
      // Modules one by one (watch mode, coverage): the page sees every edit.
      if (path === '/dist/quotakit.bundle.js' && !context.URL.searchParams.has('built')) {
        return { body: "export * from '/src/bundle.ts';", type: 'js' };
      }
      return undefined;
    },

    async transform(context) {
      if (context.path === '/demo/embed/csp.html') {
        context.set('content-security-policy', CSP);
        context.set('cache-control', 'no-store');
      }
      if (context.path.startsWith('/demo/embed/') && context.path.endsWith('.html') && context.URL.searchParams.get('bundle') === 'dist') {
        return { body: context.body.replaceAll('dist/quotakit.bundle.js"', 'dist/quotakit.bundle.js?built"') };
      }
      if (context.path.endsWith('.tsx') && !bundledPage(context)) {
        const file = resolve(rootDir, `.${context.path}`);
        const { code } = await transform(readFileSync(file, 'utf8'), {
          loader: 'tsx',
          jsx: 'automatic',
          format: 'esm',
          target: 'es2022',
          sourcefile: file,
          sourcemap: 'inline',
        });
        return { body: code };
      }
      return undefined;
    },
  };
}

/** `{ tag: ['qk-…', …] }`: the `@fires` of the class each `src/define/qk-*.ts` registers. */
function declaredEvents(rootDir) {
  const out = {};
  for (const file of readdirSync(resolve(rootDir, 'src/define')).filter((f) => /^qk-.*\.ts$/.test(f))) {
    const define = readFileSync(resolve(rootDir, 'src/define', file), 'utf8');
    const from = /from '(\.\.\/components\/[^']+)\.js'/.exec(define);
    if (!from) continue;
    const source = readFileSync(resolve(rootDir, 'src/define', `${from[1]}.ts`), 'utf8');
    out[file.slice(0, -3)] = [...source.matchAll(/@fires\s+(qk-[\w-]+)/g)].map((m) => m[1]).sort();
  }
  return out;
}
