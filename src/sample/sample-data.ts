/**
 * A deterministic sample company for the demo, Storybook, tests and benchmarks: 星辰科技, a Chinese
 * B2B software vendor with regions, teams and reps, three product lines (one new this year), two
 * years of monthly history with seasonality, funnel stage counts, open pipeline and users.
 *
 * Everything comes from one seed, so the same options always give the same JSON; sizes are options,
 * so a benchmark can ask for 10,000 reps. The work is linear in reps × months (no rep-by-rep
 * comparisons), and history is generated a month at a time with few deals per rep and month.
 */
import { createRandom, type Random } from '../engine/shared/random.js';
import { dateParts } from '../engine/calendar/periods.js';
import type {
  Actual,
  ActualsSnapshot,
  FiscalCalendar,
  FunnelStage,
  Opportunity,
  OrgNode,
  PlanSnapshot,
  ProductLine,
  StageCount,
  TargetCell,
  User,
} from '../engine/plan/model.js';

/** One public holiday period of the official PRC schedule, with its make-up working days (调休). */
export interface PublicHoliday {
  name: string;
  /** First and last day off, both included (weekend days inside the span are listed too). */
  from: string;
  to: string;
  /** Weekend days that are working days to make up for the holiday. */
  workdays: readonly string[];
}

/**
 * The official PRC public holidays for 2024, 2025 and 2026 as published by the State Council
 * General Office (国务院办公厅), with the make-up working days. The sample calendar uses all of
 * them, since its history reaches back into 2024.
 */
