import type { CriterionStatus, EvaluationResult } from "../schemas/result.js";

/** One criterion whose status changed between two years. */
export interface CriterionChange {
  criterionId: string;
  from: CriterionStatus;
  to: CriterionStatus;
}

/** What changed between last year's evaluation and this year's: the plan's "maintain and raise". */
export interface YearOverYear {
  unitId: string;
  fromYear: number;
  toYear: number;
  gained: CriterionChange[];
  lost: CriterionChange[];
  /** Changes to or from indeterminate (data or law missing). */
  other: CriterionChange[];
  criteriaMetDelta: number;
  statusFrom: CriterionStatus;
  statusTo: CriterionStatus;
}

/**
 * Compares two evaluations of the same unit (usually consecutive years): criteria gained, lost,
 * and those that became indeterminate.
 * @example
 * const d = compareYears(result2023, result2024);
 * d.lost.map((c) => c.criterionId) // ["10"] when income fell below the threshold
 */
export function compareYears(previous: EvaluationResult, current: EvaluationResult): YearOverYear {
  const prev = new Map(previous.criteria.map((c) => [c.id, c.status]));
  const gained: CriterionChange[] = [];
  const lost: CriterionChange[] = [];
  const other: CriterionChange[] = [];
  for (const c of current.criteria) {
    const from = prev.get(c.id) ?? "indeterminate";
    const to = c.status;
    if (from === to) continue;
    const ch = { criterionId: c.id, from, to };
    if (to === "met") gained.push(ch);
    else if (from === "met") lost.push(ch);
    else other.push(ch);
  }
  return {
    unitId: current.unitId,
    fromYear: previous.year,
    toYear: current.year,
    gained,
    lost,
    other,
    criteriaMetDelta: current.criteriaMet - previous.criteriaMet,
    statusFrom: previous.status,
    statusTo: current.status,
  };
}
