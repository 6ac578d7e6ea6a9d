/**
 * A small org for the adjustment tests (revenue, FY2026, plain numbers so the arithmetic is easy
 * to follow by hand):
 *
 *   co 10,000 ─┬─ east 6,000 ─┬─ sh 3,600 ─┬─ a 1,800
 *              │              │            ├─ b 1,200
 *              │              │            └─ c   600
 *              │              └─ hz 2,400 ─┬─ d 1,200
 *              │                           └─ e 1,200
 *              └─ south 4,000 (locked) ── sz 4,000 ── f 4,000
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  appendLedger,
  applyAdjustment,
  canApprove,
  canRequest,
  createAdjustment,
  createLedger,
  LEDGER_CSV_HEADERS,
  ledgerOf,
  ledgerToCsv,
  noticeFacts,
  parseAdjustmentRequest,
  previewAdjustment,
  refreshPreview,
  transitionAdjustment,
  type AdjustmentPreview,
  type AdjustmentRequest,
  type AdjustmentState,
} from '../../../src/engine/adjustment/index.js';
import type { OrgNode, TargetCell, User } from '../../../src/engine/plan/model.js';
import { createPlanState, withTargetChanges } from '../../../src/engine/plan/plan-state.js';

const org: OrgNode[] = [
  { id: 'co', name: 'Co', parentId: null, kind: 'company' },
  { id: 'east', name: 'East', parentId: 'co', kind: 'region' },
  { id: 'south', name: 'South', parentId: 'co', kind: 'region' },
  { id: 'sh', name: 'Shanghai', parentId: 'east', kind: 'team' },
  { id: 'hz', name: 'Hangzhou', parentId: 'east', kind: 'team' },
  { id: 'sz', name: 'Shenzhen', parentId: 'south', kind: 'team' },
  { id: 'a', name: 'Ann', parentId: 'sh', kind: 'rep' },
  { id: 'b', name: 'Bo', parentId: 'sh', kind: 'rep' },
  { id: 'c', name: 'Cai', parentId: 'sh', kind: 'rep' },
  { id: 'd', name: 'Dan', parentId: 'hz', kind: 'rep' },
  { id: 'e', name: 'Eve', parentId: 'hz', kind: 'rep' },
  { id: 'f', name: 'Fei', parentId: 'sz', kind: 'rep' },
];

const fy = (nodeId: string, value: number, extra: Partial<TargetCell> = {}): TargetCell => ({ nodeId, period: 'FY2026', metric: 'revenue', value, ...extra });

const targets: TargetCell[] = [
  fy('co', 10_000), fy('east', 6_000), fy('south', 4_000, { locked: true }),
  fy('sh', 3_600), fy('hz', 2_400), fy('sz', 4_000),
  fy('a', 1_800), fy('b', 1_200), fy('c', 600), fy('d', 1_200), fy('e', 1_200), fy('f', 4_000),
];

function state(overrides: Partial<AdjustmentState> = {}): AdjustmentState {
  return {
    plan: { id: 'plan', name: 'Plan', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 3 },
    org,
    targets,
    actuals: [
      { id: 'b1', repId: 'a', productId: 'core', date: '2026-02-10', type: 'booking', amount: 900 },
      { id: 'b2', repId: 'b', productId: 'core', date: '2026-03-10', type: 'booking', amount: 600 },
    ],
    ...overrides,
  };
}

const users: Record<string, User> = {
  admin: { id: 'u-admin', name: 'Admin', roles: ['admin'], canView: ['co'], canEdit: ['co'] },
  east: { id: 'u-east', name: 'East manager', roles: ['manager'], canView: ['east'], canEdit: ['east'] },
  east2: { id: 'u-east2', name: 'Second east manager', roles: ['manager'], canView: ['east'], canEdit: ['east'] },
  south: { id: 'u-south', name: 'South manager', roles: ['manager'], canView: ['south'], canEdit: ['south'] },
  repA: { id: 'u-a', name: 'Ann', roles: ['rep'], canView: ['a'], canEdit: [], nodeId: 'a' },
  viewer: { id: 'u-view', name: 'Viewer', roles: ['viewer'], canView: ['co'], canEdit: [] },
};

function request(overrides: Partial<AdjustmentRequest> = {}): AdjustmentRequest {
  return {
    id: 'adj-1',
    planId: 'plan',
    nodeId: 'a',
    metric: 'revenue',
    periods: ['FY2026'],
    change: { kind: 'value', value: 2_100 },
    trigger: 'market-shift',
    reason: 'New key account won in the territory',
    absorption: { mode: 'siblings' },
    requesterId: 'u-east',
    createdAt: '2026-06-20T09:00:00Z',
    status: 'draft',
    history: [],
    ...overrides,
  };
}

// ---- helpers --------------------------------------------------------------------------------

function preview(req: AdjustmentRequest, st: AdjustmentState = state()): AdjustmentPreview {
  const r = previewAdjustment(req, st);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
const errorOf = (req: AdjustmentRequest, st: AdjustmentState = state()) => {
  const r = previewAdjustment(req, st);
  return r.ok ? null : { code: r.error.code, params: r.error.params };
};
/** The changed cells as "node period [product]: before→after". */
const cellsOf = (p: AdjustmentPreview) => p.cells.map((c) => `${c.nodeId} ${c.period}${c.product ? ` ${c.product}` : ''}: ${c.before}→${c.after}`);
const ctx = (by: User, extra: { comment?: string; preview?: AdjustmentPreview } = {}) => ({ by, at: '2026-06-21T10:00:00Z', org, ...extra });

