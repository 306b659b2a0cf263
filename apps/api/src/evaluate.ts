import { type CompiledPack, tierLadder } from "@ntm/core";
import type { LoadedPacks } from "./services/packs.js";

// The ladder, 18.2 and child-status rules live in @ntm/core (src/tiers); re-exported for callers that import them from here.
export {
  type Classification182,
  type LadderResult,
  INDICATOR_182,
  evaluateLadder,
  evaluateWithClassification,
  withClassification182,
} from "@ntm/core";

/**
 * Compiled packs of a tier ladder starting at `packId` (core `tierLadder` over the loaded registry).
 * @example
 * compiledLadder(packs, "vn.commune-ntm.2021-2025").length // 3
 */
export function compiledLadder(packs: LoadedPacks, packId: string): CompiledPack[] {
  return tierLadder(packs.registry, packId).map((p) => packs.compiled(p.id)!);
}
