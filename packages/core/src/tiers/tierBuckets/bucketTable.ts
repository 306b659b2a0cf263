/**
 * The tier buckets written out by hand: which bucket each tier reached falls in, and hand-counted
 * cases. It is the shared table of the bucket tests in core, the web app (apps/web/src/lib/rollup.test.ts)
 * and the API (apps/api/src/routes/evaluations.test.ts), written independently of {@link TIER_BUCKETS}
 * so that a change to either shows. Not part of the public API.
 */
import type { Tier } from "../../schemas/pack.js";
import type { TierCounts } from "./index.js";

/**
 * The bucket of each standing, by hand; `none` is a unit that reached no tier (Chưa đạt chuẩn). A unit
 * that cannot be judged yet (`missing`: chưa có số liệu; `unknown_threshold`: chưa rõ ngưỡng) is in no
 * tier bucket: it is counted apart, never as not met.
 */
export const BUCKET_OF: Readonly<Record<Tier | "none" | "missing" | "unknown_threshold", keyof TierCounts | null>> = {
  none: "none",
  standard: "standard",
  advanced: "advanced",
  model: "model",
  modern: "modern",
  missing: null,
  unknown_threshold: null,
};

/** A unit's standing in a case: the tier it reached, null for none, or why it cannot be judged. */
export type CaseStanding = Tier | null | "missing" | "unknown_threshold";

/** Hand-counted cases: the tiers reached by a set of units and the counts every app must show. */
export const BUCKET_CASES: readonly { name: string; tiers: readonly CaseStanding[]; counts: TierCounts; atLeastModel: number }[] = [
  { name: "no units", tiers: [], counts: { none: 0, standard: 0, advanced: 0, model: 0, modern: 0 }, atLeastModel: 0 },
  {
    name: "modern is its own bucket (neither none nor model)",
    tiers: ["modern"],
    counts: { none: 0, standard: 0, advanced: 0, model: 0, modern: 1 },
    atLeastModel: 1,
  },
  {
    name: "each unit counts once, at its highest tier",
    tiers: [null, "standard", "standard", "advanced", "model", "modern", null],
    counts: { none: 2, standard: 2, advanced: 1, model: 1, modern: 1 },
    atLeastModel: 2,
  },
  {
    name: "no tier reached is none",
    tiers: [null, null, null],
    counts: { none: 3, standard: 0, advanced: 0, model: 0, modern: 0 },
    atLeastModel: 0,
  },
  {
    name: "units not judged yet (no data, unknown threshold) are in no bucket, never none",
    tiers: ["missing", "unknown_threshold", null, "standard", "unknown_threshold"],
    counts: { none: 1, standard: 1, advanced: 0, model: 0, modern: 0 },
    atLeastModel: 0,
  },
];

/**
 * A case's standing as the units `countByTier` reads.
 * @example
 * unitOfStanding("missing") // { tier: null, undetermined: "missing" }
 */
export function unitOfStanding(s: CaseStanding): { tier: Tier | null; undetermined: "missing" | "unknown_threshold" | null } {
  return s === "missing" || s === "unknown_threshold" ? { tier: null, undetermined: s } : { tier: s, undetermined: null };
}
