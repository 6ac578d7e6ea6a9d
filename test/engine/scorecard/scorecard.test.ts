import { expect } from '@open-wc/testing';
import { profileFor, rankScorecards, scorePerson, WEIGHT_PROFILES, type Scorecard } from '../../../src/engine/scorecard/scorecard.js';
import { previousPeriod, scorecardsFromSnapshot } from '../../../src/engine/scorecard/source.js';
import { reviewMessages } from '../../../src/i18n/both-languages.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import { SAME_KPIS } from '../../fixtures/scorecard.js';

// The same numbers for everyone: attainment 80%, activity 120%, CRM 100%, win rate 90%, deal size 70%,
// collection rate 100%, CLV ¥120,000 of ¥150,000 (80%), cross-sell 50%, strategic accounts 0 of 2, mentoring not measured.
const SAME = SAME_KPIS;

describe('profileFor', () => {
  const asOf = '2026-04-15';
  it('picks the profile by tenure, then role', () => {
    expect(profileFor({ hireDate: '2026-01-05', role: 'rep' }, { asOf })).to.deep.equal({ profile: 'new-hire', reason: 'new-hire-tenure', tenureMonths: 3 });
    expect(profileFor({ hireDate: '2019-03-01' }, { asOf })).to.deep.equal({ profile: 'veteran', reason: 'veteran-tenure', tenureMonths: 85 });
    expect(profileFor({ hireDate: '2024-10-01', role: 'Senior AE' }, { asOf }).reason).to.equal('veteran-role');
    expect(profileFor({ hireDate: '2024-10-01', role: '资深销售' }, { asOf }).profile).to.equal('veteran');
    // A senior hired two months ago is still judged as a new hire.
    expect(profileFor({ hireDate: '2026-02-10', role: 'senior' }, { asOf }).profile).to.equal('new-hire');
    expect(profileFor({ hireDate: '2024-10-01', role: 'rep' }, { asOf })).to.deep.equal({ profile: 'standard', reason: 'default', tenureMonths: 18 });
    expect(profileFor({}, { asOf, profile: 'veteran' }).reason).to.equal('given');
  });
});

