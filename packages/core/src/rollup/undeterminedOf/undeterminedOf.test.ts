import { describe, expect, it } from "vitest";
import { compilePack } from "../../evaluation/compilePack.js";
import { evaluateUnit } from "../../evaluation/evaluateUnit.js";
import { commune, demoPack, passingValues } from "../../_testing/builders.js";
import { undeterminedOf } from "./index.js";

const compiled = compilePack(demoPack());
const passing = () => passingValues(demoPack(), commune(), 2024);

describe("undeterminedOf", () => {
  it("is null for a result that is met or not met", () => {
    const met = evaluateUnit(compiled, passing());
    const failing = passing();
    failing.values["10"] = 1;
    expect([undeterminedOf(met), undeterminedOf(evaluateUnit(compiled, failing))]).toEqual([null, null]);
  });

  it("says missing when a value is not entered and nothing fails", () => {
    const doc = passing();
    delete doc.values["10"];
    expect(undeterminedOf(evaluateUnit(compiled, doc))).toBe("missing");
  });

  it("says unknown threshold when an open criterion has an indicator the law gives no threshold for", () => {
    const r = evaluateUnit(compiled, passing());
    const c = r.criteria[0]!;
    const open = {
      status: "indeterminate" as const,
      criteria: [{ ...c, status: "indeterminate" as const, indicators: [{ ...c.indicators[0]!, status: "unknown_threshold" as const }] }],
    };
    expect(undeterminedOf(open)).toBe("unknown_threshold");
  });
});
