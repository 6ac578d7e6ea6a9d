export { QkFunnelInverter, type FunnelInputsInit, type FunnelInputsStage } from './funnel-inverter.js';