export const CN_PUBLIC_HOLIDAYS: readonly PublicHoliday[] = [
  { name: '元旦', from: '2024-01-01', to: '2024-01-01', workdays: [] },
  { name: '春节', from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] },
  { name: '清明节', from: '2024-04-04', to: '2024-04-06', workdays: ['2024-04-07'] },
  { name: '劳动节', from: '2024-05-01', to: '2024-05-05', workdays: ['2024-04-28', '2024-05-11'] },
  { name: '端午节', from: '2024-06-08', to: '2024-06-10', workdays: [] },
  { name: '中秋节', from: '2024-09-15', to: '2024-09-17', workdays: ['2024-09-14'] },
  { name: '国庆节', from: '2024-10-01', to: '2024-10-07', workdays: ['2024-09-29', '2024-10-12'] },
  { name: '元旦', from: '2025-01-01', to: '2025-01-01', workdays: [] },
  { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', from: '2025-04-04', to: '2025-04-06', workdays: [] },
  { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
  { name: '端午节', from: '2025-05-31', to: '2025-06-02', workdays: [] },
  { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
  { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
  { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
];

/** Lunar New Year's Day (正月初一) by Gregorian year: the month it falls in gets the Spring Festival dip. */
const LUNAR_NEW_YEAR: Readonly<Record<number, string>> = {
  2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22',
  2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06',
  2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03', 2031: '2031-01-23',
  2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19', 2035: '2035-02-08',
};

/** Options of {@link generateSampleCompany}; every one has a default. */
export interface SampleCompanyOptions {
  /** Seed of the random streams (default 2026). Only its integer part counts. */
  seed?: number;
  /** The plan's fiscal year (default 2026). */
  fiscalYear?: number;
  /** Calendar fields to override; missing ones default to January start and {@link CN_PUBLIC_HOLIDAYS}. */
  calendar?: Partial<FiscalCalendar>;
  /** ISO 4217 code (default 'CNY'); amounts are generated as minor units of a 2-decimal currency. */
  currency?: string;
  /** Number of regions (default 4: 华东, 华南, 华北, 西南; more are named 区域5, 区域6 …). */
  regions?: number;
  /** Teams per region (default 3: 华东一部, 华东二部 …). */
  teamsPerRegion?: number;
  /** Reps per team; by default 6 or 7 per team (about 80 reps in all), exactly this many when given. */
  repsPerTeam?: number;
  /** Whole fiscal years of monthly history before the plan year (default 2, at most 10). */
  historyYears?: number;
  /** Mean open opportunities per rep at `asOf` (default 6). */
  opportunitiesPerRep?: number;
  /**
   * Mean deals a fully ramped, average rep closes per month in an average month of the plan year
   * (default 0.65). Lower it to shrink the actuals of a very large org.
   */
  dealsPerRepMonth?: number;
  /** The "today" of the data: year-to-date actuals end here (default: the 27th of the fiscal year's 11th month, 2026-11-27). */
  asOf?: string;
}

/** The generated company: what `CrmAdapter.loadPlan` and `loadActuals` would return. */
export interface SampleCompany {
  plan: PlanSnapshot;
  actuals: ActualsSnapshot;
}

const DAY_MS = 86_400_000;
const REGION_NAMES = ['华东', '华南', '华北', '西南'];
const REGION_POTENTIAL = [1.3, 1.1, 1.0, 0.8];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红玲芬燕彬斌宇浩凯鑫鹏晨欣怡婷雪琳晶颖思佳子轩博文昊然睿雨嘉诗天瑞辰阳泽俊峰建志海亮云飞'];
const CN_DIGITS = '零一二三四五六七八九';

const PRODUCTS: ProductLine[] = [
  { id: 'cloud', name: '云平台', new: false },
  { id: 'analytics', name: '数据分析', new: false },
  { id: 'ai', name: '智能助手', new: true },
];
/** Median deal size per product in yuan; sizes are log-normal around it, clamped to 5万–50万. */
const MEDIAN_DEAL_YUAN = [180_000, 120_000, 90_000];
/** Cumulative product mix: history has no 智能助手; the plan year sells some. */
const MIX_HISTORY = [0.58, 1, 1];
const MIX_CURRENT = [0.5, 0.86, 1];

const STAGES: FunnelStage[] = [
  { id: 'lead', name: { en: 'Lead', 'zh-CN': '线索' }, avgDays: 14 },
  { id: 'demo', name: { en: 'Demo', 'zh-CN': '演示' }, avgDays: 10 },
  { id: 'quote', name: { en: 'Quote', 'zh-CN': '报价' }, avgDays: 12 },
  { id: 'won', name: { en: 'Won', 'zh-CN': '赢单' }, avgDays: 0 },
];
const OPEN_STAGE_PROBABILITY = { lead: 0.05, demo: 0.2, quote: 0.45 } as const;

/**
 * Seasonality by fiscal month (index 0 = first month of the fiscal year): the year-end push makes
 * the last quarter about 1.4× (1.3, 1.4, 1.5), the half-year close a mild bump (1.15); the month of
 * the Spring Festival is further multiplied by {@link SPRING_FESTIVAL_DIP}.
 */
const SEASON = [0.95, 0.95, 1.05, 0.95, 0.95, 1.15, 0.9, 0.9, 1.05, 1.3, 1.4, 1.5];
const SPRING_FESTIVAL_DIP = 0.6;
/** Company growth per year in the history: a year earlier sold 1/1.12 as much. */
const HISTORY_GROWTH = 1.12;
/** The annual target asks for 15 % more than last year's bookings. */
const TARGET_GROWTH = 1.15;
/** Minor units per 100万 yuan: the target is rounded to this. */
const TARGET_ROUNDING = 100_000_000;

interface Resolved {
  seed: number;
  fiscalYear: number;
  calendar: FiscalCalendar;
  currency: string;
  regions: number;
  teamsPerRegion: number;
  repsPerTeam: number | null;
  historyYears: number;
  opportunitiesPerRep: number;
  dealsPerRepMonth: number;
  /** UTC ms of the fiscal year's first day, of the history's first day, and of `asOf`. */
  fyStart: number;
  histStart: number;
  asOf: number;
}

/** The simulation state of one rep (not part of the output). */
interface RepSim {
  id: string;
  name: string;
  /** Hire day as an index into the day table (negative: before the history starts). */
  hireDay: number;
  /** Hire month as year × 12 + month − 1. */
  hireYm: number;
  /** Relative selling capacity: skill × territory potential. */
  volume: number;
  /** Conversion rates of this rep: quote → won, demo → quote, lead → demo. */
  winRate: number;
  quoteRate: number;
  demoRate: number;
  isNew: boolean;
  /** An experienced new hire (see {@link EXPERIENCED_HIRE_SHARE}). */
  experienced: boolean;
  /** The rep's customers so far (ids), for repeat business. */
  customers: string[];
}

/** One calendar month of the simulation. */
interface MonthSim {
  key: string;
  ym: number;
  season: number;
  /** Fiscal years before the plan year (0 for the plan year itself). */
  yearsBack: number;
  /** Working-day indexes of the month up to `asOf`, and the working days of the whole month. */
  workDays: number[];
  fullWorkDays: number;
}

const intOption = (v: number | undefined, dflt: number, min: number, max: number): number =>
  v === undefined || !Number.isFinite(v) ? dflt : Math.min(max, Math.max(min, Math.round(v)));
const numOption = (v: number | undefined, dflt: number, min: number, max: number): number =>
  v === undefined || !Number.isFinite(v) ? dflt : Math.min(max, Math.max(min, v));
const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const utc = (y: number, m1: number, d: number): number => Date.UTC(y, m1 - 1, d);
function parseIso(s: unknown): number | null {
  const d = typeof s === 'string' ? dateParts(s) : null;
  return d && utc(d[0], d[1], d[2]);
}
/** Adds whole months to a UTC ms timestamp of a first-of-month. */
const addMonths = (ms: number, n: number): number => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate());
};
const round2 = (v: number): number => Math.round(v * 100) / 100;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** 1 → 一, 12 → 十二, 25 → 二十五; from 100 on, Arabic digits. */
function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN_DIGITS[tens]) + '十' + (ones ? CN_DIGITS[ones] : '');
}

