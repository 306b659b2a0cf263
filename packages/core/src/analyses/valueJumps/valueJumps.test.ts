import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_JUMP_SHARE, valueJumps } from "./index.js";

describe("valueJumps", () => {
  it("flags a value that moved by more than half of last year's by default, in id order", () => {
    const r = valueJumps({ "10": 60, "2.1": 100, "12.1": 10 }, { "10": 25, "2.1": 95, "12.1": 16 });
    expect(r.map((j) => [j.id, j.previous, j.current, Math.round(j.share * 100)])).toEqual([
      ["10", 60, 25, 58],
      ["12.1", 10, 16, 60],
    ]);
  });

  it("takes the share as an option and never flags a move of exactly that share", () => {
    expect(valueJumps({ a: 100 }, { a: 110 }, { maxShare: 0.1 })).toEqual([]);
    expect(valueJumps({ a: 100 }, { a: 111 }, { maxShare: 0.1 }).map((j) => j.id)).toEqual(["a"]);
  });

  it("ignores booleans, missing values and a previous zero", () => {
    expect(valueJumps({ a: true, b: null, c: 0 }, { a: false, b: 5, c: 9, d: 3 })).toEqual([]);
  });

  it("never flags a value that moved by at most the share (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: -0.99, max: 0.99, noNaN: true }), (prev, f) => {
        const cur = prev * (1 + f * DEFAULT_JUMP_SHARE);
        return valueJumps({ x: prev }, { x: cur }).length === 0;
      }),
    );
  });
});
