import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactShare } from "./index.js";

describe("exactShare (properties)", () => {
  it("renders the percent within half a hundredth of the exact value", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n }), fc.bigInt({ min: 0n, max: 10n ** 18n }), (whole, k) => {
        const part = k % (whole + 1n);
        const s = exactShare(part, whole);
        const h = BigInt((s.percent as string).replace(".", "")); // hundredths of a percent
        const err = h * whole - part * 10000n; // scaled by whole
        expect(2n * (err < 0n ? -err : err) <= whole).toBe(true);
        expect([s.numerator, s.denominator]).toEqual([part, whole]);
      }),
    );
  });
});
