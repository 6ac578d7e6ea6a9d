/**
 * The Node step's own helpers (scripts/test-node.mjs): its mocha workers run without
 * --enable-source-maps, so a failure's stack is mapped to the .ts sources by `mapStack`, through
 * the .map file beside each bundle; and the files are handed to the workers longest first
 * (`longestFirst`), so that no long file starts last while the other worker sits idle.
 */
import { expect } from '@open-wc/testing';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
// @ts-expect-error a plain .mjs runner script, no types
import { mapStack, longestFirst } from '../../scripts/test-node.mjs';

describe('the Node step (scripts/test-node.mjs)', function () {
  this.timeout(120_000);

  it("maps a stack's frames in the bundles to the TypeScript source, and leaves every other frame alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qk-node-step-'));
    try {
      // Line 3, column 3 of the source (1-based) is the `throw`; the type is gone from the bundle
      // and a comment comes first, so its line there differs.
      writeFileSync(join(dir, 'cell.ts'), 'type Cell = { value: number };\nexport function fail(cell: Cell): never {\n  throw new Error(`bad ${cell.value}`);\n}\n');
      await build({ entryPoints: [join(dir, 'cell.ts')], outdir: dir, outExtension: { '.js': '.mjs' }, bundle: true, format: 'esm', platform: 'node', sourcemap: 'linked', logLevel: 'silent' });
      const bundle = join(dir, 'cell.mjs');
      const lines = readFileSync(bundle, 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes('throw new Error'));
      const column = lines[line]!.indexOf('throw');
      expect(line).to.be.greaterThan(-1);
      const stack = [
        'Error: bad 7',
        `    at fail (file://${bundle}:${line + 1}:${column + 1})`,
        `    at Context.<anonymous> (${bundle}:${line + 1}:${column + 1})`,
        '    at process.processImmediate (node:internal/timers:483:21)',
        `    at elsewhere (/opt/other/x.mjs:${line + 1}:${column + 1})`,
      ].join('\n');
      const at = `${relative(process.cwd(), join(dir, 'cell.ts'))}:3:3`;
      expect(mapStack(stack, dir).split('\n')).to.deep.equal([
        'Error: bad 7',
        `    at fail (${at})`,
        `    at Context.<anonymous> (${at})`,
        '    at process.processImmediate (node:internal/timers:483:21)',
        `    at elsewhere (/opt/other/x.mjs:${line + 1}:${column + 1})`,
      ]);
      // A bundle without a map keeps its frame as it is.
      rmSync(`${bundle}.map`);
      const other = join(dir, 'other.mjs');
      writeFileSync(other, 'throw 1;\n');
      expect(mapStack(`    at x (${other}:1:1)`, dir)).to.equal(`    at x (${other}:1:1)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hands out the files longest first: by the last run, a file it did not see first; with no run, its list of the longest, then by name', () => {
    const files = ['test/a.test.ts', 'test/adapter/trusted.test.ts', 'test/b.test.ts', 'test/new.test.ts', 'test/store/sliced-load.scale.test.ts'];
    const times = { 'test/a.test.ts': 30, 'test/adapter/trusted.test.ts': 1_700, 'test/b.test.ts': 900, 'test/store/sliced-load.scale.test.ts': 8_800 };
    expect(longestFirst(files, times)).to.deep.equal(['test/new.test.ts', 'test/store/sliced-load.scale.test.ts', 'test/adapter/trusted.test.ts', 'test/b.test.ts', 'test/a.test.ts']);
    expect(longestFirst(files, {})).to.deep.equal(['test/store/sliced-load.scale.test.ts', 'test/adapter/trusted.test.ts', 'test/a.test.ts', 'test/b.test.ts', 'test/new.test.ts']);
    expect(files[0]).to.equal('test/a.test.ts'); // the list given is left as it was
  });

  it('orders by its list of the longest when the last run timed only other files (the other layer)', () => {
    // A fresh checkout that ran the scale layer first: its times know none of the unit files.
    const files = ['test/a.test.ts', 'test/adapter/trusted.test.ts', 'test/b.test.ts'];
    const times = { 'test/store/large-org.scale.test.ts': 9_000 };
    expect(longestFirst(files, times)).to.deep.equal(['test/adapter/trusted.test.ts', 'test/a.test.ts', 'test/b.test.ts']);
  });
});
