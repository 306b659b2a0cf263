import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { countOcopByCommune } from "../countOcopByCommune/index.js";
import { ocopStatus } from "../ocopStatus/index.js";
import type { OcopProduct } from "../schema.js";

const p: OcopProduct = {
  id: "p1",
  name: "Chè Shan tuyết",
  subject: { name: "HTX", kind: "cooperative" },
  communeUnitId: "x1",
  group: "beverage",
  score: 75,
  stars: 4,
  certificate: { number: "15/QĐ-UBND", date: "2023-03-15" },
  status: "recognised",
};

describe("OCOP reason messages", () => {
  it("render in Vietnamese with dd/mm/yyyy and in English", () => {
    const [r] = ocopStatus(p, "2026-01-10").reasons;
    expect(r && formatReason(r, "vi")).toBe(
      "Sản phẩm Chè Shan tuyết (4 sao): giấy chứng nhận 15/QĐ-UBND hết hạn ngày 15/03/2026, còn 64 ngày: cần gia hạn hoặc đánh giá lại (trong 90 ngày trước khi hết hạn, thời gian mặc định)",
    );
    expect(r && formatReason(r, "en")).toBe(
      "Product Chè Shan tuyết (4 stars): certificate 15/QĐ-UBND expires on 2026-03-15, 64 days left: renew or re-rate (window 90 days, default)",
    );
  });

  it("exist for every reason code the commune count produces", () => {
    const reasons = countOcopByCommune(
      [p, { ...p, id: "p2", status: "revoked" }, { ...p, id: "p3", certificate: { number: "x", date: "2020-01-01" } }],
      "2026-01-10",
    ).flatMap((c) => c.reasons);
    expect(reasons.map((r) => formatReason(r, "vi"))).toEqual([
      "Xã x1: có 1 sản phẩm OCOP còn hiệu lực ngày 10/01/2026, chưa đạt mục tiêu 2 (mục tiêu mặc định); còn thiếu 1",
      'Mục tiêu 2 sản phẩm/xã là giá trị mặc định: Kế hoạch chỉ nêu "mỗi xã có nhiều sản phẩm OCOP", không nêu con số',
      "Xã x1: 1 sản phẩm sắp hết hạn chứng nhận, cần gia hạn: p1",
      "Xã x1: 1 sản phẩm đã hết hạn chứng nhận, không được tính: p3",
      "Xã x1: 1 sản phẩm bị thu hồi công nhận, không được tính: p2",
    ]);
  });
});
