import { describe, expect, it } from "vitest";
import type { House } from "../schema.js";
import { summariseHousing } from "./index.js";

const h = (id: string, communeUnitId: string, status: House["status"], supportAmount = 0n): House => ({
  id,
  communeUnitId,
  status,
  supportAmount,
});

describe("summariseHousing", () => {
  it("counts houses by status per commune with support in đồng and the completed share", () => {
    const houses = [
      h("a", "x1", "temporary"),
      h("b", "x1", "dilapidated", 10_000_000n),
      h("c", "x1", "completed", 60_000_000n),
      h("d", "x1", "under_construction", 30_000_000n),
      h("e", "x2", "completed", 50_000_000n),
    ];
    expect(summariseHousing(houses, ["x3"])).toEqual([
      {
        unitId: "x1",
        unitIds: ["x1"],
        total: 4,
        counts: { temporary: 1, dilapidated: 1, under_construction: 1, completed: 1 },
        remaining: 2,
        remainingIds: ["a", "b"],
        underConstructionIds: ["d"],
        supportDong: 100_000_000n,
        completedShare: { numerator: 1n, denominator: 4n, percent: "25.00" },
        reasons: [
          {
            code: "housing.summary",
            path: ["units", "x1"],
            params: {
              unit: "x1",
              total: 4,
              temporary: 1,
              dilapidated: 1,
              under_construction: 1,
              completed: 1,
              support: "100000000",
              completedPercent: "25.00",
            },
          },
          {
            code: "housing.remaining",
            path: ["units", "x1"],
            params: { unit: "x1", count: 2, temporary: 1, dilapidated: 1, houses: ["a", "b"] },
          },
          { code: "housing.under_construction", path: ["units", "x1"], params: { unit: "x1", count: 1, houses: ["d"] } },
        ],
      },
      {
        unitId: "x2",
        unitIds: ["x2"],
        total: 1,
        counts: { temporary: 0, dilapidated: 0, under_construction: 0, completed: 1 },
        remaining: 0,
        remainingIds: [],
        underConstructionIds: [],
        supportDong: 50_000_000n,
        completedShare: { numerator: 1n, denominator: 1n, percent: "100.00" },
        reasons: [
          {
            code: "housing.summary",
            path: ["units", "x2"],
            params: {
              unit: "x2",
              total: 1,
              temporary: 0,
              dilapidated: 0,
              under_construction: 0,
              completed: 1,
              support: "50000000",
              completedPercent: "100.00",
            },
          },
          { code: "housing.none_remaining", path: ["units", "x2"], params: { unit: "x2" } },
        ],
      },
      {
        unitId: "x3",
        unitIds: ["x3"],
        total: 0,
        counts: { temporary: 0, dilapidated: 0, under_construction: 0, completed: 0 },
        remaining: 0,
        remainingIds: [],
        underConstructionIds: [],
        supportDong: 0n,
        completedShare: { numerator: 0n, denominator: 0n, percent: null },
        reasons: [
          {
            code: "housing.summary",
            path: ["units", "x3"],
            params: {
              unit: "x3",
              total: 0,
              temporary: 0,
              dilapidated: 0,
              under_construction: 0,
              completed: 0,
              support: "0",
              completedPercent: null,
            },
          },
          { code: "housing.none_remaining", path: ["units", "x3"], params: { unit: "x3" } },
        ],
      },
    ]);
  });
});