function defaultHolidays(): { holidays: string[]; workdays: string[] } {
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const h of CN_PUBLIC_HOLIDAYS) {
    for (let t = parseIso(h.from)!; t <= parseIso(h.to)!; t += DAY_MS) holidays.push(isoOf(t));
    workdays.push(...h.workdays);
  }
  return { holidays, workdays: workdays.sort() };
}

function resolve(options: SampleCompanyOptions): Resolved {
  const fiscalYear = intOption(options.fiscalYear, 2026, 1910, 2998);
  const cal = options.calendar ?? {};
  const startMonth = intOption(cal.startMonth, 1, 1, 12);
  const dflt = defaultHolidays();
  const calendar: FiscalCalendar = {
    startMonth,
    ...(cal.yearNaming ? { yearNaming: cal.yearNaming } : {}),
    ...(cal.weekend ? { weekend: [...cal.weekend] } : {}),
    holidays: cal.holidays ? [...cal.holidays] : dflt.holidays,
    workdays: cal.workdays ? [...cal.workdays] : dflt.workdays,
  };
  // With `end` naming, FY2026 starting in April runs 2025-04 … 2026-03.
  const startYear = cal.yearNaming === 'end' && startMonth !== 1 ? fiscalYear - 1 : fiscalYear;
  const fyStart = utc(startYear, startMonth, 1);
  const fyEnd = addMonths(fyStart, 12) - DAY_MS;
  const historyYears = intOption(options.historyYears, 2, 0, 10);
  const asOf = clamp(parseIso(options.asOf) ?? addMonths(fyStart, 10) + 26 * DAY_MS, fyStart, fyEnd);
  return {
    seed: Number.isFinite(options.seed) ? (options.seed as number) : 2026,
    fiscalYear,
    calendar,
    currency: typeof options.currency === 'string' && /^[A-Z]{3}$/.test(options.currency) ? options.currency : 'CNY',
    regions: intOption(options.regions, 4, 1, 1000),
    teamsPerRegion: intOption(options.teamsPerRegion, 3, 1, 1000),
    repsPerTeam: options.repsPerTeam === undefined ? null : intOption(options.repsPerTeam, 7, 1, 10_000),
    historyYears,
    opportunitiesPerRep: numOption(options.opportunitiesPerRep, 6, 0, 1000),
    dealsPerRepMonth: numOption(options.dealsPerRepMonth, 0.65, 0, 100),
    fyStart,
    histStart: addMonths(fyStart, -12 * historyYears),
    asOf,
  };
}


function personName(rng: Random): string {
  const given = rng.next() < 0.6 ? rng.pick(GIVEN)! + rng.pick(GIVEN)! : rng.pick(GIVEN)!;
  return rng.pick(SURNAMES)! + given;
}

