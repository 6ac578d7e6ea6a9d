import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { allocate, integerWeights, type AllocPart } from '../../../src/engine/plan/allocate.js';

const values = (total: number, parts: AllocPart[]) => {
  const r = allocate(total, parts);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.values;
};
const code = (total: number, parts: AllocPart[], options = {}) => {
  const r = allocate(total, parts, options);
  return r.ok ? 'ok' : r.error.code;
};
const eq = (ids: string[], w = 1): AllocPart[] => ids.map((id) => ({ id, weight: w }));

describe('allocate: hand-computed cases', () => {
  it('splits 100 three ways as 34/33/33, the tie going to the smallest id', () => {
    // Quotas 33⅓ each → 33+33+33 = 99; one unit left; remainders and weights tie → "a".
    expect(values(100, eq(['a', 'b', 'c']))).to.deep.equal({ a: 34, b: 33, c: 33 });
    // The order of the parts does not matter, only their ids.
    expect(values(100, eq(['c', 'b', 'a']))).to.deep.equal({ a: 34, b: 33, c: 33 });
  });

  it('gives a tied remainder to the larger weight first', () => {
    // Locked l keeps 50; 50 splits 1:3 → 12.5 / 37.5 → 12 + 37 = 49; remainders tie at ½ → y (weight 3).
    const v = values(100, [{ id: 'l', weight: 9, locked: true, value: 50 }, { id: 'x', weight: 1 }, { id: 'y', weight: 3 }]);
    expect(v).to.deep.equal({ l: 50, x: 12, y: 38 });
  });

  it('hands leftover units to the largest remainders', () => {
    // 10 by 1:1:1:1:1:1:3 (W = 9): quotas 1.11…×6 and 3.33… → 1×6 + 3 = 9, one left.
    // Remainders: 1/9 each for the ones, 3/9 for g → g gets it: 4.
    const parts = [...eq(['a', 'b', 'c', 'd', 'e', 'f']), { id: 'g', weight: 3 }];
    expect(values(10, parts)).to.deep.equal({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 4 });
  });

  it('keeps locked parts and splits the rest', () => {
    // 1,000 − 300 locked = 700 by 2:5 → 200 / 500.
    const v = values(1000, [{ id: 'a', weight: 1, locked: true, value: 300 }, { id: 'b', weight: 2 }, { id: 'c', weight: 5 }]);
    expect(v).to.deep.equal({ a: 300, b: 200, c: 500 });
  });

  it('raises parts to their floors and re-splits the rest', () => {
    // Quotas 25 / 25 / 50; a's floor 40 binds → a = 40; 60 by 1:2 → b 20, c 40.
    const v = values(100, [{ id: 'a', weight: 1, floor: 40 }, { id: 'b', weight: 1 }, { id: 'c', weight: 2 }]);
    expect(v).to.deep.equal({ a: 40, b: 20, c: 40 });
  });

  it('holds parts at their caps and re-splits the rest', () => {
    // Quotas 60 / 20 / 20; a's cap 30 binds → a = 30; 70 by 1:1 → 35 / 35.
    const v = values(100, [{ id: 'a', weight: 3, cap: 30 }, { id: 'b', weight: 1 }, { id: 'c', weight: 1 }]);
    expect(v).to.deep.equal({ a: 30, b: 35, c: 35 });
  });

  it('water-fills floors and caps together', () => {
    // Quotas 80 / 10 / 10. a is 30 over its cap, b 20 under its floor: the excess is larger, so a
    // is pinned at 50 first; 50 by 1:1 → 25 / 25; now b is under 30 → b = 30, c = 20.
    // Check: λ = 20 gives min(8·20, 50) + max(20, 30) + 20 = 100.
    const v = values(100, [{ id: 'a', weight: 8, cap: 50 }, { id: 'b', weight: 1, floor: 30 }, { id: 'c', weight: 1 }]);
    expect(v).to.deep.equal({ a: 50, b: 30, c: 20 });
  });

  it('splits equally when every weight is zero, and says so', () => {
    const r = allocate(10, eq(['a', 'b', 'c'], 0));
    expect(r.ok && r.value).to.deep.equal({ values: { a: 4, b: 3, c: 3 }, remainder: 0, equalSplit: true });
    expect(code(10, eq(['a', 'b'], 0), { zeroWeights: 'error' })).to.equal('all-weights-zero');
    // Zero weights beside positive ones get nothing.
    expect(values(10, [{ id: 'a', weight: 0 }, { id: 'b', weight: 2 }])).to.deep.equal({ a: 0, b: 10 });
  });

  it('gives the rest to zero-weight parts once the weighted ones are capped', () => {
    // a takes all 10 by weight but is capped at 6; the 4 left go to b, the only open part (weight 0 → equal).
    expect(values(10, [{ id: 'a', weight: 1, cap: 6 }, { id: 'b', weight: 0 }])).to.deep.equal({ a: 6, b: 4 });
  });

  it('is exact for 1,000,000,003 in thirds (BigInt path)', () => {
    // 1/3 as a double is 0.3333333333333333 → integer weight 3333333333333333 each: an equal split.
    // 1,000,000,003 / 3 = 333,333,334.33… → 3 × 333,333,334 = 1,000,000,002, one left → "a".
    const third = 1 / 3;
    expect(values(1_000_000_003, [{ id: 'a', weight: third }, { id: 'b', weight: third }, { id: 'c', weight: third }])).to.deep.equal({
      a: 333_333_335,
      b: 333_333_334,
      c: 333_333_334,
    });
    // 1/3 : 2/3 reads as 3333333333333333 : 6666666666666666 = exactly 1 : 2.
    // Quotas 333,333,334.33… and 666,666,668.66… → 1,000,000,002 placed; b has the larger remainder.
    expect(values(1_000_000_003, [{ id: 'a', weight: 1 / 3 }, { id: 'b', weight: 2 / 3 }])).to.deep.equal({ a: 333_333_334, b: 666_666_669 });
  });

  it('reads decimal weights as decimals, with no float drift near 1e13', () => {
    // 0.1 / 0.2 / 0.7 → 1 / 2 / 7 out of 10.
    const parts = [{ id: 'a', weight: 0.1 }, { id: 'b', weight: 0.2 }, { id: 'c', weight: 0.7 }];
    expect(values(10_000_000_000_000, parts)).to.deep.equal({ a: 1_000_000_000_000, b: 2_000_000_000_000, c: 7_000_000_000_000 });
    // 10,000,000,000,001: quotas …000.1 / …000.2 / …000.7; the one unit left goes to c (remainder 0.7).
    expect(values(10_000_000_000_001, parts)).to.deep.equal({ a: 1_000_000_000_000, b: 2_000_000_000_000, c: 7_000_000_000_001 });
    expect(integerWeights([0.1, 0.2, 0.7])).to.deep.equal([1n, 2n, 7n]);
    expect(integerWeights([1.5, 20, 0, 1e-7])).to.deep.equal([15000000n, 200000000n, 0n, 1n]);
  });

  it('names the cause of every failure', () => {
    const over = allocate(100, [{ id: 'a', weight: 1, locked: true, value: 70 }, { id: 'b', weight: 1, locked: true, value: 50 }, { id: 'c', weight: 1 }]);
    expect(over.ok ? null : over.error).to.deep.include({ code: 'locked-exceeds-total', params: { locked: 120, total: 100 } });
    expect(code(-1, eq(['a']))).to.equal('negative-total');
    expect(code(1.5, eq(['a']))).to.equal('invalid-total');
    expect(code(Number.NaN, eq(['a']))).to.equal('invalid-total');
    for (const bad of [-1, Number.NaN, Infinity]) {
      const r = allocate(10, [{ id: 'a', weight: 1 }, { id: 'b', weight: bad }]);
      expect(r.ok ? null : r.error.params?.id).to.equal('b');
      expect(r.ok ? null : r.error.code).to.equal('invalid-weight');
    }
    expect(code(10, [{ id: 'a', weight: 1, floor: 5, cap: 4 }])).to.equal('floor-above-cap');
    expect(code(10, [{ id: 'a', weight: 1, floor: 6 }, { id: 'b', weight: 1, floor: 5 }])).to.equal('floors-exceed-total');
    expect(code(10, [{ id: 'a', weight: 1, cap: 4 }, { id: 'b', weight: 1, cap: 5 }])).to.equal('caps-below-total');
    expect(code(10, [{ id: 'a', weight: 1, locked: true, value: 4 }])).to.equal('no-unlocked-parts');
    expect(code(10, [{ id: 'a', weight: 1, locked: true }])).to.equal('invalid-locked-value');
    expect(code(10, [{ id: 'a', weight: 1, floor: -1 }])).to.equal('invalid-bound');
    expect(code(10, [{ id: 'a', weight: 1 }, { id: 'a', weight: 2 }])).to.equal('duplicate-part');
    // Locked parts that fill the total exactly are fine, and nothing is left for the others.
    expect(values(10, [{ id: 'a', weight: 1, locked: true, value: 10 }, { id: 'b', weight: 5 }])).to.deep.equal({ a: 10, b: 0 });
    expect(values(0, [])).to.deep.equal({});
  });

  it('does not mutate its input', () => {
    const parts = [{ id: 'a', weight: 1, floor: 3 }, { id: 'b', weight: 2 }];
    const copy = structuredClone(parts);
    allocate(17, parts);
    expect(parts).to.deep.equal(copy);
  });
});

