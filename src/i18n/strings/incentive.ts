import type { PagerStrings } from '../../internal/pager.js';

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
  /** `qk-incentive-plan-editor`: the commission plan editor. */
  planEditor: PlanEditorStrings;
}

export interface PlanEditorStrings {
  title: string;
  tiers: string;
  tierFrom: string;
  tierRate: string;
  addTier: string;
  removeTier: (p: { n: number }) => string;
  threshold: string;
  deceleratorFloor: string;
  deceleratorFactor: string;
  capRatio: string;
  capAmount: string;
  newProductMultiplier: string;
  newProductBonusShare: string;
  newProductBonusAmount: string;
  mentoringShare: string;
  mentoringCap: string;
  optional: string;
  preview: (p: { target: string }) => string;
  previewTable: string;
  save: string;
  saving: string;
  saved: (p: { version: number }) => string;
  invalidNumber: string;
  outOfRange: (p: { max: string }) => string;
  firstTierZero: string;
  tiersRise: string;
  fixErrors: (p: { count: number }) => string;
}

/** Why the figure paid on differs from bookings: clawed-back bookings, or a collected basis. */
export type CreditBasis = 'clawback' | 'collected';
