import { describe, expect, it } from "vitest";
import { validateReportNarrative } from "./index.js";

const empty = { shortcomings: [], causes: [], directions: [], recommendations: [] };

describe("validateReportNarrative", () => {
  it("keeps paragraphs trimmed for a half-year period", () => {
    expect(validateReportNarrative("2025S1", { ...empty, shortcomings: ["  Giải ngân vốn còn chậm. "] })).toEqual({
      ok: true,
      value: { ...empty, shortcomings: ["Giải ngân vốn còn chậm."] },
    });
  });
  it("names a bad period and an empty paragraph with their paths", () => {
    const r = validateReportNarrative("2025H1", { ...empty, directions: ["Tiếp tục", "   "] });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ["narrative.period_invalid", ["period"]],
      ["too_small", ["directions", 1]],
    ]);
  });
  it("needs every part", () => {
    const r = validateReportNarrative("2025", { shortcomings: [] });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([["causes"], ["directions"], ["recommendations"]]);
  });
});
