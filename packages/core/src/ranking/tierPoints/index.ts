import type { Tier } from "../../schemas/pack.js";

/**
 * Points for the tier reached, the `tier_reached` input of a scoring scheme (the tool's default, not
 * law): 0 below NTM, 1 NTM, 2 advanced, 3 model. `modern` scores as model until a scheme for the
 * 2026–2030 programme says otherwise.
 */
export const TIER_POINTS: Readonly<Record<Tier, number>> = { standard: 1, advanced: 2, model: 3, modern: 3 };

/**
 * The `tier_reached` points of a tier ({@link TIER_POINTS}); 0 when no tier is reached.
 * @example
 * tierPoints("advanced") // 2
 * tierPoints(null) // 0
 */
export function tierPoints(tier: Tier | null | undefined): number {
  return tier ? TIER_POINTS[tier] : 0;
}
