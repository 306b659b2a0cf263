import type { EvaluationResult, IndicatorResult } from "../schemas/result.js";

/** What a unit lacks to meet a pack (usually the next tier). */
export interface TierGap {
  unitId: string;
  packId: string;
  met: boolean;
  /** Indicators not met, with their gaps. */
  notMet: Pick<IndicatorResult, "id" | "actual" | "required" | "comparator" | "gap">[];
  /** Indicators with no value yet. */
  missing: string[];
  /** Indicators whose threshold is unknown law. */
  unknownThreshold: string[];
  criteriaToGain: string[];
}

/**
 * Lists what stands between a unit and a pack's standard, from its evaluation against that pack
 * (for the gap to the next tier, evaluate against the pack's `nextTier`).
 * @example
 * gapToNextTier(evaluateUnit(compilePack(advancedPack), values)).criteriaToGain // ["10", "17"]
 */
export function gapToNextTier(result: EvaluationResult): TierGap {
  const notMet: TierGap["notMet"] = [];
  const missing: string[] = [];
  const unknownThreshold: string[] = [];
  for (const c of result.criteria)
    for (const i of c.indicators) {
      if (i.status === "not_met") {
        const g: TierGap["notMet"][number] = { id: i.id, actual: i.actual, required: i.required, comparator: i.comparator };
        if (i.gap !== undefined) g.gap = i.gap;
        notMet.push(g);
      } else if (i.status === "missing") missing.push(i.id);
      else if (i.status === "unknown_threshold") unknownThreshold.push(i.id);
    }
  return {
    unitId: result.unitId,
    packId: result.packId,
    met: result.status === "met",
    notMet,
    missing,
    unknownThreshold,
    criteriaToGain: result.criteria.filter((c) => c.status !== "met").map((c) => c.id),
  };
}
