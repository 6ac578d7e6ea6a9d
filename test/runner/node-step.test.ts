/**
 * The Node step's own helpers (scripts/test-node.mjs): its mocha workers run without
 * --enable-source-maps, so a failure's stack is mapped to the .ts sources by `mapStack`, through
 * the .map file beside each bundle; and the files are handed to the workers longest first
 * (`longestFirst`), so that no long file starts last while the other worker sits idle.
 */
import { expect } from '@open-wc/testing';
import * as chai from 'chai';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
// @ts-expect-error a plain .mjs runner script, no types
import { mapStack, longestFirst } from '../../scripts/test-node.mjs';
import { fastDeepEqual } from '../support/node-testing.js';
import { createRandom } from '../../src/engine/shared/random.js';

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
    const files = ['test/a.test.ts', 'test/adapter/contract-runner.test.ts', 'test/b.test.ts', 'test/new.test.ts', 'test/store/sliced-load.scale.test.ts'];
    const times = { 'test/a.test.ts': 30, 'test/adapter/contract-runner.test.ts': 1_700, 'test/b.test.ts': 900, 'test/store/sliced-load.scale.test.ts': 8_800 };
    expect(longestFirst(files, times)).to.deep.equal(['test/new.test.ts', 'test/store/sliced-load.scale.test.ts', 'test/adapter/contract-runner.test.ts', 'test/b.test.ts', 'test/a.test.ts']);
    expect(longestFirst(files, {})).to.deep.equal(['test/adapter/contract-runner.test.ts', 'test/store/sliced-load.scale.test.ts', 'test/a.test.ts', 'test/b.test.ts', 'test/new.test.ts']);
    expect(files[0]).to.equal('test/a.test.ts'); // the list given is left as it was
  });

  it('orders by its list of the longest when the last run timed only other files (the other layer)', () => {
    // A fresh checkout that ran the scale layer first: its times know none of the unit files.
    const files = ['test/a.test.ts', 'test/adapter/contract-runner.test.ts', 'test/b.test.ts'];
    const times = { 'test/store/large-org.scale.test.ts': 9_000 };
    expect(longestFirst(files, times)).to.deep.equal(['test/adapter/contract-runner.test.ts', 'test/a.test.ts', 'test/b.test.ts']);
  });

  it("deep equality: the fast path for plain data answers as chai's deep-eql does, or leaves the answer to it", () => {
    const eql = (chai.util as unknown as { eql: (a: unknown, b: unknown) => boolean }).eql;
    class Card { constructor(public id: string) {} }
    const shared = { a: 1 };
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const sym = Symbol('k');
    const cases: [unknown, unknown][] = [
      [1, 1], [0, -0], [-0, -0], [NaN, NaN], [NaN, 0], [1, '1'], [null, undefined], [null, {}], [undefined, undefined], ['a', 'b'],
      [10n, 10n], [10n, 11n], [true, 1], [() => 1, () => 1],
      [[], []], [[1, 2], [1, 2]], [[1, 2], [2, 1]], [[1, 2], [1, 2, 3]], [[1, [2, [3]]], [1, [2, [3]]]], [[1, [2, [3]]], [1, [2, [4]]]],
      [[1, , 3], [1, undefined, 3]], [[undefined], []], [Object.assign([1], { x: 1 }), [1]],
      [{}, {}], [{ a: 1 }, { a: 1 }], [{ a: 1, b: 2 }, { b: 2, a: 1 }], [{ a: 1 }, { a: 1, b: undefined }], [{ a: undefined }, { b: undefined }],
      [{ a: 0 }, { a: -0 }], [{ a: NaN }, { a: NaN }], [{ a: [shared, shared] }, { a: [{ a: 1 }, { a: 1 }] }], [{ a: { b: { c: null } } }, { a: { b: { c: undefined } } }],
      [Object.create(null), {}], [Object.assign(Object.create(null), { a: 1 }), { a: 1 }], [new Card('x'), { id: 'x' }], [new Card('x'), new Card('x')], [new Card('x'), new Card('y')],
      [{ [sym]: 1 }, { [sym]: 2 }], [{ a: 1, [sym]: 1 }, { a: 1, [sym]: 2 }], [{ a: 1, [sym]: 1 }, { a: 1 }],
      [new Map([[1, 2]]), new Map([[1, 2]])], [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])], [new Date(5), new Date(5)], [new Date(5), new Date(6)],
      [new Error('x'), new Error('x')], [/a/g, /a/g], [[new Map()], [new Map([[1, 1]])]], [[new Map(), 1], [new Map(), 2]],
      [Float64Array.of(1, NaN, 0), Float64Array.of(1, NaN, 0)], [Float64Array.of(0), Float64Array.of(-0)], [Float64Array.of(1, 2), Float64Array.of(1)], [Float64Array.of(1), Float32Array.of(1)], [Int32Array.of(1), [1]],
      [new Uint8Array(2), new Uint8Array(2)], [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2))], [cyclic, { a: 1, self: cyclic }],
    ];
    // Random plain records, equal or one leaf changed, as the engine's cards and rows are.
    const rng = createRandom(11);
    const leaf = () => [0, -0, 1.5, NaN, null, undefined, 'x', '', true, Infinity][Math.floor(rng.next() * 10)];
    const tree = (d: number): unknown => {
      const r = rng.next();
      if (d > 3 || r < 0.3) return leaf();
      if (r < 0.6) return Array.from({ length: Math.floor(rng.next() * 4) }, () => tree(d + 1));
      return Object.fromEntries(Array.from({ length: 1 + Math.floor(rng.next() * 4) }, (_, i) => [`k${i}`, tree(d + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const a = tree(0);
      const b = JSON.parse(JSON.stringify([a]), (_k, v) => v)[0];
      cases.push([a, a], [a, structuredClone(a)], [a, b], [a, tree(0)]);
    }
    const wrong = cases.filter(([a, b]) => {
      const fast = fastDeepEqual(a, b);
      return (fast !== undefined && fast !== eql(a, b)) || (fast !== undefined && fast !== fastDeepEqual(b, a));
    });
    expect(wrong.map(([a, b]) => `${String(chai.util.inspect(a))} vs ${String(chai.util.inspect(b))}`)).to.deep.equal([]);
    // The fast path answers for plain records (else it would save nothing)…
    const answered = cases.filter(([a, b]) => fastDeepEqual(a, b) !== undefined).length;
    expect(answered).to.be.above(1_000);
    expect(fastDeepEqual([{ id: 'r1', kpis: { a: 1 }, rank: 2 }], [{ rank: 2, id: 'r1', kpis: { a: 1 } }])).to.equal(true);
    expect(fastDeepEqual([{ id: 'r1', kpis: { a: 1 } }], [{ id: 'r1', kpis: { a: -0 } }])).to.equal(false);
    // …and `expect` in the Node step uses it, with chai's answer and message when they differ.
    expect([{ a: 1, b: [NaN] }]).to.deep.equal([{ b: [NaN], a: 1 }]);
    expect(() => expect([{ a: 1 }]).to.deep.equal([{ a: 2 }])).to.throw('expected [ { a: 1 } ] to deeply equal [ { a: 2 } ]');
    expect(() => expect({ a: 0 }).to.deep.equal({ a: -0 })).to.throw();
    expect(new Set([1, 2])).to.deep.equal(new Set([2, 1]));
  });
});
