
/** The strings of qk-pace-chart; parameters are functions. */
export interface PaceChartStrings {
  title: string;
  /** The chart's accessible name. */
  label: (p: { metric: string; node: string; period: string }) => string;
  roleDescription: string;
  /** Read once when the chart gets focus: how to move over its points. */
  instructions: string;
  actual: string;
  expected: string;
  forecast: string;
  cone: string;
  target: string;
  today: string;
  date: string;
  forecastRange: string;
  /** A point in the tooltip and the live region; `range` is `low – high`, or `≈ amount` when the ends are equal. */
  point: (p: { when: string; actual: string | null; expected: string; forecast: string | null; low: string | null; high: string | null; range: string | null }) => string;
  /** A day, or the days a weekly point covers. */
  days: (p: { from: string; to: string }) => string;
  tableCaption: (p: { metric: string; node: string; period: string }) => string;
}
