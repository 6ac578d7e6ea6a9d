// Issue #19 ("the engine's public API is a reviewed list"): every value `quotakit/engine` exports at
// run time is listed in docs/engine-api.md's table, and every value the table lists is exported.
// A name added to src/engine/index.ts without a line in the doc (or left in the doc after removal)
// fails here.
import { expect } from '@open-wc/testing';
import { readFileSync } from 'node:fs';
import * as engine from '../../src/engine/index.js';

/** The backquoted names of the "values" column (third) of the doc's group table. */
function documentedValues(doc: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of doc.split('\n')) {
    const m = /^\| `([a-z]+)\/` \|[^|]*\| ([^|]*) \|/.exec(line);
    if (!m) continue;
    for (const [, name] of m[2]!.matchAll(/`([A-Za-z_$][\w$]*)`/g)) names.set(name!, m[1]!);
  }
  return names;
}

describe('the engine public API (docs/engine-api.md)', () => {
  const doc = readFileSync('docs/engine-api.md', 'utf8');
  const listed = documentedValues(doc);
  const exported = Object.keys(engine).sort();

  it('reads the doc table: groups and names', () => {
    // Hand-checked against the doc: money/ lists formatMoney, plan/ lists allocate, scorecard/ the CLV names.
    expect(listed.get('formatMoney')).to.equal('money');
    expect(listed.get('allocate')).to.equal('plan');
    expect(listed.get('customerLifetimeValue')).to.equal('scorecard');
    expect(listed.size).to.be.greaterThan(200);
  });

  it('every exported value is documented', () => {
    expect(exported.filter((n) => !listed.has(n))).to.deep.equal([]);
  });

  it('every documented value is exported', () => {
    expect([...listed.keys()].filter((n) => !(n in engine)).sort()).to.deep.equal([]);
  });
});
