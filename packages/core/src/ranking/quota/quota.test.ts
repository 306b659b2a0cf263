import { describe, expect, it } from "vitest";
import { applyQuota, type QuotaEntry } from "./index.js";

const entry = (unitId: string, level: QuotaEntry["level"], score: number, group = "all", criteriaMet = 19): QuotaEntry => ({
  unitId,
  level,
  score,
  group,
  criteriaMet,
  criteriaLost: 0,
});
const goods = (n: number, group = "all") =>
  Array.from({ length: n }, (_, i) => entry(`good-${group}-${String(i).padStart(2, "0")}`, "good", 80, group));
const share = { numerator: 1, denominator: 5 };

describe("applyQuota", () => {
  it("allows 2 excellent with 10 good", () => {
    const r = applyQuota([...goods(10), entry("a", "excellent", 95), entry("b", "excellent", 92)], share);
    expect(r).toEqual({ moves: [], groups: [{ group: "all", candidates: 2, kept: 2, good: 10, moved: [] }] });
  });

  it("with 9 good and 3 candidates keeps 2, counting the demoted unit as good (10 good after)", () => {
    const r = applyQuota([...goods(9), entry("a", "excellent", 95), entry("b", "excellent", 92), entry("c", "excellent", 91)], share);
    expect(r.groups).toEqual([{ group: "all", candidates: 3, kept: 2, good: 10, moved: ["c"] }]);
    expect(r.moves).toEqual([
      {
        unitId: "c",
        from: "excellent",
        to: "good",
        reason: {
          code: "quota.moved",
          path: ["units", "c", "level"],
          params: { group: "all", position: 3, candidates: 3, kept: 2, good: 10, numerator: 1, denominator: 5, score: 91 },
        },
      },
    ]);
  });

  it("keeps none when fewer than 5 would be good", () => {
    const r = applyQuota([...goods(3), entry("a", "excellent", 95)], share);
    expect(r.groups).toEqual([{ group: "all", candidates: 1, kept: 0, good: 4, moved: ["a"] }]);
  });

  it("breaks ties by criteria met, then by unit id", () => {
    const r = applyQuota(
      [
        ...goods(9),
        entry("z", "excellent", 95, "all", 19),
        entry("y", "excellent", 95, "all", 18),
        entry("b", "excellent", 95),
        entry("a", "excellent", 95),
      ],
      share,
    );
    // 13 in all: k = 2 (2 ≤ 20% of 11)
    expect(r.groups[0]).toEqual({ group: "all", candidates: 4, kept: 2, good: 11, moved: ["z", "y"] });
  });

  it("applies the quota within each group separately", () => {
    const r = applyQuota(
      [...goods(5, "g1"), entry("a", "excellent", 95, "g1"), ...goods(4, "g2"), entry("b", "excellent", 99, "g2")],
      share,
    );
    expect(r.groups).toEqual([
      { group: "g1", candidates: 1, kept: 1, good: 5, moved: [] },
      { group: "g2", candidates: 1, kept: 0, good: 5, moved: ["b"] },
    ]);
  });

  it("is the largest k with k ≤ 20% of the good after demotion, for every size", () => {
    for (let g = 0; g <= 30; g++)
      for (let e = 0; e <= 10; e++) {
        const list = [...goods(g), ...Array.from({ length: e }, (_, i) => entry(`x${i}`, "excellent", 95))];
        const { kept, good } = applyQuota(list, share).groups.find((x) => x.group === "all") ?? { kept: 0, good: g };
        expect(kept).toBeLessThanOrEqual(Math.floor(0.2 * good));
        if (kept < e) expect(kept + 1).toBeGreaterThan(Math.floor(0.2 * (good - 1)));
      }
  });
});
