import type { EvaluationResult } from "../../schemas/result.js";
import type { UnitValues } from "../../schemas/values.js";
import type { CompiledPack } from "../../evaluation/compilePack.js";
import { evaluateUnit } from "../../evaluation/evaluateUnit.js";
import { type Classification182, withClassification182 } from "../withClassification182/index.js";
import { annotate182 } from "../_lib/annotate182.js";

/**
 * Evaluates a values document against one pack, with indicator 18.2 taken from or checked against a
 * classification ({@link withClassification182}); without one, exactly {@link evaluateUnit}. The
 * reason is added to indicator 18.2 of the result (marked `derived` when it was filled).
 * @example
 * evaluateWithClassification(compiled, doc, { year: 2024, level: "good" }).criteria // 18.2 filled when absent
 */
export function evaluateWithClassification(
  compiled: CompiledPack,
  input: UnitValues,
  classification: Classification182 | undefined,
): EvaluationResult {
  const { doc, reason } = withClassification182(input, classification);
  const r = evaluateUnit(compiled, doc);
  return reason ? annotate182(r, reason) : r;
}