// ---- preview: absorption modes --------------------------------------------------------------

describe('previewAdjustment: absorption by siblings', () => {
  it('takes the difference from the siblings in proportion to their targets', () => {
    // a 1,800 → 2,100 (+300). b and c give up 300 in 1,200 : 600 = 2 : 1 → 200 and 100.
    const p = preview(request());
    expect(cellsOf(p)).to.deep.equal(['a FY2026: 1800→2100', 'b FY2026: 1200→1000', 'c FY2026: 600→500']);
    expect([p.before, p.after, p.delta]).to.deep.equal([1_800, 2_100, 300]);
    // The team holds: 2,100 + 1,000 + 500 = 3,600.
    expect(p.totals).to.deep.equal([{ nodeId: 'sh', period: 'FY2026', before: 3_600, after: 3_600 }]);
    expect(p.nodes.map((n) => `${n.nodeId}:${n.role}`)).to.deep.equal(['sh:parent', 'a:target', 'b:sibling', 'c:sibling']);
  });

  it('rounds by largest remainder so the team still sums exactly', () => {
    // a +1 → b and c share 1,800 − 1 = 1,799 as 2 : 1: quotas 1,199.33 and 599.67 → 1,199 + 599 = 1,798;
    // the last unit goes to the larger remainder (c, ⅔) → b 1,199, c 600 (unchanged).
    const p = preview(request({ change: { kind: 'value', value: 1_801 } }));
    expect(cellsOf(p)).to.deep.equal(['a FY2026: 1800→1801', 'b FY2026: 1200→1199']);
  });

  it('applies a percent change rounded half up', () => {
    // 1,800 × 1.0333 = 1,859.94 → 1,860 (+60); b and c give up 60 as 2 : 1 → 1,160 and 580.
    const p = preview(request({ change: { kind: 'percent', percent: 3.33 } }));
    expect(cellsOf(p)).to.deep.equal(['a FY2026: 1800→1860', 'b FY2026: 1200→1160', 'c FY2026: 600→580']);
  });

  it('keeps locked siblings and fails when every sibling is locked', () => {
    const lockedB = targets.map((c) => (c.nodeId === 'b' ? { ...c, locked: true } : c));
    // Only c moves: 600 − 300 = 300.
    expect(cellsOf(preview(request(), state({ targets: lockedB })))).to.deep.equal(['a FY2026: 1800→2100', 'c FY2026: 600→300']);
    const lockedBC = lockedB.map((c) => (c.nodeId === 'c' ? { ...c, locked: true } : c));
    expect(errorOf(request(), state({ targets: lockedBC }))?.code).to.equal('adjustment-siblings-locked');
  });

  it('fails when the siblings cannot give up that much, naming the most the node can get', () => {
    // b and c hold 1,800 between them → a can be at most 1,800 + 1,800 = 3,600.
    const e = errorOf(request({ change: { kind: 'value', value: 5_000 } }));
    expect(e?.code).to.equal('adjustment-siblings-insufficient');
    expect(e?.params?.max).to.equal(3_600);
  });

  it('re-splits a changed parent down to the reps', () => {
    // sh 3,600 → 3,000 (−600); sibling hz takes +600 → 3,000. sh's reps share 3,000 as 3:2:1 →
    // 1,500 / 1,000 / 500; hz's reps share 3,000 as 1:1 → 1,500 / 1,500.
    const p = preview(request({ nodeId: 'sh', change: { kind: 'value', value: 3_000 } }));
    expect(cellsOf(p)).to.deep.equal([
      'sh FY2026: 3600→3000', 'a FY2026: 1800→1500', 'b FY2026: 1200→1000', 'c FY2026: 600→500',
      'hz FY2026: 2400→3000', 'd FY2026: 1200→1500', 'e FY2026: 1200→1500',
    ]);
  });
});

