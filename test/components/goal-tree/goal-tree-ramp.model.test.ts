import { expect } from '@open-wc/testing';
import { gridReader, planDecomposition, planDistribute, rampBadge, type CellSource } from '../../../src/components/goal-tree/goal-tree.model.js';
import type { MetricId, OrgNode, TargetCell } from '../../../src/engine/plan/model.js';
import { buildOrgIndex } from '../../../src/engine/plan/rollup.js';
import { createPlanState } from '../../../src/engine/plan/plan-state.js';
import { gridValue } from '../../../src/engine/plan/edit.js';
import { generateSampleCompany } from '../../../src/sample/sample-data.js';

const source = (cells: TargetCell[]): CellSource => {
  const all = new Map(cells.map((c) => [`${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`, c]));
  return { getCell: (n: string, p: string, m: MetricId, pr?: string | null) => all.get(`${n}|${p}|${m}|${pr ?? ''}`) };
};

describe('ramp: targets that match the badge (issue 16 item 2)', () => {
  const asOf = '2026-11-27';
  const { plan, actuals } = generateSampleCompany({ asOf });
  const state = createPlanState(plan, { actuals, asOf });
  const reader = gridReader({ state, metric: 'revenue' });
  const d = planDecomposition(reader, { org: plan.org, fiscalYear: 2026, calendar: plan.plan.calendar, metric: 'revenue', actuals, products: plan.products, asOf });
  if (!d.ok) throw new Error(d.error.message);
  const ding = plan.org.find((n) => n.name === '丁亮凯')!;
  const xu = plan.org.find((n) => n.name === '徐军')!;
  const veterans = plan.org.filter((n) => n.parentId === ding.parentId && n.kind === 'rep' && n.hireDate! < '2025-01-01');

  it('gives 丁亮凯 (hired 5 Sep, badged 30%) 30% of an average veteran of his team in October', () => {
    expect(ding.hireDate).to.equal('2026-09-05');
    expect(rampBadge(ding, asOf)).to.equal(0.3);
    expect(veterans.map((v) => v.name)).to.deep.equal(['赵辰', '姜超磊', '杜彬静', '薛婷']);
    const oct = veterans.map((v) => gridValue(d.value, v.id, '2026-10')!);
    // The veterans' October: 31,738,089 + 18,857,251 + 17,978,220 + 18,776,733 = 87,350,293 分, an
    // average of 21,837,573.25; 30% of it is 6,551,272 (¥6.55万). Before: ¥2.61万 (about 14%).
    expect(oct).to.deep.equal([31_738_089, 18_857_251, 17_978_220, 18_776_733]);
    expect(gridValue(d.value, ding.id, '2026-10')).to.equal(6_551_270);
    expect(Math.abs(gridValue(d.value, ding.id, '2026-10')! - 0.3 * (87_350_293 / 4))).to.be.below(3);
  });

  it('prorates 徐军 (hired 19 Oct in this sample) by the days of his hire month', () => {
    expect(xu.hireDate).to.equal('2026-10-19');
    // 13 of October's 31 days at 30%: 6,551,272 × 13/31 = 2,747,307.6; then a full 30% in November.
    expect(gridValue(d.value, xu.id, '2026-10')).to.equal(2_747_308);
    expect(Math.abs(gridValue(d.value, xu.id, '2026-11')! - gridValue(d.value, ding.id, '2026-11')!)).to.be.at.most(1);
  });
});

describe('ramp: the capacity split counts person-years, the hire month prorated', () => {
  it('weighs a rep hired 23 October at (0.3 × 9/31 + 0.6) / 12 of a year, not 0.3', () => {
    const org: OrgNode[] = [
      { id: 'co', name: 'co', parentId: null, kind: 'company' },
      { id: 'east', name: 'east', parentId: 'co', kind: 'team' },
      { id: 'south', name: 'south', parentId: 'co', kind: 'team' },
      { id: 'a', name: 'a', parentId: 'east', kind: 'rep', hireDate: '2020-01-01' },
      { id: 'b', name: 'b', parentId: 'east', kind: 'rep', hireDate: '2026-10-23' },
      { id: 'c', name: 'c', parentId: 'south', kind: 'rep', hireDate: '2019-05-01' },
    ];
    const reader = gridReader({ index: buildOrgIndex(org), source: source([{ nodeId: 'co', period: 'FY2026', metric: 'revenue', value: 1_000_000 }]), calendar: { startMonth: 1 }, metric: 'revenue' });
    const r = planDistribute(reader, { nodeId: 'co', period: 'FY2026', method: 'capacity', asOf: '2026-11-27' });
    if (!r.ok) throw new Error(r.error.message);
    // east 1 + 71/1240, south 1: 1,000,000 × 1.05726 / 2.05726 = 513,916.11 and 486,083.89 → the
    // unit left goes to the larger remainder (south): 513,916 and 486,084. Before: 1.3 : 1 → 565,217.
    expect(r.value.children.map((c) => c.to)).to.deep.equal([513_916, 486_084]);
  });
});
