import { type CompiledPack, tierLadder } from "@ntm/core";
import type { LoadedPacks } from "../services/packs.js";

/**
 * Compiled packs of a tier ladder starting at `packId` (core `tierLadder` over the loaded registry):
 * what the demo seed generates values against.
 * @example
 * compiledLadder(packs, "vn.commune-ntm.2021-2025").length // 3
 */
export function compiledLadder(packs: LoadedPacks, packId: string): CompiledPack[] {
  return tierLadder(packs.registry, packId).map((p) => packs.compiled(p.id)!);
}
