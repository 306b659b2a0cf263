import type { Tier } from "../../schemas/pack.js";

/**
 * The tier buckets of roll-ups and charts, lowest first: `none` (not NTM) and one per tier. `modern`
 * (NTM hiện đại, the pilot tier above model in the 2026–2030 programme) is its own bucket: counting it
 * as none (as the API did) hid the best communes, counting it as model (as the web app did) hid the
 * tier. Targets that read "at least model" add the buckets from model up ({@link countAtLeast}).
 */
export const TIER_BUCKETS = ["none", "standard", "advanced", "model", "modern"] as const;
export type TierBucket = (typeof TIER_BUCKETS)[number];
export type TierCounts = Record<TierBucket, number>;

/**
 * The bucket of a tier reached (`null`/absent: none).
 * @example
 * tierBucketOf("modern") // "modern"
 * tierBucketOf(null) // "none"
 */
export function tierBucketOf(tier: Tier | null | undefined): TierBucket {
  return tier ?? "none";
}

/** Why a commune without a tier cannot be judged yet: data not entered, or a threshold the law does not state. */
export type Undetermined = "missing" | "unknown_threshold";

/**
 * Counts units per tier bucket. A unit whose standing is undetermined (`undetermined` set: chưa có số
 * liệu, chưa rõ ngưỡng) is not counted at all, never as "none" (not met): see {@link countUndetermined}.
 * @example
 * countByTier([{ tier: "standard" }, { tier: null }, { tier: null, undetermined: "missing" }]) // { none: 1, standard: 1, advanced: 0, model: 0, modern: 0 }
 */
export function countByTier(
  units: readonly { tier?: Tier | null | undefined; undetermined?: Undetermined | null | undefined }[],
): TierCounts {
  const out: TierCounts = { none: 0, standard: 0, advanced: 0, model: 0, modern: 0 };
  for (const u of units) if (!u.undetermined) out[tierBucketOf(u.tier)] += 1;
  return out;
}

/**
 * Counts the units whose standing is undetermined, by why: their own categories beside the tiers.
 * @example
 * countUndetermined([{ undetermined: "missing" }, { undetermined: "unknown_threshold" }, {}]) // { missing: 1, unknown_threshold: 1 }
 */
export function countUndetermined(units: readonly { undetermined?: Undetermined | null | undefined }[]): Record<Undetermined, number> {
  const out: Record<Undetermined, number> = { missing: 0, unknown_threshold: 0 };
  for (const u of units) if (u.undetermined) out[u.undetermined] += 1;
  return out;
}

/**
 * How many units reached at least a tier, from bucket counts (cumulative: "at least advanced" counts
 * advanced, model and modern).
 * @example
 * countAtLeast({ none: 1, standard: 2, advanced: 1, model: 0, modern: 1 }, "advanced") // 2
 */
export function countAtLeast(counts: Readonly<TierCounts>, tier: Tier): number {
  const from = TIER_BUCKETS.indexOf(tier);
  return TIER_BUCKETS.slice(from).reduce((n, b) => n + counts[b], 0);
}
