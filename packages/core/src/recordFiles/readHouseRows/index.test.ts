import { describe, expect, it } from "vitest";
import { readHouseRows } from "./index.js";

const withoutLetters = <T extends { letters: unknown }>({ letters: _, ...rest }: T) => rest;
const header = ["Mã xã", "Mã thôn", "Chủ hộ", "Tình trạng", "Kinh phí hỗ trợ (đồng)", "Ngày hoàn thành"];
const table = (...rows: (string | number | null)[][]) => ({ header, rows: rows.map((cells, i) => ({ row: i + 3, cells })) });

describe("readHouseRows", () => {
  it("reads statuses by name, support in đồng and dd/mm/yyyy dates", () => {
    const r = readHouseRows(
      table(["x-01", "", "Nguyễn Văn A", "Đã hoàn thành", "60.000.000", "1/8/2025"], ["x-01", "t-1", "", "Nhà tạm", "", ""]),
    );
    expect(withoutLetters(r)).toEqual({
      issues: [],
      rows: [
        {
          row: 3,
          input: {
            communeUnitId: "x-01",
            household: "Nguyễn Văn A",
            status: "completed",
            supportAmount: "60.000.000",
            completedOn: "2025-08-01",
          },
        },
        { row: 4, input: { communeUnitId: "x-01", hamletUnitId: "t-1", status: "temporary" } },
      ],
    });
  });
  it("refuses a completion date on a house not completed, and a date that does not exist", () => {
    const r = readHouseRows(table(["x-01", "", "", "Nhà tạm", "", "01/08/2025"], ["x-01", "", "", "completed", "", "31/02/2025"]));
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "F", "housing.completed_on_not_completed"],
      [4, "F", "record_file.not_a_date"],
    ]);
  });
});
