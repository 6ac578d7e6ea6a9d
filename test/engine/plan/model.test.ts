import { expect } from '@open-wc/testing';
import { checkOrg, type OrgNode } from '../../../src/engine/plan/model.js';
import { parseWith, PlanSnapshotSchema } from '../../../src/engine/plan/model-schema.js';

const plan = { id: 'p1', name: 'FY2026', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 3 };
const org: OrgNode[] = [
  { id: 'co', name: '公司', parentId: null, kind: 'company' },
  { id: 'east', name: '华东', parentId: 'co', kind: 'region' },
];

describe('model schemas', () => {
  it('accepts a valid snapshot', () => {
    const r = parseWith(PlanSnapshotSchema, { plan, org, products: [], stages: [], targets: [] });
    expect(r.ok).to.equal(true);
  });

  it('lists every bad path with its reason', () => {
    const r = parseWith(PlanSnapshotSchema, {
      plan: { ...plan, currency: 'yuan', version: -1 },
      org,
      products: [],
      stages: [],
      targets: [{ nodeId: 'co', period: 'FY2026', metric: 'revenue', value: 1.5 }],
    });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path.join('.'));
    expect(paths).to.include.members(['plan.currency', 'plan.version', 'targets.0.value']);
    expect(r.issues.find((i) => i.path.join('.') === 'targets.0.value')!.message).to.contain('integer');
  });

  it('says in words what is wrong with each field', () => {
    const r = parseWith(PlanSnapshotSchema, { plan: { ...plan, name: undefined, version: -1, calendar: { startMonth: 13 } }, org: [{ id: 'a' }], products: 'no', stages: [], targets: [] });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    const by = Object.fromEntries(r.issues.map((i) => [i.path.join('.'), i.message]));
    expect(by['plan.name']).to.equal('required (string) but missing');
    expect(by['plan.version']).to.equal('must be at least 0, got -1');
    expect(by['plan.calendar.startMonth']).to.equal('must be at most 12, got 13');
    expect(by['org.0.kind']).to.equal('expected one of "company", "region", "team", "rep", "unit", got nothing');
    expect(by.products).to.equal('expected array, got "no"');
  });

  it('rejects an unknown metric and a malformed period id', () => {
    const r = parseWith(PlanSnapshotSchema, {
      plan, org, products: [], stages: [],
      targets: [{ nodeId: 'co', period: '2026Q1', metric: 'profit', value: 1 }],
    });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path.join('.'))).to.include.members(['targets.0.period', 'targets.0.metric']);
  });

  it('checkOrg finds duplicate ids, unknown parents, several roots and cycles', () => {
    expect(checkOrg(org)).to.deep.equal([]);
    const bad: OrgNode[] = [
      ...org,
      { id: 'east', name: 'dup', parentId: 'co', kind: 'region' },
      { id: 'x', name: 'x', parentId: 'nowhere', kind: 'team' },
      { id: 'a', name: 'a', parentId: 'b', kind: 'team' },
      { id: 'b', name: 'b', parentId: 'a', kind: 'team' },
    ];
    const msgs = checkOrg(bad).map((i) => i.message);
    expect(msgs.some((m) => m.includes('duplicate node id "east"'))).to.equal(true);
    expect(msgs.some((m) => m.includes('unknown parent "nowhere"'))).to.equal(true);
    expect(msgs.some((m) => m.includes('cycle'))).to.equal(true);
    expect(checkOrg([...org, { id: 'co2', name: 'c2', parentId: null, kind: 'company' }]).map((i) => i.message)).to.deep.equal([
      'expected exactly one root node, found 2',
    ]);
  });
});
