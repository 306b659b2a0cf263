import ExcelJS from "exceljs";
import { ENTERED_HEADERS, ENTERED_TITLE, checkEntered, enteredLines } from "../_lib/entered.js";
import { noteText } from "../_lib/text.js";
import { Checker } from "../_lib/validate.js";
import type { RankingWorkbookInput } from "../types.js";
import { FONT, applyPrintSetup, border, fitRowHeight, solidFill, titleRow, workbookBytes } from "./_style.js";

/** Excel number format for scores: Vietnamese readers see the separators of their locale. */
const SCORE_FORMAT = "#,##0.00";

function validate(input: RankingWorkbookInput): void {
  const c = new Checker();
  c.text(input.unitName, ["unitName"]);
  c.integer(input.year, ["year"], 2000);
  if (c.array(input.components, ["components"])) {
    input.components.forEach((k, i) => {
      c.text(k.key, ["components", i, "key"]);
      c.text(k.label, ["components", i, "label"]);
    });
  }
  if (c.array(input.rows, ["rows"])) {
    input.rows.forEach((r, i) => {
      c.integer(r.rank, ["rows", i, "rank"], 1);
      c.text(r.unitName, ["rows", i, "unitName"]);
      c.finite(r.score, ["rows", i, "score"]);
      if (r.criteriaMet !== undefined) c.integer(r.criteriaMet, ["rows", i, "criteriaMet"], 0);
      c.text(r.level, ["rows", i, "level"]);
      for (const k of input.components ?? []) {
        if (r.components?.[k.key] !== undefined) c.finite(r.components[k.key], ["rows", i, "components", k.key]);
      }
    });
  }
  checkEntered(c, input.entered);
  c.throwIfAny("Bảng xếp hạng (ranking workbook)");
}

/**
 * Renders the annual ranking (bảng xếp hạng) as an XLSX workbook: rank, unit, total score, each
 * component, the level, and the caps and quota moves that changed a level, written out in Vietnamese;
 * proposals on a second sheet, and the scoring inputs entered by hand with their evidence on a sheet
 * "Số liệu nhập tay" when given.
 * A4 landscape, fitted to the page width, headings frozen; an example scoring rule is labelled.
 * Throws {@link ReportInputError} naming every bad field before anything is built.
 * @example
 * const bytes = await renderRankingWorkbook({
 *   unitName: "Huyện Đại Lộc", year: 2025,
 *   components: [{ key: "criteria", label: "Tiêu chí" }],
 *   rows: [{ rank: 1, unitName: "Xã Đại Minh", score: 92.5, components: { criteria: 60 }, level: "Xuất sắc", caps: [], quotaMoves: [] }],
 * });
 */
export async function renderRankingWorkbook(input: RankingWorkbookInput): Promise<Uint8Array> {
  validate(input);
  const wb = new ExcelJS.Workbook();
  wb.creator = "ntm";
  const ws = wb.addWorksheet(`Xếp hạng ${input.year}`, { views: [{ state: "frozen", xSplit: 2, ySplit: 4 }] });
  // Optional columns: the count of criteria met (a count, never points) and why each ended in its class.
  const withCount = input.rows.some((r) => r.criteriaMet !== undefined);
  const withWhy = input.rows.some((r) => r.explanation !== undefined);
  const lead = withCount ? 4 : 3;
  const headers = [
    "Hạng",
    input.subjectLabel ?? "Đơn vị",
    "Tổng điểm",
    ...(withCount ? ["Số tiêu chí đạt"] : []),
    ...input.components.map((k) => k.label),
    "Xếp loại",
    "Giới hạn áp dụng",
    "Điều chỉnh theo tỷ lệ khống chế",
    ...(withWhy ? ["Căn cứ xếp loại"] : []),
  ];
  const lastCol = headers.length;
  titleRow(
    ws,
    1,
    lastCol,
    `${input.title ?? "BẢNG XẾP HẠNG KẾT QUẢ THỰC HIỆN NÔNG THÔN MỚI"} - ${input.unitName.toUpperCase()} - NĂM ${input.year}`,
    { bold: true, size: 14 },
  );
  const notice = input.example ? (input.notice ?? "Cách tính điểm minh họa, không phải quy định đã ban hành.") : (input.notice ?? "");
  titleRow(ws, 2, lastCol, notice ? `LƯU Ý: ${notice}` : "", { bold: true, size: 11, color: { argb: "FFC00000" } });
  titleRow(ws, 3, lastCol, "", {});

  const head = ws.getRow(4);
  headers.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = solidFill("FFEDEDED");
    cell.border = border;
  });
  head.height = 36;

  const rows = [...input.rows].sort((a, b) => a.rank - b.rank);
  rows.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    const values: (string | number | null)[] = [
      r.rank,
      r.unitName,
      r.score,
      ...(withCount ? [r.criteriaMet ?? null] : []),
      ...input.components.map((k) => r.components[k.key] ?? null),
      r.level,
      r.caps.map(noteText).join("; "),
      r.quotaMoves.map(noteText).join("; "),
      ...(withWhy ? [(r.explanation ?? []).map(noteText).join("; ")] : []),
    ];
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      cell.font = { name: FONT, size: 11 };
      cell.border = border;
      const numeric = j >= 2 && j < lead + input.components.length;
      if (numeric) cell.numFmt = withCount && j === 3 ? "0" : SCORE_FORMAT;
      cell.alignment = { horizontal: j === 0 || numeric ? "center" : "left", vertical: "middle", wrapText: true };
    });
  });

  ws.getColumn(1).width = 7;
  ws.getColumn(2).width = 24;
  ws.getColumn(3).width = 11;
  if (withCount) ws.getColumn(4).width = 10;
  input.components.forEach((_, i) => (ws.getColumn(lead + 1 + i).width = 11));
  const tail = withWhy ? 1 : 0;
  ws.getColumn(lastCol - 2 - tail).width = 18;
  ws.getColumn(lastCol - 1 - tail).width = 36;
  ws.getColumn(lastCol - tail).width = 36;
  if (withWhy) ws.getColumn(lastCol).width = 48;
  for (let r = 5; r < 5 + rows.length; r++) fitRowHeight(ws.getRow(r), (col) => ws.getColumn(col).width ?? 10);
  (input.notes ?? []).forEach((n, i) => titleRow(ws, 6 + rows.length + i, lastCol, noteText(n), { size: 10, italic: true }));
  applyPrintSetup(ws, "landscape", "4:4");
  if (input.candidates) candidatesSheet(wb, input.year, input.candidates);
  if (input.entered) enteredSheet(wb, input.year, input.entered);
  return workbookBytes(wb);
}

