import { describe, expect, it } from "vitest";
import { commune } from "../../_testing/builders.js";
import type { UnitValues } from "../../schemas/values.js";
import { withClassification182 } from "./index.js";

const doc = (values: UnitValues["values"]): UnitValues => ({ unit: commune(), year: 2025, values });

describe("withClassification182", () => {
  it("fills an absent 18.2 from a good classification and says it was derived", () => {
    const r = withClassification182(doc({ "1.1": true }), { year: 2024, level: "good" });
    expect(r).toEqual({
      doc: doc({ "1.1": true, "18.2": true }),
      reason: {
        code: "derived.classification",
        path: ["values", "18.2"],
        params: { indicator: "18.2", classificationYear: 2024, level: "good", value: true },
      },
    });
  });

  it("fills a null 18.2 with false from a 'completed' classification", () => {
    expect(withClassification182(doc({ "18.2": null }), { year: 2024, level: "completed" }).doc.values["18.2"]).toBe(false);
  });

  it("keeps an entered 18.2 that contradicts the classification and reports the conflict", () => {
    const input = doc({ "18.2": true });
    const r = withClassification182(input, { year: 2024, level: "not_completed" });
    expect(r.doc).toBe(input);
    expect(r.reason).toEqual({
      code: "derived.classification_conflict",
      path: ["values", "18.2"],
      params: { indicator: "18.2", classificationYear: 2024, level: "not_completed", entered: true, derived: false },
    });
  });

  it("returns the document untouched when the entered value agrees or there is no classification", () => {
    const input = doc({ "18.2": true });
    expect(withClassification182(input, { year: 2024, level: "excellent" })).toEqual({ doc: input, reason: null });
    expect(withClassification182(input, undefined)).toEqual({ doc: input, reason: null });
  });
});
