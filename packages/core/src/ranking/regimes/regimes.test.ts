import { describe, expect, it } from "vitest";
import { REGIME_124, REGIME_366, levelForScore, regimeForYear } from "./index.js";

describe("regimeForYear", () => {
  it("uses 124-QĐ/TW up to 2024 and 366-QĐ/TW from 2025", () => {
    expect([2022, 2023, 2024, 2025, 2026].map((y) => regimeForYear(y).id)).toEqual([
      "124-QĐ/TW",
      "124-QĐ/TW",
      "124-QĐ/TW",
      "366-QĐ/TW",
      "366-QĐ/TW",
    ]);
  });

  it("labels the 124 bands as the tool's default mapping and the 366 bands as the regulation's", () => {
    expect([REGIME_124.bandsProvenance.isDefault, REGIME_124.bandsProvenance.verified]).toEqual([true, false]);
    expect([REGIME_366.bandsProvenance.isDefault, REGIME_366.bandsProvenance.verified]).toEqual([false, true]);
  });
});

describe("levelForScore", () => {
  it.each([
    [100, "excellent"],
    [90, "excellent"],
    [89.99, "good"],
    [70, "good"],
    [69.99, "completed"],
    [50, "completed"],
    [49.99, "not_completed"],
    [0, "not_completed"],
  ] as const)("puts %s points at %s under 366-QĐ/TW and the 124 default mapping", (score, level) => {
    expect(levelForScore(score, REGIME_366)).toBe(level);
    expect(levelForScore(score, REGIME_124)).toBe(level);
  });
});
