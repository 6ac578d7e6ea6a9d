import { expect } from '@open-wc/testing';
import { evaluateTriggers, groupProposals, type AdjustmentState, type PlanEvent } from '../../../src/engine/adjustment/index.js';
import type { Opportunity, OrgNode, TargetCell } from '../../../src/engine/plan/model.js';

/**
 * March 2026 (calendar year, no holidays): 22 working days (Sundays 1, 8, 15, 22, 29 and
 * Saturdays 7, 14, 21, 28 off). By Friday 13 March 10 have passed (2–6, 9–13): 10 / 22 = 45.5 %.
 * By Wednesday 11 March 8 have: 36.4 %.
 */
const org: OrgNode[] = [
  { id: 't', name: 'Team', parentId: null, kind: 'team' },
  { id: 'x', name: 'Xu', parentId: 't', kind: 'rep' },
  { id: 'y', name: 'Yan', parentId: 't', kind: 'rep' },
  { id: 'z', name: 'Zhao', parentId: 't', kind: 'rep', leaveDate: '2026-03-13' },
  { id: 'w', name: 'Wu', parentId: 't', kind: 'rep', hireDate: '2026-03-02' },
];
const month = (nodeId: string, value: number): TargetCell => ({ nodeId, period: '2026-03', metric: 'revenue', value });
const st: AdjustmentState = {
  plan: { id: 'p', name: 'P', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
  org,
  targets: [month('x', 2_200_000), month('y', 1_000_000), month('z', 2_200_000), month('w', 100_000)],
  actuals: [
    { id: 'b1', repId: 'x', productId: 'core', date: '2026-03-05', type: 'booking', amount: 500_000 },
    { id: 'b2', repId: 'y', productId: 'core', date: '2026-03-05', type: 'booking', amount: 500_000 },
    // After asOf: not counted.
    { id: 'b3', repId: 'x', productId: 'core', date: '2026-03-20', type: 'booking', amount: 900_000 },
  ],
};

describe('evaluateTriggers', () => {
  it('proposes a pace adjustment when the forecast is below 80 % after 40 % of the period', () => {
    const r = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-13' });
    if (!r.ok) throw new Error(r.error.code);
    const pace = r.value.filter((p) => p.kind === 'pace');
    // x: run-rate 500,000 + 500,000 × 12 / 10 = 1,100,000; pipeline: 500,000 (nothing open);
    // blended ½ · 1,100,000 + ½ · 500,000 = 800,000 = 36.4 % of 2,200,000 < 80 % → propose 800,000.
    // y: the same 800,000 is exactly 80 % of 1,000,000 → not below → no proposal.
    expect(pace.map((p) => [p.nodeId, p.change, p.facts.forecast])).to.deep.equal([['x', { kind: 'value', value: 800_000 }, 800_000]]);
    expect(pace[0]!.facts.elapsed).to.be.closeTo(10 / 22, 1e-12);
    expect(pace[0]!.trigger).to.equal('pace-deviation');
  });

  it('waits until enough of the period is behind, and the thresholds can be changed', () => {
    // 11 March: 8 / 22 = 36.4 % < 40 %.
    const early = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-11' });
    expect(early.ok && early.value.filter((p) => p.kind === 'pace')).to.deep.equal([]);
    const strict = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-13', thresholds: { minElapsed: 0.5 } });
    expect(strict.ok && strict.value.filter((p) => p.kind === 'pace')).to.deep.equal([]);
    // Forecast below 90 %: y (80 %) is caught too.
    const wide = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-13', thresholds: { forecastBelow: 0.9 } });
    expect(wide.ok && wide.value.filter((p) => p.kind === 'pace').map((p) => p.nodeId)).to.deep.equal(['x', 'y']);
    const bad = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-13', thresholds: { forecastBelow: 1.5 } });
    expect(!bad.ok && bad.error.code).to.equal('adjustment-thresholds-invalid');
  });

  it('proposes handing a leaving rep’s remaining target to the teammates who stay', () => {
    const r = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-02' });
    if (!r.ok) throw new Error(r.error.code);
    const leaving = r.value.find((p) => p.kind === 'leaving')!;
    // z leaves on 13 March: 10 of 22 working days → 2,200,000 × 10 / 22 = 1,000,000 stays with z.
    expect(leaving).to.deep.include({ nodeId: 'z', trigger: 'personnel-change', change: { kind: 'value', value: 1_000_000 } });
    // 2,200,000 − 1,000,000 = 1,200,000 goes to the teammates.
    expect(leaving.facts).to.deep.equal({ leaveDate: '2026-03-13', target: 2_200_000, prorated: 1_000_000, remainder: 1_200_000 });
    expect(leaving.absorption).to.deep.equal({ mode: 'recipients', recipients: ['w', 'x', 'y'] });
  });

  it('flags a rep who joined during the period and suggests their ramp × an average veteran', () => {
    const r = evaluateTriggers({ state: st, period: '2026-03', asOf: '2026-03-02' });
    const joining = r.ok ? r.value.filter((p) => p.kind === 'joining') : [];
    // Veterans beside w: x 2,200,000 and y 1,000,000 (z leaves) → 1,600,000 on average; w works
    // 30 of March's 31 days at 30%: 1,600,000 × 0.3 × 30/31 = 464,516.13 → 464,516 (was: no number).
    expect(joining.map((p) => [p.nodeId, p.facts.hireDate, p.change])).to.deep.equal([['w', '2026-03-02', { kind: 'value', value: 464_516 }]]);
  });

  describe('a rep with nothing to forecast from', () => {
    // v: ¥1,000,000 of target in March, no booking yet.
    const withV = (pipeline: Opportunity[]): AdjustmentState & { pipeline: Opportunity[] } => ({
      ...st,
      org: [...org, { id: 'v', name: 'Vo', parentId: 't', kind: 'rep' }],
      targets: [...st.targets, month('v', 1_000_000)],
      pipeline,
    });
    const opp = (expectedClose: string): Opportunity => ({ id: 'o1', repId: 'v', amount: 400_000, stageId: 'quote', expectedClose, probability: 0.5 });
    const paceOf = (r: ReturnType<typeof evaluateTriggers>) => (r.ok ? r.value.filter((p) => p.kind === 'pace').map((p) => [p.nodeId, p.change]) : r.error.code);

    it('is skipped without actuals and without pipeline in the period (no proposal to set it to ¥0)', () => {
      // Before the fix: run-rate 0, pipeline 0 → forecast 0 → “set v to ¥0”.
      expect(paceOf(evaluateTriggers({ includePace: true, state: withV([]), period: '2026-03', asOf: '2026-03-13' }))).to.deep.equal([['x', { kind: 'value', value: 800_000 }]]);
      // An opportunity closing in April is not in the period.
      expect(paceOf(evaluateTriggers({ includePace: true, state: withV([opp('2026-04-05')]), period: '2026-03', asOf: '2026-03-13' }))).to.deep.equal([['x', { kind: 'value', value: 800_000 }]]);
    });

    it('is proposed when an opportunity closes in the rest of the period', () => {
      // Run-rate 0 (nothing booked in 10 days); pipeline 0 + 400,000 × 0.5 = 200,000;
      // blended ½ · 0 + ½ · 200,000 = 100,000 = 10 % of 1,000,000 < 80 % → propose 100,000.
      expect(paceOf(evaluateTriggers({ includePace: true, state: withV([opp('2026-03-20')]), period: '2026-03', asOf: '2026-03-13' }))).to.deep.equal([
        ['x', { kind: 'value', value: 800_000 }],
        ['v', { kind: 'value', value: 100_000 }],
      ]);
    });

    it('counts a booking that nets to 0 as data', () => {
      const st0 = withV([]);
      const nets: AdjustmentState = { ...st0, actuals: [...st0.actuals!, { id: 'v1', repId: 'v', productId: 'core', date: '2026-03-03', type: 'booking', amount: 0 }] };
      // actual 0, run-rate 0, pipeline 0 → forecast 0: a rep who is selling and has booked nothing of value is flagged.
      expect(paceOf(evaluateTriggers({ includePace: true, state: nets, period: '2026-03', asOf: '2026-03-13' }))).to.deep.equal([
        ['x', { kind: 'value', value: 800_000 }],
        ['v', { kind: 'value', value: 0 }],
      ]);
    });
  });

  it('limits the proposals to a subtree, and fails on an unknown node', () => {
    const all = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-13' });
    expect(all.ok && all.value.map((p) => [p.nodeId, p.kind])).to.deep.equal([['x', 'pace'], ['z', 'leaving'], ['w', 'joining']]);
    const x = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-13', nodeId: 'x' });
    expect(x.ok && x.value.map((p) => p.nodeId)).to.deep.equal(['x']);
    const team = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-13', nodeId: 't' });
    expect(team.ok && team.value.length).to.equal(3);
    const bad = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-13', nodeId: 'nope' });
    expect(!bad.ok && [bad.error.code, bad.error.params]).to.deep.equal(['adjustment-unknown-node', { node: 'nope' }]);
  });

  describe('the seed’s triggers (issue 16, item 7)', () => {
    const products = [{ id: 'core', name: 'Core', new: false }, { id: 'ai', name: 'AI', new: true }];
    const run = (events: PlanEvent[], more: { nodeId?: string } = {}) => {
      const r = evaluateTriggers({ state: st, period: '2026-03', asOf: '2026-03-13', events, products, ...more });
      if (!r.ok) throw new Error(r.error.code);
      return r.value;
    };

    it('does not propose cutting a lagging rep’s target unless asked (it rewards sandbagging)', () => {
      // x is far behind (see above), but by default only the personnel rules speak.
      expect(run([]).map((p) => [p.nodeId, p.kind])).to.deep.equal([['z', 'leaving'], ['w', 'joining']]);
    });

    it('a market change scales the rest of the period: 2,200,000 − 20 % × 12 / 22 = 1,960,000, the parent absorbing', () => {
      // From Monday 16 March: 12 of the 22 working days are left (16–20, 23–27, 30–31).
      const [p] = run([{ kind: 'market', nodeId: 'x', date: '2026-03-16', change: -0.2 }]).filter((q) => q.kind === 'market');
      expect([p!.trigger, p!.change, p!.absorption, p!.facts.remaining]).to.deep.equal(['market-shift', { kind: 'value', value: 1_960_000 }, { mode: 'parent' }, 12 / 22]);
    });

    it('a territory change from the first working day moves the whole month to the teammates: 1,000,000 + 10 % = 1,100,000', () => {
      const [p] = run([{ kind: 'territory', nodeId: 'y', date: '2026-03-02', change: 0.1 }]).filter((q) => q.kind === 'territory');
      expect([p!.trigger, p!.change, p!.absorption]).to.deep.equal(['personnel-change', { kind: 'value', value: 1_100_000 }, { mode: 'siblings' }]);
    });

    it('a long absence prorates the target (10 of 22 working days away: 2,200,000 − 1,000,000); a short one suggests nothing', () => {
      const long = run([{ kind: 'absence', nodeId: 'x', from: '2026-03-09', to: '2026-03-20' }]).filter((q) => q.kind === 'absence');
      expect(long.map((p) => [p.nodeId, p.change, p.facts.days])).to.deep.equal([['x', { kind: 'value', value: 1_200_000 }, 10]]);
      // 9–13 March: 5 working days, under the 10-day default.
      expect(run([{ kind: 'absence', nodeId: 'x', from: '2026-03-09', to: '2026-03-13' }]).filter((q) => q.kind === 'absence')).to.deep.equal([]);
    });

    it('a new product launch proposes its share of the scope’s target for the rest of the period: 5,500,000 × 10 % × 12 / 22 = 300,000', () => {
      // The team's March target is the reps' 2,200,000 + 1,000,000 + 2,200,000 + 100,000 = 5,500,000.
      const [p] = run([{ kind: 'new-product', productId: 'ai', date: '2026-03-16' }], { nodeId: 't' }).filter((q) => q.kind === 'new-product');
      expect([p!.nodeId, p!.product, p!.change, p!.absorption]).to.deep.equal(['t', 'ai', { kind: 'value', value: 300_000 }, { mode: 'parent' }]);
      // Launched after the period: nothing yet. An unknown product is an error.
      expect(run([{ kind: 'new-product', productId: 'ai', date: '2026-04-01' }]).filter((q) => q.kind === 'new-product')).to.deep.equal([]);
      const bad = evaluateTriggers({ state: st, period: '2026-03', asOf: '2026-03-13', events: [{ kind: 'new-product', productId: 'nope', date: '2026-03-16' }], products });
      expect(!bad.ok && bad.error.code).to.equal('adjustment-unknown-product');
    });

    it('a launch without its own share takes the plan’s new-product minimum share (the rule the tree enforces): 5,500,000 × 20 % × 12 / 22 = 600,000', () => {
      const ruled: AdjustmentState = { ...st, plan: { ...st.plan, newProductMinShare: 0.2 } };
      const r = evaluateTriggers({ state: ruled, period: '2026-03', asOf: '2026-03-13', events: [{ kind: 'new-product', productId: 'ai', date: '2026-03-16' }], products, nodeId: 't' });
      if (!r.ok) throw new Error(r.error.code);
      const [p] = r.value.filter((q) => q.kind === 'new-product');
      expect([p!.change, p!.facts.share]).to.deep.equal([{ kind: 'value', value: 600_000 }, 0.2]);
    });

    it('groups the proposals and caps each group', () => {
      const all = evaluateTriggers({ includePace: true, state: st, period: '2026-03', asOf: '2026-03-13', products, events: [{ kind: 'market', nodeId: 'y', date: '2026-03-16', change: -0.1 }] });
      if (!all.ok) throw new Error(all.error.code);
      const g = groupProposals(all.value, 1);
      expect(g.map((x) => [x.group, x.shown.map((p) => p.nodeId), x.total])).to.deep.equal([
        ['market', ['y'], 1],
        ['resources', ['z'], 2],
        ['pace', ['x'], 1],
      ]);
    });
  });
});
