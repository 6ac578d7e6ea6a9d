// English: the strings of incentive (one language per module, so a page downloads only its own).
import type { IncentiveStrings } from '../strings/incentive.js';
import pager from './pager.js';

const strings: IncentiveStrings = {
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
  pager: pager,
};
export default strings;
