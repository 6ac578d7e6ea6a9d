import { defineConfig } from 'vite';
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
// @ts-expect-error a plain .mjs build script, no types
import { minifyCssPlugin } from './scripts/minify-css.mjs';

const here = import.meta.dirname;
const src = (p: string) => resolve(here, 'src', p);
const list = (dir: string) => (existsSync(src(dir)) ? readdirSync(src(dir)) : []);

/** One library entry per public subpath of package.json `exports`. */
function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = {
    index: src('index.ts'),
    engine: src('engine/index.ts'),
    adapters: src('adapter/index.ts'),
    'sample-data': src('sample/sample-data.ts'),
    testing: src('testing.ts'),
    react: src('react/index.ts'),
    conformance: src('conformance/index.ts'),
    // quotakit/ssr renders on a server; quotakit/ssr/hydrate is the browser's opt-in hydration support.
    ssr: src('ssr/index.ts'),
    'ssr/hydrate': src('ssr/hydrate.ts'),
  };
  // quotakit/react/<element>: one wrapper per element, so a page pays only for those it imports.
  for (const f of list('react')) if (f.endsWith('.ts') && f !== 'index.ts' && f !== 'create-component.ts') entries[`react/${f.slice(0, -3)}`] = src(`react/${f}`);
  for (const f of list('define')) if (f.endsWith('.ts')) entries[`define/${f.slice(0, -3)}`] = src(`define/${f}`);
  for (const d of list('components')) {
    if (existsSync(src(`components/${d}/index.ts`))) entries[`components/${d}`] = src(`components/${d}/index.ts`);
  }
  for (const f of ['en', 'zh-cn', 'zh-cn-all', 'index']) entries[`i18n/${f}`] = src(`i18n/${f}.ts`);
  return entries;
}

const external = (id: string) =>
  /^@lit(-labs)?\//.test(id) || /^(lit|lit-html|lit-element|d3|d3-[a-z]+|zod|internmap|delaunator|robust-predicates|react|react-dom|fflate)(\/|$)/.test(id);

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    // `npm run demo`: the dashboard in demo/ on the sample company.
    return {
      root: resolve(here, 'demo'),
      server: { fs: { allow: [here] } },
      plugins: [
        {
          // demo/embed/*.html load the one-file bundle as a host would (/dist/quotakit.bundle.js):
          // in the demo server it is compiled from source, so no build is needed; csp.html gets
          // the strict policy header it demonstrates.
          name: 'qk-demo-embed',
          configureServer(server) {
            server.middlewares.use((req, res, next) => {
              if (req.url?.startsWith('/dist/quotakit.bundle.js')) req.url = `/@fs${resolve(here, 'src/bundle.ts')}`;
              if (req.url?.startsWith('/embed/csp.html')) {
                res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'");
              }
              next();
            });
          },
        },
      ],
      // demo/embed/vue.html compiles its template in the browser.
      resolve: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } },
    };
  }
  if (mode === 'bundle') {
    // One file for a plain <script type="module">: lit, d3 parts and zod inlined.
    return {
      // The CSS of Lit's css`…` templates ships minified too (a template literal is otherwise kept as written).
      plugins: [minifyCssPlugin()],
      build: {
        outDir: resolve(here, 'dist'),
        emptyOutDir: false,
        sourcemap: true,
        // Library mode keeps whitespace and comments unless told: the shipped file is minified.
        minify: true,
        lib: { entry: src('bundle.ts'), formats: ['es'], fileName: () => 'quotakit.bundle.js' },
        // Maps ship without sourcesContent (issue #15): the tarball carries no second copy of the source.
        rollupOptions: {
          output: {
            codeSplitting: false, // one file: the sample company is inlined here (and only here)
            sourcemapExcludeSources: true,
            minify: { compress: true, mangle: true, codegen: true },
            comments: { annotation: false, legal: true, jsdoc: false },
          },
        },
      },
    };
  }
  return {
    plugins: [minifyCssPlugin()],
    build: {
      outDir: resolve(here, 'dist'),
      emptyOutDir: true,
      sourcemap: true,
      // What ships is minified (a host's bundler re-minifies anyway; a CDN <script> does not).
      minify: true,
      lib: { entry: libraryEntries(), formats: ['es'] },
      rollupOptions: {
        external,
        output: {
          entryFileNames: '[name].js',
          // One language's strings per chunk, named for it (chunks/zh-cn/gauge-….js): `npm run size` and
          // a host's preload rules can tell which language a chunk holds.
          chunkFileNames: (c) => {
            const lang = c.moduleIds.length && c.moduleIds.every((id) => /\/src\/i18n\/zh-cn\//.test(id)) ? 'zh-cn/' : '';
            return `chunks/${lang}[name]-[hash].js`;
          },
          sourcemapExcludeSources: true,
          // Vite's library mode minifies names but keeps whitespace, so that `/*@__PURE__*/` survives
          // for the host's tree-shaking; full minification keeps those annotations too.
          minify: { compress: true, mangle: true, codegen: true },
          comments: { annotation: true, legal: true, jsdoc: false },
        },
      },
    },
  };
});
