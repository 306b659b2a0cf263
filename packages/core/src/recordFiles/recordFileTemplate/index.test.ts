import { describe, expect, it } from "vitest";
import { readRecordRows, RECORD_FILE_KINDS } from "../readRecordRows/index.js";
import { recordFileTemplate } from "./index.js";

describe("recordFileTemplate", () => {
  it("writes Vietnamese headers, required ones marked, and a # note row naming the accepted values", () => {
    const t = recordFileTemplate("housing");
    expect(t.header).toEqual(["Mã xã *", "Mã thôn", "Chủ hộ", "Tình trạng *", "Kinh phí hỗ trợ (đồng)", "Ngày hoàn thành", "Tên xã"]);
    expect(String(t.rows[0]?.[0])).toMatch(/^# /);
    expect(t.rows[0]?.[3]).toContain("Nhà tạm");
  });
  it.each(RECORD_FILE_KINDS)("reads back its own %s template: the headers are known and the note row is skipped", (kind) => {
    const t = recordFileTemplate(kind);
    const r = readRecordRows(kind, { header: t.header, rows: t.rows.map((cells, i) => ({ row: i + 2, cells })) });
    expect(r.issues.map((i) => i.code)).toEqual(["record_file.no_rows"]);
  });
});
