// The ranking area: annual evaluation (scoring scheme), classification (124-QĐ/TW, 366-QĐ/TW), caps, quota, ranking.
export { ClassificationLevelSchema, compareLevels, lowerLevel, isAtLeast, type ClassificationLevel } from "./levels.js";
export {
  ScoreFormulaSchema,
  ScoreComponentSchema,
  ScoringSchemeSchema,
  parseScoringScheme,
  DEFAULT_SCORING_SCHEME,
  type ScoreFormula,
  type ScoreComponent,
  type ScoringScheme,
} from "./scheme/index.js";
export { scoreUnit, SCORE_FORMULAS, type ComponentScore, type UnitScore } from "./score/index.js";
export {
  REGIME_124,
  REGIME_366,
  CLASSIFICATION_REGIMES,
  regimeForYear,
  levelForScore,
  type ClassificationRegime,
  type ScoreBand,
} from "./regimes/index.js";
export { CAP_RULES, applyCaps, type AppliedCap } from "./caps/index.js";
export type { CapName, CapOutcome, CapRule } from "./caps/types.js";
export { applyQuota, type QuotaEntry, type QuotaGroupResult, type QuotaMove } from "./quota/index.js";
export { COMMENDATION_RULES, CRITICISM_RULES, runCandidateRules, type CandidateFacts, type CandidateRule } from "./candidates/index.js";
export {
  SubjectKindSchema,
  SubjectSchemeSchema,
  DEFAULT_SUBJECT_SCHEMES,
  parseSubjectScheme,
  regimeForSubject,
  rankSubjects,
  type SubjectKind,
  type SubjectScheme,
  type SubjectRanking,
} from "./subjects/index.js";
export {
  subjectsFromPlan,
  type BoardTaskStatus,
  type DerivedSubject,
  type PlanSubjectFacts,
  type SubjectCommuneFacts,
} from "./subjectsFromPlan/index.js";
export {
  CandidateRecordsSchema,
  type CandidateRecords,
  TaskCountsSchema,
  RankingUnitSchema,
  RankingOptionsSchema,
  RankingInputSchema,
  type TaskCounts,
  type RankingUnit,
  type RankingOptions,
  type RankingInput,
} from "./input.js";
export { rankUnits, type Ranking, type RankedUnit, type RankedLevel, type MissingInput, type RankingCandidate } from "./rankUnits/index.js";
export { indicator182FromClassification } from "./indicator182/index.js";
export { CLASSIFICATION_LEVEL_LABELS } from "../i18n/ranking.messages.js";
export { TIER_POINTS, tierPoints } from "./tierPoints/index.js";
export {
  ScoringInputsSchema,
  ScoringEvidenceSchema,
  SCORING_EVIDENCE_MAX,
  SCORING_INPUT_FIELDS,
  SCORING_INPUT_LABELS,
  TASK_COUNT_LABELS,
  enteredValues,
  type ScoringInputs,
  type ScoringEvidence,
  type ScoringInputField,
} from "./scoringInputs/index.js";
export { checkScoringInputs } from "./checkScoringInputs/index.js";
export { formatScoringInput } from "./formatScoringInput/index.js";
export { enteredInputReasons, type EnteredBy } from "./enteredInputReasons/index.js";
export { rankingUnitsFromFacts, type RankingFacts } from "./rankingUnitsFromFacts/index.js";
export { classifyGroups } from "./classifyGroups/index.js";
export { emulationCandidateRecords, mergeCandidateRecords } from "./emulationCandidateRecords/index.js";
