import type { CriteriaPack } from "../../schemas/pack.js";
import type { PackRegistry } from "../../packs/registry.js";

/** The most packs a ladder may hold (standard → advanced → model → modern, with room for one more). */
const MAX_LADDER = 6;

/**
 * The tier ladder that starts at a commune pack: the pack, then the pack its `nextTier` names, and so
 * on (standard → advanced → model → modern). Stops at an unknown id, at a pack already on the ladder
 * (a cycle) and after six packs.
 * @example
 * tierLadder(createPackRegistry(), "example.province-demo.2021-2025").map((p) => p.tier) // ["standard", "advanced", "model"]
 */
export function tierLadder(registry: Pick<PackRegistry, "get">, packId: string): CriteriaPack[] {
  const out: CriteriaPack[] = [];
  const seen = new Set<string>();
  for (
    let p = registry.get(packId);
    p && !seen.has(p.id) && out.length < MAX_LADDER;
    p = p.nextTier ? registry.get(p.nextTier) : undefined
  ) {
    seen.add(p.id);
    out.push(p);
  }
  return out;
}
