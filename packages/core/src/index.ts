/**
 * @ntm/core: the pure domain library of the ntm project (Nông thôn mới, New Rural Development).
 * No IO, no clock, no randomness: every function takes its data, `year` or `asOf` as arguments.
 * @packageDocumentation
 */

// Errors and results
export { type ErrorKind, type Issue, type Result, ok, fail, formatPath, formatIssues, zodIssues } from "./errors/index.js";

// Schemas and types
export {
  LocalizedTextSchema,
  LangSchema,
  IsoDateSchema,
  ReasonSchema,
  type LocalizedText,
  type Lang,
  type IsoDate,
  type JsonPath,
  type Reason,
} from "./schemas/common.js";
export {
  UnitLevelSchema,
  RegionCodeSchema,
  CommuneGroupSchema,
  AdminUnitSchema,
  REGIONS,
  KNOWN_UNIT_FLAGS,
  type UnitLevel,
  type RegionCode,
  type CommuneGroup,
  type AdminUnit,
} from "./schemas/unit.js";
export {
  TierSchema,
  IndicatorKindSchema,
  ComparatorSchema,
  ThresholdValueSchema,
  ThresholdSchema,
  ChildTestSchema,
  DeriveSchema,
  SourceSchema,
  IndicatorSchema,
  CriterionSchema,
  LegalBasisSchema,
  PackCoverageSchema,
  CriteriaPackSchema,
  PackDocumentSchema,
  IndicatorPatchSchema,
  CriterionPatchSchema,
  type Tier,
  type IndicatorKind,
  type Comparator,
  type ThresholdValue,
  type Threshold,
  type ChildTest,
  type Derive,
  type Source,
  type Indicator,
  type Criterion,
  type LegalBasis,
  type PackCoverage,
  type CriteriaPack,
  type PackDocument,
} from "./schemas/pack.js";
export {
  IndicatorValueSchema,
  ChildValuesSchema,
  UnitValuesSchema,
  type IndicatorValue,
  type ChildValues,
  type UnitValues,
  type UnitValuesInput,
} from "./schemas/values.js";
export {
  IndicatorStatusSchema,
  CriterionStatusSchema,
  IndicatorResultSchema,
  CriterionResultSchema,
  RevocationCheckSchema,
  EvaluationResultSchema,
  type IndicatorStatus,
  type CriterionStatus,
  type IndicatorResult,
  type CriterionResult,
  type RevocationCheck,
  type EvaluationResult,
} from "./schemas/result.js";

// Administrative units: where a unit may sit, and what it may carry
export * from "./units/index.js";

// Periods
export {
  type Period,
  PeriodStringSchema,
  parsePeriod,
  formatPeriod,
  describePeriod,
  periodBounds,
  comparePeriods,
  periodContains,
  periodOfDate,
} from "./period/index.js";

// Criteria packs
export * from "./packs/index.js";

// Pack adoption: which pack applies to a unit, level, tier and year
export * from "./adoption/index.js";

// Evaluation
export { compilePack, type CompiledPack, type CompiledIndicator } from "./evaluation/compilePack.js";
export { evaluateUnit, evaluateMany } from "./evaluation/evaluateUnit.js";
export { evaluateStatuses, type UnitStatuses } from "./evaluation/evaluateStatuses.js";
export { validateValues } from "./evaluation/validateValues.js";

// Tier ladder, indicator 18.2 and children's statuses (one implementation for API, CLI, web, reports)
export * from "./tiers/index.js";

// Roll-ups of communes to a parent: standings, tier counts, income vs 2020
export * from "./rollup/index.js";

// Cells: what officers type in forms and spreadsheets
export * from "./cells/index.js";

// Access policy: roles, actions, who may do what where
export * from "./access/index.js";

// Analyses
export { checkRevocation, type RevocationInput } from "./analyses/checkRevocation.js";
export { compareYears, type YearOverYear, type CriterionChange } from "./analyses/compareYears.js";
export { gapToNextTier, type TierGap } from "./analyses/gapToNextTier.js";
export { highestTier, type TierStanding } from "./analyses/highestTier.js";
export { valueJumps, DEFAULT_JUMP_SHARE, type ValueJump } from "./analyses/valueJumps/index.js";
export {
  checkProgrammeTargets,
  QD263_TARGETS,
  type ProgrammeTargets,
  type CommuneStanding,
  type TargetCheck,
  type IncomeVs2020,
  type ProgrammeTargetOptions,
} from "./analyses/checkProgrammeTargets.js";

// Text
export { formatReason, MESSAGES } from "./i18n/formatReason.js";
export { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from "./audit/auditLabels/index.js";
export type { MessageCatalog, MessageTemplate } from "./i18n/messages.js";
export { formatNumber, formatDate, formatMoney } from "./i18n/format.js";
export {
  UNIT_LEVEL_LABELS,
  TIER_LABELS,
  VARIANT_BY_LABELS,
  PLAN_TARGET_LABELS,
  EVALUATION_STATUS_LABELS,
  UNDETERMINED_LABELS,
  NO_TIER_LABEL,
} from "./i18n/labels.js";

// The plan's work (issue: plans, reporting, recognition, ranking, OCOP, resources)
export * from "./plan/index.js";
export * from "./calendar/index.js";
export * from "./recognition/index.js";
export * from "./ranking/index.js";
export * from "./ocop/index.js";
export * from "./resources/index.js";
export * from "./housing/index.js";
export * from "./inspections/index.js";
export * from "./emulation/index.js";
// Record files: XLSX/CSV rows of OCOP products, resources, housing and inspections, and their templates
export * from "./recordFiles/index.js";
export * from "./steering/index.js";
export * from "./narratives/index.js";

// Spreadsheet exports
export * from "./spreadsheet/index.js";
