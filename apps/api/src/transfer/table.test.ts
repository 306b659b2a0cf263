import { describe, expect, it } from "vitest";
import { columnLetter, parseCsv, parseXlsx, toCsv, toXlsx } from "./table.js";
import { readValuesTable } from "./importValues.js";

describe("parseCsv", () => {
  it("reads quotes, doubled quotes, a line break inside quotes, CRLF and a BOM, keeping file row numbers", () => {
    const t = parseCsv('\uFEFFunit_id,note\r\nc1,"a ""b"", c"\r\nc2,"two\nlines"\r\nc3,x\r\n');
    expect(t).toEqual({
      header: ["unit_id", "note"],
      rows: [
        { row: 2, cells: ["c1", 'a "b", c'] },
        { row: 3, cells: ["c2", "two\nlines"] },
        { row: 5, cells: ["c3", "x"] },
      ],
    });
  });

  it("detects a semicolon delimiter (Excel in Vietnamese locales) and skips blank lines", () => {
    expect(parseCsv("unit_id;2.2\n\nc1;16,5\n")).toEqual({ header: ["unit_id", "2.2"], rows: [{ row: 3, cells: ["c1", "16,5"] }] });
  });

  it("reads back what toCsv writes", () => {
    const rows = [
      ["c1", 'say "hi"', 3.5],
      ["c2", "a,b", null],
    ];
    expect(parseCsv(toCsv(["unit_id", "note", "v"], rows)).rows.map((r) => r.cells)).toEqual([
      ["c1", 'say "hi"', "3.5"],
      ["c2", "a,b", ""],
    ]);
  });
});

describe("formula neutralisation in exports", () => {
  const rows = [
    ["c1", '=HYPERLINK("http://evil.example","x")', -3],
    ["c2", "@SUM(A1)", "-1+2"],
    ["c3", "+84 90", 0],
  ];

  it("writes text that starts a formula with an apostrophe in CSV, and negative numbers as numbers", () => {
    expect(parseCsv(toCsv(["unit_id", "name", "v"], rows)).rows.map((r) => r.cells)).toEqual([
      ["c1", '\'=HYPERLINK("http://evil.example","x")', "-3"],
      ["c2", "'@SUM(A1)", "'-1+2"],
      ["c3", "'+84 90", "0"],
    ]);
  });

  it("does the same in XLSX", async () => {
    const t = await parseXlsx(await toXlsx("s", ["unit_id", "=name", "v"], rows));
    expect([t.header, t.rows.map((r) => r.cells)]).toEqual([
      ["unit_id", "'=name", "v"],
      [
        ["c1", '\'=HYPERLINK("http://evil.example","x")', -3],
        ["c2", "'@SUM(A1)", "'-1+2"],
        ["c3", "'+84 90", 0],
      ],
    ]);
  });
});

describe("columnLetter", () => {
  it("names spreadsheet columns", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("readValuesTable", () => {
  it("reads the long layout: an empty value means not reported, input: rows are counts", () => {
    const r = readValuesTable(
      parseCsv('unit_id,year,indicator,value\nc1,2024,2.2,"88,5"\nc1,2024,1.1,Đạt\nc1,2024,13.4,\nc1,2024,input:households,120\n'),
    );
    expect([r.layout, r.issues, r.unitYears.map((u) => [u.unitId, u.year, u.values, u.inputs])]).toEqual([
      "long",
      [],
      [["c1", 2024, { "2.2": 88.5, "1.1": true, "13.4": null }, { households: 120 }]],
    ]);
  });

  it("reads the wide layout with a default year, skipping empty cells and name columns", () => {
    const r = readValuesTable(parseCsv("name,unit_id,2.2,1.1\nXã A,c1,,Không\n"), 2025);
    expect([r.layout, r.unitColumn, r.unitYears.map((u) => [u.unitId, u.year, u.values])]).toEqual([
      "wide",
      "B",
      [["c1", 2025, { "1.1": false }]],
    ]);
  });

  it("reads the template's Vietnamese headers (tone marks optional) as the machine names", () => {
    const vi = readValuesTable(parseCsv("Mã đơn vị;Tên đơn vị;Năm;2.2;1.1\nc1;Xã A;2024;77,5;Đạt\n"));
    const long = readValuesTable(parseCsv("ma don vi,nam,chi tieu,gia tri\nc1,2024,2.2,77\n"));
    expect([vi.issues, vi.unitYears.map((u) => [u.unitId, u.year, u.values]), long.layout, long.unitYears[0]?.values]).toEqual([
      [],
      [["c1", 2024, { "2.2": 77.5, "1.1": true }]],
      "long",
      { "2.2": 77 },
    ]);
  });

  it("reports a column that names no indicator of the packs at row 1, by its letter and header", () => {
    const r = readValuesTable(parseCsv("Mã đơn vị,Năm,2.2,Diện tích\nc1,2024,7,9\n"), undefined, [{ id: "2.2" }]);
    expect(r.issues.map((i) => [i.row, i.column, i.message.startsWith('Cột D "Diện tích"')])).toEqual([[1, "D", true]]);
  });

  it("reports each bad cell by row and column: unreadable values, duplicates, bad years, missing columns", () => {
    const r = readValuesTable(
      parseCsv("unit_id,year,indicator,value\nc1,2024,2.2,lots\nc1,2024,1.1,x\nc1,2024,1.1,x\nc1,20x4,1.1,x\n,2024,1.1,x\n"),
    );
    const missing = readValuesTable(parseCsv("2.2\n5\n"));
    expect([r.issues.map((i) => [i.row, i.column]), missing.issues.map((i) => [i.row, i.column])]).toEqual([
      [
        [2, "D"],
        [4, "D"],
        [5, "B"],
        [6, "A"],
      ],
      [
        [1, "A"],
        [1, "B"],
      ],
    ]);
  });
});
