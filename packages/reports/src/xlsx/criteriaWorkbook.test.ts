import { compilePack, evaluateUnit } from "@ntm/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zipPart } from "../_fixtures/read.js";
import { SAMPLE_COMMUNES, sampleCriteriaWorkbook, samplePack } from "../_fixtures/sample.js";
import { ReportInputError } from "../_lib/validate.js";
import { CRITERION_CELL_FILL, renderCriteriaWorkbook } from "./criteriaWorkbook.js";

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined);

/** The table body (rows 6..) as text, one array per commune. */
function tableRows(ws: ExcelJS.Worksheet, count: number, lastCol: number): string[][] {
  return Array.from({ length: count }, (_, i) => Array.from({ length: lastCol }, (_, j) => ws.getCell(6 + i, j + 1).text));
}

describe("renderCriteriaWorkbook", () => {
  it("writes one sheet per year with the unit and year in the heading", async () => {
    const wb = await open(await renderCriteriaWorkbook(sampleCriteriaWorkbook()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Năm 2024", "Năm 2025"]);
    const ws = wb.getWorksheet("Năm 2025")!;
    expect(ws.getCell("A1").text).toBe("BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ - HUYỆN ĐẠI LỘC - NĂM 2025");
    expect(ws.getCell("A2").text).toBe(
      "Bộ tiêu chí: Bộ tiêu chí minh họa (không phải quy định pháp luật) (example.reports-demo.2021-2025, phiên bản 0.1.0)",
    );
  });

  it("writes communes × criteria with Đạt / Không đạt / Thiếu số liệu / Chưa rõ ngưỡng and marks unverified thresholds", async () => {
    const wb = await open(await renderCriteriaWorkbook(sampleCriteriaWorkbook()));
    const y2025 = wb.getWorksheet("Năm 2025")!;
    expect([4, 5].map((r) => Array.from({ length: 8 }, (_, j) => y2025.getCell(r, j + 1).text))).toEqual([
      ["STT", "Đơn vị", "Giao thông", "Thu nhập", "Y tế", "Môi trường và an toàn thực phẩm", "Số tiêu chí đạt", "Kết quả"],
      ["STT", "Đơn vị", "TC 2", "TC 10", "TC 15 *", "TC 17", "Số tiêu chí đạt", "Kết quả"],
    ]);
    expect(tableRows(y2025, 3, 8)).toEqual([
      ["1", "Xã Đại Hồng", "Đạt", "Không đạt", "Đạt", "Đạt", "3/4", "Chưa đạt"],
      ["2", "Xã Đại Quang", "Đạt", "Đạt", "Chưa rõ ngưỡng", "Đạt", "3/4", "Chưa xác định"],
      ["3", "Xã Đại Minh", "Đạt", "Đạt", "Đạt", "Đạt", "4/4", "Đạt"],
    ]);
    expect(tableRows(wb.getWorksheet("Năm 2024")!, 3, 8)[1]).toEqual([
      "2",
      "Xã Đại Quang",
      "Không đạt",
      "Không đạt",
      "Thiếu số liệu",
      "Đạt",
      "1/4",
      "Chưa đạt",
    ]);
  });

  it("fills each status cell with its colour and shows the legend under the table", async () => {
    const wb = await open(await renderCriteriaWorkbook(sampleCriteriaWorkbook()));
    const ws = wb.getWorksheet("Năm 2025")!;
    expect([fillOf(ws.getCell("C6")), fillOf(ws.getCell("D6")), fillOf(ws.getCell("E7"))]).toEqual([
      CRITERION_CELL_FILL.met,
      CRITERION_CELL_FILL.not_met,
      CRITERION_CELL_FILL.unknown_threshold,
    ]);
    expect(fillOf(wb.getWorksheet("Năm 2024")!.getCell("E7"))).toBe(CRITERION_CELL_FILL.missing);
    const legend = [11, 12, 13, 14, 15].map((r) => [ws.getCell(r, 2).text, ws.getCell(r, 3).text, fillOf(ws.getCell(r, 2)) ?? null]);
    expect(legend).toEqual([
      ["Chú giải:", "", null],
      ["Đạt", "Tiêu chí đạt chuẩn", CRITERION_CELL_FILL.met],
      ["Không đạt", "Tiêu chí chưa đạt chuẩn", CRITERION_CELL_FILL.not_met],
      ["Thiếu số liệu", "Chưa có đủ số liệu để đánh giá", CRITERION_CELL_FILL.missing],
      ["Chưa rõ ngưỡng", "Chưa xác định được ngưỡng theo văn bản pháp luật", CRITERION_CELL_FILL.unknown_threshold],
    ]);
  });

  it("ends the table with a totals row: communes meeting each criterion and the whole set, as COUNTIF formulas with their results", async () => {
    const wb = await open(await renderCriteriaWorkbook(sampleCriteriaWorkbook()));
    const ws = wb.getWorksheet("Năm 2025")!;
    expect(Array.from({ length: 8 }, (_, j) => ws.getCell(9, j + 1).text)).toEqual([
      "",
      "Tổng số xã đạt (trên 3 xã)",
      "3",
      "2",
      "2",
      "3",
      "",
      "1",
    ]);
    expect(ws.getCell("D9").value).toEqual({ formula: 'COUNTIF(D6:D8,"Đạt")', result: 2 });
    expect(ws.getCell("H9").value).toEqual({ formula: 'COUNTIF(H6:H8,"Đạt")', result: 1 });
    // 2024: Đại Quang misses criteria 2 and 10 and Đại Minh criterion 17; only Đại Hồng meets the set.
    const y2024 = wb.getWorksheet("Năm 2024")!;
    expect(["C9", "D9", "E9", "F9", "H9"].map((a) => (y2024.getCell(a).value as { result: number }).result)).toEqual([2, 2, 2, 2, 1]);
  });

  it("says the values are an example and some thresholds unverified", async () => {
    const wb = await open(await renderCriteriaWorkbook(sampleCriteriaWorkbook()));
    expect(wb.getWorksheet("Năm 2024")!.getCell("A3").text).toBe(
      "LƯU Ý: Giá trị minh họa, không phải quy định pháp luật. Tiêu chí đánh dấu * có ngưỡng chưa được đối chiếu với văn bản pháp luật.",
    );
  });

  it("states an incomplete pack's coverage and the communes left out with why", async () => {
    const input = sampleCriteriaWorkbook();
    const years = input.years.map((y) => ({
      ...y,
      pack: { ...y.pack, coverage: { encoded: 50, legal: 57, source: "QĐ 318" } },
      omitted: [{ unitName: "Xã Đại Hồng", reason: "Chưa áp dụng bộ tiêu chí cho năm 2024" }],
    }));
    const text = (await open(await renderCriteriaWorkbook({ ...input, years }))).getWorksheet("Năm 2024")!.getCell("A3").text;
    expect(text).toBe(
      "LƯU Ý: Giá trị minh họa, không phải quy định pháp luật. Tiêu chí đánh dấu * có ngưỡng chưa được đối chiếu với văn bản pháp luật. Bộ tiêu chí chưa đầy đủ (50/57 chỉ tiêu). Xã Đại Hồng: Chưa áp dụng bộ tiêu chí cho năm 2024.",
    );
  });

  it("writes no notice for a verified pack that is not an example", async () => {
    const pack = samplePack();
    const verified = {
      ...pack,
      example: false,
      criteria: pack.criteria.map((c) => ({ ...c, indicators: c.indicators.map((i) => ({ ...i, verified: true })) })),
    };
    const input = sampleCriteriaWorkbook();
    const years = input.years.map((y) => ({
      ...y,
      pack: verified,
      rows: y.rows.map((r) => ({ ...r, result: { ...r.result, example: false } })),
    }));
    const ws = (await open(await renderCriteriaWorkbook({ ...input, years }))).getWorksheet("Năm 2025")!;
    expect([ws.getCell("A3").text, ws.getCell("E5").text]).toEqual(["", "TC 15"]);
  });

  it("freezes the headings and prints A4 landscape, fitted to the page width, headings on every page", async () => {
    const bytes = await renderCriteriaWorkbook(sampleCriteriaWorkbook());
    const ws = (await open(bytes)).getWorksheet("Năm 2025")!;
    expect(await zipPart(bytes, "xl/workbook.xml")).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Năm 2025&apos;!$4:$5</definedName>',
    );
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 5 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect([1, 2, 3, 8].map((c) => ws.getColumn(c).width)).toEqual([6, 24, 14, 14]);
  });

  it("shows a condition as its own column marked ĐK, explained in the legend", async () => {
    const base = samplePack();
    const pack = {
      ...base,
      criteria: [
        ...base.criteria,
        {
          id: "20",
          name: { vi: "Thôn thông minh", en: "Smart hamlet" },
          condition: true,
          indicators: [
            {
              id: "20.1",
              name: { vi: "Có thôn thông minh", en: "Has a smart hamlet" },
              kind: "boolean" as const,
              comparator: "==" as const,
              threshold: { all: true },
              verified: true,
            },
          ],
        },
      ],
    };
    const unit = SAMPLE_COMMUNES[2]!;
    const result = evaluateUnit(compilePack(pack), {
      unit,
      year: 2025,
      values: { "2.1": 100, "2.2": 74, "10.1": 51, "15.3": 9, "17.1": 52, "17.2": true, "20.1": false },
    });
    const ws = (
      await open(
        await renderCriteriaWorkbook({ unitName: "Huyện Đại Lộc", years: [{ year: 2025, pack, rows: [{ unitName: unit.name, result }] }] }),
      )
    ).getWorksheet("Năm 2025")!;
    expect([5, 6].map((r) => Array.from({ length: 9 }, (_, j) => ws.getCell(r, j + 1).text))).toEqual([
      ["STT", "Đơn vị", "TC 2", "TC 10", "TC 15 *", "TC 17", "ĐK 20", "Số tiêu chí đạt", "Kết quả"],
      ["1", "Xã Đại Minh", "Đạt", "Đạt", "Đạt", "Đạt", "Không đạt", "4/4", "Chưa đạt"],
    ]);
    expect([14, 15].map((r) => ws.getCell(r, 2).text)).toEqual([
      "ĐK: điều kiện, quyết định kết quả nhưng không tính vào số tiêu chí đạt.",
      "*: ngưỡng chưa được đối chiếu với văn bản pháp luật.",
    ]);
  });

  it("names the row whose result belongs to another year or pack", async () => {
    const input = sampleCriteriaWorkbook();
    const y = input.years[0]!;
    const bad = { ...input, years: [{ ...y, rows: [y.rows[0]!, { ...y.rows[1]!, result: { ...y.rows[1]!.result, year: 2030 } }] }] };
    const error = await renderCriteriaWorkbook(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportInputError);
    expect((error as ReportInputError).issues.map((i) => i.path)).toEqual([["years", 0, "rows", 1, "result", "year"]]);
  });
});
