import type { Tier } from "../../schemas/pack.js";
import type { PackAdoption } from "../schema.js";
import { type PackEffectiveLookup, type PackQuery, type PackSelection, selectPack } from "../selectPack/index.js";

/** The tiers of a ladder, in the order a unit climbs them. */
export const LADDER_TIERS: readonly Tier[] = ["standard", "advanced", "model", "modern"];

/** One rung of {@link selectLadder}: the tier and what {@link selectPack} found for it. */
export type LadderRung = { tier: Tier } & PackSelection;

/**
 * The tier ladder of a unit-year: for standard → advanced → model → modern in order, the adoption in
 * force ({@link selectPack}) or the reason there is none. `adopted` is the run of adopted tiers from
 * standard up to the first tier without an adoption (empty when standard itself has none); a tier
 * above a gap is not reachable, so it is left out of `adopted`.
 * @example
 * const { adopted, rungs } = selectLadder(adoptions, { unitPath: ["p-demo", "d-01", "c-01-01"], level: "commune", year: 2024 });
 * adopted.map((a) => a.tier) // ["standard", "advanced", "model"]
 * rungs[3] // { tier: "modern", ok: false, reason: { code: "pack.not_adopted", ... } }
 */
export function selectLadder(
  adoptions: readonly PackAdoption[],
  q: Omit<PackQuery, "tier">,
  packs?: PackEffectiveLookup,
): { rungs: LadderRung[]; adopted: PackAdoption[] } {
  const rungs: LadderRung[] = LADDER_TIERS.map((tier) => ({ tier, ...selectPack(adoptions, { ...q, tier }, packs) }));
  const adopted: PackAdoption[] = [];
  for (const r of rungs) {
    if (!r.ok) break;
    adopted.push(r.adoption);
  }
  return { rungs, adopted };
}
