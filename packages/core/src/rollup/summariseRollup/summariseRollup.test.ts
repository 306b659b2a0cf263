import { describe, expect, it } from "vitest";
import { summariseRollup } from "./index.js";

describe("summariseRollup", () => {
  it("counts modern in its own bucket and reads the targets cumulatively", () => {
    const lines = [
      { unitId: "a", tierReached: "modern" as const, criteriaMet: 19 },
      { unitId: "b", tierReached: "advanced" as const, criteriaMet: 19 },
      { unitId: "c", tierReached: "standard" as const, criteriaMet: 19 },
      { unitId: "d", tierReached: null, criteriaMet: 14 },
    ];
    const s = summariseRollup(lines, { year: 2025, values: [{ values: { "10": 62 } }], values2020: [{ values: { "10": 41.3 } }] });
    expect(s.countsByTier).toEqual({ none: 1, standard: 1, advanced: 1, model: 0, modern: 1 });
    expect(s.targets.map((t) => [t.id, t.actual])).toEqual([
      ["ntm_share", 75],
      ["advanced_share", 50],
      ["model_share", 25],
      ["min_criteria", 1],
    ]);
    expect([s.incomeVs2020.available, s.incomeVs2020.met]).toEqual([true, true]);
  });

  it("measures no target when no commune was evaluated (none has a pack for the year)", () => {
    const s = summariseRollup([], { year: 2026, values: [], values2020: [] });
    expect(s.targets).toEqual([]);
    expect(s.countsByTier).toEqual({ none: 0, standard: 0, advanced: 0, model: 0, modern: 0 });
    expect(s.incomeVs2020.available).toBe(false);
  });
});
