import type { EvaluationResult, YearOverYear } from "@ntm/core";
import type { CommuneStandingRow } from "./types.js";

/**
 * Builds a commune's row of the progress report from its evaluation at the end of the period and,
 * when there is one, core's `compareYears` against the previous period.
 * @example
 * const row = communeStandingFromEvaluation("Xã Đại Hồng", result2025, compareYears(result2024, result2025));
 * row.lost // ["10"] when income fell below the threshold
 */
export function communeStandingFromEvaluation(name: string, current: EvaluationResult, change?: YearOverYear): CommuneStandingRow {
  return {
    id: current.unitId,
    name,
    tier: current.tier,
    status: current.status,
    criteriaMet: current.criteriaMet,
    criteriaTotal: current.criteriaTotal,
    gained: change ? change.gained.map((c) => c.criterionId) : [],
    lost: change ? change.lost.map((c) => c.criterionId) : [],
  };
}