describe('scorePerson', () => {
  it('scores a new hire and a veteran with the same numbers differently', () => {
    // KPI scores: attainment 80, activity min(1.2, 1.2)·100 = 120, CRM 100, win rate 90, deal size 70,
    // collection rate 100, CLV 12,000,000 / 15,000,000 = 80, cross-sell 50, strategic accounts 0; mentoring not measurable.
    // New hire (activity 30, CRM 25, attainment 20, win rate 15, collection 10; no CLV weight):
    //   (30·120 + 25·100 + 20·80 + 15·90 + 10·100) / 100 = 10,050 / 100 = 100.5
    // Veteran (attainment 30, cross-sell 15, strategic 15, deal size 10, CLV 10, mentoring 10, collection 10), mentoring
    //   left out so 90 points remain: (30·80 + 15·50 + 15·0 + 10·70 + 10·80 + 10·100) / 90 = 5,650 / 90 = 62.78 → 62.8
    const newHire = scorePerson({ id: 'n', name: '新人', hireDate: '2026-01-05', kpis: SAME }, { asOf: '2026-04-15' });
    const veteran = scorePerson({ id: 'v', name: '老将', hireDate: '2019-03-01', kpis: SAME }, { asOf: '2026-04-15' });
    if (!newHire.ok || !veteran.ok) throw new Error('unexpected failure');
    expect(newHire.value.profile).to.equal('new-hire');
    expect(newHire.value.score).to.equal(100.5);
    expect(newHire.value.lines.map((l) => [l.kpi, l.weight, l.score === null ? null : Math.round(l.score * 1e6) / 1e6])).to.deep.equal([
      ['activity', 30, 120], ['crmCompleteness', 25, 100], ['attainment', 20, 80], ['winRate', 15, 90], ['collectionRate', 10, 100],
    ]);
    expect(veteran.value.profile).to.equal('veteran');
    expect(veteran.value.score).to.equal(62.8);
    expect(veteran.value.exactScore).to.be.closeTo(5650 / 90, 1e-9);
    expect(veteran.value.missing).to.deep.equal(['mentoring']);
    expect(veteran.value.lines.find((l) => l.kpi === 'attainment')!.share).to.be.closeTo(30 / 90, 1e-12);
    // CLV: weight 10 of the 90 measured points, score 80 → 10 / 90 × 80 = 8.89 points.
    const clv = veteran.value.lines.find((l) => l.kpi === 'clv')!;
    expect([clv.group, clv.weight, clv.actual, clv.benchmark, clv.ratio, clv.score]).to.deep.equal(['quality', 10, 12_000_000, 15_000_000, 0.8, 80]);
    expect(clv.points).to.be.closeTo(800 / 90, 1e-9);
  });

  it('weighs CLV in the standard and veteran profiles only', () => {
    expect(WEIGHT_PROFILES['new-hire'].clv).to.equal(undefined);
    expect([WEIGHT_PROFILES.standard.clv, WEIGHT_PROFILES.veteran.clv]).to.deep.equal([5, 10]);
    for (const id of ['new-hire', 'standard', 'veteran'] as const) expect(Object.values(WEIGHT_PROFILES[id]).reduce((a, b) => a + b!, 0)).to.equal(100);
    // Standard, 18 months in: (30·80 + 15·120 + 15·90 + 10·70 + 10·100 + 10·100 + 5·50 + 5·80) / 100
    //   = (2,400 + 1,800 + 1,350 + 700 + 1,000 + 1,000 + 250 + 400) / 100 = 8,900 / 100 = 89.0
    const standard = scorePerson({ id: 's', name: 'S', hireDate: '2024-10-01', kpis: SAME }, { asOf: '2026-04-15' });
    if (!standard.ok) throw new Error(standard.error.message);
    expect([standard.value.profile, standard.value.score]).to.deep.equal(['standard', 89]);
    expect(standard.value.lines.find((l) => l.kpi === 'clv')!.points).to.be.closeTo(4, 1e-12);
    // Without a CLV figure its 5 points go to the others: (8,900 − 400) / 95 = 89.47 → 89.5.
    const noClv = scorePerson({ id: 's', name: 'S', hireDate: '2024-10-01', kpis: { ...SAME, clv: { actual: null, benchmark: 15_000_000 } } }, { asOf: '2026-04-15' });
    expect(noClv.ok && [noClv.value.score, noClv.value.missing]).to.deep.equal([89.5, ['clv']]);
    // A new hire's score ignores CLV altogether.
    const newHire = scorePerson({ id: 'n', name: 'N', hireDate: '2026-01-05', kpis: { ...SAME, clv: { actual: 0, benchmark: 15_000_000 } } }, { asOf: '2026-04-15' });
    expect(newHire.ok && [newHire.value.score, newHire.value.lines.some((l) => l.kpi === 'clv')]).to.deep.equal([100.5, false]);
  });

  it('shows the trend against the previous period with the same profile', () => {
    // Previous: attainment 60 → new hire (30·120 + 25·100 + 20·60 + 15·90 + 10·100) / 100 = 96.5; trend +4.0.
    const r = scorePerson({ id: 'n', name: 'N', hireDate: '2026-01-05', kpis: SAME, previous: { ...SAME, attainment: { actual: 60, benchmark: 100 } } }, { asOf: '2026-04-15' });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.score, r.value.previousScore, r.value.trend]).to.deep.equal([100.5, 96.5, 4]);
  });

  it('has no score when nothing can be measured, and rejects bad values', () => {
    const r = scorePerson({ id: 'x', name: 'X', kpis: {} }, { asOf: '2026-04-15' });
    expect(r.ok && r.value.score).to.equal(null);
    const bad = scorePerson({ id: 'x', name: 'X', kpis: { activity: { actual: -3, benchmark: 10 } } }, { asOf: '2026-04-15' });
    expect(bad.ok ? 'ok' : bad.error.code).to.equal('scorecard-kpi-invalid');
    const cap = scorePerson({ id: 'x', name: 'X', kpis: {} }, { asOf: '2026-04-15', cap: 0.5 });
    expect(cap.ok ? 'ok' : cap.error.code).to.equal('scorecard-option-invalid');
    expect(reviewMessages['zh-CN']['scorecard-kpi-invalid']({ kpi: 'activity', person: '王芳', value: -3 })).to.equal('「王芳」的 activity 必须是大于或等于 0 的数（当前为 -3）。');
  });
});

