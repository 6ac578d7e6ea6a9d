import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// The browser half of the SSR consumer, one page per build (QK_SSR_PAGE): index.html hydrates
// (quotakit/ssr/hydrate imported first); no-hydrate.html loads the same elements without it, so the
// harness can show that its check tells the two apart. server.mjs puts the server-rendered markup
// into the built pages. One entry per build on purpose: with two, the bundler moves lit into a chunk
// shared by both, which runs before the entry's first import, i.e. before the hydration support
// (see the SSR guide: the support must be evaluated before lit).
const page = process.env.QK_SSR_PAGE ?? 'index';
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: { outDir: `dist-${page}`, emptyOutDir: true, rollupOptions: { input: resolve(import.meta.dirname, `${page}.html`) } },
});
