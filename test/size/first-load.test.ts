/**
 * Issue #14: a page pays for what it shows. Each define entry is bundled the way a host's bundler
 * would (esbuild, code splitting) and the modules of its first load — the entry and every chunk it
 * imports statically — are listed. Validation (zod, the schemas, the adapter checks) and the store
 * enter a standalone element's page only when the host gives it `.data`, by `import()`; under a
 * provider the provider brings them.
 */
import { expect } from '@open-wc/testing';
import { build, type Metafile } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { build as viteBuild } from 'vite';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/**
 * The source files in the first load of `entry`, and those that only arrive by `import()`; `withData`:
 * the first load plus the chunk reached by `import()` that holds `dataModule` and what it imports
 * statically (what a page loads to show an element given valid `.data`).
 */
async function firstLoad(entry: string, dataModule = 'src/internal/read-data-store.ts'): Promise<{ eager: Set<string>; lazy: Set<string>; withData: Set<string> }> {
  const outputs = await outputsOf(entry);
  const byPath = new Map(Object.entries(outputs));
  // esbuild marks every chunk reached by import() as an entry point too: take the page's own.
  const out = [...byPath].find(([, o]) => o.entryPoint === entry)![0];
  const seen = new Set<string>();
  const walk = (p: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const i of byPath.get(p)!.imports) if (i.kind === 'import-statement' && byPath.has(i.path)) walk(i.path);
  };
  walk(out);
  const eager = new Set<string>();
  const lazy = new Set<string>();
  for (const [p, o] of byPath) for (const input of Object.keys(o.inputs)) (seen.has(p) ? eager : lazy).add(input);
  const first = new Set(seen);
  const dataChunk = [...byPath].find(([, o]) => dataModule in o.inputs)?.[0];
  if (dataChunk) walk(dataChunk);
  const withData = new Set<string>();
  for (const [p, o] of byPath) if (seen.has(p)) for (const input of Object.keys(o.inputs)) withData.add(input);
  expect(first.size).to.be.greaterThan(0);
  return { eager, lazy, withData };
}

/**
 * The outputs of the bundle of `entry` (esbuild's metafile). Built once per entry for this file:
 * two tests read each page (its first load, and with .data), from the same sources.
 */
const built = new Map<string, Promise<Metafile['outputs']>>();
function outputsOf(entry: string): Promise<Metafile['outputs']> {
  if (!built.has(entry)) built.set(entry, bundle(entry));
  return built.get(entry)!;
}

async function bundle(entry: string): Promise<Metafile['outputs']> {
  const outdir = mkdtempSync(join(tmpdir(), 'qk-first-load-'));
  try {
    const r = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir,
      write: false,
      metafile: true,
      tsconfig: 'tsconfig.json',
      target: 'es2022',
      logLevel: 'error',
    });
    return (r.metafile as Metafile).outputs;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const zod = (files: Set<string>) => [...files].filter((f) => f.includes('node_modules/zod/'));
const VALIDATION = ['src/engine/plan/model-schema.ts', 'src/adapter/validate.ts'];
const STORE = 'src/store/store.ts';
const READ_STORE = 'src/store/read-store.ts';