describe('previewAdjustment: the parent absorbs', () => {
  it('moves the parent and every ancestor by the difference', () => {
    // d 1,200 → 1,500 (+300): hz 2,700, east 6,300, co 10,300; e holds.
    const p = preview(request({ nodeId: 'd', change: { kind: 'value', value: 1_500 }, absorption: { mode: 'parent' } }));
    expect(cellsOf(p)).to.deep.equal(['co FY2026: 10000→10300', 'east FY2026: 6000→6300', 'hz FY2026: 2400→2700', 'd FY2026: 1200→1500']);
    expect(p.totals).to.deep.equal([
      { nodeId: 'hz', period: 'FY2026', before: 2_400, after: 2_700 },
      { nodeId: 'east', period: 'FY2026', before: 6_000, after: 6_300 },
      { nodeId: 'co', period: 'FY2026', before: 10_000, after: 10_300 },
    ]);
  });

  it('lowers a region by 10 % and re-splits it down to every rep', () => {
    // east 6,000 × 0.9 = 5,400: co 9,400; sh/hz 3,600:2,400 → 3,240 / 2,160;
    // a/b/c 3:2:1 of 3,240 → 1,620 / 1,080 / 540; d/e halves of 2,160 → 1,080 each.
    const p = preview(request({ nodeId: 'east', change: { kind: 'percent', percent: -10 }, absorption: { mode: 'parent' } }));
    expect(cellsOf(p)).to.deep.equal([
      'co FY2026: 10000→9400', 'east FY2026: 6000→5400', 'sh FY2026: 3600→3240',
      'a FY2026: 1800→1620', 'b FY2026: 1200→1080', 'c FY2026: 600→540', 'hz FY2026: 2400→2160', 'd FY2026: 1200→1080', 'e FY2026: 1200→1080',
    ]);
  });

  it('fails when a locked ancestor would have to move', () => {
    // f → sz → south, and south is locked.
    const e = errorOf(request({ nodeId: 'f', change: { kind: 'value', value: 4_100 }, absorption: { mode: 'parent' } }));
    expect(e).to.deep.include({ code: 'adjustment-parent-locked' });
    expect(e?.params?.node).to.equal('south');
  });
});

describe('previewAdjustment: named recipients', () => {
  it('gives a leaving rep’s target to the named teammates only', () => {
    // a → 0: c alone takes 1,800 → 2,400; b holds.
    const one = preview(request({ change: { kind: 'value', value: 0 }, absorption: { mode: 'recipients', recipients: ['c'] } }));
    expect(cellsOf(one)).to.deep.equal(['a FY2026: 1800→0', 'c FY2026: 600→2400']);
    // Both: 1,800 split 1,200 : 600 → +1,200 / +600.
    const two = preview(request({ change: { kind: 'value', value: 0 }, absorption: { mode: 'recipients', recipients: ['b', 'c'] } }));
    expect(cellsOf(two)).to.deep.equal(['a FY2026: 1800→0', 'b FY2026: 1200→2400', 'c FY2026: 600→1200']);
  });

  it('refuses unknown, non-sibling, locked and self recipients', () => {
    const rq = (recipients: string[]) => request({ change: { kind: 'value', value: 0 }, absorption: { mode: 'recipients', recipients } });
    expect(errorOf(rq(['zz']))?.code).to.equal('adjustment-recipient-unknown');
    expect(errorOf(rq(['d']))?.code).to.equal('adjustment-recipient-not-sibling');
    expect(errorOf(rq(['a']))?.code).to.equal('adjustment-recipient-self');
    const lockedC = targets.map((c) => (c.nodeId === 'c' ? { ...c, locked: true } : c));
    expect(errorOf(rq(['c']), state({ targets: lockedC }))?.code).to.equal('adjustment-recipient-locked');
  });
});

