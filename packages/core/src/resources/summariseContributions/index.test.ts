import { describe, expect, it } from "vitest";
import type { Contribution } from "../schema.js";
import { summariseContributions } from "./index.js";

const c = (unitId: string, period: Contribution["period"], source: Contribution["source"], amount: bigint): Contribution => ({
  unitId,
  period,
  source,
  amount,
});
const y2025 = { kind: "year", year: 2025 } as const;
const q1 = { kind: "quarter", year: 2025, quarter: 1 } as const;
const rows = [
  c("x1", q1, "central_budget", 2_000_000_000n),
  c("x1", y2025, "people_cash", 300_000_000n),
  c("x2", y2025, "land_donated_m2", 450n),
  c("x2", y2025, "labour_days", 120n),
  c("x2", { kind: "year", year: 2024 }, "credit", 999n),
];
const zeroShare = (den: bigint) => ({ numerator: 0n, denominator: den, percent: den === 0n ? null : "0.00" });

describe("summariseContributions", () => {
  it("sums money by source with exact shares, the people's share, and land and labour apart", () => {
    const money = 2_300_000_000n;
    expect(summariseContributions(rows, { period: y2025 })).toEqual({
      totals: { count: 4, money, landDonatedM2: 450n, labourDays: 120n },
      notSplit: { count: 0, money: 0n, landDonatedM2: 0n, labourDays: 0n },
      bySource: [
        { source: "central_budget", amount: 2_000_000_000n, share: { numerator: 2_000_000_000n, denominator: money, percent: "86.96" } },
        { source: "provincial_budget", amount: 0n, share: zeroShare(money) },
        { source: "district_budget", amount: 0n, share: zeroShare(money) },
        { source: "commune_budget", amount: 0n, share: zeroShare(money) },
        { source: "integrated_programmes", amount: 0n, share: zeroShare(money) },
        { source: "credit", amount: 0n, share: zeroShare(money) },
        { source: "enterprises", amount: 0n, share: zeroShare(money) },
        { source: "people_cash", amount: 300_000_000n, share: { numerator: 300_000_000n, denominator: money, percent: "13.04" } },
        { source: "other", amount: 0n, share: zeroShare(money) },
      ],
      peopleShare: { numerator: 300_000_000n, denominator: money, percent: "13.04" },
      reasons: [
        {
          code: "resources.totals",
          path: [],
          params: { period: "2025", units: null, count: 4, money: "2300000000", landDonatedM2: "450", labourDays: "120" },
        },
        { code: "resources.people_share", path: ["people_cash"], params: { people: "300000000", money: "2300000000", percent: "13.04" } },
      ],
    });
  });

  it("does not split a yearly record into a quarter and says how many were left out", () => {
    const s = summariseContributions(rows, { period: q1, unitIds: ["x1"] });
    expect([s.totals, s.peopleShare.percent, s.reasons.map((r) => r.code)]).toEqual([
      { count: 1, money: 2_000_000_000n, landDonatedM2: 0n, labourDays: 0n },
      "0.00",
      ["resources.totals", "resources.people_share", "resources.period_not_split"],
    ]);
    expect(s.reasons[2]).toEqual({
      code: "resources.period_not_split",
      path: [],
      params: { count: 1, period: "2025Q1", money: "300000000", landDonatedM2: "0", labourDays: "0" },
    });
    expect(s.notSplit).toEqual({ count: 1, money: 300_000_000n, landDonatedM2: 0n, labourDays: 0n });
  });

  it("reports no money (and no percent) when only land and labour were mobilised", () => {
    const s = summariseContributions(rows, { unitIds: ["x2"], period: y2025 });
    expect([s.totals, s.peopleShare, s.reasons[1]]).toEqual([
      { count: 2, money: 0n, landDonatedM2: 450n, labourDays: 120n },
      zeroShare(0n),
      { code: "resources.no_money", path: [], params: { period: "2025", units: ["x2"] } },
    ]);
  });
});
