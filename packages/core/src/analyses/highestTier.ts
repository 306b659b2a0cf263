import type { Tier } from "../schemas/pack.js";
import type { EvaluationResult } from "../schemas/result.js";
import type { UnitValues } from "../schemas/values.js";
import type { CompiledPack } from "../evaluation/compilePack.js";
import { evaluateUnit } from "../evaluation/evaluateUnit.js";

/** The highest tier a unit meets along a chain of packs, with every evaluation made. */
export interface TierStanding {
  unitId: string;
  /** Highest tier met, or null when the first pack of the chain is not met. */
  tier: Tier | null;
  /** The first tier not reached, when any. */
  nextTier: Tier | null;
  results: EvaluationResult[];
}

/**
 * Evaluates a unit along a tier chain (standard → advanced → model): a tier counts only when every
 * tier before it is met too, as recognition requires. Stops at the first tier not met, unless
 * `evaluateAll` asks for every pack's result (for full tables; the tier reached is the same).
 * @example
 * const chain = ["example.province-demo.2021-2025", "example.province-demo-advanced.2021-2025", "example.province-demo-model.2021-2025"].map((id) => compilePack(getPack(id)!));
 * highestTier(chain, values).tier // "advanced"
 */
export function highestTier(chain: readonly CompiledPack[], doc: UnitValues, options: { evaluateAll?: boolean } = {}): TierStanding {
  const results: EvaluationResult[] = [];
  let tier: Tier | null = null;
  let nextTier: Tier | null = null;
  for (const compiled of chain) {
    if (nextTier !== null && !options.evaluateAll) break;
    const r = evaluateUnit(compiled, doc);
    results.push(r);
    if (nextTier !== null) continue;
    if (r.status === "met") tier = compiled.pack.tier;
    else nextTier = compiled.pack.tier;
  }
  return { unitId: doc.unit.id, tier, nextTier, results };
}