describe('previewAdjustment: periods and product lines', () => {
  // Team t (Q1 600, its own cell) = x (Jan 100, Feb 100, Mar 200, Q1 400) + y (Jan 50, Feb 50, Mar 100, Q1 200).
  const smallOrg: OrgNode[] = [
    { id: 't', name: 'T', parentId: null, kind: 'team' },
    { id: 'x', name: 'X', parentId: 't', kind: 'rep' },
    { id: 'y', name: 'Y', parentId: 't', kind: 'rep' },
  ];
  const cell = (nodeId: string, period: string, value: number, product?: string): TargetCell => ({ nodeId, period, metric: 'revenue', value, ...(product ? { product } : {}) });

  it('spreads a quarter over its months and moves the quarter cells with them', () => {
    const cells = [
      cell('t', 'FY2026-Q1', 600),
      cell('x', '2026-01', 100), cell('x', '2026-02', 100), cell('x', '2026-03', 200), cell('x', 'FY2026-Q1', 400),
      cell('y', '2026-01', 50), cell('y', '2026-02', 50), cell('y', '2026-03', 100), cell('y', 'FY2026-Q1', 200),
    ];
    // x Q1 400 → 500: months 100:100:200 of 500 → 125 / 125 / 250. Each month y gives up x's gain:
    // Jan 50 − 25 = 25, Feb 25, Mar 100 − 50 = 50; the quarter cells follow: x 500, y 100; t holds 600.
    const p = preview(request({ nodeId: 'x', periods: ['FY2026-Q1'], change: { kind: 'value', value: 500 } }), state({ org: smallOrg, targets: cells }));
    expect(cellsOf(p)).to.deep.equal([
      'x FY2026-Q1: 400→500', 'x 2026-01: 100→125', 'x 2026-02: 100→125', 'x 2026-03: 200→250',
      'y FY2026-Q1: 200→100', 'y 2026-01: 50→25', 'y 2026-02: 50→25', 'y 2026-03: 100→50',
    ]);
    expect(p.totals).to.deep.equal([{ nodeId: 't', period: 'FY2026-Q1', before: 600, after: 600 }]);
  });

  it('spreads an all-products change over the product lines', () => {
    // x FY 1,000 = core 600 + ai 400; y FY 1,000 = core 500 + ai 500; t FY 2,000.
    const cells = [
      cell('t', 'FY2026', 2_000),
      cell('x', 'FY2026', 1_000), cell('x', 'FY2026', 600, 'core'), cell('x', 'FY2026', 400, 'ai'),
      cell('y', 'FY2026', 1_000), cell('y', 'FY2026', 500, 'core'), cell('y', 'FY2026', 500, 'ai'),
    ];
    // x +10 % = 1,100 split 6 : 4 → core 660, ai 440; y gives up the same per line: core 440, ai 460.
    const p = preview(request({ nodeId: 'x', change: { kind: 'percent', percent: 10 } }), state({ org: smallOrg, targets: cells }));
    expect(cellsOf(p)).to.deep.equal([
      'x FY2026: 1000→1100', 'x FY2026 ai: 400→440', 'x FY2026 core: 600→660',
      'y FY2026: 1000→900', 'y FY2026 ai: 500→460', 'y FY2026 core: 500→440',
    ]);
  });

  it('refuses overlapping periods and weeks', () => {
    expect(errorOf(request({ periods: ['FY2026', 'FY2026-Q2'] }))?.code).to.equal('adjustment-periods-overlap');
    expect(errorOf(request({ periods: ['2026-W05'] }))?.code).to.equal('adjustment-period-week');
  });

  it('keeps every level summing exactly for any new value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_600 }), fc.constantFrom('a', 'b', 'c'), (value, node) => {
        const p = previewAdjustment(request({ nodeId: node, change: { kind: 'value', value } }), state());
        if (!p.ok) return false;
        const after = new Map(targets.map((c) => [c.nodeId, c.value]));
        for (const c of p.value.cells) after.set(c.nodeId, c.after);
        return after.get('a')! + after.get('b')! + after.get('c')! === 3_600 && after.get(node) === value;
      }),
    );
  });
});

