import { describe, expect, it } from "vitest";
import { compilePack, getPack } from "@ntm/core";
import { changeSummary, jumpText, thresholdLabel } from "./entryPreview";
import { previewEdit } from "./entryEngine";

const ladder = ["example.province-demo.2021-2025", "example.province-demo-advanced.2021-2025", "example.province-demo-model.2021-2025"].map(
  (id) => compilePack(getPack(id)!),
);

describe("thresholdLabel", () => {
  it("shows the comparator and the Vietnamese number, or says the threshold is unknown", () => {
    expect([
      thresholdLabel({ required: 56, comparator: ">=", status: "not_met" }),
      thresholdLabel({ required: 22.5, comparator: "<=", status: "met" }),
      thresholdLabel({ required: true, comparator: "==", status: "met" }),
      thresholdLabel({ required: null, comparator: ">=", status: "unknown_threshold" }),
    ]).toEqual(["≥ 56", "≤ 22,5", "= Đạt", "chưa rõ ngưỡng"]);
  });
});

describe("changeSummary", () => {
  it("names the tier change and each criterion that changes, in Vietnamese", () => {
    const unit = { id: "x", name: "Xã X", level: "commune" as const, region: "DHNTB" as const };
    const values: Record<string, number | boolean | null> = {};
    for (const p of ladder)
      for (const i of p.indicators) {
        const req = i.threshold("DHNTB", 2024);
        values[i.indicator.id] =
          typeof req === "boolean" ? req : typeof req === "number" ? (i.indicator.comparator === "<=" ? 0 : Math.min(100, req * 2)) : true;
      }
    const p = previewEdit(ladder, { unit, year: 2024, values }, { ...values, "10": 1 }, null);
    expect(changeSummary("Xã X", p)).toBe("Xã X: NTM kiểu mẫu → Chưa đạt chuẩn; tiêu chí 10: Đạt → Không đạt");
  });
});

describe("jumpText", () => {
  it("writes both values and the share in Vietnamese", () => {
    expect(jumpText({ id: "10", previous: 59.8, current: 25, share: 0.582 })).toBe("10: 59,8 → 25 (−58,2% so với năm trước)");
  });
});
