/**
 * Issue 16 item 3: the new-product minimum share of targets is one stored rule, the plan's
 * `newProductMinShare`: parsed at the boundary (zod and the fast path alike), saved as a planning
 * input by someone with rights over the whole plan, read by the decomposition unless a host overrides
 * it (the goal tree's `min-new-share`). The commission plan's `newProductBonus.share` is another rule:
 * a share of credited revenue that earns a bonus (src/engine/incentive/plan.ts), not a share of targets.
 */
import { expect } from '@open-wc/testing';
import { parseWith, PlanInputsChangeSchema, PlanSnapshotSchema } from '../../../src/engine/plan/model-schema.js';
import type { PlanInputsChange, PlanSnapshot } from '../../../src/engine/plan/model.js';
import { DEFAULT_MIN_NEW_SHARE, newProductMinShare } from '../../../src/engine/plan/product-mix.js';
import { checkInputsChange } from '../../../src/engine/plan/edit-rights.js';
import { buildOrgIndex } from '../../../src/engine/plan/rollup.js';
import { applyInputsChange } from '../../../src/adapter/inputs.js';
import { fastPlanSnapshot } from '../../../src/adapter/fast-parse.js';
import { generateSampleCompany } from '../../../src/sample/sample-data.js';

const sample = () => generateSampleCompany({ regions: 1, teamsPerRegion: 1, repsPerTeam: 3 }).plan;
const userOf = (snap: PlanSnapshot, id: string) => snap.users!.find((u) => u.id === id)!;

describe('the new-product minimum share is the plan’s (issue 16 item 3)', () => {
  it('the sample plan stores 10 %, and both parsers keep a plan’s own share', () => {
    const snap = sample();
    expect(snap.plan.newProductMinShare).to.equal(0.1);
    snap.plan.newProductMinShare = 0.15;
    const zod = parseWith<PlanSnapshot>(PlanSnapshotSchema as never, snap);
    expect(zod.ok && zod.value.plan.newProductMinShare).to.equal(0.15);
    expect(fastPlanSnapshot(snap)?.plan.newProductMinShare).to.equal(0.15);
  });

  it('a share above 100 % or below 0 is refused by both parsers, naming the field', () => {
    for (const bad of [1.2, -0.1, Number.NaN]) {
      const snap = sample();
      snap.plan.newProductMinShare = bad;
      const zod = parseWith<PlanSnapshot>(PlanSnapshotSchema as never, snap);
      expect(zod.ok, String(bad)).to.equal(false);
      if (!zod.ok) expect(zod.issues.map((i) => i.path.join('.'))).to.deep.equal(['plan.newProductMinShare']);
      expect(fastPlanSnapshot(snap), String(bad)).to.equal(undefined);
    }
    expect(parseWith(PlanInputsChangeSchema as never, { baseVersion: 1, newProductMinShare: 1.5 }).ok).to.equal(false);
    expect(parseWith(PlanInputsChangeSchema as never, { baseVersion: 1, newProductMinShare: 0.25 }).ok).to.equal(true);
  });

  it('the decomposition reads a host’s override first, then the plan’s share, then 10 %', () => {
    expect(newProductMinShare({ newProductMinShare: 0.25 }, 0.05)).to.equal(0.05);
    expect(newProductMinShare({ newProductMinShare: 0.25 }, undefined)).to.equal(0.25);
    expect(newProductMinShare({ newProductMinShare: 0 })).to.equal(0);
    expect(newProductMinShare({})).to.equal(DEFAULT_MIN_NEW_SHARE);
    expect(newProductMinShare(null)).to.equal(0.1);
  });

  it('is saved as a planning input by someone with rights over the whole plan, the version moving on', () => {
    const snap = sample();
    const index = buildOrgIndex(snap.org);
    const change: PlanInputsChange = { baseVersion: snap.plan.version, newProductMinShare: 0.3 };
    // A region manager edits the region, not the company: the plan's rule is not theirs to change.
    const mgr = checkInputsChange(userOf(snap, 'u-mgr-1'), change, index);
    expect(mgr.allowed).to.equal(false);
    const rep = checkInputsChange(userOf(snap, 'u-rep-1-1-1'), change, index);
    expect(rep.allowed).to.equal(false);
    expect(checkInputsChange(userOf(snap, 'u-admin'), change, index).allowed).to.equal(true);

    const next = applyInputsChange(snap, change, userOf(snap, 'u-admin'));
    expect([next.plan.version, next.plan.newProductMinShare]).to.deep.equal([snap.plan.version + 1, 0.3]);
    // A change without the share leaves it as it was.
    const later = applyInputsChange(next, { baseVersion: next.plan.version, blend: { topDown: 1, bottomUp: 1, market: 0 } }, userOf(snap, 'u-admin'));
    expect(later.plan.newProductMinShare).to.equal(0.3);
    expect(() => applyInputsChange(snap, change, userOf(snap, 'u-mgr-1'))).to.throw(/forbidden|saveInputs/);
  });
});
