import type { Tier } from "../../schemas/pack.js";
import type { UnitValues } from "../../schemas/values.js";
import { QD263_TARGETS, type ProgrammeTargets, type TargetCheck, checkProgrammeTargets } from "../../analyses/checkProgrammeTargets.js";
import { type TierCounts, type Undetermined, countByTier, countUndetermined } from "../../tiers/tierBuckets/index.js";
import { type IncomeVs2020Check, incomeVs2020 } from "../incomeVs2020/index.js";

/** What a roll-up says about a group of communes as a whole. */
export interface RollupSummary {
  /** Communes per tier bucket, the undetermined ones left out. */
  countsByTier: TierCounts;
  /** Communes that cannot be judged yet, by why (chưa có số liệu, chưa rõ ngưỡng): never failures. */
  undetermined: Record<Undetermined, number>;
  targets: TargetCheck[];
  incomeVs2020: IncomeVs2020Check;
}

/**
 * Summarises a roll-up: communes per tier bucket ({@link countByTier}), the undetermined ones apart
 * (chưa có số liệu, chưa rõ ngưỡng; never failures), the programme targets read cumulatively ("at
 * least advanced") over the communes that can be judged (none when no commune can), and the income-versus-2020 target from the values of the year
 * and of 2020 ({@link incomeVs2020}).
 * @example
 * summariseRollup(lines, { year: 2025, values: docs, values2020: docs2020 }).countsByTier.standard // 12
 */
export function summariseRollup(
  lines: readonly { unitId: string; tierReached: Tier | null; criteriaMet: number; undetermined?: Undetermined | null }[],
  data: {
    year: number;
    values: readonly Pick<UnitValues, "values">[];
    values2020: readonly Pick<UnitValues, "values">[];
    targets?: ProgrammeTargets;
  },
): RollupSummary {
  const targets = data.targets ?? QD263_TARGETS;
  // Undetermined communes are neither counted as not met nor in the targets' shares.
  const determined = lines.filter((l) => !l.undetermined);
  return {
    countsByTier: countByTier(lines.map((l) => ({ tier: l.tierReached, undetermined: l.undetermined ?? null }))),
    undetermined: countUndetermined(lines.map((l) => ({ undetermined: l.undetermined ?? null }))),
    targets:
      determined.length === 0
        ? []
        : checkProgrammeTargets(
            determined.map((l) => ({ unitId: l.unitId, tier: l.tierReached, criteriaMet: l.criteriaMet })),
            targets,
          ),
    incomeVs2020: incomeVs2020(data.values, data.values2020, data.year, targets),
  };
}
