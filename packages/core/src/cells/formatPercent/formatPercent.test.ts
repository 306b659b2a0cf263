import { describe, expect, it } from "vitest";
import { formatPercent } from "./index.js";
import { parseCellValue } from "../parseCellValue/index.js";

describe("formatPercent", () => {
  it("writes a decimal comma and a percent sign, rounded to one decimal by default", () => {
    expect([93.5, 80, (2 / 3) * 100, 0, 1234.56].map((v) => formatPercent(v))).toEqual(["93,5%", "80%", "66,7%", "0%", "1.234,6%"]);
  });

  it("takes the number of decimals", () => {
    expect(formatPercent(12.3456, 2)).toBe("12,35%");
    expect(formatPercent(-0.01, 1)).toBe("0%");
  });

  it("is read back by parseCellValue in a percent cell", () => {
    expect(parseCellValue(formatPercent(85.8), { kind: "percent" })).toBe(85.8);
  });
});
