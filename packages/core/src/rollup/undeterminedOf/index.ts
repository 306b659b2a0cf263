import type { EvaluationResult } from "../../schemas/result.js";
import type { Undetermined } from "../../tiers/tierBuckets/index.js";

/**
 * Why a unit's result against a pack cannot be judged, or null when it can: only an `indeterminate`
 * result (no criterion not met, some undecided) is undetermined. A threshold the pack does not know
 * (`unknown_threshold`, chưa rõ ngưỡng) comes first: even complete data would not decide it; otherwise
 * values are missing (chưa có số liệu). Either way it is never a failure.
 * @example
 * undeterminedOf(result2021) // "unknown_threshold" (criterion 10's threshold is unknown for 2021)
 * undeterminedOf(metResult) // null
 */
export function undeterminedOf(result: Pick<EvaluationResult, "status" | "criteria">): Undetermined | null {
  if (result.status !== "indeterminate") return null;
  const open = result.criteria.filter((c) => c.status === "indeterminate").flatMap((c) => c.indicators);
  return open.some((i) => i.status === "unknown_threshold") ? "unknown_threshold" : "missing";
}
