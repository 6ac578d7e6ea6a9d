import { expect } from '@open-wc/testing';
import { generateSampleCompany, type SampleCompany } from '../../src/sample/sample-data.js';
import { checkOrg, type Actual } from '../../src/engine/plan/model.js';
import { ActualsSnapshotSchema, parseWith, PlanSnapshotSchema } from '../../src/engine/plan/model-schema.js';

const sum = (xs: readonly Actual[]): number => xs.reduce((s, x) => s + x.amount, 0);
const DAY = 86_400_000;
const ms = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('generateSampleCompany', () => {
  let co: SampleCompany;
  let bookings: Actual[];
  let collections: Actual[];
  before(() => {
    co = generateSampleCompany();
    bookings = co.actuals.actuals.filter((a) => a.type === 'booking');
    collections = co.actuals.actuals.filter((a) => a.type === 'collection');
  });

  it('passes the plan and actuals schemas and forms one org tree', () => {
    const plan = parseWith(PlanSnapshotSchema, co.plan);
    expect(plan.ok, JSON.stringify(plan.ok ? [] : plan.issues.slice(0, 3))).to.equal(true);
    const actuals = parseWith(ActualsSnapshotSchema, co.actuals);
    expect(actuals.ok, JSON.stringify(actuals.ok ? [] : actuals.issues.slice(0, 3))).to.equal(true);
    expect(checkOrg(co.plan.org)).to.deep.equal([]);
  });

  it('is deterministic per seed', () => {
    expect(JSON.stringify(generateSampleCompany({ seed: 2026 }))).to.equal(JSON.stringify(co));
    const other = generateSampleCompany({ seed: 7 });
    expect(other.plan.org.map((n) => n.name)).not.to.deep.equal(co.plan.org.map((n) => n.name));
    expect(other.actuals.actuals.slice(0, 20)).not.to.deep.equal(co.actuals.actuals.slice(0, 20));
  });

  it('keeps the history when only the pipeline size changes', () => {
    const more = generateSampleCompany({ opportunitiesPerRep: 12 });
    expect(more.actuals.actuals).to.deep.equal(co.actuals.actuals);
    expect(more.actuals.pipeline.length).to.be.greaterThan(co.actuals.pipeline.length * 1.5);
  });

  it('describes the plan: FY2026 in CNY, four stages, three products of which 智能助手 is new', () => {
    const p = co.plan.plan;
    expect([p.id, p.name, p.currency, p.fiscalYear, p.version]).to.deep.equal(['sample-fy2026', '星辰科技 FY2026 销售目标', 'CNY', 2026, 1]);
    expect(p.calendar.startMonth).to.equal(1);
    // Official 2026 schedule: 春节 2026-02-15 … 02-23 off, Saturdays 02-14 and 02-28 worked.
    expect(p.calendar.holidays).to.include.members(['2026-02-15', '2026-02-17', '2026-02-23', '2025-10-08', '2026-10-07']);
    expect(p.calendar.workdays).to.include.members(['2026-02-14', '2026-02-28', '2026-01-04']);
    expect(co.plan.products.map((x) => [x.id, x.name, x.new])).to.deep.equal([
      ['cloud', '云平台', false],
      ['analytics', '数据分析', false],
      ['ai', '智能助手', true],
    ]);
    expect(co.plan.stages.map((s) => [s.id, s.name?.['zh-CN'], s.avgDays])).to.deep.equal([
      ['lead', '线索', 14],
      ['demo', '演示', 10],
      ['quote', '报价', 12],
      ['won', '赢单', 0],
    ]);
  });

  it('builds 星辰科技 → 4 regions → 12 teams → about 80 reps', () => {
    const org = co.plan.org;
    const regions = org.filter((n) => n.kind === 'region');
    const teams = org.filter((n) => n.kind === 'team');
    const reps = org.filter((n) => n.kind === 'rep');
    expect(org[0]).to.deep.equal({ id: 'company', name: '星辰科技', parentId: null, kind: 'company' });
    expect(regions.map((r) => r.name)).to.deep.equal(['华东', '华南', '华北', '西南']);
    expect(teams.slice(0, 3).map((t) => t.name)).to.deep.equal(['华东一部', '华东二部', '华东三部']);
    expect(teams.length).to.equal(12);
    // 12 teams of 6 or 7 reps: 72 … 84.
    expect(reps.length).to.be.within(72, 84);
    expect([...regions, ...teams].every((n) => n.hireDate === undefined && (n.potential ?? 0) > 0)).to.equal(true);
    expect(reps.every((r) => /^\p{Script=Han}{2,3}$/u.test(r.name) && (r.role === 'rep' || r.role === 'senior'))).to.equal(true);
  });

  it('hires about 15 % of reps this year, each with a senior of their team as mentor', () => {
    const reps = co.plan.org.filter((n) => n.kind === 'rep');
    const byId = new Map(reps.map((r) => [r.id, r]));
    const fresh = reps.filter((r) => r.hireDate! >= '2026-01-01');
    expect(fresh.length / reps.length).to.be.within(0.05, 0.25);
    for (const r of fresh) {
      expect(r.hireDate! <= '2026-10-28').to.equal(true); // at least 30 days before asOf
      const mentor = byId.get(r.mentorId!)!;
      expect([mentor.role, mentor.parentId, mentor.hireDate! < '2025-01-01']).to.deep.equal(['senior', r.parentId, true]);
    }
    const mentors = new Set(fresh.map((r) => r.mentorId));
    expect(mentors.size).to.be.within(1, 24); // at most 2 per team
    // Veterans were hired 1–8 years before 2026-01-01.
    for (const r of reps.filter((x) => x.hireDate! < '2026-01-01')) {
      const years = (ms('2026-01-01') - ms(r.hireDate!)) / DAY / 365;
      expect(years).to.be.within(1, 8);
      expect(r.mentorId).to.equal(undefined);
    }
  });

  it('sets only the company target: last year × 1.15, rounded to 100万 yuan, about 1.2亿', () => {
    expect(co.plan.targets.length).to.equal(1);
    const t = co.plan.targets[0]!;
    expect([t.nodeId, t.period, t.metric, t.locked, t.source]).to.deep.equal(['company', 'FY2026', 'revenue', false, 'top-down']);
    const lastYear = sum(bookings.filter((b) => b.date.startsWith('2025')));
    expect(t.value).to.equal(Math.round((lastYear * 1.15) / 1e8) * 1e8);
    expect(t.value).to.be.within(1.0e10, 1.4e10); // 1.0亿 … 1.4亿 yuan in 分
  });

  it('books realistic integer deal sizes on working days from 2024-01 to asOf', () => {
    expect([co.actuals.from, co.actuals.to]).to.deep.equal(['2024-01-01', '2026-11-27']);
    const cal = co.plan.plan.calendar;
    const holidays = new Set(cal.holidays);
    const workdays = new Set(cal.workdays);
    // Every booking checked in plain JS; the ones that break a rule named and asserted at once.
    const bad: string[] = [];
    for (const b of bookings) {
      if (!Number.isSafeInteger(b.amount)) bad.push(`${b.id}: amount ${b.amount} not a safe integer`);
      if (!(b.amount >= 5_000_000 && b.amount <= 50_000_000)) bad.push(`${b.id}: amount ${b.amount} outside 5万 … 50万 yuan`);
      if (!(b.date >= '2024-01-01' && b.date <= '2026-11-27')) bad.push(`${b.id}: date ${b.date} outside 2024-01-01 … 2026-11-27`);
      const day = new Date(ms(b.date)).getUTCDay();
      if (!(workdays.has(b.date) || (!holidays.has(b.date) && day !== 0 && day !== 6))) bad.push(`${b.id}: ${b.date} is not a working day`);
    }
    expect(bad).to.deep.equal([]);
    expect(bookings.length).to.be.within(1000, 3000);
  });

  it('shows seasonality: a Q4 peak and a Spring Festival dip in each history year', () => {
    // Lunar New Year: 2024-02-10 (February), 2025-01-29 (January).
    for (const [year, sfMonth] of [['2024', '02'], ['2025', '01']] as const) {
      const y = bookings.filter((b) => b.date.startsWith(year));
      const total = sum(y);
      const q4 = sum(y.filter((b) => b.date.slice(5, 7) >= '10'));
      expect(q4, `${year} Q4`).to.be.greaterThan(total / 4);
      expect(sum(y.filter((b) => b.date.slice(5, 7) === sfMonth)), `${year}-${sfMonth}`).to.be.lessThan(total / 12);
    }
  });

  it('sells the new product only in the plan year', () => {
    const ai = bookings.filter((b) => b.productId === 'ai');
    expect(ai.length).to.be.greaterThan(0);
    expect(ai.every((b) => b.date >= '2026-01-01')).to.equal(true);
  });

  it('lets new hires book little: nothing before their hire date', () => {
    const hire = new Map(co.plan.org.filter((n) => n.kind === 'rep').map((r) => [r.id, r.hireDate!]));
    expect(bookings.every((b) => b.date >= hire.get(b.repId)!)).to.equal(true);
    const fresh = new Set([...hire].filter(([, d]) => d >= '2026-01-01').map(([id]) => id));
    const perRep = (ids: (id: string) => boolean): number => {
      const n = [...hire.keys()].filter(ids).length;
      return sum(bookings.filter((b) => b.date >= '2026-01-01' && ids(b.repId))) / n;
    };
    expect(perRep((id) => fresh.has(id))).to.be.lessThan(perRep((id) => !fresh.has(id)) / 2);
  });

  it('collects 30–90 days after booking, never more than booked, about 90 % overall', () => {
    const byId = new Map(bookings.map((b) => [b.id, b]));
    const collected = new Map<string, number>();
    // Every collection checked in plain JS; the ones that break a rule named and asserted at once.
    const bad: string[] = [];
    for (const c of collections) {
      const b = byId.get(c.bookingId!)!;
      if (c.repId !== b.repId || c.productId !== b.productId) bad.push(`${c.id}: ${c.repId} ${c.productId}, its booking ${b.repId} ${b.productId}`);
      const days = (ms(c.date) - ms(b.date)) / DAY;
      if (!(days >= 30 && days <= 100)) bad.push(`${c.id}: ${days} days after its booking`); // 30–90, moved to the next working day
      if (!(c.date <= '2026-11-27')) bad.push(`${c.id}: dated ${c.date}, after asOf`);
      collected.set(b.id, (collected.get(b.id) ?? 0) + c.amount);
    }
    for (const [id, amount] of collected) if (!(amount <= byId.get(id)!.amount)) bad.push(`${id}: ${amount} collected of ${byId.get(id)!.amount} booked`);
    expect(bad).to.deep.equal([]);
    // Bookings before 2026-07 have had time to be paid: rate ≈ 0.8 + 0.15 × 0.7 = 0.905.
    const mature = bookings.filter((b) => b.date < '2026-07-01');
    const rate = mature.reduce((s, b) => s + (collected.get(b.id) ?? 0), 0) / sum(mature);
    expect(rate).to.be.within(0.85, 0.95);
  });

  it('counts funnel stages per rep and month consistently with the bookings', () => {
    const won = new Map<string, number>();
    for (const b of bookings) {
      const k = `${b.repId}|${b.date.slice(0, 7)}`;
      won.set(k, (won.get(k) ?? 0) + 1);
    }
    const rows = new Map<string, Record<string, number>>();
    for (const s of co.actuals.stageCounts) {
      const k = `${s.repId}|${s.month}`;
      rows.set(k, { ...rows.get(k), [s.stageId]: s.count });
    }
    let totals = { lead: 0, demo: 0, quote: 0, won: 0 };
    expect(co.actuals.stageCounts.every((s) => s.count > 0)).to.equal(true); // a missing row means 0
    // Every rep-month checked in plain JS; the ones that break a rule named and asserted at once.
    const bad: string[] = [];
    for (const [k, row] of rows) {
      const c = { lead: 0, demo: 0, quote: 0, won: 0, ...row };
      if (c.won !== (won.get(k) ?? 0)) bad.push(`${k}: ${c.won} won, ${won.get(k) ?? 0} bookings`);
      if (!(c.lead >= c.demo && c.demo >= c.quote && c.quote >= c.won)) bad.push(`${k}: lead ${c.lead} ≥ demo ${c.demo} ≥ quote ${c.quote} ≥ won ${c.won} broken`);
      totals = { lead: totals.lead + c.lead, demo: totals.demo + c.demo, quote: totals.quote + c.quote, won: totals.won + c.won };
    }
    for (const k of won.keys()) if (!rows.has(k)) bad.push(`${k}: bookings but no stage counts`);
    expect(bad).to.deep.equal([]);
    // Rates around quote→won 0.4, demo→quote 0.5, lead→demo 0.2.
    expect(totals.won / totals.quote).to.be.within(0.3, 0.5);
    expect(totals.quote / totals.demo).to.be.within(0.4, 0.6);
    expect(totals.demo / totals.lead).to.be.within(0.15, 0.25);
  });

  it('has an open pipeline of about 6 deals per rep closing 1–4 months after asOf', () => {
    const reps = co.plan.org.filter((n) => n.kind === 'rep').length;
    const pipe = co.actuals.pipeline;
    expect(pipe.length / reps).to.be.within(4.5, 7);
    const probability = { lead: 0.05, demo: 0.2, quote: 0.45 } as Record<string, number>;
    for (const o of pipe) {
      expect(o.probability).to.equal(probability[o.stageId]);
      expect(Number.isSafeInteger(o.amount) && o.amount >= 5_000_000).to.equal(true);
      const days = (ms(o.expectedClose) - ms('2026-11-27')) / DAY;
      expect(days).to.be.within(30, 135);
    }
  });

  it('has an admin, a manager per region, the veteran rep’s team manager, a finance login and two rep logins', () => {
    const users = co.plan.users!;
    expect(users[0]).to.deep.equal({ id: 'u-admin', name: '系统管理员', roles: ['admin'], canView: ['company'], canEdit: ['company'] });
    const managers = users.filter((u) => u.roles.includes('manager'));
    const veteranTeam = co.plan.org.find((n) => n.id === users.find((u) => u.roles.includes('rep'))!.nodeId)!.parentId!;
    expect(managers.map((m) => m.canView)).to.deep.equal([['region-1'], ['region-2'], ['region-3'], ['region-4'], [veteranTeam]]);
    expect(users.filter((u) => u.roles.includes('finance')).map((u) => [u.id, u.canView, u.canEdit])).to.deep.equal([['u-finance', ['company'], []]]);
    const reps = users.filter((u) => u.roles.includes('rep'));
    expect(reps.length).to.equal(2);
    const kinds = new Map(co.plan.org.map((n) => [n.id, n.kind]));
    for (const u of reps) expect([kinds.get(u.nodeId!), u.canView, u.canEdit]).to.deep.equal(['rep', [u.nodeId], []]);
  });

  it('uses unique ids everywhere', () => {
    const unique = (ids: string[]) => expect(new Set(ids).size).to.equal(ids.length);
    unique(co.plan.org.map((n) => n.id));
    unique(co.plan.users!.map((u) => u.id));
    unique([...co.actuals.actuals.map((a) => a.id), ...co.actuals.pipeline.map((o) => o.id)]);
    unique(co.actuals.stageCounts.map((s) => `${s.repId}|${s.month}|${s.stageId}`));
  });

  it('follows asOf, historyYears and a fiscal year starting in April', () => {
    const short = generateSampleCompany({ historyYears: 0, asOf: '2026-03-31' });
    expect([short.actuals.from, short.actuals.to]).to.deep.equal(['2026-01-01', '2026-03-31']);
    expect(short.actuals.actuals.every((a) => a.date >= '2026-01-01' && a.date <= '2026-03-31')).to.equal(true);
    const reps = short.plan.org.filter((n) => n.kind === 'rep').length;
    expect(short.plan.targets[0]!.value).to.equal(reps * 150_000_000); // 150万 yuan per rep, no history
    const april = generateSampleCompany({ calendar: { startMonth: 4 } });
    // FY2026 = 2026-04 … 2027-03; default asOf = 10 months and 26 days into it.
    expect([april.actuals.from, april.actuals.to]).to.deep.equal(['2024-04-01', '2027-02-27']);
    expect(april.plan.plan.calendar.holidays!.length).to.be.greaterThan(50);
    const ai = april.actuals.actuals.filter((a) => a.productId === 'ai' && a.type === 'booking');
    expect(ai.every((a) => a.date >= '2026-04-01')).to.equal(true);
  });

  it('never throws on bad options: falls back to the defaults', () => {
    const bad = generateSampleCompany({ regions: Number.NaN, asOf: '2026-13-45', currency: 'yuan', seed: Number.NaN });
    expect(bad.plan.org.filter((n) => n.kind === 'region').length).to.equal(4);
    expect([bad.plan.plan.currency, bad.actuals.to]).to.deep.equal(['CNY', '2026-11-27']);
    expect(parseWith(PlanSnapshotSchema, bad.plan).ok).to.equal(true);
    const clamped = generateSampleCompany({ asOf: '2030-01-01' });
    expect(clamped.actuals.to).to.equal('2026-12-31');
  });

  // The 10,000-rep company (20 × 25 × 20) is timed in bench/engine (npm run bench:engine); here the
  // same generator at a size a unit test affords: names past the built-in lists, counts, users.
  it('names regions and teams past its built-in lists: 6 regions × 25 teams × 2 reps', () => {
    const big = generateSampleCompany({ regions: 6, teamsPerRegion: 25, repsPerTeam: 2 });
    const org = big.plan.org;
    const count = (kind: string) => org.filter((n) => n.kind === kind).length;
    expect([count('region'), count('team'), count('rep')]).to.deep.equal([6, 150, 300]);
    expect(org.find((n) => n.id === 'region-5')!.name).to.equal('区域5');
    expect(org.find((n) => n.id === 'team-1-25')!.name).to.equal('华东二十五部');
    expect(checkOrg(org)).to.deep.equal([]);
    expect(big.actuals.actuals.every((a) => Number.isSafeInteger(a.amount))).to.equal(true);
    expect(big.plan.users!.length).to.equal(1 + 6 + 1 + 1 + 2);
  });
});
