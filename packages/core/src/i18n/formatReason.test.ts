import { describe, expect, it } from "vitest";
import { formatReason } from "./formatReason.js";
import { formatDate, formatMoney, formatNumber } from "./format.js";

describe("formatReason", () => {
  it("renders a failed indicator in Vietnamese and English", () => {
    const r = {
      code: "indicator.not_met",
      path: ["values", "15.3"],
      params: { indicator: "15.3", actual: 23.5, required: 22, comparator: "<=", kind: "percent", gap: 1.5, unit: "%" },
    };
    expect(formatReason(r, "vi")).toBe("Chỉ tiêu 15.3: không đạt (23,5%, yêu cầu ≤ 22%; còn thiếu 1,5%)");
    expect(formatReason(r, "en")).toBe("Indicator 15.3: not met (23.5%, required ≤ 22%; gap 1.5%)");
  });
  it("falls back to the code for an unknown reason, hiding nothing", () => {
    expect(formatReason({ code: "x.y", path: [], params: { a: 1 } }, "vi")).toBe('x.y {"a":1}');
  });
});

describe("formatting", () => {
  it("formats numbers, dates and money as readers expect", () => {
    expect(formatNumber(1234567.5, "vi")).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatDate("2025-02-01", "vi")).toBe("01/02/2025");
    expect(formatMoney(12500000000n, "vi")).toBe("12.500.000.000 đ");
    expect(formatMoney(-5000, "en")).toBe("-5,000 VND");
  });
});

describe("access refusals", () => {
  it("name the role and the action by their labels, never by their ids", () => {
    const r = {
      code: "access.forbidden",
      path: [],
      params: {
        role: "commune_officer",
        scopeUnitId: "c-01-01",
        scopeName: "Xã An Phú",
        action: "plan.write",
        unitId: "d-01",
        unitName: "Huyện An Hòa",
      },
    };
    expect([formatReason(r, "vi"), formatReason(r, "en")]).toEqual([
      'Vai trò "Cán bộ xã" (phạm vi Xã An Phú) không được soạn kế hoạch tại Huyện An Hòa',
      'The role "Commune officer" (scope Xã An Phú) may not write plans at Huyện An Hòa',
    ]);
  });
});
