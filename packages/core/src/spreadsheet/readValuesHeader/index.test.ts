import { describe, expect, it } from "vitest";
import { formatReason } from "../../i18n/formatReason.js";
import { readValuesHeader } from "./index.js";

const indicators = [
  { id: "1.1", name: { vi: "Quy hoạch chung xây dựng xã", en: "Commune master plan" } },
  { id: "2.2", name: { vi: "Tỷ lệ đường xã được nhựa hóa", en: "Paved commune roads" } },
];

describe("readValuesHeader", () => {
  it("reads the template's Vietnamese headers and the machine names as the same fields", () => {
    const vi = readValuesHeader(["Mã đơn vị", "Tên đơn vị", "Năm", "1.1"]);
    const machine = readValuesHeader(["unit_id", "name", "year", "1.1"]);
    const folded = readValuesHeader(["MA DON VI", "ten don vi", "nam", "1.1"]);
    expect([vi, machine.columns, folded.columns]).toEqual([
      {
        columns: [
          { kind: "field", field: "unit" },
          { kind: "field", field: "name" },
          { kind: "field", field: "year" },
          { kind: "indicator", indicatorId: "1.1" },
        ],
        layout: "wide",
        fields: { unit: 0, name: 1, year: 2 },
        issues: [],
      },
      vi.columns,
      vi.columns,
    ]);
  });

  it("reads the long layout, raw counts and comment columns", () => {
    const r = readValuesHeader(["Mã đơn vị", "Năm", "Chỉ tiêu", "Giá trị", "input:households", "# ghi chú", ""]);
    expect([r.layout, r.columns.slice(4)]).toEqual([
      "long",
      [{ kind: "input", name: "households" }, { kind: "ignored" }, { kind: "ignored" }],
    ]);
  });

  it("names an indicator by id, Vietnamese name or 'id - name' when the packs' indicators are given", () => {
    const r = readValuesHeader(["Mã đơn vị", "1.1 - Quy hoạch", "Tỷ lệ đường xã được nhựa hóa"], { indicators });
    expect(r.columns.slice(1)).toEqual([
      { kind: "indicator", indicatorId: "1.1" },
      { kind: "indicator", indicatorId: "2.2" },
    ]);
  });

  it("reports an unknown column by its letter and header, a repeated one, and a missing unit or year column", () => {
    const r = readValuesHeader(["Năm", "1.1", "Diện tích", "1.1"], { indicators, requireYear: true });
    expect(r.issues.map((i) => [i.code, i.params])).toEqual([
      ["import.duplicate_column", { column: "D", header: "1.1", first: "B" }],
      ["import.unknown_column", { column: "C", header: "Diện tích" }],
      ["import.missing_column", { field: "unit", header: "Mã đơn vị" }],
    ]);
    expect(formatReason(r.issues[1]!, "vi")).toBe(
      'Cột C "Diện tích" không phải cột của mẫu nhập số liệu, cũng không phải mã hay tên chỉ tiêu nào của bộ tiêu chí',
    );
    expect(readValuesHeader(["Mã đơn vị"], { requireYear: true }).issues.map((i) => i.params)).toEqual([{ field: "year", header: "Năm" }]);
  });

  it("takes every other column as an indicator id when no indicators are given (as before)", () => {
    expect(readValuesHeader(["unit_id", "Diện tích"]).columns[1]).toEqual({ kind: "indicator", indicatorId: "Diện tích" });
  });
});
