import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { summariseContributions } from "../summariseContributions/index.js";
import type { Contribution } from "../schema.js";

const y = { kind: "year", year: 2025 } as const;
const rows: Contribution[] = [
  { unitId: "x1", period: y, source: "central_budget", amount: 2_000_000_000n },
  { unitId: "x1", period: y, source: "people_cash", amount: 300_000_000n },
  { unitId: "x1", period: y, source: "land_donated_m2", amount: 1_450n },
  { unitId: "x1", period: { kind: "quarter", year: 2025, quarter: 2 }, source: "credit", amount: 1n },
];

describe("resource reason messages", () => {
  it("render totals and the people's share in Vietnamese and English", () => {
    const s = summariseContributions(rows, { period: y });
    expect(s.reasons.map((r) => formatReason(r, "vi"))).toEqual([
      "Tổng huy động (2025): 2.300.000.001 đ; đất hiến 1.450 m²; 0 ngày công (4 khoản)",
      "Nhân dân đóng góp bằng tiền 300.000.000 đ / 2.300.000.001 đ = 13,04% (chưa quy đổi đất hiến và ngày công)",
    ]);
    expect(s.reasons.map((r) => formatReason(r, "en"))).toEqual([
      "Total mobilised (2025): 2,300,000,001 VND; land donated 1,450 m²; 0 labour days (4 entries)",
      "People's cash 300,000,000 VND of 2,300,000,001 VND = 13.04% (land and labour not converted to money)",
    ]);
  });

  it("render the no-money and not-split notes", () => {
    const s = summariseContributions(rows, { period: { kind: "quarter", year: 2025, quarter: 1 } });
    expect(s.reasons.map((r) => formatReason(r, "vi"))).toEqual([
      "Tổng huy động (2025Q1): 0 đ; đất hiến 0 m²; 0 ngày công (0 khoản)",
      "Chưa có khoản huy động bằng tiền nên không tính được tỷ lệ",
      "3 khoản được ghi nhận cho cả kỳ dài hơn 2025Q1 (2.300.000.000 đ), không chia nhỏ được nên không được tính",
    ]);
  });
});
