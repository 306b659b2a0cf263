import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from "./index.js";

describe("auditActionLabel", () => {
  it("names the older record actions in Vietnamese (no 'ocop product create' on the audit page)", () => {
    expect(auditActionLabel("ocop_product.create", "vi")).toBe("Thêm sản phẩm OCOP");
    expect(auditActionLabel("house.import_file", "vi")).toBe("Nhập tệp hồ sơ nhà ở");
    expect(auditActionLabel("steering_member.delete", "vi")).toBe("Xóa thành viên Ban Chỉ đạo");
    expect(auditActionLabel("dossier.submit", "vi")).toBe("Hồ sơ: nộp hồ sơ");
    expect(auditActionLabel("values.lock", "en")).toBe("Lock values");
  });

  it("shows an unknown action as 'Thao tác khác (code)', never raw", () => {
    expect(auditActionLabel("robot.dance", "vi")).toBe("Thao tác khác (robot.dance)");
    expect(auditActionLabel("robot.dance", "en")).toBe("Other action (robot.dance)");
  });

  it("has Vietnamese for every label, with no code or snake_case in it", () => {
    for (const [code, label] of [...Object.entries(AUDIT_ACTION_LABELS), ...Object.entries(AUDIT_ENTITY_LABELS)]) {
      expect([code, /\b[a-z]+_[a-z_]+\b|\.[a-z]/.test(label.vi)]).toEqual([code, false]);
      expect(label.vi).not.toBe(label.en);
    }
  });
});

describe("auditEntityLabel", () => {
  it("names record types in Vietnamese and marks unknown ones", () => {
    expect(auditEntityLabel("house", "vi")).toBe("Hồ sơ nhà ở");
    expect(auditEntityLabel("x_y", "vi")).toBe("Đối tượng khác (x_y)");
  });
});
