import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ntm, tempDir } from "../../test/cli.js";

/** Finds the template row of an indicator (and year) and the column of a key such as "DHNTB". */
function locate(sheet: ExcelJS.Worksheet, indicator: string, key: string, year?: number): ExcelJS.Cell {
  const header = sheet.getRow(1).values as unknown[];
  const col = header.findIndex((h) => typeof h === "string" && h.endsWith(`(${key})`));
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(3).value === indicator && (year === undefined || row.getCell(8).value === year)) found ??= row.getCell(col);
  });
  if (!found) throw new Error(`no row for ${indicator} ${year ?? ""}`);
  return found;
}

async function filledTemplate(dir: string, edit: (ind: ExcelJS.Worksheet) => void): Promise<string> {
  expect(ntm(["packs", "template", "--out", "t.xlsx"], { cwd: dir }).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "t.xlsx"));
  const head = wb.getWorksheet("Bộ tiêu chí")!;
  const set = (key: string, value: string) => head.eachRow((row) => void (row.getCell(3).value === key && (row.getCell(2).value = value)));
  set("id", "tinh-thu.commune-ntm.2021-2025");
  set("title_vi", "Bộ tiêu chí xã NTM tỉnh Thử");
  set("legal_ref", "QĐ 99/QĐ-UBND (thử)");
  set("legal_date", "15/07/2022");
  edit(wb.getWorksheet("Chỉ tiêu")!);
  await wb.xlsx.writeFile(join(dir, "filled.xlsx"));
  return "filled.xlsx";
}

describe("ntm packs template", () => {
  it("writes one row per indicator (per year for income) with a threshold column per region, pre-filled from the national pack", async () => {
    const dir = tempDir();
    const r = ntm(["packs", "template", "--out", "t.xlsx", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ written: "t.xlsx", base: "vn.commune-ntm.2021-2025", indicators: 50 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "t.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hướng dẫn", "Bộ tiêu chí", "Chỉ tiêu"]);
    const ind = wb.getWorksheet("Chỉ tiêu")!;
    expect((ind.getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace(/^.*\((.+)\)$/, "$1"))).toEqual([
      "criterion_id",
      "criterion_name",
      "indicator_id",
      "indicator_name",
      "kind",
      "unit",
      "comparator",
      "year",
      "TDMNPB",
      "DBSH",
      "BTB",
      "DHNTB",
      "TN",
      "DNB",
      "DBSCL",
      "verified",
      "source_ref",
      "source_note",
    ]);
    expect(locate(ind, "15.3", "TDMNPB").value).toBe(24);
    expect(locate(ind, "10", "TDMNPB", 2022).value).toBe(39);
    expect(locate(ind, "10", "DHNTB", 2022).value).toBe(null);
    expect(locate(ind, "15.3", "verified").value).toBe("Có");
  });
});

describe("ntm packs new --from", () => {
  it("turns a filled template into a validated pack that extends the national pack and evaluates values", async () => {
    const dir = tempDir();
    const file = await filledTemplate(dir, (ind) => {
      locate(ind, "10", "DHNTB", 2024).value = 55;
      locate(ind, "2.2", "DHNTB").value = "85";
      locate(ind, "2.2", "verified").value = "Có";
      locate(ind, "2.2", "source_ref").value = "QĐ 99/QĐ-UBND (thử), Phụ lục";
    });
    const r = ntm(["packs", "new", "--from", file, "--out", "pack.json", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ written: "pack.json", id: "tinh-thu.commune-ntm.2021-2025", indicators: 50 });
    const doc = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8"));
    expect([doc.extends, doc.legalBasis, doc.effective.from]).toEqual([
      "vn.commune-ntm.2021-2025",
      [{ ref: "QĐ 99/QĐ-UBND (thử)", date: "2022-07-15" }],
      "2022-03-08",
    ]);
    const i22 = doc.criteria.find((c: { id: string }) => c.id === "2").indicators.find((i: { id: string }) => i.id === "2.2");
    expect(i22).toMatchObject({ verified: true, source: { ref: "QĐ 99/QĐ-UBND (thử), Phụ lục" } });
    expect(i22.threshold.byVariant.DHNTB).toBe(85);
    expect(ntm(["packs", "validate", "pack.json"], { cwd: dir }).code).toBe(0);
    const values = { unit: { id: "x", name: "Xã X", level: "commune", region: "DHNTB" }, year: 2024, values: { "10": 54, "2.2": 86 } };
    writeFileSync(join(dir, "v.json"), JSON.stringify(values));
    const ok = ntm(["evaluate", "--pack", "pack.json", "--values", "v.json", "--json"], { cwd: dir });
    expect(ok.code).toBe(0);
    const res = ok.json();
    const ind = (id: string) =>
      res.criteria.flatMap((c: { indicators: { id: string }[] }) => c.indicators).find((i: { id: string }) => i.id === id);
    expect(ind("10")).toMatchObject({ status: "not_met", actual: 54, required: 55 });
    expect(ind("2.2")).toMatchObject({ status: "met", required: 85, verified: true });
  });

  it("names the sheet, row and column of an unreadable cell and of a percent of 140", async () => {
    const dir = tempDir();
    const file = await filledTemplate(dir, (ind) => {
      locate(ind, "2.2", "TN").value = "nhiều";
      locate(ind, "17.1", "DBSCL").value = 140;
    });
    const bad = ntm(["packs", "new", "--from", file], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(
      /^filled\.xlsx: trang "Chỉ tiêu", dòng \d+, cột M \(TN\): không đọc được ngưỡng "nhiều" \/ cannot read as a threshold/,
    );
    const dir2 = tempDir();
    const file2 = await filledTemplate(dir2, (ind) => void (locate(ind, "17.1", "DBSCL").value = 140));
    const pct = ntm(["packs", "new", "--from", file2], { cwd: dir2 });
    expect(pct.code).toBe(2);
    expect(pct.stderr).toMatch(
      /^filled\.xlsx: trang "Chỉ tiêu", dòng \d+, cột O \(DBSCL\): ngưỡng phần trăm phải trong khoảng 0–100, nhận được 140 \/ a percent threshold must be within 0–100, got 140\n$/,
    );
  });

  it("names the header cell of a missing pack id, and fails in one line on a file that is not xlsx", async () => {
    const dir = tempDir({ "x.xlsx": "not a zip" });
    const file = await filledTemplate(dir, () => undefined);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, file));
    wb.getWorksheet("Bộ tiêu chí")!.getCell("B2").value = "";
    await wb.xlsx.writeFile(join(dir, "noid.xlsx"));
    const r = ntm(["packs", "new", "--from", "noid.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^noid\.xlsx: trang "Bộ tiêu chí", dòng 2, cột B \(id\): /);
    const junk = ntm(["packs", "new", "--from", "x.xlsx"], { cwd: dir });
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/^x\.xlsx: không đọc được tệp \.xlsx \/ not a readable \.xlsx file/);
    expect(junk.stderr.trim().split("\n")).toHaveLength(1);
  });
});
