export { QkAttainmentGauge } from './attainment-gauge.js';
export { QkPaceElement, type PaceState } from './pace-element.js';
// The gauge's geometry (pure): a pace view → arcs, ticks, labels.
export {
  gaugeModelOf,
  gaugeScaleMax,
  layoutGauge,
  type GaugeArc,
  type GaugeArcKind,
  type GaugeLabel,
  type GaugeLayout,
  type GaugeMarker,
  type GaugeModel,
  type GaugeNeedle,
  type GaugeOptions,
  type GaugeSize,
  type GaugeTick,
} from './attainment-gauge.layout.js';
