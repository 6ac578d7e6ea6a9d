import type { QkLocale } from '../types.js';
import type { PagerStrings } from '../../internal/pager.js';
import { pagerStrings } from './pager.js';

type S = string;

/** The strings of qk-incentive-calculator; parameters are functions (money and % arrive formatted). */
export interface IncentiveStrings {
  title: string;
  repTitle: (p: { name: S; period: S }) => string;
  teamTitle: (p: { name: S; period: S }) => string;
  attainment: string;
  originalTarget: (p: { target: S; attainment: S }) => string;
  /** Beside a target an approved adjustment changed: the target before it. */
  originalShort: (p: { target: S }) => string;
  revenue: (p: { basis: 'booked' | 'collected' }) => string;
  revenueColumn: (p: { basis: 'booked' | 'collected' }) => string;
  actualOfTarget: (p: { actual: S; target: S }) => string;
  payoutSoFar: string;
  next: (p: { kind: 'tier' | 'gate' | 'floor'; amount: S; rate: S; attainment: S; gain: S }) => string;
  topTier: string;
  clawback: (p: { amount: S; count: number; days: number; effect: S }) => string;
  breakdown: string;
  line: string;
  lineRevenue: string;
  amount: string;
  total: string;
  tierLine: (p: { from: S; to: S | null; rate: S }) => string;
  productLine: (p: { product: S; multiplier: S }) => string;
  unassignedProduct: string;
  deceleratorLine: (p: { floor: S; factor: S }) => string;
  gateLine: (p: { threshold: S }) => string;
  newProductBonusLine: (p: { share: S; target: S }) => string;
  rampBonusLine: (p: { attainment: S }) => string;
  capLine: (p: { cap: S }) => string;
  mentoringLine: (p: { mentee: S }) => string;
  chartLabel: (p: { name: S }) => string;
  chartCaption: string;
  curveTable: string;
  payout: string;
  you: string;
  whatIfMarker: string;
  breakpoint: (p: { attainment: S; rate: S }) => string;
  whatIf: string;
  whatIfHint: string;
  whatIfValue: (p: { extra: S; payout: S; delta: S; attainment: S }) => string;
  whatIfResult: (p: { extra: S; payout: S; delta: S; attainment: S }) => string;
  noTarget: (p: { name: S; period: S }) => string;
  noPeople: (p: { name: S }) => string;
  noTargetShort: string;
  person: string;
  target: string;
  mentoringColumn: string;
  sortBy: (p: { column: S }) => string;
  /** `countText`: the count formatted for the locale (99,899). */
  teamTotal: (p: { count: number; countText: S }) => string;
  mentoringTitle: string;
  mentor: string;
  mentee: string;
  menteeRampBonus: string;
  credit: string;
  mentoringCapped: (p: { mentor: S; uncapped: S; credit: S }) => string;
  noMentoring: string;
  selectPerson: (p: { name: S }) => string;
  /**
   * Where the figure paid on differs from the booked figure every other widget shows (the goal tree,
   * the gauge): a short label beside it and a tooltip naming the basis. `clawback`: bookings less
   * those not collected in time; `collected`: cash collected.
   */
  basisLabel: (p: { basis: CreditBasis }) => string;
  /** `booked`: the booked figure of the person, or null for a column. */
  basisTip: (p: { basis: CreditBasis; days: number; booked: S | null }) => string;
  /** The figure paid on, beside the booked one. */
  credited: (p: { amount: S }) => string;
  creditedColumn: string;
  /** In a team row: the booked figure beside a credited one that differs. */
  bookedShort: (p: { amount: S }) => string;
  /** Under a long mentoring table: how many mentors are not listed. */
  mentoringMore: (p: { count: S }) => string;
  pager: PagerStrings;
}

/** Why the figure paid on differs from bookings: clawed-back bookings, or a collected basis. */
export type CreditBasis = 'clawback' | 'collected';

