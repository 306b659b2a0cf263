import { describe, expect, it } from "vitest";
import { readSteeringRows } from "./index.js";

const header = [
  "Mã đơn vị (Ban Chỉ đạo)",
  "Họ và tên",
  "Chức vụ",
  "Cơ quan, đơn vị",
  "Vai trò trong Ban Chỉ đạo",
  "Điện thoại",
  "Bắt đầu nhiệm kỳ",
  "Kết thúc nhiệm kỳ",
  "Xã phụ trách",
  "Ghi chú",
];
const table = (...rows: (string | number | null)[][]) => ({ header, rows: rows.map((cells, i) => ({ row: i + 3, cells })) });
const base = ["d-01", "Nguyễn Văn An", "Phó Chủ tịch UBND huyện", "UBND huyện"];

describe("readSteeringRows", () => {
  it("reads roles by name, dd/mm/yyyy terms and communes one per line or separated by ;", () => {
    const r = readSteeringRows(
      table(
        [...base, "Phó Trưởng ban", "0912 345 678", "1/1/2021", "", "c-01-01\nXã Bình Thuận", ""],
        [...base, "member", "", "01/01/2021", "31/12/2025", "c-01-03; c-01-04", "Ghi chú"],
      ),
    );
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 3,
        input: {
          unitId: "d-01",
          fullName: "Nguyễn Văn An",
          position: "Phó Chủ tịch UBND huyện",
          organisation: "UBND huyện",
          role: "deputy_head",
          phone: "0912 345 678",
          termStart: "2021-01-01",
          communeUnitIds: ["c-01-01", "Xã Bình Thuận"],
        },
      },
      {
        row: 4,
        input: {
          unitId: "d-01",
          fullName: "Nguyễn Văn An",
          position: "Phó Chủ tịch UBND huyện",
          organisation: "UBND huyện",
          role: "member",
          termStart: "2021-01-01",
          termEnd: "2025-12-31",
          communeUnitIds: ["c-01-03", "c-01-04"],
          note: "Ghi chú",
        },
      },
    ]);
  });
  it("names the row, column and header of each problem, in Vietnamese", () => {
    const r = readSteeringRows(
      table(
        [...base, "Chủ nhiệm", "", "01/01/2021", "", "", ""],
        [...base, "member", "12345", "01/01/2021", "", "", ""],
        [...base, "member", "", "01/01/2021", "31/12/2020", "c-01-01\nc-01-01", ""],
      ),
    );
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.column, i.header, i.code])).toEqual([
      [3, "E", "Vai trò trong Ban Chỉ đạo", "record_file.unknown_code"],
      [4, "F", "Điện thoại", "steering.phone_invalid"],
      [5, "H", "Kết thúc nhiệm kỳ", "steering.term_reversed"],
      [5, "I", "Xã phụ trách", "steering.duplicate_commune"],
    ]);
    expect(r.issues[1]?.message.vi).toBe("số điện thoại không hợp lệ (0 hoặc +84 rồi 8–10 chữ số, ví dụ 0912 345 678)");
    expect(r.issues[2]?.message.vi).toBe("nhiệm kỳ kết thúc 31/12/2020 trước khi bắt đầu 01/01/2021");
    expect(r.issues[3]?.message.vi).toBe('xã "c-01-01" được ghi hai lần');
  });
});
