import { describe, expect, it } from "vitest";
import { thresholdText } from "./threshold";

describe("thresholdText", () => {
  it("writes one value, with a decimal comma in Vietnamese", () => {
    expect([
      thresholdText({ all: 92.5 }, ">=", "vi"),
      thresholdText({ all: true }, "==", "vi"),
      thresholdText({ all: 5 }, "<=", "en"),
    ]).toEqual(["≥ 92,5", "= Đạt", "≤ 5"]);
  });
  it("lists values per variant and says when the law is unknown", () => {
    expect(thresholdText({ byVariant: { TDMNPB: 80, DBSH: null, "*": 90 } }, ">=", "vi")).toBe("≥ TDMNPB: 80; DBSH: chưa rõ; mọi vùng: 90");
  });
  it("lists values per year and variant", () => {
    expect(thresholdText({ byYear: { "2024": { DBSH: 60 }, "2025": { DBSH: 65 } } }, ">=", "en")).toBe(
      "≥ 2024 (DBSH: 60) · 2025 (DBSH: 65)",
    );
  });
  it("describes a threshold scaled from the parent pack", () => {
    expect([thresholdText({ scaleOfParent: 1.1 }, ">=", "vi"), thresholdText({ scaleOfParent: 1.1 }, ">=", "en")]).toEqual([
      "≥ 110% ngưỡng của bộ tiêu chí gốc",
      "≥ 110% of the parent pack's threshold",
    ]);
  });
});
