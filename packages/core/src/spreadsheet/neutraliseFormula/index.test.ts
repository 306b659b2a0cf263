import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { neutraliseFormula } from "./index.js";

describe("neutraliseFormula", () => {
  it("prefixes an apostrophe to text that a spreadsheet would read as a formula", () => {
    expect(['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1"].map(neutraliseFormula)).toEqual([
      '\'=HYPERLINK("http://x","y")',
      "'+1+2",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
      "'\n=1",
    ]);
  });

  it("leaves numbers (negative ones included), booleans, null and ordinary text unchanged", () => {
    expect([-5, 0, 3.5, true, false, null, undefined, "Xã An Phú", "a=b", "", "'=x"].map(neutraliseFormula)).toEqual([
      -5,
      0,
      3.5,
      true,
      false,
      null,
      undefined,
      "Xã An Phú",
      "a=b",
      "",
      "'=x",
    ]);
  });

  it("never returns a string that starts a formula, and keeps the text after the apostrophe", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseFormula(s) as string;
        expect(/^[=+\-@\t\r\n]/.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
      { seed: 15, numRuns: 500 },
    );
  });
});