describe('previewAdjustment on the read model (PlanState)', () => {
  /** The same plan as the store's read model: targets read through its selectors, not copied. */
  const planState = (st: AdjustmentState) =>
    createPlanState(
      { plan: st.plan, org: [...st.org], products: [{ id: 'core', name: 'Core', new: false }, { id: 'ai', name: 'AI', new: true }], stages: [], targets: [...st.targets], users: [] },
      { asOf: '2026-06-20', actuals: { from: '2026-01-01', to: '2026-12-31', actuals: [...(st.actuals ?? [])], stageCounts: [], pipeline: [] } },
    );
  const smallOrg: OrgNode[] = [
    { id: 't', name: 'T', parentId: null, kind: 'team' },
    { id: 'x', name: 'X', parentId: 't', kind: 'rep' },
    { id: 'y', name: 'Y', parentId: 't', kind: 'rep' },
  ];
  const cell = (nodeId: string, period: string, value: number, product?: string): TargetCell => ({ nodeId, period, metric: 'revenue', value, ...(product ? { product } : {}) });
  const cases: [string, AdjustmentRequest, AdjustmentState][] = [
    ['siblings absorb', request(), state()],
    ['the parent absorbs, re-split to the reps', request({ nodeId: 'east', change: { kind: 'percent', percent: -10 }, absorption: { mode: 'parent' } }), state()],
    ['named recipients', request({ nodeId: 'c', change: { kind: 'value', value: 0 }, absorption: { mode: 'recipients', recipients: ['b'] } }), state()],
    ['a quarter over its months', request({ nodeId: 'x', periods: ['FY2026-Q1'], change: { kind: 'value', value: 500 } }), state({ org: smallOrg, targets: [
      cell('t', 'FY2026-Q1', 600), cell('x', '2026-01', 100), cell('x', '2026-02', 100), cell('x', '2026-03', 200), cell('x', 'FY2026-Q1', 400),
      cell('y', '2026-01', 50), cell('y', '2026-02', 50), cell('y', '2026-03', 100), cell('y', 'FY2026-Q1', 200),
    ] })],
    ['all products over the product lines', request({ nodeId: 'x', change: { kind: 'percent', percent: 10 } }), state({ org: smallOrg, targets: [
      cell('t', 'FY2026', 2_000), cell('x', 'FY2026', 1_000), cell('x', 'FY2026', 600, 'core'), cell('x', 'FY2026', 400, 'ai'),
      cell('y', 'FY2026', 1_000), cell('y', 'FY2026', 500, 'core'), cell('y', 'FY2026', 500, 'ai'),
    ] })],
  ];
  for (const [name, req, st] of cases) {
    it(`gives the same preview as plain data: ${name}`, () => {
      expect(previewAdjustment(req, planState(st))).to.deep.equal(previewAdjustment(req, st));
    });
  }

  it('applies from the read model, and sees a cell that moved since the preview', () => {
    const ps = planState(state());
    const p = preview(request(), state());
    const pending = transitionAdjustment(request(), 'submit', ctx(users.east!, { preview: p }));
    if (!pending.ok) throw new Error(pending.error.code);
    const approved = transitionAdjustment(pending.value, 'approve', ctx(users.admin!));
    if (!approved.ok) throw new Error(approved.error.code);
    // a 1,800 → 2,100; b and c give up 300 in proportion 1,200 : 600 → b 1,000, c 500.
    const applied = applyAdjustment(approved.value, ps, ctx(users.admin!));
    expect(applied.ok && applied.value.kind === 'applied' && applied.value.cells.map((c) => `${c.nodeId} ${c.value} ${c.original}`)).to.deep.equal(['a 2100 1800', 'b 1000 1200', 'c 500 600']);
    const moved = withTargetChanges(ps, { set: [fy('b', 1_100)] });
    const conflict = applyAdjustment(approved.value, moved, ctx(users.admin!));
    expect(conflict.ok && conflict.value.kind === 'conflict' && conflict.value.changed).to.deep.equal([{ nodeId: 'b', period: 'FY2026', expected: 1_200, actual: 1_100 }]);
  });
});

describe('previewAdjustment: people and dual attainment', () => {
  it('shows each affected rep’s attainment against the old and the new target', () => {
    // a booked 900: 900 / 1,800 = 50 % before, 900 / 2,100 = 42.9 % after; b booked 600: 50 % → 60 %.
    const p = preview(request());
    const a = p.people.find((x) => x.nodeId === 'a')!;
    expect([a.before, a.after, a.actual]).to.deep.equal([1_800, 2_100, 900]);
    expect(a.attainment!.original.attainment).to.equal(0.5);
    expect(a.attainment!.current.attainment).to.be.closeTo(900 / 2_100, 1e-12);
    const b = p.people.find((x) => x.nodeId === 'b')!;
    expect(b.attainment!.current.attainment).to.equal(0.6);
    expect(p.people.map((x) => x.nodeId)).to.deep.equal(['a', 'b', 'c']);
  });

  it('validates the request: reason length, unknown node', () => {
    expect(errorOf(request({ reason: 'too short' }))).to.deep.equal({ code: 'adjustment-reason-short', params: { min: 10, length: 9 } });
    expect(errorOf(request({ nodeId: 'nobody' }))?.code).to.equal('adjustment-unknown-node');
    expect(errorOf(request({ change: { kind: 'percent', percent: -100 } }))?.code).to.equal('adjustment-invalid');
    expect(parseAdjustmentRequest({ id: 'x' }).ok).to.equal(false);
  });
});

