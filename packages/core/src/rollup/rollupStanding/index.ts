import type { Tier } from "../../schemas/pack.js";
import type { UnitValues } from "../../schemas/values.js";
import type { CompiledPack } from "../../evaluation/compilePack.js";
import type { UnitStatuses } from "../../evaluation/evaluateStatuses.js";
import type { Classification182 } from "../../tiers/withClassification182/index.js";
import { indicatorsOfCriteria, ladderStatuses } from "../../tiers/_lib/ladderStatuses.js";
import type { Undetermined } from "../../tiers/tierBuckets/index.js";

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
 * classification when given, the first pack's status, criteria and revocation check. Decided on the
 * status-only path (`evaluateStatuses`): the same statuses as `evaluateLadder`, without reasons.
 * @example
 * rollupStanding(ladder, doc).tierReached // "standard"
 */
export function rollupStanding(ladder: readonly CompiledPack[], doc: UnitValues, classification?: Classification182): RollupStanding {
  const first = ladder[0];
  if (!first) throw new Error("rollupStanding: empty ladder");
  const { statuses, tierReached } = ladderStatuses(ladder, doc, classification);
  const base = statuses[0]!;
  const ids = first.pack.criteria;
  const criteria: Record<string, Status> = {};
  for (let c = 0; c < ids.length; c++) criteria[ids[c]!.id] = base.criteria[c]!;
  return {
    unitId: doc.unit.id,
    status: base.status,
    criteriaMet: base.criteriaMet,
    criteriaTotal: base.criteriaTotal,
    tierReached,
    revoke: base.revoke ?? false,
    criteria,
    undetermined: base.status === "indeterminate" ? undeterminedFrom(first, base) : null,
  };
}

/** `undeterminedOf` on statuses: an unknown threshold in an undecided criterion comes first, else missing values. */
function undeterminedFrom(compiled: CompiledPack, s: UnitStatuses): Undetermined {
  const lists = indicatorsOfCriteria(compiled);
  for (let c = 0; c < lists.length; c++) {
    if (s.criteria[c] !== "indeterminate") continue;
    for (const i of lists[c]!) if (s.indicators[i] === "unknown_threshold") return "unknown_threshold";
  }
  return "missing";
}
