import { describe, expect, it } from "vitest";
import type { UnitTable } from "../_lib/unitRows.js";
import { readUnitRows } from "./index.js";

const HEADER = ["code", "name", "level", "parent_code", "region", "commune_group", "flags", "effective_from", "ended_on", "merged_from"];
const table = (...rows: (string | number | null)[][]): UnitTable => ({
  header: HEADER,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe("readUnitRows", () => {
  it("reads a province, a historical district and a merged commune, with Vietnamese level words and dd/mm/yyyy dates", () => {
    const r = readUnitRows(
      table(
        ["p-26", "Tỉnh Vĩnh Phúc", "tỉnh", "", "DBSH", "", "", "", "", ""],
        ["# ghi chú", "", "", "", "", "", "", "", "", ""],
        ["p-26-h1", "Huyện Cũ", "huyện", "p-26", "", "", "", "", "30/6/2025", ""],
        ["p-26-x10", "Xã Hợp Nhất", "xã", "p-26", "", 2, "merged2025", "01/07/2025", "", "p-26-x01; p-26-x02"],
      ),
    );
    expect([
      r.issues,
      r.rows.map((x) => [x.row, x.id, x.level, x.parentId, x.endedOn, x.effectiveFrom, x.communeGroup, x.mergedFrom]),
    ]).toEqual([
      [],
      [
        [2, "p-26", "province", null, null, null, null, []],
        [4, "p-26-h1", "district", "p-26", "2025-06-30", null, null, []],
        [5, "p-26-x10", "commune", "p-26", null, "2025-07-01", 2, ["p-26-x01", "p-26-x02"]],
      ],
    ]);
  });

  it("accepts Vietnamese header names", () => {
    const r = readUnitRows({ header: ["Mã", "Tên", "Cấp", "Mã cấp trên"], rows: [{ row: 2, cells: ["p-1", "Tỉnh A", "tỉnh", null] }] });
    expect([r.issues, r.rows[0]?.id, r.letters.parent_code]).toEqual([[], "p-1", "D"]);
  });

  it("names each bad cell by row and column, in Vietnamese first, and leaves those rows out", () => {
    const r = readUnitRows(
      table(
        ["p-26-x1", "Xã Một", "xã", "p-26", "", 4, "", "", "", ""],
        ["p-26-h9", "Huyện Chín", "huyện", "p-26", "", "", "", "", "", ""],
        ["P 26", "Xã Sai", "xã", "p-26", "", "", "", "31/02/2025", "", ""],
        ["p-26-x3", "", "làng", "p-26", "XYZ", "", "", "", "", "p-26-x3"],
      ),
    );
    expect([r.rows, r.issues.map((i) => `${i.row}${i.column}`)]).toEqual([[], ["2F", "3I", "4A", "4H", "5B", "5C", "5E", "5J"]]);
    expect(r.issues[1]!.message).toMatch(/^huyện đã kết thúc hoạt động từ 01\/7\/2025/);
  });

  it("reports a missing required column and an empty file at row 1", () => {
    expect(readUnitRows({ header: ["code", "name"], rows: [] }).issues.map((i) => [i.row, i.message.slice(0, 12)])).toEqual([
      [1, 'thiếu cột "l'],
    ]);
    expect(readUnitRows(table()).issues.map((i) => i.message)).toEqual(["tệp không có dòng đơn vị nào / the file has no unit rows"]);
  });
});
