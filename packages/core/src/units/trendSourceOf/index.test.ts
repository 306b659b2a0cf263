import { describe, expect, it } from "vitest";
import { trendSourceOf } from "./index.js";

const x10 = { id: "x10", effectiveFrom: "2025-07-01", mergedFrom: ["x01", "x02"] };

describe("trendSourceOf", () => {
  it("reads the years that closed before the merger from the units the commune was formed from, with the reason", () => {
    expect([2023, 2024].map((y) => trendSourceOf(x10, y))).toEqual([
      {
        kind: "predecessors",
        unitIds: ["x01", "x02"],
        reason: { code: "trend.before_merger", params: { effectiveFrom: "2025-07-01", year: 2023 } },
      },
      {
        kind: "predecessors",
        unitIds: ["x01", "x02"],
        reason: { code: "trend.before_merger", params: { effectiveFrom: "2025-07-01", year: 2024 } },
      },
    ]);
  });

  it("reads the year of the merger (evaluated at its close) and later ones from the merged commune itself", () => {
    expect([2025, 2026].map((y) => trendSourceOf(x10, y))).toEqual([
      { kind: "own", unitId: "x10" },
      { kind: "own", unitId: "x10" },
    ]);
  });

  it("a merger that took effect on 1 January reads the year before from its predecessors, that year from itself", () => {
    const jan = { ...x10, effectiveFrom: "2026-01-01" };
    expect([trendSourceOf(jan, 2025).kind, trendSourceOf(jan, 2026).kind]).toEqual(["predecessors", "own"]);
  });

  it("a unit not formed by a merger, or with no recorded date, always reads its own years", () => {
    expect([
      trendSourceOf({ id: "c1", effectiveFrom: "2025-07-01", mergedFrom: [] }, 2020).kind,
      trendSourceOf({ id: "c1", effectiveFrom: null, mergedFrom: ["a"] }, 2020).kind,
    ]).toEqual(["own", "own"]);
  });
});
