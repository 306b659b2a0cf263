import ExcelJS from "exceljs";
import { CRITERION_CELL_VI, CRITERION_STATUS_VI, type CriterionCell, criterionCell, criterionUnverified } from "../_lib/text.js";
import { Checker } from "../_lib/validate.js";
import type { CriteriaTableYear, CriteriaWorkbookInput } from "../types.js";
import { FONT, applyPrintSetup, border, fitRowHeight, solidFill, titleRow, workbookBytes } from "./_style.js";

/** Cell fills (ARGB) by status: green met, red not met, amber missing data, grey unknown threshold. */
export const CRITERION_CELL_FILL: Readonly<Record<CriterionCell, string>> = {
  met: "FFC6EFCE",
  not_met: "FFFFC7CE",
  missing: "FFFFEB9C",
  unknown_threshold: "FFD9D9D9",
};

const FIRST_DATA_COL = 3;

function validate(input: CriteriaWorkbookInput): void {
  const c = new Checker();
  c.text(input.unitName, ["unitName"]);
  if (c.array(input.years, ["years"])) {
    if (input.years.length === 0) c.add(["years"], "report.list_empty", "cần ít nhất một năm (expected at least one year)");
    const seen = new Set<number>();
    input.years.forEach((y, i) => {
      c.integer(y.year, ["years", i, "year"], 2000);
      if (seen.has(y.year)) c.add(["years", i, "year"], "report.duplicate", `năm ${y.year} bị lặp (duplicate year)`);
      seen.add(y.year);
      const ids = new Set(y.pack?.criteria?.map((cr) => cr.id) ?? []);
      if (ids.size === 0) c.add(["years", i, "pack", "criteria"], "report.list_empty", "bộ tiêu chí không có tiêu chí nào");
      y.rows?.forEach?.((r, j) => {
        c.text(r.unitName, ["years", i, "rows", j, "unitName"]);
        if (r.result?.year !== y.year)
          c.add(
            ["years", i, "rows", j, "result", "year"],
            "report.year_mismatch",
            `kết quả năm ${r.result?.year} nằm trong bảng năm ${y.year}`,
          );
        if (r.result?.packId !== y.pack?.id)
          c.add(
            ["years", i, "rows", j, "result", "packId"],
            "report.pack_mismatch",
            `kết quả theo bộ ${r.result?.packId}, bảng theo bộ ${y.pack?.id}`,
          );
      });
    });
  }
  c.throwIfAny("Bảng tiêu chí (criteria workbook)");
}

