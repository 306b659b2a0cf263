// Fixture builders for the recognition tests (not part of the public API).
import type { EvaluationResult } from "../../schemas/result.js";
import { compilePack } from "../../evaluation/compilePack.js";
import { evaluateUnit } from "../../evaluation/evaluateUnit.js";
import { commune, demoPack, passingValues } from "../../_testing/builders.js";
import type { Actor, RecognitionDossier } from "../schema.js";

export const UNIT = "xa-an-binh";
export const DISTRICT = "huyen-phu-my";
export const PROVINCE = "tinh-binh-dinh";
export const ANCESTORS = [DISTRICT, PROVINCE] as const;
export const PACK = "example.province-demo.2021-2025";

export const communeOfficer: Actor = { id: "cb-xa-1", role: "commune_officer", unitId: UNIT };
export const districtOfficer: Actor = { id: "cb-huyen-1", role: "district_officer", unitId: DISTRICT };
export const provinceOfficer: Actor = { id: "cb-tinh-1", role: "province_officer", unitId: PROVINCE };

/** A real evaluation of the demo pack where every indicator passes. */
export function metEvaluation(year = 2025): EvaluationResult {
  return evaluateUnit(compilePack(demoPack()), passingValues(demoPack(), commune(), year));
}

/** The same evaluation with the given criteria turned to not met. */
export function withFailing(ev: EvaluationResult, ids: readonly string[]): EvaluationResult {
  const criteria = ev.criteria.map((c) => (ids.includes(c.id) ? { ...c, status: "not_met" as const } : c));
  const met = criteria.filter((c) => c.status === "met").length;
  return { ...ev, criteria, status: ids.length ? "not_met" : ev.status, criteriaMet: met, criteriaNotMet: criteria.length - met };
}

/** A complete dossier in a given state, ready to move on. */
export function dossier(overrides: Partial<RecognitionDossier> = {}): RecognitionDossier {
  return {
    id: "hs-2025-1",
    unitId: UNIT,
    level: "commune",
    tier: "standard",
    packId: PACK,
    year: 2025,
    state: "draft",
    createdAt: "2025-03-03T08:00:00+07:00",
    documents: [
      "request_letter",
      "self_assessment_report",
      "meeting_minutes",
      "satisfaction_survey_report",
      "appraisal_report",
      "council_minutes",
    ],
    satisfactionPercent: 95,
    capitalConstructionDebt: 0n,
    councilVote: { for: 20, against: 0, members: 20 },
    history: [],
    ...overrides,
  };
}
