import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zipPart } from "../_fixtures/read.js";
import { sampleRanking } from "../_fixtures/sample.js";
import { ReportInputError } from "../_lib/validate.js";
import { renderRankingWorkbook } from "./rankingWorkbook.js";

async function sheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

const rowValues = (ws: ExcelJS.Worksheet, r: number, n: number) => Array.from({ length: n }, (_, j) => ws.getCell(r, j + 1).value);

describe("renderRankingWorkbook", () => {
  it("writes rank, unit, score, components, level, caps and quota moves in rank order", async () => {
    const input = sampleRanking();
    const ws = await sheet(await renderRankingWorkbook({ ...input, rows: [...input.rows].reverse() }));
    expect(ws.name).toBe("Xếp hạng 2025");
    expect(ws.getCell("A1").text).toBe("BẢNG XẾP HẠNG KẾT QUẢ THỰC HIỆN NÔNG THÔN MỚI - HUYỆN ĐẠI LỘC - NĂM 2025");
    expect([4, 5, 6, 7].map((r) => rowValues(ws, r, 9))).toEqual([
      ["Hạng", "Đơn vị", "Tổng điểm", "Tiêu chí", "Tiến độ", "Báo cáo", "Xếp loại", "Giới hạn áp dụng", "Điều chỉnh theo tỷ lệ khống chế"],
      [1, "Xã Đại Minh", 92.5, 60, 22.5, 10, "Xuất sắc", "", ""],
      [2, "Xã Đại Quang", 88, 58, 25, 5, "Tốt", "", "Hạ từ Xuất sắc xuống Tốt do vượt tỷ lệ khống chế 20%"],
      [3, "Xã Đại Hồng", 71.25, 45, 21.25, 5, "Khá", "Giảm tiêu chí Thu nhập: không xếp loại Tốt", ""],
    ]);
    expect(ws.getCell("C5").numFmt).toBe("#,##0.00");
  });

  it("renders reasons given as data in Vietnamese", async () => {
    const input = sampleRanking();
    const rows = input.rows.map((r, i) =>
      i === 0 ? { ...r, caps: [{ code: "indicator.missing", path: ["values", "2.1"], params: { indicator: "2.1" } }, "Giới hạn khác"] } : r,
    );
    const ws = await sheet(await renderRankingWorkbook({ ...input, rows }));
    expect(ws.getCell("H5").text).toBe("Chỉ tiêu 2.1: chưa có số liệu; Giới hạn khác");
  });

  it("labels an example scoring rule and says nothing for an adopted one", async () => {
    const example = await sheet(await renderRankingWorkbook(sampleRanking()));
    const adopted = await sheet(await renderRankingWorkbook({ ...sampleRanking(), example: false }));
    expect([example.getCell("A2").text, adopted.getCell("A2").text]).toEqual([
      "LƯU Ý: Cách tính điểm minh họa, không phải quy định đã ban hành.",
      "",
    ]);
  });

  it("freezes the heading row and prints A4 landscape fitted to the width", async () => {
    const bytes = await renderRankingWorkbook(sampleRanking());
    const ws = await sheet(bytes);
    expect(await zipPart(bytes, "xl/workbook.xml")).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Xếp hạng 2025&apos;!$4:$4</definedName>',
    );
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
  });

  it("writes a unit name that starts a formula as text, and keeps negative numbers as numbers", async () => {
    const input = sampleRanking();
    const rows = input.rows.map((r, i) => (i === 0 ? { ...r, unitName: '=HYPERLINK("http://evil.example","Xã")', score: -1.5 } : r));
    const ws = await sheet(await renderRankingWorkbook({ ...input, rows }));
    const row = [5, 6, 7].find((r) => String(ws.getCell(r, 2).value).includes("HYPERLINK"))!;
    expect([ws.getCell(row, 2).value, ws.getCell(row, 3).value]).toEqual(['\'=HYPERLINK("http://evil.example","Xã")', -1.5]);
  });

  it("names a row with a score that is not a number", async () => {
    const input = sampleRanking();
    const rows = input.rows.map((r, i) => (i === 2 ? { ...r, score: Number.NaN } : r));
    const error = await renderRankingWorkbook({ ...input, rows }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportInputError);
    expect((error as ReportInputError).issues.map((i) => i.path)).toEqual([["rows", 2, "score"]]);
  });
});