describe('rankScorecards', () => {
  const card = (id: string, score: number | null, attainment: number | null): Scorecard => ({
    id, name: id, profile: 'standard', profileReason: 'default', tenureMonths: 12, missing: [], exactScore: score, previousScore: null, trend: null, score,
    lines: attainment === null ? [] : [{ kpi: 'attainment', group: 'result', weight: 35, share: 1, actual: attainment, benchmark: 100, ratio: attainment / 100, score: attainment, points: attainment }],
  });

  it('ranks by score, breaks ties by attainment, and shares ranks on full ties', () => {
    // a 88.0 (attainment 90), b 91.5, c 88.0 (attainment 100), d 88.0 (attainment 90), e no score.
    // b 1st; c beats a and d on attainment → 2nd; a and d tie on both → 3rd and 3rd (listed by id); e unranked.
    const ranked = rankScorecards([card('d', 88, 90), card('e', null, null), card('b', 91.5, 95), card('a', 88, 90), card('c', 88, 100)]);
    expect(ranked.map((c) => [c.id, c.rank, c.tied])).to.deep.equal([
      ['b', 1, false], ['c', 2, false], ['a', 3, true], ['d', 3, true], ['e', null, false],
    ]);
    // The rank after a tie skips: 1, 1, 3.
    expect(rankScorecards([card('x', 70, 70), card('y', 70, 70), card('z', 60, 60)]).map((c) => c.rank)).to.deep.equal([1, 1, 3]);
  });
});

