import { describe, expect, it } from "vitest";
import { checkCellValue } from "./index.js";

describe("checkCellValue", () => {
  it("checks percents within 0–100 and numbers not negative", () => {
    expect([
      checkCellValue("92,5", "percent"),
      checkCellValue("140", "percent"),
      checkCellValue("-1", "percent"),
      checkCellValue("-3", "number"),
      checkCellValue("1 234", "number"),
    ]).toEqual([
      { ok: true, value: 92.5 },
      { ok: false, error: "percent_range" },
      { ok: false, error: "percent_range" },
      { ok: false, error: "negative" },
      { ok: true, value: 1234 },
    ]);
  });

  it("reads booleans by the shared table and says which kind was expected", () => {
    expect([
      checkCellValue("x", "boolean"),
      checkCellValue("0", "boolean"),
      checkCellValue("maybe", "boolean"),
      checkCellValue("abc", "number"),
      checkCellValue("  ", "number"),
    ]).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: false, error: "not_boolean" },
      { ok: false, error: "not_number" },
      { ok: true, value: null },
    ]);
  });
});
