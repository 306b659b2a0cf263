import { type CompiledPack, type EvaluationResult, type Tier, type UnitValues, evaluateUnit } from "@ntm/core";
import type { LoadedPacks } from "./packs.js";
import { tierLadder } from "./packs.js";

/** One commune's evaluation along a tier ladder (standard → advanced → model). */
export interface LadderResult {
  results: EvaluationResult[];
  /** The highest tier met with every lower tier met too; null when not even the first is met. */
  tierReached: Tier | null;
}

/**
 * Compiled packs of a tier ladder starting at `packId`.
 * @example
 * compiledLadder(packs, "example.province-demo.2021-2025").length // 3
 */
export function compiledLadder(packs: LoadedPacks, packId: string): CompiledPack[] {
  return tierLadder(packs.registry, packId).map((p) => packs.compiled(p.id)!);
}

/**
 * Evaluates a values document against each pack of a ladder and finds the tier reached.
 * (A candidate for @ntm/core: `requires` between tier packs is not evaluated there yet.)
 * @example
 * evaluateLadder(ladder, doc).tierReached // "advanced"
 */
export function evaluateLadder(ladder: readonly CompiledPack[], doc: UnitValues, options: { stopAtFirstMiss?: boolean } = {}): LadderResult {
  const results: EvaluationResult[] = [];
  let tierReached: Tier | null = null;
  let chain = true;
  for (const compiled of ladder) {
    // A higher tier needs the lower ones: once one is missed, the rest only matter for full results.
    if (!chain && options.stopAtFirstMiss) break;
    const r = evaluateUnit(compiled, doc);
    results.push(r);
    if (chain && r.status === "met") tierReached = compiled.pack.tier;
    else chain = false;
  }
  return { results, tierReached };
}
