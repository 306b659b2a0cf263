import { describe, expect, it } from "vitest";
import { reportingCompleteness } from "./index.js";

describe("reportingCompleteness", () => {
  it("sorts communes into none, partial and complete, naming what is missing", () => {
    const r = reportingCompleteness([
      { unitId: "a", expected: ["1.1", "10", "2.1"], values: { "1.1": true, "10": 59.8, "2.1": 100 } },
      { unitId: "b", expected: ["1.1", "10", "2.1"], values: { "1.1": false, "10": null } },
      { unitId: "c", expected: ["1.1", "10", "2.1"] },
    ]);
    expect(r.communes.map((c) => [c.unitId, c.entered, c.expected, c.state, c.missing])).toEqual([
      ["a", 3, 3, "complete", []],
      ["b", 1, 3, "partial", ["2.1", "10"]],
      ["c", 0, 3, "none", ["1.1", "2.1", "10"]],
    ]);
    expect(r.counts).toEqual({ none: 1, partial: 1, complete: 1 });
  });

  it("does not expect an indicator declared not applicable, and counts false as entered", () => {
    const r = reportingCompleteness([{ unitId: "a", expected: ["13.4", "9.1"], values: { "9.1": false }, notApplicable: ["13.4"] }]);
    expect(r.communes[0]).toEqual({ unitId: "a", entered: 1, expected: 1, state: "complete", missing: [] });
  });
});
