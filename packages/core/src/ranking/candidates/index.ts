import type { Reason } from "../../schemas/common.js";
import type { ClassificationLevel } from "../levels.js";
import type { RankingOptions, RankingUnit } from "../input.js";

/** What a candidate rule sees about one ranked unit. */
export interface CandidateFacts {
  unit: RankingUnit;
  rank: number;
  /** The unit's level; `"incomplete_data"` when its inputs are incomplete (no level-based rule holds). */
  level: ClassificationLevel | "incomplete_data";
  score: number;
  options: RankingOptions;
}

/** A candidate rule: a small named pure function returning a reason when the unit qualifies. */
export type CandidateRule = (f: CandidateFacts) => Reason | null;

const v = (u: RankingUnit, field: string) => u.values[field] ?? 0;

/** Rules that propose a unit for commendation (khen thưởng): xuất sắc, or in the configured top N. */
export const COMMENDATION_RULES: Readonly<Record<string, CandidateRule>> = {
  excellent: ({ level, score }) => (level === "excellent" ? { code: "commend.excellent", path: ["level"], params: { score } } : null),
  topN: ({ rank, options, score }) =>
    options.topN !== undefined && rank <= options.topN
      ? { code: "commend.top_n", path: ["rank"], params: { rank, topN: options.topN, score } }
      : null,
};

/** Rules that propose a unit for criticism (phê bình): không hoàn thành, criteria lost, revoked, overdue reports. */
export const CRITICISM_RULES: Readonly<Record<string, CandidateRule>> = {
  notCompleted: ({ level, score }) =>
    level === "not_completed" ? { code: "criticise.not_completed", path: ["level"], params: { score } } : null,
  criteriaLost: ({ unit }) =>
    v(unit, "criteria_lost") > 0
      ? { code: "criticise.criteria_lost", path: ["values", "criteria_lost"], params: { count: v(unit, "criteria_lost") } }
      : null,
  revoked: ({ unit }) => (unit.recognitionRevoked ? { code: "criticise.revoked", path: ["recognitionRevoked"], params: {} } : null),
  reportsOverdue: ({ unit }) =>
    v(unit, "reports_overdue") > 0
      ? { code: "criticise.reports_overdue", path: ["values", "reports_overdue"], params: { count: v(unit, "reports_overdue") } }
      : null,
};

/**
 * Runs candidate rules over one unit; the reasons of the rules that hold, in registry order.
 * @example
 * runCandidateRules(CRITICISM_RULES, { unit, rank: 7, level: "not_completed", score: 42, options: {} })
 * // [{ code: "criticise.not_completed", path: ["level"], params: { score: 42 } }]
 */
export function runCandidateRules(rules: Readonly<Record<string, CandidateRule>>, facts: CandidateFacts): Reason[] {
  return Object.values(rules).flatMap((r) => r(facts) ?? []);
}
