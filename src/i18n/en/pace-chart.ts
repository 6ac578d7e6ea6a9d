// English: the strings of pace-chart (one language per module, so a page downloads only its own).
import type { PaceChartStrings } from '../strings/pace-chart.js';

const strings: PaceChartStrings = {
  title: 'Pace',
  label: ({ metric, node, period }) => `${metric} pace of ${node}, ${period}: cumulative actual against the expected curve`,
  roleDescription: 'chart',
  instructions: 'Use the arrow keys to move over the points, Home and End for the first and last.',
  actual: 'Actual',
  expected: 'Expected',
  forecast: 'Forecast',
  cone: 'Forecast range (p10–p90)',
  target: 'Target',
  today: 'Today',
  date: 'Date',
  forecastRange: 'Forecast range',
  point: ({ when, actual, expected, forecast, range }) =>
    [`${when}:`, actual !== null ? `actual ${actual},` : '', `expected ${expected}`, forecast !== null ? `, forecast ${forecast} (${range})` : '']
      .filter(Boolean)
      .join(' ')
      .replace(' ,', ','),
  days: ({ from, to }) => (from === to ? from : `${from} – ${to}`),
  tableCaption: ({ metric, node, period }) => `${metric} of ${node} by date, ${period}`,
};
export default strings;