/** The day table: ISO date and working-day flag for every day from the history start on. */
function buildDays(o: Resolved, endMs: number): { iso: string[]; work: boolean[] } {
  const holidays = new Set(o.calendar.holidays);
  const workdays = new Set(o.calendar.workdays);
  const weekend = new Set(o.calendar.weekend ?? [0, 6]);
  const iso: string[] = [];
  const work: boolean[] = [];
  for (let t = o.histStart; t <= endMs; t += DAY_MS) {
    const s = isoOf(t);
    iso.push(s);
    work.push(workdays.has(s) || (!holidays.has(s) && !weekend.has(new Date(t).getUTCDay())));
  }
  return { iso, work };
}

function buildMonths(o: Resolved, work: boolean[]): MonthSim[] {
  const months: MonthSim[] = [];
  const asOfDay = Math.round((o.asOf - o.histStart) / DAY_MS);
  const fyYm = new Date(o.fyStart).getUTCFullYear() * 12 + new Date(o.fyStart).getUTCMonth();
  for (let t = o.histStart; t <= o.asOf; t = addMonths(t, 1)) {
    const d = new Date(t);
    const y = d.getUTCFullYear();
    const m0 = d.getUTCMonth();
    const first = Math.round((t - o.histStart) / DAY_MS);
    const last = Math.round((addMonths(t, 1) - o.histStart) / DAY_MS) - 1;
    const workDays: number[] = [];
    let fullWorkDays = 0;
    for (let i = first; i <= last; i++) {
      if (!work[i]) continue;
      fullWorkDays++;
      if (i <= asOfDay) workDays.push(i);
    }
    const ym = y * 12 + m0;
    const lny = LUNAR_NEW_YEAR[y];
    const sfMonth = lny ? Number(lny.slice(5, 7)) - 1 : 1;
    const fiscalMonth = (ym - fyYm + 1200) % 12;
    months.push({
      key: `${y}-${String(m0 + 1).padStart(2, '0')}`,
      ym,
      season: SEASON[fiscalMonth]! * (m0 === sfMonth ? SPRING_FESTIVAL_DIP : 1),
      yearsBack: ym < fyYm ? Math.ceil((fyYm - ym) / 12) : 0,
      workDays,
      fullWorkDays,
    });
  }
  return months;
}

/** The index of a product line drawn from a cumulative mix. */
function pickProduct(rng: Random, mix: readonly number[]): number {
  const u = rng.next();
  return u < mix[0]! ? 0 : u < mix[1]! ? 1 : 2;
}

/** A deal size in 分: log-normal around the product's median, 5万–50万 yuan, in whole 100 yuan. */
function dealAmount(rng: Random, product: number): number {
  const yuan = clamp(MEDIAN_DEAL_YUAN[product]! * Math.exp(rng.normal(0, 0.5)), 50_000, 500_000);
  return Math.round(yuan / 100) * 10_000;
}

/**
 * How much of a full rep's sales a new hire makes (爬坡): 20 % in the first quarter, 50 % in the
 * second, 80 % in the third, then 100 % — a B2B learning curve slightly slower than the 30 %/60 %
 * ramp a plan typically grants, so ramped targets are not trivially met.
 */
const ramp = (monthsSinceHire: number): number =>
  monthsSinceHire < 0 ? 0 : monthsSinceHire < 3 ? 0.2 : monthsSinceHire < 6 ? 0.5 : monthsSinceHire < 9 ? 0.8 : 1;

/**
 * Share of new hires who come with industry experience (社招, from a competitor or a partner): they
 * learn the product in their hire month and sell like a full rep from their first full month on
 * ({@link EXPERIENCED_RAMP}). Hires do not all learn alike: without these, every hire followed the
 * slow curve, none ever beat the 30 %/60 % ramped target a plan grants, so no ramp bonus was earned
 * and the mentors' 传帮带 credit was ¥0 everywhere in the sample. With them, an experienced hire
 * still on ramp can beat the ramped target, earn the ramp bonus, and their mentor a share of it.
 */
const EXPERIENCED_HIRE_SHARE = 0.4;
const EXPERIENCED_RAMP = (monthsSinceHire: number): number => (monthsSinceHire < 0 ? 0 : monthsSinceHire < 1 ? 0.6 : 1);

