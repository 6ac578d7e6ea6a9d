export { QkFunnelInverter, type FunnelInputsInit, type FunnelInputsStage } from './funnel-inverter.js';
// The funnel's geometry (pure).
export { layoutFunnel, type FunnelBar, type FunnelLayout, type FunnelLayoutOptions, type FunnelLayoutRow, type FunnelShape } from './funnel-inverter.layout.js';
