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

  it("reads several recommendations from one row, one per line of the cell (numbered or not); a single line applies to all", () => {
    const r = readInspectionRows(
      table([
        "x-01",
        "Kiểm tra",
        "12/05/2025",
        "",
        "",
        "UBND xã",
        "",
        "Thiếu hồ sơ",
        "1. Hoàn thiện hồ sơ\n2. Sửa đường thôn 2\n3) Họp dân",
        "UBND xã",
        "30/06/2025\n31/07/2025\n15/06/2025",
        "Chưa thực hiện\nChưa thực hiện\nĐã thực hiện",
        "\n\n10/06/2025",
      ]),
    );
    expect(r.issues).toEqual([]);
    expect(r.rows[0]?.input.recommendations).toEqual([
      { id: "kn-1", text: "Hoàn thiện hồ sơ", responsible: "UBND xã", dueDate: "2025-06-30", status: "open" },
      { id: "kn-2", text: "Sửa đường thôn 2", responsible: "UBND xã", dueDate: "2025-07-31", status: "open" },
      { id: "kn-3", text: "Họp dân", responsible: "UBND xã", dueDate: "2025-06-15", status: "done", doneOn: "2025-06-10" },
    ]);
  });
  it("names the recommendation (mục N) of a row-level problem, and refuses a column with a different number of lines", () => {
    const r = readInspectionRows(
      table(
        [
          "x-01",
          "Kiểm tra",
          "12/05/2025",
          "",
          "",
          "UBND xã",
          "",
          "",
          "Hoàn thiện hồ sơ\nSửa đường",
          "UBND xã",
          "30/06/2025\n01/05/2025",
          "",
          "",
        ],
        ["x-01", "Kiểm tra", "12/05/2025", "", "", "UBND xã", "", "", "A\nB\nC", "UBND xã\nThôn 1", "30/06/2025", "", ""],
        ["x-01", "Kiểm tra", "12/05/2025", "", "", "UBND xã", "", "", "A\nB", "UBND xã", "30/06/2025\n31/13/2025", "", ""],
      ),
    );
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.column, i.header, i.code, i.message.vi])).toEqual([
      [3, "K", "Hạn thực hiện, mục 2", "inspection.due_before_record", "hạn 01/05/2025 trước ngày kiểm tra 12/05/2025"],
      [
        4,
        "J",
        "Đơn vị thực hiện kiến nghị",
        "record_file.line_count",
        'ô "Đơn vị thực hiện kiến nghị" có 2 dòng, cần 1 dòng (dùng cho mọi kiến nghị) hoặc 3 dòng (mỗi kiến nghị một dòng)',
      ],
      [5, "K", "Hạn thực hiện, mục 2", "record_file.not_a_date", '"31/13/2025" không phải ngày dd/mm/yyyy'],
    ]);
  });

  it("reads findings one per line, numbered or not, keeping a ';' inside a finding", () => {
    const cells = (findings: string) => ["x-01", "Kiểm tra", "12/05/2025", "", "", "UBND xã", "", findings];
    const r = readInspectionRows(
      table(
        cells("1. Thiếu hồ sơ; chưa ký\n2. Chậm tiến độ, quá hạn"),
        cells("Thiếu hồ sơ; chưa ký\r\nChậm tiến độ"),
        cells("1) Thiếu hồ sơ; chưa ký"),
      ),
    );
    expect([r.issues, r.rows.map((x) => x.input.findings)]).toEqual([
      [],
      [["Thiếu hồ sơ; chưa ký", "Chậm tiến độ, quá hạn"], ["Thiếu hồ sơ; chưa ký", "Chậm tiến độ"], ["Thiếu hồ sơ; chưa ký"]],
    ]);
  });

  it("reads the finding each recommendation answers (counted from 1) and its remedy, one line each", () => {
    const r = readInspectionRows(
      table([
        "x-01",
        "Kiểm tra",
        "12/05/2025",
        "",
        "",
        "UBND xã",
        "",
        "1. Thiếu hồ sơ\n2. Chậm tiến độ",
        "Bổ sung hồ sơ\nĐẩy nhanh tiến độ",
        "UBND xã",
        "30/06/2025",
        "Đã thực hiện\nĐang thực hiện",
        "20/06/2025\n",
        "1\n2",
        "Đã bổ sung 12 hồ sơ; đã ký\n",
      ]),
    );
    expect([r.issues, r.rows[0]?.input.recommendations.map((x) => [x.finding, x.remedy])]).toEqual([
      [],
      [
        [0, "Đã bổ sung 12 hồ sơ; đã ký"],
        [1, undefined],
      ],
    ]);
  });

  it("refuses a finding number the record does not have, at the recommendation's line of its column", () => {
    const r = readInspectionRows(
      table([
        "x-01",
        "Kiểm tra",
        "12/05/2025",
        "",
        "",
        "UBND xã",
        "",
        "Thiếu hồ sơ",
        "Bổ sung\nBáo cáo",
        "UBND xã",
        "30/06/2025",
        "",
        "",
        "1\n3",
      ]),
    );
    expect(r.issues.map((i) => [i.row, i.column, i.header, i.code, i.message.vi])).toEqual([
      [3, "N", "Kết luận số, mục 2", "inspection.finding_unknown", "không có kết luận số 3 (biên bản có 1 kết luận)"],
    ]);
  });
});