describe('scorecardsFromSnapshot', () => {
  const source = () => {
    const { plan, actuals } = smallFixture();
    return { plan: plan.plan, org: plan.org, stages: plan.stages, targets: plan.targets, actuals, asOf: '2026-04-15' };
  };

  it('measures the reps of a team from plan data', () => {
    // 上海一组 (east-sh), FY2026-Q1: r1 王芳 (veteran, target ¥500,000) and r2 李强 (hired 2026-01-05, new hire).
    const r = scorecardsFromSnapshot(source(), { nodeId: 'east-sh', period: 'FY2026-Q1' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.previousPeriod).to.equal('FY2025-Q4');
    const r1 = r.value.people.find((p) => p.id === 'r1')!;
    // Bookings ¥165,000 of ¥500,000; activity 40 + 10 + 5 = 55 (the team median of those with activity: only r1);
    // win rate 2/5 against the team's pooled 2/5; cross-sell: 2 product lines; mentoring: r2 → 1 mentee.
    expect(r1.kpis.attainment).to.deep.equal({ actual: 16_500_000, benchmark: 50_000_000 });
    expect(r1.kpis.activity).to.deep.equal({ actual: 55, benchmark: 55 });
    expect(r1.kpis.winRate).to.deep.equal({ actual: 0.4, benchmark: 0.4 });
    expect(r1.kpis.crossSell).to.deep.equal({ actual: 2, benchmark: 2 });
    expect(r1.kpis.mentoring).to.deep.equal({ actual: 1, benchmark: 1 });
    // CRM: o1 is still open with an expected close (2026-02-20) before today (2026-04-15) → 0 of 1 up to date.
    expect(r1.kpis.crmCompleteness).to.deep.equal({ actual: 0, benchmark: 1 });
    const c1 = r.value.cards.find((c) => c.id === 'r1')!;
    const c2 = r.value.cards.find((c) => c.id === 'r2')!;
    expect([c1.profile, c2.profile]).to.deep.equal(['veteran', 'new-hire']);
    // r1 veteran: attainment 33 (30), cross-sell 100 (15), deal size 82,500/82,500 = 100 (10), mentoring 100 (10),
    // collection 60,000/165,000 against the same pooled rate = 100 (10); strategic accounts and CLV unmeasured (75 points):
    // (30·33 + 15·100 + 10·100 + 10·100 + 10·100) / 75 = 5,490 / 75 = 73.2
    expect(c1.score).to.equal(73.2);
    expect(c1.missing).to.deep.equal(['strategicAccounts', 'clv']);
    expect(c1.rank).to.equal(1);
    expect(r.value.nodeName).to.equal('上海一组');
  });

  it('prorates team levels by tenure and gives no trend to a rep not employed in the previous period (issue 16, item 8)', () => {
    // 深圳组 (south-sz), FY2026-Q1 (90 days): r5 陈静 (2018) has 30 leads, the team median of those with
    // activity; r6 赵磊 was hired 2026-02-16, employed 16 Feb … 31 Mar = 13 + 31 = 44 days of 90,
    // so he is held to 30 × 44 / 90 = 14.67 activities, not the full-quarter 30.
    const r = scorecardsFromSnapshot(source(), { nodeId: 'south-sz', period: 'FY2026-Q1' });
    if (!r.ok) throw new Error(r.error.message);
    const person = (id: string) => r.value.people.find((p) => p.id === id)!;
    expect(person('r5').kpis.activity).to.deep.equal({ actual: 30, benchmark: 30 });
    expect(person('r6').kpis.activity!.benchmark).to.be.closeTo((30 * 44) / 90, 1e-9);
    // FY2025-Q4 ended before 赵磊 joined: no previous scorecard, no "▲ vs FY2025-Q4".
    expect(person('r6').previous).to.equal(undefined);
    const c6 = r.value.cards.find((c) => c.id === 'r6')!;
    expect([c6.previousScore, c6.trend]).to.deep.equal([null, null]);
    expect(person('r5').previous).to.not.equal(undefined);
  });

  it("takes CLV from the host's extras", () => {
    // r1's CRM says CLV ¥120,000 against the team's ¥150,000 → 80, weight 10 (85 points measured):
    // (5,490 + 10·80) / 85 = 6,290 / 85 = 74.0
    const extras = { r1: { clv: { actual: 12_000_000, benchmark: 15_000_000 } } };
    const r = scorecardsFromSnapshot(source(), { nodeId: 'east-sh', period: 'FY2026-Q1', extras });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.people.find((p) => p.id === 'r1')!.kpis.clv).to.deep.equal({ actual: 12_000_000, benchmark: 15_000_000 });
    const c1 = r.value.cards.find((c) => c.id === 'r1')!;
    expect([c1.score, c1.missing]).to.deep.equal([74, ['strategicAccounts']]);
    // A bad CLV figure is refused with the KPI named.
    const bad = scorecardsFromSnapshot(source(), { nodeId: 'east-sh', period: 'FY2026-Q1', extras: { r1: { clv: { actual: -1, benchmark: 15_000_000 } } } });
    expect(bad.ok ? 'ok' : [bad.error.code, bad.error.params?.kpi]).to.deep.equal(['scorecard-kpi-invalid', 'clv']);
  });

  it('gives one card for a rep, measured against their team', () => {
    const r = scorecardsFromSnapshot(source(), { nodeId: 'r2', period: 'FY2026-Q1' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.cards.map((c) => c.id)).to.deep.equal(['r2']);
    expect(previousPeriod('2026-03', { startMonth: 1 })).to.equal('2026-02');
    expect(previousPeriod('FY2026', { startMonth: 4 })).to.equal('FY2025');
  });
});