// ---- permissions ----------------------------------------------------------------------------

describe('canRequest / canApprove: the permission matrix', () => {
  const reason = (p: { allowed: boolean; reason?: string }) => (p.allowed ? 'ok' : p.reason);

  it('lets a rep ask only for themselves and a manager for their subtree', () => {
    expect(reason(canRequest(users.repA!, 'a', org))).to.equal('ok');
    expect(reason(canRequest(users.repA!, 'b', org))).to.equal('adjustment-forbidden-rep-other');
    expect(reason(canRequest(users.east!, 'a', org))).to.equal('ok');
    expect(reason(canRequest(users.east!, 'east', org))).to.equal('ok');
    expect(reason(canRequest(users.east!, 'f', org))).to.equal('adjustment-forbidden-scope');
    expect(reason(canRequest(users.south!, 'a', org))).to.equal('adjustment-forbidden-scope');
    expect(reason(canRequest(users.viewer!, 'a', org))).to.equal('adjustment-forbidden-viewer');
    expect(reason(canRequest(users.admin!, 'f', org))).to.equal('ok');
    expect(reason(canRequest(users.admin!, 'zz', org))).to.equal('adjustment-unknown-node');
  });

  it('lets an approver whose scope holds the parent decide, never the requester', () => {
    const byRep = { requesterId: 'u-a', nodeId: 'a' };
    expect(reason(canApprove(users.east!, byRep, org))).to.equal('ok');
    const otherBranch = canApprove(users.south!, byRep, org);
    // The refusal says who is refused and what they manage, so a message can say why not them (issue 16, item 6).
    expect(otherBranch).to.deep.equal({ allowed: false, reason: 'adjustment-forbidden-approve-scope', params: { node: 'sh', user: users.south!.name, role: 'manager', scope: 'south' } });
    expect(reason(canApprove(users.repA!, byRep, org))).to.equal('adjustment-forbidden-own');
    expect(canApprove(users.viewer!, byRep, org)).to.deep.equal({ allowed: false, reason: 'adjustment-forbidden-role', params: { node: 'sh', user: 'Viewer', role: 'viewer', scope: '' } });
    // A manager's request for their own region: not by themselves, and 周敏's peer needs 'co'.
    const byManager = { requesterId: 'u-east', nodeId: 'east' };
    expect(reason(canApprove(users.east!, byManager, org))).to.equal('adjustment-forbidden-own');
    expect(canApprove(users.east2!, byManager, org)).to.deep.equal({ allowed: false, reason: 'adjustment-forbidden-approve-scope', params: { node: 'co', user: 'Second east manager', role: 'manager', scope: 'east' } });
    expect(reason(canApprove(users.admin!, byManager, org))).to.equal('ok');
  });
});

// ---- workflow -------------------------------------------------------------------------------

