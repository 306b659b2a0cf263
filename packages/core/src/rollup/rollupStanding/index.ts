import type { Tier } from "../../schemas/pack.js";
import type { UnitValues } from "../../schemas/values.js";
import type { CompiledPack } from "../../evaluation/compilePack.js";
import type { Classification182 } from "../../tiers/withClassification182/index.js";
import { evaluateLadder } from "../../tiers/evaluateLadder/index.js";
import type { Undetermined } from "../../tiers/tierBuckets/index.js";
import { undeterminedOf } from "../undeterminedOf/index.js";

type Status = "met" | "not_met" | "indeterminate";

/** One commune's line in a roll-up: its standing along the ladder and its criteria (for a heat map). */
export interface RollupStanding {
  unitId: string;
  /** Status against the first pack of the ladder. */
  status: Status;
  criteriaMet: number;
  criteriaTotal: number;
  tierReached: Tier | null;
  /** The first pack's revocation check says the recognition should be revoked. */
  revoke: boolean;
  /** Criterion id → status against the first pack. */
  criteria: Record<string, Status>;
  /**
   * Why the first pack's result cannot be judged (chưa có số liệu, chưa rõ ngưỡng), or null: such a
   * commune is its own category in roll-ups, never counted as not met.
   */
  undetermined: Undetermined | null;
}

/**
 * A commune's roll-up line: the ladder evaluated up to the first tier missed, 18.2 from the
 * classification when given, the first pack's status, criteria and revocation check.
 * @example
 * rollupStanding(ladder, doc).tierReached // "standard"
 */
export function rollupStanding(ladder: readonly CompiledPack[], doc: UnitValues, classification?: Classification182): RollupStanding {
  const { results, tierReached } = evaluateLadder(ladder, doc, { stopAtFirstMiss: true, ...(classification ? { classification } : {}) });
  const base = results[0];
  if (!base) throw new Error("rollupStanding: empty ladder");
  return {
    unitId: doc.unit.id,
    status: base.status,
    criteriaMet: base.criteriaMet,
    criteriaTotal: base.criteriaTotal,
    tierReached,
    revoke: base.revocation?.revoke ?? false,
    criteria: Object.fromEntries(base.criteria.map((cr) => [cr.id, cr.status])),
    undetermined: undeterminedOf(base),
  };
}