/** Reference Hamilton over integer weights in BigInt, written independently of the engine. */
function reference(total: number, parts: { id: string; weight: number }[]): Record<string, number> {
  const W = parts.reduce((s, p) => s + BigInt(p.weight), 0n);
  const w = W === 0n ? parts.map(() => 1n) : parts.map((p) => BigInt(p.weight));
  const sum = w.reduce((s, x) => s + x, 0n);
  const rows = parts.map((p, i) => ({ id: p.id, w: w[i], q: (BigInt(total) * w[i]) / sum, r: (BigInt(total) * w[i]) % sum }));
  let left = BigInt(total) - rows.reduce((s, x) => s + x.q, 0n);
  const ranked = [...rows].sort((a, b) => (a.r === b.r ? (a.w === b.w ? (a.id < b.id ? -1 : 1) : a.w > b.w ? -1 : 1) : a.r > b.r ? -1 : 1));
  for (const row of ranked) if (left-- > 0n) row.q += 1n;
  return Object.fromEntries(rows.map((x) => [x.id, Number(x.q)]));
}

const partArb = fc.record({
  weight: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true })),
  locked: fc.boolean(),
  value: fc.integer({ min: 0, max: 5000 }),
  floor: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  cap: fc.option(fc.integer({ min: 0, max: 8000 }), { nil: undefined }),
});
const inputArb = fc.record({
  total: fc.oneof(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
  raw: fc.array(partArb, { minLength: 1, maxLength: 8 }),
});
type RawPart = { weight: number; locked: boolean; value: number; floor?: number; cap?: number };
const toParts = (raw: RawPart[]): AllocPart[] =>
  raw.map((p, i) => ({
    id: `p${(i * 7) % 11}-${i}`,
    weight: p.weight,
    ...(p.locked ? { locked: true, value: p.value } : {}),
    ...(p.floor !== undefined ? { floor: p.floor } : {}),
    ...(p.cap !== undefined ? { cap: Math.max(p.cap, p.floor ?? 0) } : {}),
  }));

describe('allocate: properties', () => {
  it('sums exactly, keeps locks, never goes negative, respects floors and caps, and fails only when infeasible', () => {
    fc.assert(
      fc.property(inputArb, ({ total, raw }) => {
        const parts = toParts(raw);
        const r = allocate(total, parts);
        const locked = parts.filter((p) => p.locked).reduce((s, p) => s + p.value!, 0);
        const open = parts.filter((p) => !p.locked);
        const floors = open.reduce((s, p) => s + (p.floor ?? 0), 0);
        const caps = open.every((p) => p.cap !== undefined) ? open.reduce((s, p) => s + p.cap!, 0) : Infinity;
        const feasible = locked <= total && floors <= total - locked && total - locked <= caps && (open.length > 0 || total === locked);
        expect(r.ok).to.equal(feasible);
        if (!r.ok) return;
        const v = r.value.values;
        expect(Object.keys(v)).to.have.length(parts.length);
        expect(Object.values(v).reduce((s, x) => s + x, 0)).to.equal(total);
        for (const p of parts) {
          expect(Number.isSafeInteger(v[p.id]) && v[p.id] >= 0).to.equal(true);
          if (p.locked) expect(v[p.id]).to.equal(p.value);
          else {
            if (p.floor !== undefined) expect(v[p.id]).to.be.at.least(p.floor);
            if (p.cap !== undefined) expect(v[p.id]).to.be.at.most(p.cap);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and independent of the order of the parts', () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.double({ noNaN: true }), { minLength: 8, maxLength: 8 }), ({ total, raw }, keys) => {
        const parts = toParts(raw);
        const shuffled = parts.map((p, i) => ({ p, k: keys[i] })).sort((a, b) => a.k - b.k).map((x) => x.p);
        const a = allocate(total, parts), b = allocate(total, parts), c = allocate(total, shuffled);
        expect(b).to.deep.equal(a);
        expect(c.ok).to.equal(a.ok);
        if (a.ok && c.ok) for (const p of parts) expect(c.value.values[p.id]).to.equal(a.value.values[p.id]);
      }),
      { numRuns: 300 },
    );
  });

  it('matches an independent BigInt largest-remainder reference for integer weights', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 ** 40 })), { minLength: 1, maxLength: 10 }),
        (total, weights) => {
          const parts = weights.map((weight, i) => ({ id: `n${i}`, weight }));
          expect(values(total, parts)).to.deep.equal(reference(total, parts));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('allocation messages', () => {
  it('has an English and a Chinese message for every code the allocation engine returns', async () => {
    const { allocationMessages } = await import('../../../src/i18n/both-languages.js');
    const codes = [
      'invalid-total', 'negative-total', 'duplicate-part', 'invalid-weight', 'invalid-locked-value', 'invalid-bound',
      'floor-above-cap', 'locked-exceeds-total', 'no-unlocked-parts', 'floors-exceed-total', 'caps-below-total',
      'all-weights-zero', 'invalid-ramp-schedule', 'invalid-date', 'invalid-month', 'missing-as-of', 'invalid-blend',
      'invalid-fiscal-months', 'invalid-history', 'profile-length-mismatch', 'missing-month', 'invalid-share',
      'no-new-products', 'invalid-tree', 'invalid-value', 'invalid-growth', 'invalid-market', 'unknown-node',
      'parent-locked', 'siblings-locked', 'insufficient-siblings', 'siblings-at-cap',
    ];
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(Object.keys(allocationMessages[locale]).sort()).to.deep.equal([...codes].sort());
    }
    const r = allocate(100, [{ id: 'a', weight: 1, locked: true, value: 120 }]);
    const params = r.ok ? {} : r.error.params!;
    expect(allocationMessages.en['locked-exceeds-total'](params)).to.equal('Locked targets add up to 120, more than the total of 100. Unlock one or raise the total.');
    expect(allocationMessages['zh-CN']['locked-exceeds-total'](params)).to.equal('已锁定的目标合计 120，超过了总额 100。请解锁部分目标或调高总额。');
    expect(allocationMessages['zh-CN']['invalid-weight']({ id: '华东', source: 'history', weight: '-5' })).to.equal('华东 的历史业绩权重必须是不小于零的数字（当前为 -5）。');
  });
});
