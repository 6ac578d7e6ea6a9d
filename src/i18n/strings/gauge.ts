
/** The strings of qk-attainment-gauge (and those qk-pace-chart shares with it); parameters are functions. */
export interface GaugeStrings {
  title: string;
  /** The meter's accessible name: what is measured, for whom, when. */
  label: (p: { metric: string; node: string; period: string }) => string;
  /** aria-valuetext of the meter. */
  valueText: (p: { attainment: string; actual: string; target: string; status: string }) => string;
  actualOfTarget: (p: { actual: string; target: string }) => string;
  actual: string;
  target: string;
  gap: string;
  /** Shown instead of the gap once the target is beaten. */
  overTarget: string;
  requiredDailyRate: string;
  perDay: (p: { amount: string }) => string;
  expectedToDate: string;
  paceIndex: string;
  forecast: string;
  /** `range` is `low – high`, or `≈ amount` when the two ends are equal. */
  forecastRange: (p: { low: string; high: string; range: string }) => string;
  probability: string;
  originalTarget: (p: { target: string; attainment: string }) => string;
  notApplicable: string;
  asOf: (p: { date: string }) => string;
  noTarget: (p: { node: string; period: string }) => string;
  metricUnsupported: (p: { metric: string }) => string;
  nodeUnknown: (p: { node: string }) => string;
  expectedMarker: string;
  forecastMarker: string;
}