/** Share of bookings that are repeat business (renewal, expansion) from one of the rep's own customers. */
const REPEAT_CUSTOMER_SHARE = 0.45;

function buildOrg(o: Resolved, rng: Random): { org: OrgNode[]; reps: RepSim[]; firstRegionReps: RepSim[]; managers: User[] } {
  const org: OrgNode[] = [{ id: 'company', name: '星辰科技', parentId: null, kind: 'company' }];
  const reps: RepSim[] = [];
  const managers: User[] = [];
  let firstRegionReps: RepSim[] = [];
  const fyStartDay = Math.round((o.fyStart - o.histStart) / DAY_MS);
  const asOfDay = Math.round((o.asOf - o.histStart) / DAY_MS);
  const dayMs = (day: number): number => o.histStart + day * DAY_MS;
  for (let r = 1; r <= o.regions; r++) {
    const regionId = `region-${r}`;
    const regionName = REGION_NAMES[r - 1] ?? `区域${r}`;
    const regionPotential = REGION_POTENTIAL[r - 1] ?? round2(0.6 + 0.6 * rng.next());
    org.push({ id: regionId, name: regionName, parentId: 'company', kind: 'region', potential: regionPotential });
    managers.push({ id: `u-mgr-${r}`, name: personName(rng), roles: ['manager'], canView: [regionId], canEdit: [regionId], nodeId: regionId });
    const regionReps: RepSim[] = [];
    for (let t = 1; t <= o.teamsPerRegion; t++) {
      const teamId = `team-${r}-${t}`;
      const teamPotential = round2(0.8 + 0.4 * rng.next());
      org.push({ id: teamId, name: `${regionName}${cnNumber(t)}部`, parentId: regionId, kind: 'team', potential: teamPotential });
      const size = o.repsPerTeam ?? rng.int(6, 7);
      const seniors: string[] = [];
      const newHires: OrgNode[] = [];
      for (let p = 1; p <= size; p++) {
        // The first rep of a team is always a seasoned senior, so every team has a mentor.
        const isNew = p > 1 && rng.next() < 0.17;
        const hireDay = isNew
          ? fyStartDay + rng.int(0, Math.max(0, asOfDay - fyStartDay - 30))
          : fyStartDay - (p === 1 ? rng.int(4 * 365, 8 * 365) : rng.int(365, 8 * 365));
        const tenureYears = (fyStartDay - hireDay) / 365;
        const senior = p === 1 || (!isNew && tenureYears >= 3 && rng.next() < 0.35);
        const potential = round2(0.8 + 0.4 * rng.next());
        const skill = clamp(Math.exp(rng.normal(0, 0.3)), 0.4, 2.2) * (senior ? 1.15 : 1);
        const hire = new Date(dayMs(hireDay));
        const node: OrgNode = {
          id: `rep-${r}-${t}-${p}`,
          name: personName(rng),
          parentId: teamId,
          kind: 'rep',
          hireDate: isoOf(dayMs(hireDay)),
          role: senior ? 'senior' : 'rep',
          potential,
        };
        org.push(node);
        if (senior && seniors.length < 2) seniors.push(node.id);
        if (isNew) newHires.push(node);
        const sim: RepSim = {
          id: node.id,
          name: node.name,
          hireDay,
          hireYm: hire.getUTCFullYear() * 12 + hire.getUTCMonth(),
          volume: skill * regionPotential * teamPotential * potential,
          winRate: clamp(rng.normal(0.4, 0.05), 0.25, 0.6),
          quoteRate: clamp(rng.normal(0.5, 0.05), 0.3, 0.7),
          demoRate: clamp(rng.normal(0.2, 0.02), 0.12, 0.3),
          isNew,
          experienced: false,
          customers: [],
        };
        reps.push(sim);
        regionReps.push(sim);
      }
      // 传帮带: the team's (at most two) seniors take the new hires in turn.
      newHires.forEach((n, i) => {
        n.mentorId = seniors[i % seniors.length];
      });
    }
    if (r === 1) firstRegionReps = regionReps;
  }
  return { org, reps, firstRegionReps, managers };
}

