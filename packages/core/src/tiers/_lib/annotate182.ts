import type { Reason } from "../../schemas/common.js";
import type { EvaluationResult } from "../../schemas/result.js";
import { INDICATOR_182 } from "../withClassification182/index.js";

/** Adds a reason to indicator 18.2 of an evaluation (marked derived when it was filled). */
export function annotate182(r: EvaluationResult, reason: Reason): EvaluationResult {
  const derived = reason.code === "derived.classification";
  return {
    ...r,
    criteria: r.criteria.map((cr) =>
      cr.indicators.some((i) => i.id === INDICATOR_182)
        ? {
            ...cr,
            indicators: cr.indicators.map((i) =>
              i.id === INDICATOR_182 ? { ...i, ...(derived ? { derived: true } : {}), reasons: [...i.reasons, reason] } : i,
            ),
          }
        : cr,
    ),
  };
}
