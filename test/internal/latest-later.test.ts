// The race behind a CI failure (hostile.test.ts: "<qk-review-board>: the layout did not come back once
// the rule was removed"): two ResizeObserver deliveries before the deferring timer ran. The elements'
// old code compared each delivery with the current width and scheduled only on a difference, so
// 660 → 500 → 660 ended at 500. `latestLater` applies whatever came last.
import { expect } from '@open-wc/testing';
import { latestLater } from '../../src/internal/latest-later.js';

const nextTask = () => new Promise<void>((r) => setTimeout(r));

describe('latestLater', () => {
  it('applies the last of several values delivered before its timer runs, once', async () => {
    let width = 660;
    const applied: number[] = [];
    const set = latestLater((w: number) => {
      applied.push(w);
      width = w;
    });
    set(500);
    set(660);
    expect(applied).to.deep.equal([]); // never inside the delivery
    await nextTask();
    expect(applied).to.deep.equal([660]);
    expect(width).to.equal(660);
  });

  it('applies each value when the timer runs between deliveries', async () => {
    const applied: number[] = [];
    const set = latestLater((w: number) => applied.push(w));
    set(500);
    await nextTask();
    set(660);
    await nextTask();
    expect(applied).to.deep.equal([500, 660]);
  });
});
