/**
 * QuotaKit: everything in one import, with every element registered.
 * For classes without registration use `quotakit/components/*`; for the pure engine `quotakit/engine`.
 */
import './define/index.js';
import { registerAllStrings } from './i18n/loaders/all.js';

registerAllStrings();

export * from './engine/index.js';
// Each element's pure view model and geometry, as in quotakit/components/<element>.
export { DISTRIBUTE_METHODS, VIEW_COLUMNS, gridActuals, gridColumns, gridReader, gridRows, gridViews, parseCellInput, planDecomposition, planDistribute, planGridEdit, planLockToggle, rampBadge, type CellSource, type DistributeInput, type DistributeMethod, type DistributePreview, type GridCellChange, type GridColumn, type GridDecomposeInput, type GridEditPlan, type GridGranularity, type GridReader, type GridReaderOptions, type GridRow, type GridRows, type GridRowsOptions, type GridViews, type GridViewsInput, type ViewColumn } from './components/goal-tree/index.js';
export { gaugeModelOf, gaugeScaleMax, layoutGauge, type GaugeArc, type GaugeArcKind, type GaugeLabel, type GaugeLayout, type GaugeMarker, type GaugeModel, type GaugeNeedle, type GaugeOptions, type GaugeSize, type GaugeTick } from './components/attainment-gauge/index.js';
export { layoutPaceChart, type PaceChartLayout, type PaceChartMargin, type PaceChartPoint, type PaceChartSize } from './components/pace-chart/index.js';
export { layoutFunnel, type FunnelBar, type FunnelLayout, type FunnelLayoutOptions, type FunnelLayoutRow, type FunnelShape } from './components/funnel-inverter/index.js';
export { layoutWaterfall, type WaterfallBar, type WaterfallLayout } from './components/review-board/index.js';
export * from './adapter/index.js';
export * from './store/store.js';
export * from './store/adjustments.js';
export * from './store/pending-storage.js';
export { webPendingStorage, browserPendingStorage } from './internal/web-pending-storage.js';
export * from './context/index.js';
export * from './events/index.js';
export * from './i18n/index.js';
export { defineElement } from './internal/define.js';
export { QkElement, type QkData } from './internal/qk-element.js';
export { VERSION } from './internal/version.js';
export { QkProvider } from './components/provider/index.js';
