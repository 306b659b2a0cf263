import { describe, expect, it } from "vitest";
import { BUCKET_CASES, BUCKET_OF, unitOfStanding } from "./bucketTable.js";
import { TIER_BUCKETS, countAtLeast, countByTier, countUndetermined, tierBucketOf } from "./index.js";

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
      for (const [standing, bucket] of Object.entries(BUCKET_OF)) {
        const unit = unitOfStanding(standing === "none" ? null : (standing as never));
        const counts = countByTier([unit]);
        expect(Object.entries(counts).find(([, n]) => n === 1)?.[0] ?? null).toBe(bucket);
      }
    });
    for (const c of BUCKET_CASES)
      it(c.name, () => {
        const counts = countByTier(c.tiers.map(unitOfStanding));
        expect(counts).toEqual(c.counts);
        expect(countAtLeast(counts, "model")).toBe(c.atLeastModel);
      });
  });
});

describe("undetermined communes", () => {
  it("are counted apart by why, never in the none bucket", () => {
    const units = [
      { tier: null, undetermined: "missing" as const },
      { tier: null, undetermined: "unknown_threshold" as const },
      { tier: null, undetermined: "unknown_threshold" as const },
      { tier: null },
      { tier: "standard" as const, undetermined: null },
    ];
    expect([countByTier(units), countUndetermined(units)]).toEqual([
      { none: 1, standard: 1, advanced: 0, model: 0, modern: 0 },
      { missing: 1, unknown_threshold: 2 },
    ]);
  });
});
