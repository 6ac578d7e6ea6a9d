// Simplified Chinese (zh-CN): the strings of incentive (one language per module, so a page downloads only its own).
import type { IncentiveStrings } from '../strings/incentive.js';
import pager from './pager.js';

const strings: IncentiveStrings = {
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
  pager: pager,
};
export default strings;
