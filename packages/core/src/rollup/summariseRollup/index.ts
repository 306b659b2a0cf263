import type { Tier } from "../../schemas/pack.js";
import type { UnitValues } from "../../schemas/values.js";
import { QD263_TARGETS, type ProgrammeTargets, type TargetCheck, checkProgrammeTargets } from "../../analyses/checkProgrammeTargets.js";
import { type TierCounts, countByTier } from "../../tiers/tierBuckets/index.js";
import { type IncomeVs2020Check, incomeVs2020 } from "../incomeVs2020/index.js";

/** What a roll-up says about a group of communes as a whole. */
export interface RollupSummary {
  countsByTier: TierCounts;
  targets: TargetCheck[];
  incomeVs2020: IncomeVs2020Check;
}

/**
 * Summarises a roll-up: communes per tier bucket ({@link countByTier}), the programme targets read
 * cumulatively ("at least advanced"), and the income-versus-2020 target from the values of the year
 * and of 2020 ({@link incomeVs2020}). With no commune evaluated (none has a pack adopted for the
 * year) no target is measured: `targets` is empty, never "0% against the target".
 * @example
 * summariseRollup(lines, { year: 2025, values: docs, values2020: docs2020 }).countsByTier.standard // 12
 */
export function summariseRollup(
  lines: readonly { unitId: string; tierReached: Tier | null; criteriaMet: number }[],
  data: {
    year: number;
    values: readonly Pick<UnitValues, "values">[];
    values2020: readonly Pick<UnitValues, "values">[];
    targets?: ProgrammeTargets;
  },
): RollupSummary {
  const targets = data.targets ?? QD263_TARGETS;
  return {
    countsByTier: countByTier(lines.map((l) => ({ tier: l.tierReached }))),
    targets:
      lines.length === 0
        ? []
        : checkProgrammeTargets(
            lines.map((l) => ({ unitId: l.unitId, tier: l.tierReached, criteriaMet: l.criteriaMet })),
            targets,
          ),
    incomeVs2020: incomeVs2020(data.values, data.values2020, data.year, targets),
  };
}
