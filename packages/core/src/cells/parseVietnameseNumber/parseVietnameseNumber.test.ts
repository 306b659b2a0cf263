import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseVietnameseNumber } from "./index.js";
import { formatVietnameseNumber } from "../formatVietnameseNumber/index.js";

describe("parseVietnameseNumber", () => {
  it("reads decimal commas and thousands groups by dots or spaces", () => {
    expect(["85,8", "1.234,5", "1 234,5", "1\u00a0234,5", "1.234.567", "-2,25", "100", " 7 "].map((s) => parseVietnameseNumber(s))).toEqual(
      [85.8, 1234.5, 1234.5, 1234.5, 1234567, -2.25, 100, 7],
    );
  });

  it("reads a single dot as a decimal point unless it groups thousands", () => {
    expect(["16.5", "92.25", "1234.567", "0.500", "1.234"].map((s) => parseVietnameseNumber(s))).toEqual([
      16.5, 92.25, 1234.567, 0.5, 1234,
    ]);
  });

  it("refuses what is not a number", () => {
    expect(
      ["", "abc", "1,2,3", "1.234.5", "1 23", "1.234 567", ",5", "5,", "-", "1e5", "Infinity", "12a"].map((s) => parseVietnameseNumber(s)),
    ).toEqual(Array(12).fill(undefined));
  });
});

describe("formatVietnameseNumber", () => {
  it("groups thousands with dots and writes a decimal comma, without exponents", () => {
    expect([1234.5, 85.8, 0, -0.000001, 1e21, 1234567, 5e-7].map(formatVietnameseNumber)).toEqual([
      "1.234,5",
      "85,8",
      "0",
      "-0,000001",
      "1.000.000.000.000.000.000.000",
      "1.234.567",
      "0,0000005",
    ]);
  });

  it("refuses non-finite numbers", () => {
    expect(() => formatVietnameseNumber(Number.NaN)).toThrow(RangeError);
  });

  it("is read back exactly: parse ∘ format = id for every finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(parseVietnameseNumber(formatVietnameseNumber(x)), x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
