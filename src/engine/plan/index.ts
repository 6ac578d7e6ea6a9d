/**
 * The plan: the data model (zod schemas and types), the read model (`PlanState` and its selectors),
 * roll-ups, allocation (largest remainder), the weights of a split (history, potential, capacity,
 * ramp, seasonality, product mix), the three views, edits and their rights, and target CSV.
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  allocate,
  type Allocation,
  type AllocOptions,
  type AllocPart,
} from './allocate.js';
export {
  csvField,
  csvText,
  csvTextField,
  parseTargetsCsv,
  TARGET_CSV_HEADERS,
  targetsToCsv,
  type CsvImportResult,
  type CsvIssue,
  type CsvValue,
  type ParseTargetsCsvOptions,
  type TargetCsvHeaders,
  type TargetCsvRow,
  type TargetsToCsvOptions,
} from './csv.js';
export {
  canEditNode,
  checkCellEdit,
  checkCellEdits,
  type EditContext,
  type EditVerdict,
} from './edit-rights.js';
export {
  applyTargetEdit,
  decomposePlan,
  gridValue,
  type DecomposedPlan,
  type DecomposeInput,
  type EditCell,
  type EditMode,
  type EditResult,
  type EditState,
  type PlanNode,
  type TargetEdit,
} from './edit.js';
export { cellKey, checkOrg, METRIC_IDS, METRICS, type Actual, type ActualsSnapshot, type CellRefPayload, type FiscalCalendar, type FunnelStage, type MetricDef, type MetricId, type Opportunity, type OrgKind, type OrgNode, type PeriodId, type Plan, type PlanSnapshot, type ProductLine, type SaveResult, type SchemaIssue, type StageCount, type TargetCell, type TargetChange, type TargetSource, type User } from './model.js';
export { ActualSchema, ActualsSnapshotSchema, CellRefSchema, CurrencySchema, FiscalCalendarSchema, FunnelStageSchema, IsoDateSchema, MetricDefSchema, MetricIdSchema, MinorUnitsSchema, OpportunitySchema, OrgKindSchema, OrgNodeSchema, parseWith, PeriodIdSchema, PlanSchema, PlanSnapshotSchema, ProductLineSchema, RampStepSchema, RoleSchema, SaveResultSchema, StageCountSchema, TargetCellSchema, TargetChangeSchema, TargetSourceSchema, UserSchema } from './model-schema.js';
export {
  actualOf,
  createPlanState,
  defaultPeriod,
  figureOf,
  planStateOf,
  targetCells,
  targetOf,
  targetsOf,
  withPlanData,
  withTargetChanges,
  type CellRef,
  type Figure,
  type PlainPlanSource,
  type PlanState,
} from './plan-state.js';
export {
  splitByProduct,
  type ProductMixOptions,
  type ProductSplit,
  type ProductWeight,
} from './product-mix.js';
export {
  checkRamp,
  DEFAULT_RAMP,
  personYears,
  rampFactor,
  rampOf,
  rampSchedule,
  tenureMonths,
  type PersonYearsOptions,
  type RampScheduleOptions,
  type RampStep,
} from './ramp.js';
export { rampedInputs, type RampedInputs, type RampedInputsInput, type RampedNode } from './new-hires.js';
export {
  buildOrgIndex,
  deriveMetric,
  rollupActuals,
  rollupMetric,
  rollupTargets,
  stageCountsRollup,
  targetMismatches,
  type ActualsQuery,
  type OrgIndex,
  type PeriodValues,
  type TargetMismatch,
  type TargetQuery,
} from './rollup.js';
export {
  quarterTotals,
  seasonalityFromHistory,
  splitByCalendar,
  type CalendarSplit,
  type Seasonality,
  type SeasonalityOptions,
} from './seasonality.js';
export {
  blendViews,
  compareViews,
  computeViews,
  type Blend,
  type BlendOptions,
  type NodeViews,
  type TreeNode,
  type ViewComparison,
  type ViewDiff,
  type ViewInputs,
  type ViewName,
} from './views.js';
export {
  childWeights,
  repCapacity,
  WEIGHT_SOURCES,
  type ChildWeights,
  type RepInfo,
  type WeightContext,
  type WeightMethod,
  type WeightSource,
} from './weights.js';