/**
 * Generates the deterministic sample company 星辰科技: a plan snapshot (org, products, funnel
 * stages, the company's annual revenue target, users) and an actuals snapshot (bookings,
 * collections, monthly funnel counts, open pipeline) from the history start to `asOf`.
 *
 * What the numbers mean (defaults: seed 2026, FY2026 from January, asOf 2026-11-27):
 * - Org: 星辰科技 → 4 regions → 3 teams each → 6–7 reps each (about 80). About 15 % of reps were
 *   hired this fiscal year and ramp (20 % of a full rep's sales in their first quarter, 50 % in the
 *   second, 80 % in the third; about 40 % of them are experienced hires at 60 % in their hire
 *   month, then 100 %, so some beat their ramped target, earn the ramp bonus and credit their
 *   mentor); the others were hired 1–8 years before the fiscal year. Each new
 *   hire's `mentorId` is one of the (at most two) seniors of their team. Regions, teams and reps
 *   carry a `potential`.
 * - Actuals from 2024-01-01 to 2026-11-27: each rep closes Poisson(λ) deals a month on working days,
 *   λ = dealsPerRepMonth × seasonality × skill × potentials × ramp × growth (the history grows 12 %
 *   a year). Seasonality: Q4 of the fiscal year ≈ 1.4×, the Spring Festival month × 0.6, a June
 *   bump 1.15×. Deal sizes are log-normal, 5万–50万 yuan, rounded to 100 yuan, in 分. 智能助手
 *   (new) sells only from the fiscal year start. Each booking names its customer (`customerId`,
 *   `cust-N`, an account of the rep): about 45 % are repeat business from one of the rep's
 *   customers, so CLV can be computed. About 80 % of bookings are collected in full and
 *   15 % in part (50–90 %) 30–90 days later; only collections dated on or before `asOf` are listed.
 * - Stage counts per rep and month: won = the deals booked; quotes ≈ deals / 0.4, demos ≈ quotes /
 *   0.5, leads ≈ demos / 0.2, with per-rep rates and noise (integers, each ≥ the next stage).
 *   Only non-zero counts are listed: a missing (rep, month, stage) row means 0.
 * - Pipeline: about `opportunitiesPerRep` open deals per rep in stage lead, demo or quote with
 *   probability 0.05, 0.2 or 0.45, expected to close 1–4 months after `asOf`.
 * - Target: one cell, the company's FY revenue = last fiscal year's bookings × 1.15, rounded to
 *   100万 yuan (with no history: 150万 yuan per rep). About 1.2亿 yuan for the defaults.
 *
 * Invalid options never throw: counts are rounded and clamped, an unparsable `asOf` falls back to
 * the default and is clamped into the fiscal year, an invalid currency becomes 'CNY'.
 *
 * @example
 * const { plan, actuals } = generateSampleCompany();
 * plan.targets[0];  // { nodeId: 'company', period: 'FY2026', metric: 'revenue', value: 11_300_000_000 (1.13亿 yuan), … }
 * generateSampleCompany({ regions: 20, teamsPerRegion: 25, repsPerTeam: 20 }); // 10,000 reps, ~1 s
 */
