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

  it("keeps undetermined communes (chưa có số liệu, chưa rõ ngưỡng) out of the none bucket and the targets' shares", () => {
    const lines = [
      { unitId: "a", tierReached: "standard" as const, criteriaMet: 19, undetermined: null },
      { unitId: "b", tierReached: null, criteriaMet: 18, undetermined: "unknown_threshold" as const },
      { unitId: "c", tierReached: null, criteriaMet: 12, undetermined: "missing" as const },
    ];
    const s = summariseRollup(lines, { year: 2021, values: [], values2020: [] });
    expect([s.countsByTier.none, s.countsByTier.standard, s.undetermined, s.targets.find((t) => t.id === "ntm_share")?.actual]).toEqual([
      0,
      1,
      { missing: 1, unknown_threshold: 1 },
      100,
    ]);
  });

  it("judges no target when no commune can be judged", () => {
    const lines = [{ unitId: "b", tierReached: null, criteriaMet: 18, undetermined: "unknown_threshold" as const }];
    const s = summariseRollup(lines, { year: 2021, values: [], values2020: [] });
    expect([s.countsByTier.none, s.undetermined.unknown_threshold, s.targets]).toEqual([0, 1, []]);
  });
});