describe('transitionAdjustment / applyAdjustment', () => {
  const submitted = () => {
    const draft = request({ requesterId: 'u-a' });
    const s = transitionAdjustment(draft, 'submit', ctx(users.repA!, { preview: preview(draft) }));
    if (!s.ok) throw new Error(s.error.code);
    return s.value;
  };
  const approved = () => {
    const a = transitionAdjustment(submitted(), 'approve', ctx(users.east!));
    if (!a.ok) throw new Error(a.error.code);
    return a.value;
  };

  it('walks draft → pending → approved → applied with one ledger entry per step', () => {
    const created = createAdjustment({ ...request({ requesterId: 'u-a' }), at: '2026-06-20T09:00:00Z' });
    expect(created.ok && created.value.status).to.equal('draft');
    const p = submitted();
    expect(p.status).to.equal('pending');
    expect(p.preview).to.deep.include({ baseVersion: 3, before: 1_800, after: 2_100 });
    const a = approved();
    expect(a.decision).to.deep.equal({ approve: true, by: 'u-east', at: '2026-06-21T10:00:00Z' });
    const applied = applyAdjustment(a, state(), ctx(users.east!));
    if (!applied.ok || applied.value.kind !== 'applied') throw new Error('not applied');
    expect(applied.value.request.status).to.equal('applied');
    // Each cell keeps the target it had before the adjustment (a 1,800 → 2,100; b 1,200 → 1,000; c 600 → 500).
    expect(applied.value.cells).to.deep.equal([
      { nodeId: 'a', period: 'FY2026', metric: 'revenue', value: 2_100, source: 'adjustment', original: 1_800 },
      { nodeId: 'b', period: 'FY2026', metric: 'revenue', value: 1_000, source: 'adjustment', original: 1_200 },
      { nodeId: 'c', period: 'FY2026', metric: 'revenue', value: 500, source: 'adjustment', original: 600 },
    ]);
    expect(applied.value.request.history!.map((e) => `${e.seq} ${e.action} ${e.by} ${e.status} ${e.before}→${e.after}`)).to.deep.equal([
      '1 submit u-a pending 1800→2100',
      '2 approve u-east approved 1800→2100',
      '3 apply u-east applied 1800→2100',
    ]);
  });

  it('refuses illegal transitions with a code', () => {
    const code = (r: { ok: boolean; error?: { code: string; params?: object } }) => (r.ok ? 'ok' : `${r.error!.code} ${JSON.stringify(r.error!.params)}`);
    expect(code(transitionAdjustment(request(), 'approve', ctx(users.admin!)))).to.equal('adjustment-illegal-transition {"from":"draft","action":"approve"}');
    expect(code(transitionAdjustment(submitted(), 'submit', ctx(users.repA!)))).to.equal('adjustment-illegal-transition {"from":"pending","action":"submit"}');
    expect(code(applyAdjustment(submitted(), state(), ctx(users.east!)))).to.equal('adjustment-illegal-transition {"from":"pending","action":"apply"}');
    expect(code(transitionAdjustment(approved(), 'withdraw', ctx(users.repA!)))).to.equal('adjustment-illegal-transition {"from":"approved","action":"withdraw"}');
    const rejected = transitionAdjustment(submitted(), 'reject', ctx(users.east!, { comment: 'Market data does not support it' }));
    expect(rejected.ok && rejected.value.status).to.equal('rejected');
    if (rejected.ok) expect(code(transitionAdjustment(rejected.value, 'approve', ctx(users.admin!)))).to.match(/^adjustment-illegal-transition/);
  });

  it('needs a comment to reject, the requester to withdraw, a preview to submit', () => {
    expect(transitionAdjustment(submitted(), 'reject', ctx(users.east!, { comment: '  ' }))).to.deep.include({ ok: false });
    const r = transitionAdjustment(submitted(), 'reject', ctx(users.east!));
    expect(!r.ok && r.error.code).to.equal('adjustment-comment-required');
    const w = transitionAdjustment(submitted(), 'withdraw', ctx(users.east!));
    expect(!w.ok && w.error.code).to.equal('adjustment-not-requester');
    const ok = transitionAdjustment(submitted(), 'withdraw', ctx(users.repA!));
    expect(ok.ok && ok.value.status).to.equal('withdrawn');
    const s = transitionAdjustment(request({ requesterId: 'u-a' }), 'submit', ctx(users.repA!));
    expect(!s.ok && s.error.code).to.equal('adjustment-no-preview');
  });

  it('refuses approval by the requester and by another branch', () => {
    const own = transitionAdjustment(submitted(), 'approve', ctx(users.repA!));
    expect(!own.ok && own.error.code).to.equal('adjustment-forbidden-own');
    const other = transitionAdjustment(submitted(), 'approve', ctx(users.south!));
    expect(!other.ok && other.error.code).to.equal('adjustment-forbidden-approve-scope');
  });

  it('gives a conflict, and writes nothing, when the plan moved since the preview', () => {
    const moved = state({ plan: { ...state().plan, version: 4 } });
    const r = applyAdjustment(approved(), moved, ctx(users.east!));
    expect(r.ok && r.value).to.deep.equal({ kind: 'conflict', reason: 'version', baseVersion: 3, currentVersion: 4, changed: [] });
    // Same version, but b was edited to 1,100 meanwhile (a pending local edit).
    const edited = state({ targets: targets.map((c) => (c.nodeId === 'b' ? { ...c, value: 1_100 } : c)) });
    const c = applyAdjustment(approved(), edited, ctx(users.east!));
    expect(c.ok && c.value).to.deep.equal({
      kind: 'conflict', reason: 'cells', baseVersion: 3, currentVersion: 3,
      changed: [{ nodeId: 'b', period: 'FY2026', expected: 1_200, actual: 1_100 }],
    });
  });

  it('reopens an approved request whose fresh preview differs', () => {
    // b is 1,100 now: +300 for a comes from b and c as 1,100 : 600 → b 906, c 494 (other numbers) → pending again.
    const edited = state({ targets: targets.map((c) => (c.nodeId === 'b' ? { ...c, value: 1_100 } : c)), plan: { ...state().plan, version: 4 } });
    const r = refreshPreview(approved(), edited, ctx(users.east!));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.reopened).to.equal(true);
    expect(r.value.request.status).to.equal('pending');
    expect(r.value.request.preview!.baseVersion).to.equal(4);
    expect(cellsOf(r.value.preview)).to.deep.equal(['a FY2026: 1800→2100', 'b FY2026: 1100→906', 'c FY2026: 600→494']);
    // Only the version moved: same numbers, stays approved.
    const same = refreshPreview(approved(), state({ plan: { ...state().plan, version: 4 } }), ctx(users.east!));
    expect(same.ok && [same.value.reopened, same.value.request.status]).to.deep.equal([false, 'approved']);
  });
});

