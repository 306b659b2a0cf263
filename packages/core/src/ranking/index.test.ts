import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the ranking area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual(KEYS);
  });
});

const KEYS: string[] = [
  "CAP_RULES",
  "CLASSIFICATION_LEVEL_LABELS",
  "CLASSIFICATION_REGIMES",
  "COMMENDATION_RULES",
  "CRITICISM_RULES",
  "CandidateRecordsSchema",
  "ClassificationLevelSchema",
  "DEFAULT_SCORING_SCHEME",
  "DEFAULT_SUBJECT_SCHEMES",
  "REGIME_124",
  "REGIME_366",
  "RankingInputSchema",
  "RankingOptionsSchema",
  "RankingUnitSchema",
  "SCORE_FORMULAS",
  "ScoreComponentSchema",
  "ScoreFormulaSchema",
  "ScoringInputsSchema",
  "ScoringSchemeSchema",
  "SubjectKindSchema",
  "SubjectSchemeSchema",
  "TIER_POINTS",
  "TaskCountsSchema",
  "applyCaps",
  "applyQuota",
  "classifyGroups",
  "compareLevels",
  "emulationCandidateRecords",
  "enteredValues",
  "indicator182FromClassification",
  "isAtLeast",
  "levelForScore",
  "lowerLevel",
  "mergeCandidateRecords",
  "parseScoringScheme",
  "parseSubjectScheme",
  "rankSubjects",
  "rankUnits",
  "rankingUnitsFromFacts",
  "regimeForSubject",
  "regimeForYear",
  "runCandidateRules",
  "scoreUnit",
  "subjectsFromPlan",
  "tierPoints",
];
