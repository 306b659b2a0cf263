import { describe, expect, it } from "vitest";
import type { Contribution } from "../schema.js";
import { groupContributions } from "./index.js";

const c = (unitId: string, period: Contribution["period"], source: Contribution["source"], amount: bigint): Contribution => ({
  unitId,
  period,
  source,
  amount,
});
const y2025 = { kind: "year", year: 2025 } as const;
const q1 = { kind: "quarter", year: 2025, quarter: 1 } as const;
const rows = [
  c("x2", y2025, "people_cash", 300_000_000n),
  c("x1", q1, "central_budget", 2_000_000_000n),
  c("x1", y2025, "land_donated_m2", 450n),
  c("x1", y2025, "labour_days", 120n),
  c("x1", { kind: "year", year: 2024 }, "people_cash", 9_007_199_254_740_993n), // beyond float precision
];

describe("groupContributions", () => {
  it("sums by source in catalogue order, keeping land and labour out of money", () => {
    expect(groupContributions(rows, "source")).toEqual([
      { key: "central_budget", totals: { count: 1, money: 2_000_000_000n, landDonatedM2: 0n, labourDays: 0n } },
      { key: "people_cash", totals: { count: 2, money: 9_007_199_554_740_993n, landDonatedM2: 0n, labourDays: 0n } },
      { key: "land_donated_m2", totals: { count: 1, money: 0n, landDonatedM2: 450n, labourDays: 0n } },
      { key: "labour_days", totals: { count: 1, money: 0n, landDonatedM2: 0n, labourDays: 120n } },
    ]);
  });

  it("sums by unit (sorted by id) and by period (in time order)", () => {
    expect(groupContributions(rows, "unit")).toEqual([
      { key: "x1", totals: { count: 4, money: 9_007_201_254_740_993n, landDonatedM2: 450n, labourDays: 120n } },
      { key: "x2", totals: { count: 1, money: 300_000_000n, landDonatedM2: 0n, labourDays: 0n } },
    ]);
    expect(groupContributions(rows, "period").map((g) => [g.key, g.totals.count])).toEqual([
      ["2024", 1],
      ["2025", 3],
      ["2025Q1", 1],
    ]);
  });

  it("returns no groups for no contributions", () => {
    expect(groupContributions([], "source")).toEqual([]);
  });
});
