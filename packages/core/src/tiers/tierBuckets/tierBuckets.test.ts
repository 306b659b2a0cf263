import { describe, expect, it } from "vitest";
import { BUCKET_CASES, BUCKET_OF } from "./bucketTable.js";
import { TIER_BUCKETS, countAtLeast, countByTier, tierBucketOf } from "./index.js";

describe("tier buckets", () => {
  it("has one bucket per tier plus none, lowest first", () => {
    expect(TIER_BUCKETS).toEqual(["none", "standard", "advanced", "model", "modern"]);
  });

  it("puts modern in its own bucket, not in none or model", () => {
    expect([tierBucketOf("modern"), tierBucketOf(null), tierBucketOf(undefined), tierBucketOf("model")]).toEqual([
      "modern",
      "none",
      "none",
      "model",
    ]);
  });

  it("counts each unit once at its highest tier", () => {
    expect(countByTier([{ tier: "standard" }, { tier: null }, { tier: "modern" }, { tier: "model" }, {}])).toEqual({
      none: 2,
      standard: 1,
      advanced: 0,
      model: 1,
      modern: 1,
    });
  });

  it("reads 'at least' targets cumulatively", () => {
    const counts = { none: 1, standard: 2, advanced: 1, model: 0, modern: 1 };
    expect((["standard", "advanced", "model", "modern"] as const).map((t) => countAtLeast(counts, t))).toEqual([4, 2, 1, 1]);
  });

  describe("the shared table (also checked by the web app and the API)", () => {
    it("puts every tier in the bucket the table gives", () => {
      for (const [tier, bucket] of Object.entries(BUCKET_OF)) expect(tierBucketOf(tier === "none" ? null : (tier as never))).toBe(bucket);
    });
    for (const c of BUCKET_CASES)
      it(c.name, () => {
        const counts = countByTier(c.tiers.map((tier) => ({ tier })));
        expect(counts).toEqual(c.counts);
        expect(countAtLeast(counts, "model")).toBe(c.atLeastModel);
      });
  });
});
