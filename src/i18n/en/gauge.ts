// English: the strings of gauge (one language per module, so a page downloads only its own).
import type { GaugeStrings } from '../strings/gauge.js';

const strings: GaugeStrings = {
  title: 'Attainment',
  label: ({ metric, node, period }) => `${metric} attainment of ${node}, ${period}`,
  valueText: ({ attainment, actual, target, status }) => `${attainment} of target: ${actual} of ${target}. ${status}.`,
  actualOfTarget: ({ actual, target }) => `${actual} of ${target}`,
  actual: 'Actual',
  target: 'Target',
  gap: 'Gap to target',
  overTarget: 'Above target by',
  requiredDailyRate: 'Needed per working day',
  perDay: ({ amount }) => `${amount} / day`,
  expectedToDate: 'Expected by today',
  paceIndex: 'Pace',
  forecast: 'Forecast at period end',
  forecastRange: ({ range }) => `range ${range}`,
  probability: 'Chance to reach target',
  originalTarget: ({ target, attainment }) => `Original target ${target}: ${attainment}`,
  notApplicable: 'Not applicable',
  asOf: ({ date }) => `as of ${date}`,
  noTarget: ({ node, period }) => `No target is set for ${node} in ${period}.`,
  metricUnsupported: ({ metric }) => `${metric} cannot be tracked against the calendar: it has no dated actuals.`,
  nodeUnknown: ({ node }) => `There is no team or person with the id “${node}”.`,
  expectedMarker: 'Expected by today',
  forecastMarker: 'Forecast',
};
export default strings;