function addYearSheet(wb: ExcelJS.Workbook, unitName: string, y: CriteriaTableYear): void {
  // Conditions (a model commune's smart hamlet) show too: they decide the status, though not counted.
  const criteria = y.pack.criteria;
  const lastCol = FIRST_DATA_COL + criteria.length + 1;
  const ws = wb.addWorksheet(`Năm ${y.year}`, { views: [{ state: "frozen", xSplit: 2, ySplit: 5 }] });
  ws.properties.defaultRowHeight = 18;

  titleRow(ws, 1, lastCol, `BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ - ${unitName.toUpperCase()} - NĂM ${y.year}`, {
    bold: true,
    size: 14,
  });
  titleRow(ws, 2, lastCol, `Bộ tiêu chí: ${y.pack.title.vi} (${y.pack.id}, phiên bản ${y.pack.version})`, { italic: true, size: 11 });
  const unverified = criteria.some(criterionUnverified);
  const conditions = criteria.some((cr) => cr.condition);
  const notices = [
    y.pack.example || y.rows.some((r) => r.result.example) ? (y.pack.notice?.vi ?? "Giá trị minh họa, không phải quy định pháp luật.") : "",
    unverified ? "Tiêu chí đánh dấu * có ngưỡng chưa được đối chiếu với văn bản pháp luật." : "",
    y.pack.coverage && y.pack.coverage.encoded < y.pack.coverage.legal
      ? `Bộ tiêu chí chưa đầy đủ (${y.pack.coverage.encoded}/${y.pack.coverage.legal} chỉ tiêu).`
      : "",
    ...(y.omitted ?? []).map((o) => `${o.unitName}: ${o.reason}.`),
  ].filter(Boolean);
  titleRow(ws, 3, lastCol, notices.length ? `LƯU Ý: ${notices.join(" ")}` : "", { bold: true, size: 11, color: { argb: "FFC00000" } });

  // Row 4: criterion names, row 5: ids; both frozen.
  const names = ws.getRow(4);
  const ids = ws.getRow(5);
  names.getCell(1).value = "STT";
  names.getCell(2).value = "Đơn vị";
  ws.mergeCells(4, 1, 5, 1);
  ws.mergeCells(4, 2, 5, 2);
  criteria.forEach((cr, i) => {
    names.getCell(FIRST_DATA_COL + i).value = cr.name.vi;
    ids.getCell(FIRST_DATA_COL + i).value = `${cr.condition ? "ĐK" : "TC"} ${cr.id}${criterionUnverified(cr) ? " *" : ""}`;
  });
  names.getCell(lastCol - 1).value = "Số tiêu chí đạt";
  names.getCell(lastCol).value = "Kết quả";
  ws.mergeCells(4, lastCol - 1, 5, lastCol - 1);
  ws.mergeCells(4, lastCol, 5, lastCol);
  names.height = 48;
  for (const row of [names, ids]) {
    for (let col = 1; col <= lastCol; col++) {
      const cell = row.getCell(col);
      cell.font = { name: FONT, bold: true, size: 11 };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.fill = solidFill("FFEDEDED");
      cell.border = border;
    }
  }

  y.rows.forEach((r, i) => {
    const row = ws.getRow(6 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = r.unitName;
    const byId = new Map(r.result.criteria.map((c) => [c.id, c]));
    criteria.forEach((cr, j) => {
      const res = byId.get(cr.id);
      const cell = row.getCell(FIRST_DATA_COL + j);
      if (!res) return;
      const kind = criterionCell(res);
      cell.value = CRITERION_CELL_VI[kind];
      cell.fill = solidFill(CRITERION_CELL_FILL[kind]);
    });
    row.getCell(lastCol - 1).value = `${r.result.criteriaMet}/${r.result.criteriaTotal}`;
    row.getCell(lastCol).value = CRITERION_STATUS_VI[r.result.status];
    for (let col = 1; col <= lastCol; col++) {
      const cell = row.getCell(col);
      cell.font = { name: FONT, size: 11, ...(col === lastCol ? { bold: true } : {}) };
      cell.alignment = { horizontal: col === 2 ? "left" : "center", vertical: "middle", wrapText: true };
      cell.border = border;
    }
  });

  // Totals: communes meeting each criterion, and communes meeting the set. Formulas keep their
  // computed result, so a reader that does not recalculate (or a test) sees the numbers too.
  const totalsRow = 6 + y.rows.length;
  addTotalsRow(ws, totalsRow, y, lastCol);

  // Legend under the table.
  let at = totalsRow + 2;
  ws.getCell(at, 2).value = "Chú giải:";
  ws.getCell(at, 2).font = { name: FONT, bold: true, size: 11 };
  for (const kind of Object.keys(CRITERION_CELL_VI) as CriterionCell[]) {
    at++;
    const swatch = ws.getCell(at, 2);
    swatch.value = CRITERION_CELL_VI[kind];
    swatch.fill = solidFill(CRITERION_CELL_FILL[kind]);
    swatch.border = border;
    swatch.font = { name: FONT, size: 11 };
    const text = ws.getCell(at, 3);
    text.value = LEGEND[kind];
    text.font = { name: FONT, italic: true, size: 11 };
  }
  const notes = [
    conditions ? "ĐK: điều kiện, quyết định kết quả nhưng không tính vào số tiêu chí đạt." : "",
    unverified ? "*: ngưỡng chưa được đối chiếu với văn bản pháp luật." : "",
  ].filter(Boolean);
  for (const note of notes) {
    at++;
    ws.getCell(at, 2).value = note;
    ws.getCell(at, 2).font = { name: FONT, italic: true, size: 11 };
  }

  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 24;
  for (let col = FIRST_DATA_COL; col < lastCol - 1; col++) ws.getColumn(col).width = 14;
  ws.getColumn(lastCol - 1).width = 10;
  ws.getColumn(lastCol).width = 14;
  for (let r = 6; r < 6 + y.rows.length; r++) fitRowHeight(ws.getRow(r), (col) => ws.getColumn(col).width ?? 10);
  applyPrintSetup(ws, "landscape", "4:5");
}

/** Column letters for formulas (1 → "A", 27 → "AA"). */
function columnLetter(col: number): string {
  let out = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** "Tổng số xã đạt": per criterion the communes meeting it, and the communes meeting the whole set. */
function addTotalsRow(ws: ExcelJS.Worksheet, at: number, y: CriteriaTableYear, lastCol: number): void {
  const row = ws.getRow(at);
  const first = 6;
  const last = at - 1;
  row.getCell(2).value = `Tổng số xã đạt (trên ${y.rows.length} xã)`;
  const countIf = (col: number, word: string, result: number): ExcelJS.CellFormulaValue | number =>
    y.rows.length === 0 ? 0 : { formula: `COUNTIF(${columnLetter(col)}${first}:${columnLetter(col)}${last},"${word}")`, result };
  y.pack.criteria.forEach((cr, j) => {
    const met = y.rows.filter((r) => r.result.criteria.find((c) => c.id === cr.id)?.status === "met").length;
    row.getCell(FIRST_DATA_COL + j).value = countIf(FIRST_DATA_COL + j, CRITERION_CELL_VI.met, met);
  });
  row.getCell(lastCol).value = countIf(lastCol, CRITERION_STATUS_VI.met, y.rows.filter((r) => r.result.status === "met").length);
  for (let col = 1; col <= lastCol; col++) {
    const cell = row.getCell(col);
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.alignment = { horizontal: col <= 2 ? "left" : "center", vertical: "middle", wrapText: true };
    cell.fill = solidFill("FFEDEDED");
    cell.border = border;
  }
}

const LEGEND: Readonly<Record<CriterionCell, string>> = {
  met: "Tiêu chí đạt chuẩn",
  not_met: "Tiêu chí chưa đạt chuẩn",
  missing: "Chưa có đủ số liệu để đánh giá",
  unknown_threshold: "Chưa xác định được ngưỡng theo văn bản pháp luật",
};

/**
 * Renders the criteria table (bảng tổng hợp tiêu chí) as an XLSX workbook: one sheet per year,
 * communes down, criteria across, each cell Đạt / Không đạt / Thiếu số liệu / Chưa rõ ngưỡng with a
 * fill, frozen headings, a legend, a notice when the pack is an example or a threshold is unverified,
 * and A4 landscape print setup fitted to the page width.
 * Throws {@link ReportInputError} naming every bad field before anything is built.
 * @example
 * const bytes = await renderCriteriaWorkbook({
 *   unitName: "Huyện Đại Lộc",
 *   years: [{ year: 2025, pack, rows: [{ unitName: "Xã Đại Hồng", result }] }],
 * });
 * await writeFile("bang-tieu-chi.xlsx", bytes);
 */
export async function renderCriteriaWorkbook(input: CriteriaWorkbookInput): Promise<Uint8Array> {
  validate(input);
  const wb = new ExcelJS.Workbook();
  wb.creator = "ntm";
  for (const y of [...input.years].sort((a, b) => a.year - b.year)) addYearSheet(wb, input.unitName, y);
  return workbookBytes(wb);
}
