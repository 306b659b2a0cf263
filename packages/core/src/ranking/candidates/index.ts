import type { Reason } from "../../schemas/common.js";
import type { ClassificationLevel } from "../levels.js";
import type { RankingOptions, RankingUnit } from "../input.js";

/** What a candidate rule sees about one ranked subject. */
export interface CandidateFacts {
  unit: RankingUnit;
  rank: number;
  /** The subject's final level; `"incomplete_data"` when its inputs are incomplete (no level-based rule holds). */
  level: ClassificationLevel | "incomplete_data";
  /** The level its score reached before caps and quota. */
  bandLevel?: ClassificationLevel | "incomplete_data";
  score: number;
  options: RankingOptions;
  /** Why the subject ended in its level: the caps that lowered it (empty when the score alone decided). */
  whyLevel?: readonly Reason[];
  /** The day findings are judged overdue on (yyyy-mm-dd). */
  asOf?: string;
}

/** A candidate rule: a small named pure function returning the reasons when the subject qualifies. */
export type CandidateRule = (f: CandidateFacts) => Reason | readonly Reason[] | null;

const v = (u: RankingUnit, field: string) => u.values[field] ?? 0;
const classified = (l: CandidateFacts["level"]) => l !== "incomplete_data" && l !== "not_completed";

/**
 * Rules that propose a subject for commendation (khen thưởng): classed at the highest level
 * (xuất sắc, which the quota has already limited), in the configured top N, or with a recorded
 * outstanding achievement (thành tích xuất sắc) while classed at least "hoàn thành nhiệm vụ".
 */
export const COMMENDATION_RULES: Readonly<Record<string, CandidateRule>> = {
  excellent: ({ level, score }) => (level === "excellent" ? { code: "commend.excellent", path: ["level"], params: { score } } : null),
  topN: ({ rank, options, score, level }) =>
    options.topN !== undefined && rank <= options.topN && classified(level)
      ? { code: "commend.top_n", path: ["rank"], params: { rank, topN: options.topN, score } }
      : null,
  achievement: ({ unit, level }) =>
    classified(level)
      ? (unit.records?.achievements ?? []).map(
          (a, i): Reason => ({
            code: "commend.achievement",
            path: ["records", "achievements", i],
            params: { title: a.title, recordId: a.recordId ?? null, date: a.date ?? null },
          }),
        )
      : null,
};

/**
 * Rules that propose a subject for criticism (phê bình): không hoàn thành nhiệm vụ (with the caps
 * that brought it there), criteria lost, recognition revoked, reports overdue, inspection findings
 * unresolved past their deadline.
 */
export const CRITICISM_RULES: Readonly<Record<string, CandidateRule>> = {
  notCompleted: ({ level, bandLevel, score, whyLevel = [] }) =>
    level === "not_completed"
      ? [
          {
            code: "criticise.not_completed",
            path: ["level"],
            params: { score, bandLevel: bandLevel ?? level, because: whyLevel.map((r) => r.code) },
          },
          ...whyLevel,
        ]
      : null,
  criteriaLost: ({ unit }) =>
    v(unit, "criteria_lost") > 0
      ? { code: "criticise.criteria_lost", path: ["values", "criteria_lost"], params: { count: v(unit, "criteria_lost") } }
      : null,
  revoked: ({ unit }) => (unit.recognitionRevoked ? { code: "criticise.revoked", path: ["recognitionRevoked"], params: {} } : null),
  reportsOverdue: ({ unit }) =>
    v(unit, "reports_overdue") > 0
      ? { code: "criticise.reports_overdue", path: ["values", "reports_overdue"], params: { count: v(unit, "reports_overdue") } }
      : null,
  findingsOverdue: ({ unit, asOf }) =>
    asOf === undefined
      ? null
      : (unit.records?.findings ?? []).flatMap((f, i): Reason[] =>
          f.deadline < asOf && (f.resolvedOn == null || f.resolvedOn > asOf)
            ? [
                {
                  code: "criticise.finding_overdue",
                  path: ["records", "findings", i],
                  params: { id: f.id, title: f.title ?? null, deadline: f.deadline, asOf },
                },
              ]
            : [],
        ),
};

/**
 * Runs candidate rules over one subject; the reasons of the rules that hold, in registry order.
 * @example
 * runCandidateRules(CRITICISM_RULES, { unit, rank: 7, level: "not_completed", score: 42, options: {} })
 * // [{ code: "criticise.not_completed", path: ["level"], params: { score: 42, bandLevel: "not_completed", because: [] } }]
 */
export function runCandidateRules(rules: Readonly<Record<string, CandidateRule>>, facts: CandidateFacts): Reason[] {
  return Object.values(rules).flatMap((r) => {
    const out = r(facts);
    return out === null ? [] : Array.isArray(out) ? [...out] : [out as Reason];
  });
}
