import type { Tier } from "../../schemas/pack.js";
import type { EvaluationResult } from "../../schemas/result.js";

/** A child's status per tier, as a parent pack's child tests read it (`ChildValues.statuses`). */
export type ChildTierStatuses = Partial<Record<Tier, "met" | "not_met" | "indeterminate">>;

/**
 * Statuses by tier from a ladder's results, for a parent's child tests: a tier counts as met only
 * when every tier below it is met too (recognition at a tier presupposes the tier below), so a
 * commune that meets the advanced pack's thresholds but misses standard reads `not_met` for advanced.
 * A tier after a miss keeps `not_met`/`indeterminate` as evaluated.
 * @example
 * childTierStatuses([{ tier: "standard", status: "not_met" }, { tier: "advanced", status: "met" }]) // { standard: "not_met", advanced: "not_met" }
 */
export function childTierStatuses(results: readonly Pick<EvaluationResult, "tier" | "status">[]): ChildTierStatuses {
  const out: ChildTierStatuses = {};
  let chain = true;
  for (const e of results) {
    out[e.tier] = chain ? e.status : e.status === "met" ? "not_met" : e.status;
    if (e.status !== "met") chain = false;
  }
  return out;
}
