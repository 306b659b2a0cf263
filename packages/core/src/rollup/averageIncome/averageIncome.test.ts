import { describe, expect, it } from "vitest";
import { averageIncome } from "./index.js";

describe("averageIncome", () => {
  it("averages the finite income values, ignoring absent, null, boolean and non-finite ones", () => {
    expect(
      averageIncome([
        { values: { "10": 60 } },
        { values: { "10": 61.5 } },
        { values: {} },
        { values: { "10": null } },
        { values: { "10": true } },
        { values: { "10": Number.NaN } },
      ]),
    ).toEqual({ mean: 60.75, n: 2 });
  });

  it("rounds to the đồng (six decimals of a million)", () => {
    expect(averageIncome([{ values: { "10": 1 } }, { values: { "10": 1 } }, { values: { "10": 2 } }])).toEqual({ mean: 1.333333, n: 3 });
  });

  it("is null with no value, and reads another indicator id when asked", () => {
    expect(averageIncome([])).toEqual({ mean: null, n: 0 });
    expect(averageIncome([{ values: { "5.1": 40 } }], "5.1")).toEqual({ mean: 40, n: 1 });
  });
});
