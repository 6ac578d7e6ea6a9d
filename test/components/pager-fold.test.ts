/**
 * Issue 12 item 5: the first search of a 100,000-person list (scorecard, incentive calculator)
 * folded every name in one task. A long list's names are now folded in slices after its first
 * render (`foldSteps`, `FOLD_CHUNK` names between yields); the matches are the same either way.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { FOLD_CHUNK, foldSteps, PagerController } from '../../src/internal/pager.js';
import { createRandom } from '../../src/engine/shared/random.js';

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase();
const PARTS = ['王', '李', 'Ａｎｎ', 'ann', 'BO', 'ｂｏ', '伟', 'Zoë', 'Ｚｏë', '-', ' '];

function people(n: number, seed: number) {
  const rnd = createRandom(seed);
  return Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: Array.from({ length: rnd.int(1, 4) }, () => rnd.pick(PARTS)!).join('') + i }));
}

const host = () => ({ addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) });

describe('the pager folds a long list’s names in slices', function () {
  this.timeout(120_000);

  it('foldSteps yields after every FOLD_CHUNK names, counting them, and ends on every name folded', () => {
    const list = people(9_000, 1);
    const steps = foldSteps(list, (p) => p.name);
    const reports: number[] = [];
    let r = steps.next();
    for (; !r.done; r = steps.next()) {
      expect(r.value.total).to.equal(9_000);
      reports.push(r.value.done);
    }
    // 9,000 names: yields after 2,000, 4,000, 6,000 and 8,000.
    expect(FOLD_CHUNK).to.equal(2_000);
    expect(reports).to.deep.equal([2_000, 4_000, 6_000, 8_000]);
    expect(r.value).to.deep.equal(list.map((p) => fold(p.name)));
    expect(r.value[list.findIndex((p) => p.name.includes('Ａｎｎ'))]).to.contain('ann');
  });

  it('a long list is folded after its first view, not in it; the search then matches as the definition', async () => {
    const list = people(10_000, 2);
    const pager = new PagerController(host());
    const first = pager.view(list, (p) => p.name, (p) => p.id, 'a');
    expect(first.items.length).to.equal(50);
    expect(pager.foldedFor(list), 'not in the same task').to.equal(false);
    await waitUntil(() => pager.foldedFor(list), 'the names are folded in slices', { timeout: 120_000 });
    pager.query = 'ＡＮＮ';
    const v = pager.view(list, (p) => p.name, (p) => p.id, 'a');
    const want = list.filter((p) => fold(p.name).includes('ann'));
    expect(want.length).to.be.above(1_000);
    expect(v.matches).to.equal(want.length);
    expect(v.items).to.deep.equal(want.slice(0, 50));
  });

  it('a search before the slices are done folds the rest at once, with the same matches', () => {
    const list = people(10_000, 3);
    const pager = new PagerController(host());
    pager.view(list, (p) => p.name, (p) => p.id, 'b');
    pager.query = 'bo';
    const v = pager.view(list, (p) => p.name, (p) => p.id, 'b');
    expect(pager.foldedFor(list)).to.equal(true);
    expect(v.matches).to.equal(list.filter((p) => fold(p.name).includes('bo')).length);
  });
});
