import { expect } from '@open-wc/testing';
import { copyActualsSnapshot, copyPlanSnapshot, fastActualsSnapshot, fastPlanSnapshot } from '../../src/adapter/fast-parse.js';
import { ActualsSnapshotSchema, parseWith, PlanSnapshotSchema } from '../../src/engine/plan/model-schema.js';
import { checkPlanSnapshot, checkActualsSnapshot } from '../../src/adapter/validate.js';
import { smallFixture } from '../fixtures/small-plan.js';
import { largeOrg } from '../fixtures/large-org.js';

const zodPlan = (x: unknown) => parseWith(PlanSnapshotSchema, x);
const zodActuals = (x: unknown) => parseWith(ActualsSnapshotSchema, x);

/** The fast path either declines or returns exactly what zod returns; `want` says which is expected. */
function agreesOnPlan(x: unknown, want: 'fast' | 'decline'): void {
  const fast = fastPlanSnapshot(x);
  const zod = zodPlan(x);
  if (want === 'fast') {
    expect(zod.ok, 'zod accepts it').to.equal(true);
    expect(fast).to.deep.equal(zod.ok ? zod.value : null);
  } else {
    expect(fast).to.equal(undefined);
  }
}

describe('fast parse of large snapshots (issue 12 item 5)', () => {
  it('a valid plan and actuals: the same value as zod, both sizes', () => {
    for (const { plan, actuals } of [smallFixture(), largeOrg({ nodes: 2_000, teams: 10 })]) {
      agreesOnPlan(plan, 'fast');
      const fast = fastActualsSnapshot(actuals);
      const zod = zodActuals(actuals);
      expect(zod.ok).to.equal(true);
      expect(fast).to.deep.equal(zod.ok ? zod.value : null);
    }
  });

  it('unknown keys are dropped, as zod drops them; the lists are new arrays', () => {
    const { plan, actuals } = smallFixture();
    (plan.org[1] as Record<string, unknown>).color = 'red';
    (plan.targets[0] as Record<string, unknown>).note = 'x';
    (actuals.actuals[0] as Record<string, unknown>).crmRef = 42;
    const fast = fastPlanSnapshot(plan)!;
    expect(fast).to.deep.equal((zodPlan(plan) as { value: unknown }).value);
    expect(fast.org[1]).to.not.have.property('color');
    expect(fast.targets[0]).to.not.have.property('note');
    expect(fast.org).to.not.equal(plan.org);
    const a = fastActualsSnapshot(actuals)!;
    expect(a.actuals[0]).to.not.have.property('crmRef');
    expect(a).to.deep.equal((zodActuals(actuals) as { value: unknown }).value);
  });

  it('declines every record zod refuses, so zod reports it (one bad field each)', () => {
    const bad: [string, (p: ReturnType<typeof smallFixture>['plan']) => void][] = [
      ['empty id', (p) => ((p.org[1] as { id: string }).id = '')],
      ['id of 201 characters', (p) => ((p.org[1] as { id: string }).id = 'x'.repeat(201))],
      ['unknown kind', (p) => ((p.org[1] as { kind: string }).kind = 'squad')],
      ['parent a number', (p) => ((p.org[1] as { parentId: unknown }).parentId = 7)],
      ['hire date 2026-02-30', (p) => ((p.org[2] as { hireDate?: string }).hireDate = '2026-02-30')],
      ['potential NaN', (p) => ((p.org[2] as { potential?: number }).potential = NaN)],
      ['potential Infinity', (p) => ((p.org[2] as { potential?: number }).potential = Infinity)],
      ['value 1.5', (p) => (p.targets[0]!.value = 1.5)],
      ['value -1', (p) => (p.targets[0]!.value = -1)],
      ['value a string', (p) => ((p.targets[0] as { value: unknown }).value = '100')],
      ['period FY26', (p) => (p.targets[0]!.period = 'FY26')],
      ['week 2025-W53', (p) => (p.targets[0]!.period = '2025-W53')],
      ['unknown metric', (p) => ((p.targets[0] as { metric: string }).metric = 'profit')],
      ['unknown source', (p) => ((p.targets[0] as { source?: string }).source = 'guess')],
      ['locked "yes"', (p) => ((p.targets[0] as { locked?: unknown }).locked = 'yes')],
      ['optional key present but undefined', (p) => ((p.targets[0] as { product?: string }).product = undefined)],
      ['a hole in the org list', (p) => delete (p.org as unknown[])[1]],
      ['org not a list', (p) => ((p as { org: unknown }).org = {})],
      ['a record that is null', (p) => ((p.targets as unknown[])[0] = null)],
      ['a bad currency', (p) => ((p.plan as { currency: string }).currency = 'ZZZ')],
      ['users undefined but present', (p) => ((p as { users?: unknown }).users = undefined)],
    ];
    for (const [what, spoil] of bad) {
      const { plan } = smallFixture();
      spoil(plan);
      const zod = zodPlan(plan);
      // 'optional key present but undefined' and 'users undefined' are valid for zod: declining is still right.
      if (!what.includes('undefined')) expect(zod.ok, `${what}: zod refuses it`).to.equal(false);
      expect(fastPlanSnapshot(plan), what).to.equal(undefined);
    }
    const throwing = { ...smallFixture().plan };
    Object.defineProperty(throwing, 'org', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(fastPlanSnapshot(throwing)).to.equal(undefined);
  });

  it('actuals: declines bad amounts, dates, probabilities and stage counts', () => {
    const bad: [string, (a: ReturnType<typeof smallFixture>['actuals']) => void][] = [
      ['amount 0.5', (a) => (a.actuals[0]!.amount = 0.5)],
      ['date 2026-13-01', (a) => (a.actuals[0]!.date = '2026-13-01')],
      ['type refund', (a) => ((a.actuals[0] as { type: string }).type = 'refund')],
      ['count -1', (a) => (a.stageCounts[0]!.count = -1)],
      ['month 2026-13', (a) => (a.stageCounts[0]!.month = '2026-13')],
      ['probability 1.2', (a) => (a.pipeline[0]!.probability = 1.2)],
      ['from 2026-02-29', (a) => (a.from = '2026-02-29')],
    ];
    for (const [what, spoil] of bad) {
      const { actuals } = smallFixture();
      spoil(actuals);
      expect(zodActuals(actuals).ok, what).to.equal(false);
      expect(fastActualsSnapshot(actuals), what).to.equal(undefined);
    }
  });

  it('checkPlanSnapshot and checkActualsSnapshot give the same issues as before for a bad payload (zod path)', () => {
    const { plan, actuals } = smallFixture();
    plan.targets[0]!.value = -5;
    const r = checkPlanSnapshot(plan);
    expect(r.ok).to.equal(false);
    expect(r.ok ? [] : r.issues.map((i) => [i.path.join('.'), i.code])).to.deep.equal([['targets.0.value', 'too-small']]);
    actuals.actuals[1]!.date = '2026-02-30';
    const a = checkActualsSnapshot(actuals);
    expect(a.ok ? [] : a.issues.map((i) => [i.path.join('.'), i.code])).to.deep.equal([['actuals.1.date', 'date-nonexistent']]);
  });

  it('the copies are deep: changing a copy leaves the original alone', () => {
    const { plan, actuals } = smallFixture();
    const p = copyPlanSnapshot(plan);
    const a = copyActualsSnapshot(actuals);
    expect(p).to.deep.equal(plan);
    expect(a).to.deep.equal(actuals);
    p.org[0]!.name = 'changed';
    p.targets[0]!.value = 1;
    p.plan.calendar.startMonth = 4;
    a.actuals[0]!.amount = 1;
    a.pipeline.pop();
    expect(plan.org[0]!.name).to.not.equal('changed');
    expect(plan.targets[0]!.value).to.not.equal(1);
    expect(plan.plan.calendar.startMonth).to.not.equal(4);
    expect(actuals.actuals[0]!.amount).to.not.equal(1);
    expect(a.pipeline.length).to.equal(actuals.pipeline.length - 1);
  });
});