/** The sheet of the scoring inputs entered by hand: unit, input, value, evidence, who, when (dd/mm/yyyy). */
function enteredSheet(wb: ExcelJS.Workbook, year: number, entered: NonNullable<RankingWorkbookInput["entered"]>): void {
  const ws = wb.addWorksheet("Số liệu nhập tay", { views: [{ state: "frozen", ySplit: 3 }] });
  titleRow(ws, 1, ENTERED_HEADERS.length, `${ENTERED_TITLE.toUpperCase()} - NĂM ${year}`, { bold: true, size: 14 });
  const head = ws.getRow(3);
  ENTERED_HEADERS.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.fill = solidFill("FFEDEDED");
    cell.border = border;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  const lines = enteredLines(entered);
  lines.forEach((line, i) => {
    const row = ws.getRow(4 + i);
    line.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      // The number as a number; the value as its words ("5.000.000.000 đ"), the day as dd/mm/yyyy text.
      cell.value = j === 0 ? i + 1 : v;
      cell.font = { name: FONT, size: 11 };
      cell.border = border;
      cell.alignment = { vertical: "middle", wrapText: true, horizontal: j === 0 || j === 6 ? "center" : "left" };
    });
  });
  if (lines.length === 0)
    titleRow(ws, 4, ENTERED_HEADERS.length, "Chưa nhập tay số liệu chấm điểm nào cho năm này.", { italic: true, size: 11 });
  [6, 24, 30, 24, 44, 20, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let r = 4; r < 4 + lines.length; r++) fitRowHeight(ws.getRow(r), (col) => ws.getColumn(col).width ?? 10);
  applyPrintSetup(ws, "landscape", "3:3");
}

/** The second sheet: proposals for commendation, then for criticism, each with its reasons in Vietnamese. */
function candidatesSheet(wb: ExcelJS.Workbook, year: number, c: NonNullable<RankingWorkbookInput["candidates"]>): void {
  const ws = wb.addWorksheet("Đề nghị khen thưởng, phê bình", { views: [{ state: "frozen", ySplit: 3 }] });
  titleRow(ws, 1, 5, `ĐỀ NGHỊ BIỂU DƯƠNG, KHEN THƯỞNG VÀ PHÊ BÌNH - NĂM ${year}`, { bold: true, size: 14 });
  const head = ws.getRow(3);
  ["STT", "Đề nghị", "Đối tượng", "Hạng", "Lý do"].forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.fill = solidFill("FFEDEDED");
    cell.border = border;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  const lines = [
    ...c.commendations.map((x) => ["Biểu dương, khen thưởng", x] as const),
    ...c.criticisms.map((x) => ["Phê bình", x] as const),
  ];
  lines.forEach(([what, x], i) => {
    const row = ws.getRow(4 + i);
    [i + 1, what, x.name, x.rank, x.reasons.map(noteText).join("; ")].forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      cell.font = { name: FONT, size: 11 };
      cell.border = border;
      cell.alignment = { vertical: "middle", wrapText: true, horizontal: j === 0 || j === 3 ? "center" : "left" };
    });
  });
  [6, 22, 36, 7, 80].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let r = 4; r < 4 + lines.length; r++) fitRowHeight(ws.getRow(r), (col) => ws.getColumn(col).width ?? 10);
  applyPrintSetup(ws, "landscape", "3:3");
}
