import { expect } from '@open-wc/testing';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import {
  checkActualsSnapshot,
  parseActualsSnapshot,
  parseDateRange,
  parseOrgNodes,
  parsePlanSnapshot,
  parseSaveResult,
  parseTargetChange,
  parseUser,
} from '../../src/adapter/validate.js';
import { smallFixture } from '../fixtures/small-plan.js';

function thrown(fn: () => unknown): QkAdapterError {
  try {
    fn();
  } catch (e) {
    if (QkAdapterError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a QkAdapterError, nothing was thrown');
}

const paths = (e: QkAdapterError) => e.issues.map((i) => i.path.join('.'));

describe('adapter validation', () => {
  it('accepts the small fixture and returns it unchanged', () => {
    const { plan, actuals } = smallFixture();
    expect(parsePlanSnapshot(plan)).to.deep.equal(plan);
    expect(parseActualsSnapshot(actuals, { plan })).to.deep.equal(actuals);
  });

  it('rejects a snapshot with field errors, listing every path, and returns nothing', () => {
    const { plan } = smallFixture();
    plan.plan.currency = 'yuan';
    plan.targets[0]!.value = 1.5;
    (plan.org[1] as { kind: string }).kind = 'country';
    const e = thrown(() => parsePlanSnapshot(plan, { source: 'GET /plan' }));
    expect(e.code).to.equal('invalid-data');
    expect(paths(e)).to.have.members(['plan.currency', 'targets.0.value', 'org.1.kind']);
    expect(e.message).to.match(/^GET \/plan: invalid plan snapshot \(3 problems\): /);
  });

  it('cross-checks: unknown parent, target for an unknown node or product, duplicate target', () => {
    const { plan } = smallFixture();
    plan.org.push({ id: 'r7', name: '孙丽', parentId: 'west', kind: 'rep' });
    plan.targets.push({ nodeId: 'r99', period: 'FY2026', metric: 'revenue', value: 100 });
    plan.targets.push({ nodeId: 'co', period: 'FY2026', metric: 'revenue', product: 'hardware', value: 100 });
    plan.targets.push({ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 5 });
    const e = thrown(() => parsePlanSnapshot(plan));
    // The fixture has 12 org nodes and 10 targets, so the additions sit at org.12 and targets.10 … 12.
    expect(e.issues).to.deep.equal([
      { path: ['org', 12, 'parentId'], message: 'unknown parent "west"' },
      { path: ['targets', 10, 'nodeId'], message: 'unknown node "r99"' },
      { path: ['targets', 11, 'product'], message: 'unknown product "hardware"' },
      { path: ['targets', 12], message: 'duplicate target for node "east", period FY2026, metric revenue' },
    ]);
  });

  it('finds duplicate product and stage ids', () => {
    const { plan } = smallFixture();
    plan.products.push({ id: 'ai', name: 'again', new: false });
    plan.stages.push({ id: 'won' });
    expect(paths(thrown(() => parsePlanSnapshot(plan)))).to.deep.equal(['products.2.id', 'stages.4.id']);
  });

  it('cross-checks actuals against the plan: reps, products, stages and the date range', () => {
    const { plan, actuals } = smallFixture();
    actuals.actuals[0]!.repId = 'ghost';
    actuals.actuals[1]!.productId = 'hardware';
    actuals.actuals[2]!.date = '2027-01-02';
    actuals.stageCounts[0]!.stageId = 'visit';
    actuals.pipeline[0]!.stageId = 'negotiation';
    const e = thrown(() => parseActualsSnapshot(actuals, { plan }));
    expect(e.issues).to.deep.equal([
      { path: ['actuals', 0, 'repId'], message: 'unknown rep "ghost"' },
      { path: ['actuals', 1, 'productId'], message: 'unknown product "hardware"' },
      { path: ['actuals', 2, 'date'], message: 'dated 2027-01-02, outside 2026-01-01 … 2026-12-31' },
      { path: ['stageCounts', 0, 'stageId'], message: 'unknown funnel stage "visit"' },
      { path: ['pipeline', 0, 'stageId'], message: 'unknown funnel stage "negotiation"' },
    ]);
  });

  it('skips the rep check for a lazily loaded org, and checks only the snapshot itself without a plan', () => {
    const { plan, actuals } = smallFixture();
    actuals.actuals[0]!.repId = 'not-loaded-yet';
    expect(checkActualsSnapshot(actuals, { plan, checkReps: false }).ok).to.equal(true);
    actuals.stageCounts[0]!.stageId = 'visit';
    expect(checkActualsSnapshot(actuals).ok).to.equal(true);
    actuals.to = '2025-12-31';
    const e = thrown(() => parseActualsSnapshot(actuals));
    expect(e.issues[0]).to.deep.equal({ path: ['to'], message: '"to" (2025-12-31) is before "from" (2026-01-01)' });
  });

  it('parseOrgNodes checks that every node is a child of the requested parent', () => {
    const { plan } = smallFixture();
    const ok = parseOrgNodes(plan.org.filter((n) => n.parentId === 'east'), { parentId: 'east' });
    expect(ok.map((n) => n.id)).to.deep.equal(['east-sh', 'east-hz']);
    const e = thrown(() => parseOrgNodes([plan.org[3], plan.org[5], plan.org[3]], { parentId: 'east' }));
    expect(e.issues).to.deep.equal([
      { path: [2, 'id'], message: 'duplicate node id "east-sh"' },
      { path: [1, 'parentId'], message: 'expected a child of "east", got parent "south"' },
    ]);
  });

  it('parseUser, parseSaveResult, parseTargetChange and parseDateRange name the bad paths', () => {
    expect(paths(thrown(() => parseUser({ id: 'u', name: 'x', roles: ['boss'], canView: [], canEdit: 'all' })))).to.have.members([
      'roles.0',
      'canEdit',
    ]);
    expect(paths(thrown(() => parseSaveResult({ version: -1 })))).to.deep.equal(['version']);
    const { plan } = smallFixture();
    const change = { baseVersion: 1, cells: [{ nodeId: 'nobody', period: 'FY2026', metric: 'revenue' as const, value: 1 }] };
    expect(parseTargetChange(change)).to.deep.equal(change);
    expect(paths(thrown(() => parseTargetChange(change, { plan })))).to.deep.equal(['cells.0.nodeId']);
    expect(paths(thrown(() => parseDateRange({ from: '2026-13-01', to: '2026-02-30x' })))).to.deep.equal(['from', 'to']);
  });

  it('says "and N more" in the message when there are many issues, but keeps all of them', () => {
    const { plan } = smallFixture();
    plan.targets.forEach((t, i) => (t.nodeId = `gone-${i}`));
    const e = thrown(() => parsePlanSnapshot(plan));
    expect(e.issues).to.have.length(10);
    expect(e.message).to.contain('(10 problems)');
    expect(e.message).to.contain('; and 5 more');
  });
});
