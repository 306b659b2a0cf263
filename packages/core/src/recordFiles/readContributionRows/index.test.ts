import { describe, expect, it } from "vitest";
import { readContributionRows } from "./index.js";

const withoutLetters = <T extends { letters: unknown }>({ letters: _, ...rest }: T) => rest;
const header = ["Mã đơn vị *", "Kỳ *", "Nguồn *", "Số lượng *", "Ghi chú"];
const table = (...rows: (string | number | null)[][]) => ({ header, rows: rows.map((cells, i) => ({ row: i + 3, cells })) });

describe("readContributionRows", () => {
  it("reads amounts as Vietnamese writes them and sources by their Vietnamese names", () => {
    const r = readContributionRows(
      table(["x-01", "2025", "Nhân dân đóng góp (tiền)", "1.250.000", "Đường thôn"], ["x-01", 2025, "labour_days", 120, null]),
    );
    expect(withoutLetters(r)).toEqual({
      issues: [],
      rows: [
        { row: 3, input: { unitId: "x-01", period: "2025", source: "people_cash", amount: "1.250.000", note: "Đường thôn" } },
        { row: 4, input: { unitId: "x-01", period: "2025", source: "labour_days", amount: "120" } },
      ],
    });
  });
  it("refuses decimals, a bad period and a missing unit at their columns", () => {
    const r = readContributionRows(
      table(["x-01", "2025", "credit", "1,5"], ["x-01", "2025Q5", "credit", "100"], ["", "2025", "credit", "1"]),
    );
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "D", "amount.decimal"],
      [4, "B", "period.invalid"],
      [5, "A", "record_file.required"],
    ]);
    expect(r.issues[1]?.message.vi).toContain('kỳ "2025Q5" không hợp lệ');
  });
});