describe('first load of a page (issue #14)', function () {
  this.timeout(120_000);

  for (const el of ['qk-attainment-gauge', 'qk-pace-chart']) {
    it(`define/${el}: no zod, no schemas, no store in the first load; they arrive with .data by import()`, async () => {
      const { eager, lazy } = await firstLoad(`src/define/${el}.ts`);
      expect({ zod: zod(eager).length, validation: VALIDATION.filter((f) => eager.has(f)), store: eager.has(STORE) }).to.deep.equal({
        zod: 0,
        validation: [],
        store: false,
      });
      // The element can still be given data: the full validator is a dynamic import away.
      expect(VALIDATION.every((f) => lazy.has(f))).to.equal(true);
      expect(zod(lazy).length).to.be.greaterThan(0);
    });

    it(`define/${el} with valid .data: the read model and the zod-free check, no zod, no editing store`, async () => {
      const { withData, lazy } = await firstLoad(`src/define/${el}.ts`);
      expect({
        zod: zod(withData).length,
        validation: VALIDATION.filter((f) => withData.has(f)),
        editingStore: withData.has(STORE),
        readStore: withData.has(READ_STORE),
        fastCheck: withData.has('src/adapter/fast-parse.ts') && withData.has('src/adapter/cross-check.ts'),
      }).to.deep.equal({ zod: 0, validation: [], editingStore: false, readStore: true, fastCheck: true });
      // A payload the fast check declines still gets zod's full report: validate.ts stays reachable.
      expect(lazy.has('src/adapter/validate.ts')).to.equal(true);
    });
  }

  it('define/qk-attainment-gauge and qk-pace-chart, bundled by vite: the editing store is not even reachable by import() (else the bundler keeps the plan functions it shares with the read model in the first load)', async () => {
    // esbuild makes every import() of a bundled file a chunk, used or not: vite (rolldown) drops the
    // ones only unused code reaches, as a host's bundler does.
    const editing = ['src/internal/data-store.ts', STORE, 'src/engine/plan/edit-rights.ts'];
    for (const el of ['qk-attainment-gauge', 'qk-pace-chart']) {
      const dir = mkdtempSync(join(tmpdir(), 'qk-first-load-vite-'));
      try {
        writeFileSync(join(dir, 'index.html'), '<script type="module" src="./main.js"></script>');
        writeFileSync(join(dir, 'main.js'), `import ${JSON.stringify(resolve(`src/define/${el}.ts`))};`);
        const out = await viteBuild({ root: dir, configFile: false, logLevel: 'silent', mode: 'production', build: { write: false, minify: false, modulePreload: false } });
        const modules = (Array.isArray(out) ? out : [out as { output: unknown[] }]).flatMap((o) => o.output as { type: string; moduleIds?: string[] }[]).flatMap((c) => (c.type === 'chunk' ? (c.moduleIds ?? []) : []));
        const present = modules.map((id) => relative(process.cwd(), id));
        expect({ el, reachable: editing.filter((f) => present.includes(f)), readModel: present.includes(READ_STORE) }).to.deep.equal({ el, reachable: [], readModel: true });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('define/qk-goal-tree: the people cards, the inputs form and the ramp editor are not in the first load (with .data); they arrive by import()', async () => {
    const ON_DEMAND = [
      'src/components/goal-tree/goal-tree.cards.ts',
      'src/components/goal-tree/ramp-editor.ts',
      'src/components/goal-tree/goal-tree-inputs-form.ts',
      // What only the cards use: the pace verdict and the funnel diagnosis.
      'src/engine/funnel/coverage.ts',
      'src/engine/pace/status.ts',
    ];
    const { withData, lazy } = await firstLoad('src/define/qk-goal-tree.ts', 'src/internal/data-store.ts');
    // The tree itself is there (the sanity check that this walked the right page).
    expect(withData.has('src/components/goal-tree/goal-tree.ts')).to.equal(true);
    expect(ON_DEMAND.filter((f) => withData.has(f))).to.deep.equal([]);
    expect(ON_DEMAND.filter((f) => !lazy.has(f))).to.deep.equal([]);
  });

  it('define/qk-goal-tree with valid .data: the editing store and the zod-free check, no zod; the full validator stays an import() away', async () => {
    const { withData, lazy } = await firstLoad('src/define/qk-goal-tree.ts', 'src/internal/data-store.ts');
    expect({
      zod: zod(withData).length,
      validation: VALIDATION.filter((f) => withData.has(f)),
      editingStore: withData.has(STORE),
      fastCheck: withData.has('src/adapter/fast-parse.ts') && withData.has('src/adapter/cross-check.ts'),
    }).to.deep.equal({ zod: 0, validation: [], editingStore: true, fastCheck: true });
    expect(VALIDATION.every((f) => lazy.has(f))).to.equal(true);
    expect(zod(lazy).length).to.be.greaterThan(0);
  });

  it('define/qk-provider brings the store and the zod-free check (the boundary is there); zod and the schemas by import() only', async () => {
    const { eager, lazy } = await firstLoad('src/define/qk-provider.ts');
    expect(eager.has(STORE)).to.equal(true);
    expect(eager.has('src/adapter/fast-parse.ts') && eager.has('src/adapter/cross-check.ts')).to.equal(true);
    expect({ zod: zod(eager).length, validation: VALIDATION.filter((f) => eager.has(f)) }).to.deep.equal({ zod: 0, validation: [] });
    expect(VALIDATION.every((f) => lazy.has(f))).to.equal(true);
  });
});