export function generateSampleCompany(options: SampleCompanyOptions = {}): SampleCompany {
  const o = resolve(options);
  // Independent streams per concern, so that e.g. more pipeline does not reshuffle the history.
  const seeds = createRandom(o.seed);
  const stream = (): Random => createRandom(Math.floor(seeds.next() * 2 ** 32));
  const orgRng = stream();
  const rng = stream();
  const prng = stream();
  // Streams added later come after the first three, so that the org, the base history and the
  // pipeline stay as they were: experienced hires' extra deals, and the customers of bookings.
  const hireRng = stream();
  const custRng = stream();
  const { org, reps, firstRegionReps, managers } = buildOrg(o, orgRng);
  for (const rep of reps) if (rep.isNew) rep.experienced = hireRng.next() < EXPERIENCED_HIRE_SHARE;
  let customerCount = 0;
  /** A booking's customer: repeat business from one of the rep's customers, else a new account. */
  const customerOf = (rep: RepSim): string => {
    if (rep.customers.length > 0 && custRng.next() < REPEAT_CUSTOMER_SHARE) return custRng.pick(rep.customers)!;
    const id = `cust-${++customerCount}`;
    rep.customers.push(id);
    return id;
  };
  const endMs = o.asOf + 140 * DAY_MS; // room for collections and expected closes after asOf
  const { iso, work } = buildDays(o, endMs);
  const months = buildMonths(o, work);
  const asOfDay = Math.round((o.asOf - o.histStart) / DAY_MS);
  const fyYm = new Date(o.fyStart).getUTCFullYear() * 12 + new Date(o.fyStart).getUTCMonth();
  const nextWorkday = (day: number): number => {
    let d = day;
    while (d < work.length - 1 && !work[d]) d++;
    return d;
  };

  const noise = (): number => Math.max(0.5, rng.normal(1, 0.12));

  const actuals: Actual[] = [];
  const stageCounts: StageCount[] = [];
  let bookings = 0;
  let collections = 0;
  let lastYearBookings = 0;
  for (const m of months) {
    const current = m.yearsBack === 0;
    const mix = current ? MIX_CURRENT : MIX_HISTORY;
    const monthFactor = o.dealsPerRepMonth * m.season * HISTORY_GROWTH ** -m.yearsBack;
    const lastYear = m.ym >= fyYm - 12 && m.ym < fyYm;
    const lastDay = m.workDays[m.workDays.length - 1];
    for (const rep of reps) {
      if (lastDay === undefined || rep.hireDay > lastDay) continue;
      let from = 0;
      while (from < m.workDays.length && m.workDays[from]! < rep.hireDay) from++;
      const eligible = m.workDays.length - from;
      // Partial months (the hire month, the asOf month) get a share of the month's deals.
      const tenure = m.ym - rep.hireYm;
      const lambda = (monthFactor * rep.volume * ramp(tenure) * eligible) / m.fullWorkDays;
      // An experienced hire's faster curve: the deals beyond the slow curve are drawn from their own
      // stream (a sum of Poisson draws is the Poisson draw of the summed mean), so everyone else's
      // history stays as it was.
      const extraLambda = rep.experienced ? (monthFactor * rep.volume * Math.max(0, EXPERIENCED_RAMP(tenure) - ramp(tenure)) * eligible) / m.fullWorkDays : 0;
      const baseWon = rng.poisson(lambda);
      const won = baseWon + (extraLambda > 0 ? hireRng.poisson(extraLambda) : 0);
      for (let k = 0; k < won; k++) {
        const r = k < baseWon ? rng : hireRng;
        const day = m.workDays[from + r.int(0, eligible - 1)]!;
        const product = pickProduct(r, mix);
        const amount = dealAmount(r, product);
        const bookingId = `b-${++bookings}`;
        actuals.push({ id: bookingId, repId: rep.id, productId: PRODUCTS[product]!.id, date: iso[day]!, type: 'booking', amount, customerId: customerOf(rep) });
        if (lastYear) lastYearBookings += amount;
        const u = r.next();
        if (u >= 0.95) continue; // never collected (yet)
        const paid = u < 0.8 ? amount : Math.round((amount * (0.5 + 0.4 * r.next())) / 100) * 100;
        const payDay = nextWorkday(day + r.int(30, 90));
        if (payDay > asOfDay) continue;
        actuals.push({ id: `c-${++collections}`, repId: rep.id, productId: PRODUCTS[product]!.id, date: iso[payDay]!, type: 'collection', amount: paid, bookingId });
      }
      // Work back up the funnel from a blend of realized and expected wins, so a lucky month
      // does not come with an implausible jump in leads.
      const base = (won + lambda + extraLambda) / 2;
      const quotes = Math.max(won, Math.round((base / rep.winRate) * noise()));
      const demos = Math.max(quotes, Math.round((quotes / rep.quoteRate) * noise()));
      const leads = Math.max(demos, Math.round((demos / rep.demoRate) * noise()));
      // Zero rows are left out (a missing row means 0): about half of all rep-months win nothing,
      // and at 10,000 reps that saves some 370,000 objects.
      if (leads > 0) stageCounts.push({ repId: rep.id, month: m.key, stageId: 'lead', count: leads });
      if (demos > 0) stageCounts.push({ repId: rep.id, month: m.key, stageId: 'demo', count: demos });
      if (quotes > 0) stageCounts.push({ repId: rep.id, month: m.key, stageId: 'quote', count: quotes });
      if (won > 0) stageCounts.push({ repId: rep.id, month: m.key, stageId: 'won', count: won });
    }
  }

  const pipeline: Opportunity[] = [];
  const asOfYm = new Date(o.asOf).getUTCFullYear() * 12 + new Date(o.asOf).getUTCMonth();
  for (const rep of reps) {
    // Ramping reps carry a thinner pipeline.
    const n = Math.round(o.opportunitiesPerRep * (0.6 + 0.8 * prng.next()) * (ramp(asOfYm - rep.hireYm) < 1 ? 0.7 : 1));
    for (let k = 0; k < n; k++) {
      const u = prng.next();
      const stageId = u < 0.4 ? 'lead' : u < 0.75 ? 'demo' : 'quote';
      const days = stageId === 'lead' ? prng.int(75, 120) : stageId === 'demo' ? prng.int(45, 100) : prng.int(30, 70);
      const product = pickProduct(prng, MIX_CURRENT);
      pipeline.push({
        id: `o-${pipeline.length + 1}`,
        repId: rep.id,
        productId: PRODUCTS[product]!.id,
        amount: dealAmount(prng, product),
        stageId,
        expectedClose: iso[nextWorkday(asOfDay + days)]!,
        probability: OPEN_STAGE_PROBABILITY[stageId],
      });
    }
  }

  const target =
    o.historyYears > 0
      ? Math.max(TARGET_ROUNDING, Math.round((lastYearBookings * TARGET_GROWTH) / TARGET_ROUNDING) * TARGET_ROUNDING)
      : reps.length * 150_000_000;
  const targets: TargetCell[] = [
    { nodeId: 'company', period: `FY${o.fiscalYear}`, metric: 'revenue', value: target, locked: false, source: 'top-down' },
  ];

  // Two rep logins for the demo: a veteran and (when there is one) a new hire of the first region.
  const veteran = firstRegionReps.find((r) => !r.isNew)!;
  const newbie = firstRegionReps.find((r) => r.isNew) ?? firstRegionReps.find((r) => r !== veteran);
  const repUsers: User[] = [veteran, newbie]
    .filter((r): r is RepSim => r !== undefined)
    .map((r) => ({ id: `u-${r.id}`, name: r.name, roles: ['rep'], canView: [r.id], canEdit: [], nodeId: r.id }));
  // The veteran's team manager and a finance login (the commission plan), for the demo's user
  // switcher: rep → team manager → region manager → finance → admin. Fixed names: no random draw,
  // so the rest of the sample stays as it was.
  const team = org.find((n) => n.id === veteran.id)?.parentId;
  const teamUsers: User[] = team ? [{ id: 'u-team-lead', name: '孙丽', roles: ['manager'], canView: [team], canEdit: [team] }] : [];
  const users: User[] = [
    { id: 'u-admin', name: '系统管理员', roles: ['admin'], canView: ['company'], canEdit: ['company'] },
    ...managers,
    ...teamUsers,
    { id: 'u-finance', name: '林涛', roles: ['finance'], canView: ['company'], canEdit: [] },
    ...repUsers,
  ];

  return {
    plan: {
      plan: {
        id: `sample-fy${o.fiscalYear}`,
        name: `星辰科技 FY${o.fiscalYear} 销售目标`,
        currency: o.currency,
        calendar: o.calendar,
        fiscalYear: o.fiscalYear,
        version: 1,
        // New product lines carry at least 10 % of each rep-month target when the plan is decomposed
        // (the goal tree's control changes it; the commission's new-product bonus is another rule).
        newProductMinShare: 0.1,
      },
      org,
      products: PRODUCTS.map((p) => ({ ...p })),
      stages: STAGES.map((s) => ({ ...s, ...(s.name ? { name: { ...s.name } } : {}) })),
      targets,
      users,
    },
    actuals: { from: isoOf(o.histStart), to: isoOf(o.asOf), actuals, stageCounts, pipeline },
  };
}
