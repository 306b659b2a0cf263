import { describe, expect, it } from "vitest";
import { exactShare } from "./index.js";

describe("exactShare", () => {
  it("keeps the exact fraction and rounds the percent half-up to 2 decimals", () => {
    expect([exactShare(1n, 3n), exactShare(2n, 3n), exactShare(1n, 8n), exactShare(5n, 5n), exactShare(0n, 7n)]).toEqual([
      { numerator: 1n, denominator: 3n, percent: "33.33" },
      { numerator: 2n, denominator: 3n, percent: "66.67" },
      { numerator: 1n, denominator: 8n, percent: "12.50" },
      { numerator: 5n, denominator: 5n, percent: "100.00" },
      { numerator: 0n, denominator: 7n, percent: "0.00" },
    ]);
  });

  it("rounds an exact half up (1/80000 = 0.00125% → 0.00, 1/40000 = 0.0025% → 0.00, 1/20000 = 0.005% → 0.01)", () => {
    expect([exactShare(1n, 80000n).percent, exactShare(1n, 40000n).percent, exactShare(1n, 20000n).percent]).toEqual([
      "0.00",
      "0.00",
      "0.01",
    ]);
  });

  it("stays exact for amounts far beyond float precision", () => {
    const whole = 10n ** 30n + 3n;
    expect(exactShare(whole / 3n, whole).percent).toBe("33.33");
  });

  it("has no percent for an empty whole and rejects negatives", () => {
    expect(exactShare(0n, 0n)).toEqual({ numerator: 0n, denominator: 0n, percent: null });
    expect(() => exactShare(-1n, 5n)).toThrow(RangeError);
  });
});
