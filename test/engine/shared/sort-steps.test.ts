import { expect } from '@open-wc/testing';
import { sortSteps, SORT_RUN } from '../../../src/engine/shared/sort-steps.js';
import { runSteps, STEP_CHUNK } from '../../../src/engine/shared/steps.js';
import { createRandom } from '../../../src/engine/shared/random.js';

/**
 * Issue 12 item 5: a ranking of 100,000 people is sorted in slices. `sortSteps` must give exactly
 * the order of `Array.prototype.sort` (stable), whatever the size, and never compare more than a
 * run's sort or a chunk of merges between two yields.
 */
describe('sortSteps', () => {
  // Items with few distinct keys (many ties: stability decides) and their original place.
  const items = (seed: number, n: number, keys: number) => {
    const rng = createRandom(seed);
    return Array.from({ length: n }, (_, i) => ({ key: Math.floor(rng.next() * keys), big: Math.floor(rng.next() * 2 ** 52) * (rng.next() < 0.5 ? -1 : 1), i }));
  };
  type Item = ReturnType<typeof items>[number];
  const byKey = (a: Item, b: Item) => a.key - b.key;
  const byBigThenKey = (a: Item, b: Item) => (a.big < b.big ? -1 : a.big > b.big ? 1 : 0) || b.key - a.key;

  for (const n of [0, 1, 2, SORT_RUN - 1, SORT_RUN, SORT_RUN + 1, 3 * SORT_RUN + 7, 20_000]) {
    it(`gives the order of Array.prototype.sort, ties kept in order: ${n} items`, () => {
      for (const [seed, keys, cmp] of [[n + 1, 7, byKey], [n + 2, 1, byKey], [n + 3, 1000, byBigThenKey]] as const) {
        const list = items(seed, n, keys);
        const want = [...list].sort(cmp).map((x) => x.i);
        const got = runSteps(sortSteps([...list], cmp)).map((x) => x.i);
        expect(got).to.deep.equal(want);
      }
    });
  }

  it('sorts in place and returns the same array', () => {
    const list = [5, 3, 9, 1, 1, 0];
    expect(runSteps(sortSteps(list, (a, b) => a - b))).to.equal(list);
    expect(list).to.deep.equal([0, 1, 1, 3, 5, 9]);
  });

  it('compares at most a run sort or a chunk of merges between two yields, and yields for a long list', () => {
    const list = items(2026, 100_000, 50);
    let compared = 0;
    let most = 0;
    let yields = 0;
    const steps = sortSteps(list, (a, b) => (compared++, byKey(a, b)));
    const overDone: string[] = []; // every yield's progress checked: done ≤ total
    for (let r = steps.next(); !r.done; r = steps.next()) {
      yields++;
      most = Math.max(most, compared);
      compared = 0;
      if (!(r.value.done <= r.value.total)) overDone.push(`yield ${yields}: done ${r.value.done} of ${r.value.total}`);
    }
    expect(overDone).to.deep.equal([]);
    most = Math.max(most, compared);
    // A run of 1,024 sorts in about n·log2(n) ≈ 10,240 comparisons; a merge slice is one chunk.
    expect(most, 'comparisons in one slice').to.be.at.most(Math.max(SORT_RUN * 16, STEP_CHUNK * 16));
    // 98 runs and 7 merge passes of 100,000 items in chunks of 4,000: well over a hundred slices.
    expect(yields).to.be.above(100 + 7 * Math.floor(100_000 / (STEP_CHUNK * 16)) - 7);
    const unsorted: string[] = [];
    for (let i = 1; i < list.length; i++) if (!(list[i - 1].key <= list[i].key)) unsorted.push(`${i - 1}: ${list[i - 1].key} before ${list[i].key}`);
    expect(unsorted).to.deep.equal([]);
  });
});
