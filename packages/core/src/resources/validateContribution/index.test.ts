import { describe, expect, it } from "vitest";
import { validateContribution, validateContributions } from "./index.js";

describe("validateContribution", () => {
  it("parses the period and the amount into a canonical contribution", () => {
    expect(
      validateContribution({ id: "c1", unitId: "x1", period: "2025Q3", source: "people_cash", amount: "1.250.000", note: "Đường thôn 3" }),
    ).toEqual({
      ok: true,
      value: {
        id: "c1",
        unitId: "x1",
        period: { kind: "quarter", year: 2025, quarter: 3 },
        source: "people_cash",
        amount: 1250000n,
        note: "Đường thôn 3",
      },
    });
  });

  it("accepts land in m² and labour days as whole quantities", () => {
    expect(validateContribution({ unitId: "x1", period: { kind: "year", year: 2024 }, source: "land_donated_m2", amount: 350 })).toEqual({
      ok: true,
      value: { unitId: "x1", period: { kind: "year", year: 2024 }, source: "land_donated_m2", amount: 350n },
    });
  });

  it("reports an unknown source and a bad period with their paths", () => {
    const r = validateContribution({ unitId: "x1", period: "2025Q5", source: "lottery", amount: "1" });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_format", ["period"]],
      ["invalid_value", ["source"]],
    ]);
  });
});

describe("validateContributions", () => {
  it("reports every bad row with its index and returns no partial list", () => {
    const rows = [
      { unitId: "x1", period: "2025", source: "credit", amount: "2.000.000" },
      { unitId: "x1", period: "2025", source: "people_cash", amount: "1,5" },
      { unitId: "x2", period: "2025", source: "people_cash", amount: "-100" },
    ];
    expect(validateContributions(rows)).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "amount.decimal",
          path: [1, "amount"],
          message: 'amount must be a whole number (no decimals): "1,5"',
          params: { input: "1,5" },
        },
        { code: "amount.negative", path: [2, "amount"], message: 'amount must not be negative: "-100"', params: { input: "-100" } },
      ],
    });
  });

  it("returns all rows when every row is valid, and rejects a non-array", () => {
    expect(validateContributions([{ unitId: "x1", period: "2025-05", source: "other", amount: 0 }])).toEqual({
      ok: true,
      value: [{ unitId: "x1", period: { kind: "month", year: 2025, month: 5 }, source: "other", amount: 0n }],
    });
    expect(validateContributions({})).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [{ code: "invalid_type", path: [], message: "expected an array of contributions" }],
    });
  });
});
