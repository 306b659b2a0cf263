import type { Tier } from "../../schemas/pack.js";
import type { EvaluationResult } from "../../schemas/result.js";
import type { UnitValues } from "../../schemas/values.js";
import type { CompiledPack } from "../../evaluation/compilePack.js";
import { highestTier } from "../../analyses/highestTier.js";
import { type Classification182, withClassification182 } from "../withClassification182/index.js";
import { annotate182 } from "../_lib/annotate182.js";

/** One unit's evaluation along a tier ladder (standard → advanced → model → modern). */
export interface LadderResult {
  /** One result per pack evaluated, in ladder order. */
  results: EvaluationResult[];
  /** The highest tier met with every lower tier met too; null when not even the first is met. */
  tierReached: Tier | null;
}

/** Options of {@link evaluateLadder}. */
export interface EvaluateLadderOptions {
  /** Stop at the first tier not met (roll-ups); by default every pack is evaluated (full tables). */
  stopAtFirstMiss?: boolean;
  /** The previous year's classification: indicator 18.2 is taken from it or checked against it. */
  classification?: Classification182;
}

/**
 * Evaluates a values document along a ladder: {@link highestTier} decides the tier reached (a tier
 * counts only when every tier below it is met too); with `classification`, indicator 18.2 is taken
 * from it or checked against it ({@link withClassification182}) and the reason is added to 18.2 of
 * every result.
 * @example
 * evaluateLadder(ladder, doc, { classification: { year: 2024, level: "good" } }).tierReached // "advanced"
 */
export function evaluateLadder(ladder: readonly CompiledPack[], input: UnitValues, options: EvaluateLadderOptions = {}): LadderResult {
  const { doc, reason } = withClassification182(input, options.classification);
  const standing = highestTier(ladder, doc, { evaluateAll: !options.stopAtFirstMiss });
  const results = reason ? standing.results.map((r) => annotate182(r, reason)) : standing.results;
  return { results, tierReached: standing.tier };
}