export const incentiveStrings: Record<QkLocale, IncentiveStrings> = {
  en: {
    title: 'Incentives',
    repTitle: ({ name, period }) => `${name} · commission ${period}`,
    teamTitle: ({ name, period }) => `${name} · team payouts ${period}`,
    attainment: 'Attainment for pay',
    originalTarget: ({ target, attainment }) => `Original target ${target}: ${attainment}`,
    originalShort: ({ target }) => `original ${target}`,
    revenue: ({ basis }) => (basis === 'booked' ? 'Booked / target' : 'Collected / target'),
    revenueColumn: ({ basis }) => (basis === 'booked' ? 'Booked' : 'Collected'),
    actualOfTarget: ({ actual, target }) => `${actual} of ${target}`,
    payoutSoFar: 'Payout so far',
    next: ({ kind, amount, rate, attainment, gain }) =>
      kind === 'tier'
        ? `Close ${amount} more to reach the ${rate} tier at ${attainment} (+${gain}).`
        : kind === 'gate'
          ? `Close ${amount} more to pass the ${attainment} threshold and get paid (+${gain}).`
          : `Close ${amount} more to reach ${attainment} and leave the reduced rate (+${gain}).`,
    topTier: 'You are in the top tier: every extra sale earns the highest rate.',
    clawback: ({ amount, count, days, effect }) =>
      `${amount} from ${count === 1 ? '1 booking' : `${count} bookings`} not collected within ${days} days is clawed back (−${effect} payout).`,
    breakdown: 'How the payout adds up',
    line: 'Line',
    lineRevenue: 'Revenue',
    amount: 'Amount',
    total: 'Total',
    tierLine: ({ from, to, rate }) => (to ? `${from}–${to} at ${rate}` : `Above ${from} at ${rate}`),
    productLine: ({ product, multiplier }) => `${product} coefficient ×${multiplier}`,
    unassignedProduct: 'Extra (what-if)',
    deceleratorLine: ({ floor, factor }) => `Below ${floor}: paid at ${factor}`,
    gateLine: ({ threshold }) => `Below the ${threshold} threshold: nothing paid`,
    newProductBonusLine: ({ share, target }) => `New-product bonus (${share} of revenue, target ${target})`,
    rampBonusLine: ({ attainment }) => `New-hire ramp bonus (reached ${attainment})`,
    capLine: ({ cap }) => `Cap at ${cap}`,
    mentoringLine: ({ mentee }) => `Mentoring credit for ${mentee}`,
    chartLabel: ({ name }) => `Payout curve of ${name}`,
    chartCaption: 'Payout by attainment (commission, bonuses not included)',
    curveTable: 'Payout curve points',
    payout: 'Payout',
    you: 'You',
    whatIfMarker: 'What-if',
    breakpoint: ({ attainment, rate }) => `${attainment}: ${rate}`,
    whatIf: 'What if I close more?',
    whatIfHint: 'Extra revenue',
    whatIfValue: ({ extra, payout, delta }) => `${extra} more: payout ${payout} (+${delta})`,
    whatIfResult: ({ extra, payout, delta, attainment }) => `With ${extra} more (${attainment}), the payout would be ${payout}, ${delta} more.`,
    noTarget: ({ name, period }) => `${name} has no revenue target for ${period}, so there is no commission to compute.`,
    noPeople: ({ name }) => `There are no reps under ${name}.`,
    noTargetShort: 'No target for this period',
    person: 'Person',
    target: 'Target',
    mentoringColumn: 'Mentoring',
    sortBy: ({ column }) => `Sort by ${column}`,
    teamTotal: ({ count, countText }) => `Total (${count === 1 ? '1 person' : `${countText} people`})`,
    mentoringTitle: 'Mentoring credits',
    mentor: 'Mentor',
    mentee: 'Mentee',
    menteeRampBonus: 'Mentee’s ramp bonus',
    credit: 'Credit',
    mentoringCapped: ({ mentor, uncapped, credit }) => `${mentor}: ${uncapped} earned, capped at ${credit}.`,
    noMentoring: 'No mentoring credits this period.',
    selectPerson: ({ name }) => `Show ${name}’s commission`,
    basisLabel: ({ basis }) => (basis === 'clawback' ? 'after clawback' : 'collected basis'),
    basisTip: ({ basis, days, booked }) =>
      basis === 'clawback'
        ? `Paid on bookings less those not collected within ${days} days (clawed back). The goal tree and the gauges count every booking${booked ? `: ${booked}` : ''}.`
        : `Paid on cash collected in the period. The goal tree and the gauges count bookings${booked ? `: ${booked}` : ''}.`,
    credited: ({ amount }) => `Credited for pay ${amount}`,
    creditedColumn: 'Credited for pay',
    bookedShort: ({ amount }) => `booked ${amount}`,
    mentoringMore: ({ count }) => `${count} more mentors are not listed here; each one's credit is in the Mentoring column.`,
    pager: pagerStrings.en,
  },
  'zh-CN': {
    title: '激励测算',
    repTitle: ({ name, period }) => `${name} · ${period} 提成`,
    teamTitle: ({ name, period }) => `${name} · ${period} 团队提成`,
    attainment: '计提完成率',
    originalTarget: ({ target, attainment }) => `原目标 ${target}：${attainment}`,
    originalShort: ({ target }) => `原目标 ${target}`,
    revenue: ({ basis }) => (basis === 'booked' ? '签约额 / 目标' : '回款额 / 目标'),
    revenueColumn: ({ basis }) => (basis === 'booked' ? '签约额' : '回款额'),
    actualOfTarget: ({ actual, target }) => `${actual} / ${target}`,
    payoutSoFar: '当前提成',
    next: ({ kind, amount, rate, attainment, gain }) =>
      kind === 'tier'
        ? `再完成 ${amount} 即可达到 ${attainment} 的 ${rate} 档（提成 +${gain}）。`
        : kind === 'gate'
          ? `再完成 ${amount} 即可越过 ${attainment} 的门槛开始计提（+${gain}）。`
          : `再完成 ${amount} 即可达到 ${attainment}，摆脱减额计提（+${gain}）。`,
    topTier: '已进入最高档：每多一笔业绩都按最高费率计提。',
    clawback: ({ amount, count, days, effect }) => `${count} 笔签约超过 ${days} 天未回款，扣回业绩 ${amount}（提成 −${effect}）。`,
    breakdown: '提成明细',
    line: '项目',
    lineRevenue: '业绩',
    amount: '金额',
    total: '合计',
    tierLine: ({ from, to, rate }) => (to ? `${from}–${to} 按 ${rate}` : `${from} 以上按 ${rate}`),
    productLine: ({ product, multiplier }) => `${product} 系数 ×${multiplier}`,
    unassignedProduct: '追加业绩（假设）',
    deceleratorLine: ({ floor, factor }) => `低于 ${floor}：按 ${factor} 计提`,
    gateLine: ({ threshold }) => `未达 ${threshold} 门槛：不计提`,
    newProductBonusLine: ({ share, target }) => `新产品专项奖（占比 ${share}，要求 ${target}）`,
    rampBonusLine: ({ attainment }) => `新人爬坡奖（完成 ${attainment}）`,
    capLine: ({ cap }) => `封顶 ${cap}`,
    mentoringLine: ({ mentee }) => `传帮带奖励：${mentee}`,
    chartLabel: ({ name }) => `${name} 的提成曲线`,
    chartCaption: '提成随完成率变化（不含奖金）',
    curveTable: '提成曲线数据',
    payout: '提成',
    you: '当前',
    whatIfMarker: '假设',
    breakpoint: ({ attainment, rate }) => `${attainment}：${rate}`,
    whatIf: '如果再多签一些？',
    whatIfHint: '追加业绩',
    whatIfValue: ({ extra, payout, delta }) => `追加 ${extra}：提成 ${payout}（+${delta}）`,
    whatIfResult: ({ extra, payout, delta, attainment }) => `再完成 ${extra}（完成率 ${attainment}），提成将为 ${payout}，增加 ${delta}。`,
    noTarget: ({ name, period }) => `${name} 在 ${period} 没有收入目标，无法计算提成。`,
    noPeople: ({ name }) => `${name} 下没有销售人员。`,
    noTargetShort: '本期未设目标',
    person: '人员',
    target: '目标',
    mentoringColumn: '传帮带',
    sortBy: ({ column }) => `按${column}排序`,
    teamTotal: ({ countText }) => `合计（${countText} 人）`,
    mentoringTitle: '传帮带奖励',
    mentor: '导师',
    mentee: '新人',
    menteeRampBonus: '新人爬坡奖',
    credit: '奖励',
    mentoringCapped: ({ mentor, uncapped, credit }) => `${mentor}：应得 ${uncapped}，封顶 ${credit}。`,
    noMentoring: '本期没有传帮带奖励。',
    selectPerson: ({ name }) => `查看 ${name} 的提成`,
    basisLabel: ({ basis }) => (basis === 'clawback' ? '扣回后' : '回款口径'),
    basisTip: ({ basis, days, booked }) =>
      basis === 'clawback'
        ? `计提口径：签约额减去超过 ${days} 天未回款而扣回的部分。目标拆解和完成率仪表按全部签约额统计${booked ? `：${booked}` : ''}。`
        : `计提口径：本期回款额。目标拆解和完成率仪表按签约额统计${booked ? `：${booked}` : ''}。`,
    credited: ({ amount }) => `计提业绩 ${amount}`,
    creditedColumn: '计提业绩',
    bookedShort: ({ amount }) => `签约 ${amount}`,
    mentoringMore: ({ count }) => `另有 ${count} 位导师未在此列出，各自的奖励见“传帮带”列。`,
    pager: pagerStrings['zh-CN'],
  },
};
