import { describe, expect, it } from "vitest";
import { commendation, discipline } from "../_lib/fixtures.js";
import { emulationRecordsFromRows, emulationRecordsToRows } from "./index.js";

const table = (t: { header: string[]; rows: (string | number | boolean | null)[][] }) => ({
  header: t.header,
  rows: t.rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe("emulationRecordsToRows / emulationRecordsFromRows", () => {
  it("round-trips commendations and a discipline with its finding (dd/mm/yyyy dates, finding numbers from 1)", () => {
    const c = commendation();
    const out = emulationRecordsToRows("commendations", [c]);
    expect(out.rows[0]).toEqual([
      "x-01",
      "bang_khen",
      null,
      "province",
      "Chủ tịch UBND tỉnh",
      "123/QĐ-UBND",
      "19/05/2025",
      "unit",
      "x-01",
      "Xã An Bình",
      c.achievement,
    ]);
    expect(emulationRecordsFromRows("commendations", table(out))).toEqual({ ok: true, value: [{ ...c, id: "row-2" }] });
    const d = discipline({ finding: { inspectionId: "kt-01", findingIndex: 0 } });
    const dt = emulationRecordsToRows("disciplines", [d]);
    expect(dt.rows[0]?.slice(-2)).toEqual(["kt-01", 1]);
    expect(emulationRecordsFromRows("disciplines", table(dt))).toEqual({ ok: true, value: [{ ...d, id: "row-2" }] });
  });
  it("reads Vietnamese names in code columns and defaults the subject to the unit", () => {
    const r = emulationRecordsFromRows("commendations", {
      header: ["unit_id", "form", "level", "issuer", "decision_number", "decision_date", "subject_name", "achievement"],
      rows: [{ row: 2, cells: ["x-01", "Giấy khen", "Cấp huyện", "Chủ tịch UBND huyện", "5/QĐ", "1/2/2025", "Xã An Bình", "Dẫn đầu"] }],
    });
    expect(r.ok && r.value[0]).toMatchObject({
      form: "giay_khen",
      level: "district",
      decision: { date: "2025-02-01" },
      subject: { kind: "unit", id: "x-01" },
    });
  });
  it("names every bad row and column and keeps nothing (all or nothing)", () => {
    const header = emulationRecordsToRows("commendations", []).header;
    const good = emulationRecordsToRows("commendations", [commendation()]).rows[0]!;
    const r = emulationRecordsFromRows("commendations", {
      header,
      rows: [
        { row: 2, cells: good },
        { row: 3, cells: good.map((v, i) => (i === 6 ? "31/02/2025" : v)) },
        { row: 4, cells: good.map((v, i) => (i === 1 ? "huan_chuong" : i === 10 ? "" : v)) },
      ],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([
      [3, "decision_date"],
      [4, "form"],
      [4, "achievement"],
    ]);
  });
  it("refuses unknown and missing columns before reading rows", () => {
    const r = emulationRecordsFromRows("disciplines", { header: ["unit_id", "ghi_chu"], rows: [] });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path[1]])).toEqual([
      ["emulation.unknown_column", "ghi_chu"],
      ["emulation.missing_column", "form"],
      ["emulation.missing_column", "level"],
      ["emulation.missing_column", "issuer"],
      ["emulation.missing_column", "decision_date"],
      ["emulation.missing_column", "subject_name"],
      ["emulation.missing_column", "reason"],
    ]);
  });
});
