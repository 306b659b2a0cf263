import type { Reason } from "../../schemas/common.js";
import type { UnitValues } from "../../schemas/values.js";
import { QD263_TARGETS, type ProgrammeTargets, checkProgrammeTargets } from "../../analyses/checkProgrammeTargets.js";
import { averageIncome } from "../averageIncome/index.js";

/** The income-versus-2020 target of a group of units, or why it cannot be checked. */
export interface IncomeVs2020Check {
  available: boolean;
  /** null when unavailable. */
  met: boolean | null;
  /** Average income of the year (million đồng/person/year), null without values. */
  current: number | null;
  baseline2020: number | null;
  required: number | null;
  /** How many units had a value in each year. */
  communes: { current: number; baseline2020: number };
  reasons: Reason[];
}

/**
 * The income-versus-2020 target (QĐ 263: rural income ≥ 1.5 × 2020's) of a group of communes: core's
 * check on the average income of the year and of 2020 ({@link averageIncome}), or "unavailable" with a
 * `target.income_unavailable` reason naming the year without values (no baseline is ever assumed).
 * @example
 * incomeVs2020([{ values: { "10": 62 } }], [{ values: { "10": 41.3 } }], 2025).met // true
 */
export function incomeVs2020(
  current: readonly Pick<UnitValues, "values">[],
  baseline2020: readonly Pick<UnitValues, "values">[],
  year: number,
  targets: ProgrammeTargets = QD263_TARGETS,
): IncomeVs2020Check {
  const cur = averageIncome(current);
  const base = averageIncome(baseline2020);
  const communes = { current: cur.n, baseline2020: base.n };
  if (cur.mean === null || base.mean === null) {
    const reasons: Reason[] = [
      {
        code: "target.income_unavailable",
        path: ["incomeVs2020"],
        params: { year: cur.mean === null ? year : 2020, source: targets.source },
      },
    ];
    return { available: false, met: null, current: cur.mean, baseline2020: base.mean, required: null, communes, reasons };
  }
  const check = checkProgrammeTargets([], targets, { income: { baseline2020: base.mean, current: cur.mean } }).find(
    (t) => t.id === "income_vs_2020",
  )!;
  return {
    available: true,
    met: check.met,
    current: cur.mean,
    baseline2020: base.mean,
    required: check.required,
    communes,
    reasons: check.reasons,
  };
}
