import { describe, expect, it } from "vitest";
import { recordFileTemplate } from "../recordFileTemplate/index.js";
import { readInspectionRows } from "./index.js";

const withoutLetters = <T extends { letters: unknown }>({ letters: _, ...rest }: T) => rest;
const header = recordFileTemplate("inspections").header;
const table = (...rows: (string | number | null)[][]) => ({ header, rows: rows.map((cells, i) => ({ row: i + 3, cells })) });

describe("readInspectionRows", () => {
  it("reads a record with its findings and one recommendation; the subject defaults to the unit", () => {
    const r = readInspectionRows(
      table([
        "x-01",
        "Kiểm tra",
        "12/05/2025",
        "",
        "",
        "UBND xã",
        "UBKT Huyện ủy",
        "Thiếu hồ sơ; Chậm tiến độ",
        "Hoàn thiện hồ sơ",
        "UBND xã",
        "30/06/2025",
        "",
        "",
      ]),
    );
    expect(withoutLetters(r)).toEqual({
      issues: [],
      rows: [
        {
          row: 3,
          input: {
            unitId: "x-01",
            subject: { kind: "unit", id: "x-01", name: "UBND xã" },
            date: "2025-05-12",
            kind: "inspection",
            conductedBy: "UBKT Huyện ủy",
            findings: ["Thiếu hồ sơ", "Chậm tiến độ"],
            recommendations: [{ id: "kn-1", text: "Hoàn thiện hồ sơ", responsible: "UBND xã", dueDate: "2025-06-30", status: "open" }],
          },
        },
      ],
    });
  });
  it("puts a recommendation's problems at its own columns", () => {
    const r = readInspectionRows(
      table(
        ["x-01", "Giám sát", "12/05/2025", "", "", "UBND xã", "", "", "Sửa đường", "", "30/05/2025", "", ""],
        ["x-01", "Giám sát", "12/05/2025", "", "", "UBND xã", "", "", "Sửa đường", "Thôn 1", "01/05/2025", "", ""],
      ),
    );
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.header, i.code])).toEqual([
      [3, "Đơn vị thực hiện kiến nghị", "too_small"],
      [4, "Hạn thực hiện", "inspection.due_before_record"],
    ]);
    expect(r.issues[1]?.message.vi).toBe("hạn 01/05/2025 trước ngày kiểm tra 12/05/2025");
    expect(r.issues[0]?.message.vi).toBe("giá trị không hợp lệ ở cột Đơn vị thực hiện kiến nghị");
  });
});
