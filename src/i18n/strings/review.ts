
/** The strings of `qk-review-board`; parameters and plurals are functions. */
export interface ReviewStrings {
  title: string;
  /** "华东 · FY2026-Q3" */
  heading: (p: { node: string; period: string }) => string;
  partial: (p: { date: string; elapsed: number; total: number; target: string }) => string;
  /** The plan column while the period runs (pro rata), and its tooltip naming the basis. */
  planToDate: string;
  proRataTip: (p: { elapsed: number; total: number; target: string }) => string;
  assumptionsFromHistory: (p: { from: string; to: string }) => string;
  waterfallTitle: string;
  waterfallLabel: (p: { plan: string; actual: string; gap: string }) => string;
  /** Where the waterfall's value axis starts when it is cut (zoomed to the bridge): shown by the chart and read with it. */
  axisBroken: (p: { floor: string }) => string;
  planBar: string;
  actualBar: string;
  effectLeads: string;
  effectRate: (p: { from: string; to: string }) => string;
  effectDealSize: string;
  unplanned: string;
  notMeasured: string;
  method: { lmdi: string; shapley: string; unplanned: string; none: string };
  kpiTitle: string;
  columns: { kpi: string; plan: string; actual: string; variance: string; varianceRatio: string; value: string; effect: string; from: string; to: string };
  rate: (p: { from: string; to: string }) => string;
  salesCycle: string;
  /** The KPI row of customer lifetime value. */
  clv: string;
  /** The KPI row of CRM completeness (share of open opportunities with the required fields). */
  crmCompleteness: string;
  /** Why the CLV row has no actual. */
  clvUnavailable: Record<'no-customer-ids' | 'no-customers' | 'no-repeat-customers', string>;
  days: (p: { n: string }) => string;
  favorable: string;
  unfavorable: string;
  diagnosisTitle: string;
  findingsTitle: string;
  recommendationsTitle: string;
  /** The button that hands the recommendations to the host (`qk-review-apply`). */
  applyNext: string;
  /** Announced after it was pressed. */
  applied: string;
  noFindings: string;
  exportCsv: string;
  exported: (p: { file: string }) => string;
  csvHeaders: [string, string, string, string, string, string];
  csvSections: { kpis: string; effects: string; findings: string };
  nodeUnknown: (p: { node: string }) => string;
}
