import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { starsForScore } from "./index.js";

describe("starsForScore (properties)", () => {
  it("never gives fewer stars to a higher score", () => {
    const score = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(score, score, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(starsForScore(lo) <= starsForScore(hi)).toBe(true);
      }),
    );
  });
});