// ---- ledger ---------------------------------------------------------------------------------

describe('the ledger', () => {
  const history = () => {
    const draft = request({ requesterId: 'u-a', reason: '=HYPERLINK("x") big deal, signed' });
    const s = transitionAdjustment(draft, 'submit', { ...ctx(users.repA!, { preview: preview(draft) }), at: '2026-06-20T09:00:00Z' });
    if (!s.ok) throw new Error(s.error.code);
    const a = transitionAdjustment(s.value, 'reject', ctx(users.east!, { comment: 'Not this quarter' }));
    if (!a.ok) throw new Error(a.error.code);
    return a.value;
  };

  it('is frozen: entries can be neither edited nor removed, only appended', () => {
    const l = ledgerOf([history()]);
    if (!l.ok) throw new Error(l.error.code);
    const ledger = l.value;
    expect(ledger.length).to.equal(2);
    expect(Object.isFrozen(ledger)).to.equal(true);
    expect(Object.isFrozen(ledger[0])).to.equal(true);
    expect(() => (ledger as unknown as unknown[]).pop()).to.throw(TypeError);
    expect(() => ((ledger[0] as { after: number }).after = 0)).to.throw(TypeError);
    expect(() => (ledger[0]!.periods as string[]).push('FY2027')).to.throw(TypeError);
    const next = appendLedger(ledger, { ...ledger[1]!, seq: 3, at: '2026-06-22T08:00:00Z', action: 'reopen' });
    expect(next.ok && next.value.length).to.equal(3);
    expect(ledger.length).to.equal(2);
    const dup = appendLedger(ledger, { ...ledger[1]! });
    expect(!dup.ok && dup.error.code).to.equal('ledger-duplicate');
    const bad = createLedger([{ ...ledger[0]!, by: '' }]);
    expect(!bad.ok && bad.error.code).to.equal('ledger-entry-invalid');
  });

  it('exports CSV with money in major units and formulas made inert', () => {
    const l = ledgerOf([history()]);
    if (!l.ok) throw new Error(l.error.code);
    const csv = ledgerToCsv(l.value, { currency: 'CNY', headers: LEDGER_CSV_HEADERS.en, names: { a: 'Ann', 'u-east': 'East manager' } });
    expect(csv).to.equal(
      'Time,By,Action,Status,Request,Node,Metric,Periods,Before,After,Reason,Comment\r\n' +
        `2026-06-20T09:00:00Z,u-a,submit,pending,adj-1,Ann,revenue,FY2026,18.00,21.00,"'=HYPERLINK(""x"") big deal, signed",\r\n` +
        `2026-06-21T10:00:00Z,East manager,reject,rejected,adj-1,Ann,revenue,FY2026,18.00,21.00,"'=HYPERLINK(""x"") big deal, signed",Not this quarter\r\n`,
    );
  });

  it('states the notice facts: why, what changed, new expectations', () => {
    const req = request();
    const facts = noticeFacts(req, preview(req));
    expect(facts.changes.map((c) => `${c.name} ${c.before}→${c.after}`)).to.deep.equal(['Ann 1800→2100', 'Bo 1200→1000', 'Cai 600→500']);
    // a booked 900 → 2,100 − 900 = 1,200 to go; b 1,000 − 600 = 400; c booked nothing → 500.
    expect(facts.expectations.map((e) => [e.nodeId, e.target, e.remaining])).to.deep.equal([['a', 2_100, 1_200], ['b', 1_000, 400], ['c', 500, 500]]);
  });
});
