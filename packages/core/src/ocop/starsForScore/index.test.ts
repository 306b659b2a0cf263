import { describe, expect, it } from "vitest";
import { starsForScore } from "./index.js";

describe("starsForScore", () => {
  it("gives the band at each exact lower boundary and the band below just under it", () => {
    const scores = [100, 90, 89.99, 70, 69.99, 50, 49.99, 30, 29.99, 0];
    expect(scores.map(starsForScore)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("rejects scores outside 0–100 and non-numbers as programmer errors", () => {
    expect(() => starsForScore(100.01)).toThrow(RangeError);
    expect(() => starsForScore(-1)).toThrow("OCOP score must be 0–100, got -1");
    expect(() => starsForScore(Number.NaN)).toThrow(RangeError);
  });
});
