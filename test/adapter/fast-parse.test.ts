import { expect } from '@open-wc/testing';
import { copyActualsSnapshot, copyPlanSnapshot, fastActualsSnapshot, fastOrgNodes, fastPendingRecord, fastPlanSnapshot, fastSaveResult, fastUser } from '../../src/adapter/fast-parse.js';
import * as z from 'zod/mini';
import { PendingRecordSchema } from '../../src/store/pending-storage.js';
import { ActualsSnapshotSchema, OrgNodeSchema, parseWith, PlanSnapshotSchema, SaveResultSchema, UserSchema } from '../../src/engine/plan/model-schema.js';
import { checkPlanSnapshot, checkActualsSnapshot } from '../../src/adapter/validate.js';
import { smallFixture } from '../fixtures/small-plan.js';
import { largeOrg } from '../fixtures/large-org.js';
import type { OrgNode, PlanSnapshot } from '../../src/engine/plan/model.js';

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

  it('keeps a booking\'s customerId as zod does (CLV needs it; the fast path dropped it, so the demo showed CLV not available)', () => {
    const { actuals } = smallFixture();
    const booking = actuals.actuals.find((a) => a.type === 'booking')!;
    const named = { ...actuals, actuals: actuals.actuals.map((a) => (a === booking ? { ...a, customerId: 'cust-7' } : a)) };
    const fast = fastActualsSnapshot(named);
    const zod = zodActuals(named);
    expect(zod.ok).to.equal(true);
    expect(fast!.actuals.find((a) => a.id === booking.id)!.customerId).to.equal('cust-7');
    expect(fast).to.deep.equal(zod.ok ? zod.value : null);
    // A customerId zod refuses (empty) is declined, so zod reports it.
    expect(fastActualsSnapshot({ ...actuals, actuals: actuals.actuals.map((a) => (a === booking ? { ...a, customerId: '' } : a)) })).to.equal(undefined);
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

describe('fast parse covers every field of a plan snapshot, without zod (issue 14)', () => {
  /** A plan that uses every optional part of `PlanSnapshotSchema`. */
  function fullPlan() {
    const { plan } = smallFixture();
    const p = plan as PlanSnapshot;
    p.plan.calendar = { startMonth: 4, yearNaming: 'end', weekend: [0, 6], holidays: ['2026-05-01', '2026-10-01'], workdays: ['2026-04-26'] };
    (p.org[7] as OrgNode).ramp = [
      { fromMonth: 0, toMonth: 3, factor: 0.3 },
      { fromMonth: 3, toMonth: 6, factor: 0.6 },
    ];
    p.commitments = [{ nodeId: 'r1', period: 'FY2026-Q1', metric: 'revenue', value: 50_000_000, by: 'u-rep' }];
    p.market = [{ nodeId: 'east', size: 900_000_000, share: 0.08 }, { nodeId: 'south', product: 'ai', size: 100, share: 1 }];
    p.blend = { topDown: 5, bottomUp: 3, market: 2 };
    return p;
  }

  it('ramp steps, commitments, market entries, the blend and the calendar come out as zod returns them', () => {
    const p = fullPlan();
    const zod = zodPlan(p);
    expect(zod.ok).to.equal(true);
    const fast = fastPlanSnapshot(p);
    expect(fast, 'the fast path takes it').to.not.equal(undefined);
    expect(fast).to.deep.equal(zod.ok ? zod.value : null);
    // Hand-checked: the new hire's ramp and the rep's commitment survive the fast path.
    expect(fast!.org[7]!.ramp).to.deep.equal([
      { fromMonth: 0, toMonth: 3, factor: 0.3 },
      { fromMonth: 3, toMonth: 6, factor: 0.6 },
    ]);
    expect(fast!.commitments?.[0]?.value).to.equal(50_000_000);
    expect(fast!.blend).to.deep.equal({ topDown: 5, bottomUp: 3, market: 2 });
  });

  it('unknown keys inside the small parts are dropped, as zod drops them', () => {
    const p = fullPlan();
    (p.plan as Record<string, unknown>).owner = 'x';
    (p.plan.calendar as Record<string, unknown>).tz = 'Asia/Shanghai';
    (p.stages[0]!.name as Record<string, unknown>).fr = 'Piste';
    (p.users![0] as Record<string, unknown>).email = 'a@b.c';
    (p.org[7]!.ramp![0] as Record<string, unknown>).note = 'q1';
    (p.blend as Record<string, unknown>).other = 1;
    const zod = zodPlan(p);
    expect(fastPlanSnapshot(p)).to.deep.equal(zod.ok ? zod.value : null);
    expect(fastPlanSnapshot(p)!.plan).to.not.have.property('owner');
  });

  it('declines every small part zod refuses', () => {
    const bad: [string, (p: PlanSnapshot) => void][] = [
      ['fiscal year 1800', (p) => (p.plan.fiscalYear = 1800)],
      ['version 1.5', (p) => (p.plan.version = 1.5)],
      ['plan name empty', (p) => (p.plan.name = '')],
      ['start month 13', (p) => (p.plan.calendar.startMonth = 13)],
      ['year naming "middle"', (p) => ((p.plan.calendar as { yearNaming?: string }).yearNaming = 'middle')],
      ['weekend day 7', (p) => (p.plan.calendar.weekend = [0, 7])],
      ['holiday 2026-02-30', (p) => (p.plan.calendar.holidays = ['2026-02-30'])],
      ['product new "yes"', (p) => ((p.products[0] as { new: unknown }).new = 'yes')],
      ['stage avgDays -1', (p) => (p.stages[0]!.avgDays = -1)],
      ['stage name without zh-CN', (p) => ((p.stages[0] as { name: unknown }).name = { en: 'Lead' })],
      ['user role boss', (p) => ((p.users![0] as { roles: string[] }).roles = ['boss'])],
      ['user canEdit [""]', (p) => (p.users![0]!.canEdit = [''])],
      ['ramp factor 1.5', (p) => (p.org[7]!.ramp![0]!.factor = 1.5)],
      ['ramp toMonth 0', (p) => (p.org[7]!.ramp![0]!.toMonth = 0)],
      ['commitment value -1', (p) => (p.commitments![0]!.value = -1)],
      ['commitment period Q5', (p) => (p.commitments![0]!.period = 'FY2026-Q5')],
      ['market share 2', (p) => (p.market![0]!.share = 2)],
      ['blend NaN', (p) => (p.blend!.topDown = NaN)],
    ];
    for (const [what, spoil] of bad) {
      const p = fullPlan();
      spoil(p);
      expect(zodPlan(p).ok, `${what}: zod refuses it`).to.equal(false);
      expect(fastPlanSnapshot(p), what).to.equal(undefined);
    }
  });
});

describe('fast parse of the small payloads the editing store checks, without zod (issue 14)', () => {
  /** Either the fast path declines (`undefined`) and zod refuses, or both give the same value. */
  function agrees<T>(fast: (x: unknown) => T | undefined, schema: Parameters<typeof parseWith>[0], x: unknown, want: 'fast' | 'decline'): void {
    const zod = parseWith(schema, x);
    const got = fast(x);
    if (want === 'fast') {
      expect(zod.ok, 'zod accepts it').to.equal(true);
      expect(got).to.deep.equal(zod.ok ? zod.value : null);
    } else {
      expect(got).to.equal(undefined);
      expect(zod.ok, 'zod refuses it').to.equal(false);
    }
  }

  it('a user: the same value as zod (unknown keys dropped); declines what zod refuses', () => {
    const user = { id: 'u1', name: 'Ana', roles: ['manager', 'finance'], canView: ['n1'], canEdit: [], nodeId: 'n1', extra: 1 };
    agrees(fastUser, UserSchema, user, 'fast');
    expect(fastUser(user)).to.deep.equal({ id: 'u1', name: 'Ana', roles: ['manager', 'finance'], canView: ['n1'], canEdit: [], nodeId: 'n1' });
    agrees(fastUser, UserSchema, { ...user, roles: ['boss'] }, 'decline');
    agrees(fastUser, UserSchema, { ...user, name: '' }, 'decline');
    agrees(fastUser, UserSchema, { ...user, canEdit: [7] }, 'decline');
    agrees(fastUser, UserSchema, null, 'decline');
  });

  it('a save result: { version } an integer ≥ 0, as zod', () => {
    agrees(fastSaveResult, SaveResultSchema, { version: 12, etag: 'x' }, 'fast');
    expect(fastSaveResult({ version: 12, etag: 'x' })).to.deep.equal({ version: 12 });
    for (const bad of [{ version: -1 }, { version: 1.5 }, { version: '3' }, { version: 2 ** 53 }, {}, 'ok', undefined]) agrees(fastSaveResult, SaveResultSchema, bad, 'decline');
  });

  it('org nodes loaded a subtree at a time: the same list as zod; declines a bad node', () => {
    const { plan } = smallFixture();
    const kids = plan.org.slice(1, 4);
    agrees(fastOrgNodes, z.array(OrgNodeSchema), kids, 'fast');
    agrees(fastOrgNodes, z.array(OrgNodeSchema), [...kids, { ...kids[0], kind: 'squad' }], 'decline');
    agrees(fastOrgNodes, z.array(OrgNodeSchema), { 0: kids[0] }, 'decline');
  });

  it('pending edits: valid when zod says so; declined when zod refuses', () => {
    const { plan } = smallFixture();
    const record = { baseVersion: 3, cells: plan.targets.slice(0, 3), removed: ['a|b|c'] };
    agrees(fastPendingRecord, PendingRecordSchema, record, 'fast');
    agrees(fastPendingRecord, PendingRecordSchema, { ...record, baseVersion: -1 }, 'decline');
    agrees(fastPendingRecord, PendingRecordSchema, { ...record, removed: [1] }, 'decline');
    agrees(fastPendingRecord, PendingRecordSchema, { ...record, cells: [{ ...record.cells[0], value: -5 }] }, 'decline');
  });
});
