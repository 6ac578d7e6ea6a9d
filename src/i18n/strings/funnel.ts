import type { PagerStrings } from '../../internal/pager.js';

/** The strings of `qk-funnel-inverter`; parameters and plurals are functions. */
export interface FunnelStrings {
  title: string;
  /** "Team A · FY2026" */
  subtitle: (p: { node: string; period: string }) => string;
  /** Display names for the usual stage ids, used when the plan gives none. */
  stageNames: Record<string, string>;
  whatIf: string;
  target: string;
  avgDealSize: string;
  moneyHint: string;
  rates: string;
  rateLabel: (p: { from: string; to: string }) => string;
  rateSlider: (p: { from: string; to: string }) => string;
  durations: string;
  daysLabel: (p: { stage: string }) => string;
  daysUnit: string;
  confidenceLevel: string;
  resetToHistory: string;
  historyNote: (p: { from: string; to: string }) => string;
  noHistory: (p: { from: string; to: string }) => string;
  fellBack: (p: { stage: string; source: string }) => string;
  notANumber: string;
  /** Shown while a field is invalid: the results are those of the last valid inputs. */
  showingLastValid: string;
  needInputs: string;
  noTarget: string;
  noStages: string;
  chartLabel: (p: { node: string }) => string;
  legendRequired: string;
  legendActual: string;
  legendPipeline: string;
  /** Accessible name of one stage band. */
  stageMark: (p: { stage: string; required: string; actual: string | null; pipeline: string | null }) => string;
  conversionMark: (p: { from: string; to: string; rate: string }) => string;
  bottleneck: string;
  /** The hidden table's column and the note naming the bottleneck's baseline: the plan's volumes pro rata by working days. */
  planToDate: string;
  planToDateNote: (p: { elapsed: number; total: number }) => string;
  /** Shown instead of a bottleneck while the inputs are a what-if (not the plan's). */
  whatIfNote: string;
  /** The hidden table's caption. */
  tableCaption: string;
  stage: string;
  required: string;
  actualToDate: string;
  openPipeline: string;
  conversion: string;
  summary: (p: { counts: string }) => string;
  confidenceTitle: string;
  reach: (p: { leads: string; won: string; probability: string }) => string;
  leadsFor: (p: { confidence: string; leads: string; extra: string }) => string;
  coverageTitle: string;
  stillNeeded: string;
  coverage: string;
  gap: string;
  weighted: (p: { weighted: string; remaining: string; coverage: string }) => string;
  noPipeline: string;
  perRepTitle: string;
  /** The search and pages of a long per-rep table. */
  pager: PagerStrings;
  rep: string;
  ramp: string;
  noReps: string;
  perWeekTitle: string;
  perWeekSummary: (p: { days: number; perDay: string }) => string;
  week: string;
  workingDays: string;
  scheduleTitle: string;
  scheduleHint: string;
  month: string;
  monthTarget: string;
  /** "30 by 2025-11-26 (W48)" */
  due: (p: { count: string; date: string; week: string }) => string;
  noSchedule: string;
  noPeriod: string;
}
