import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// QK_PAGE picks one page: index (the checks), size-two or size-all (the size report).
const page = process.env.QK_PAGE ?? 'index';
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: { outDir: `dist-${page}`, emptyOutDir: true, rollupOptions: { input: resolve(import.meta.dirname, `${page}.html`) } },
});
