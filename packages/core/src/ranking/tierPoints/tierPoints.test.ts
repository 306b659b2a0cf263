import { describe, expect, it } from "vitest";
import { tierPoints } from "./index.js";

describe("tierPoints", () => {
  it("gives 0 below NTM and 1, 2, 3, 3 from standard to modern", () => {
    expect([null, undefined, "standard", "advanced", "model", "modern"].map((t) => tierPoints(t as never))).toEqual([0, 0, 1, 2, 3, 3]);
  });
});
