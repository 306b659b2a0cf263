import { describe, expect, it } from "vitest";
import { validateHouse, validateHouses } from "./index.js";

describe("validateHouse", () => {
  it("parses the support amount into whole đồng", () => {
    expect(
      validateHouse({
        id: "h1",
        communeUnitId: "x1",
        hamletUnitId: "t2",
        household: "Lò Văn A",
        status: "completed",
        supportAmount: "60.000.000",
        completedOn: "2025-08-30",
      }),
    ).toEqual({
      ok: true,
      value: {
        id: "h1",
        communeUnitId: "x1",
        hamletUnitId: "t2",
        household: "Lò Văn A",
        status: "completed",
        supportAmount: 60_000_000n,
        completedOn: "2025-08-30",
      },
    });
  });

  it("defaults missing support to 0 đ", () => {
    expect(validateHouse({ id: "h2", communeUnitId: "x1", status: "temporary" })).toEqual({
      ok: true,
      value: { id: "h2", communeUnitId: "x1", status: "temporary", supportAmount: 0n },
    });
  });

  it("rejects a decimal support amount and a completion date on an unfinished house", () => {
    expect(
      validateHouse({
        id: "h3",
        communeUnitId: "x1",
        status: "under_construction",
        supportAmount: 40_000_000.5,
        completedOn: "2025-02-01",
      }),
    ).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "amount.decimal",
          path: ["supportAmount"],
          message: "amount must be a whole number (no decimals): 40000000.5",
          params: { input: 40_000_000.5 },
        },
        {
          code: "housing.completed_on_not_completed",
          path: ["completedOn"],
          message: 'a completion date is only for a completed house (status is "under_construction")',
          params: { status: "under_construction" },
        },
      ],
    });
  });
});

describe("validateHouses", () => {
  it("reports bad rows and duplicate ids with their row index", () => {
    const r = validateHouses([
      { id: "h1", communeUnitId: "x1", status: "temporary" },
      { id: "h1", communeUnitId: "x1", status: "dilapidated" },
      { id: "h3", communeUnitId: "x1", status: "ruined" },
    ]);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ["housing.duplicate_id", [1, "id"]],
      ["invalid_value", [2, "status"]],
    ]);
  });

  it("returns every house when all rows are valid", () => {
    expect(validateHouses([{ id: "h1", communeUnitId: "x1", status: "temporary", supportAmount: 0 }])).toEqual({
      ok: true,
      value: [{ id: "h1", communeUnitId: "x1", status: "temporary", supportAmount: 0n }],
    });
  });
});
