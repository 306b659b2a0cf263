import type ExcelJS from "exceljs";
import { neutraliseFormula } from "@ntm/core";

export const FONT = "Times New Roman";

const thin = { style: "thin" as const, color: { argb: "FF000000" } };
/** Thin black borders on every side. */
export const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const solidFill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** A merged title line across the table's columns. */
export function titleRow(ws: ExcelJS.Worksheet, row: number, lastCol: number, text: string, font: Partial<ExcelJS.Font>): void {
  ws.mergeCells(row, 1, row, lastCol);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, ...font };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(row).height = text ? 22 : 6;
}

/** A4, fitted to one page wide, headings repeated on every printed page (`printTitlesRow` as "4:5"). */
export function applyPrintSetup(ws: ExcelJS.Worksheet, orientation: "landscape" | "portrait", printTitlesRow: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' };
}

/**
 * Sets a row's height from its longest wrapped text: spreadsheet programs do not grow a row whose
 * text was written by a library, so a long note would print cut off.
 */
export function fitRowHeight(row: ExcelJS.Row, widthOf: (col: number) => number, lineHeight = 15): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const text = cell.text;
    if (!text) return;
    // About one character per width unit at 11 pt; wrapped text breaks at words, so leave slack.
    const perLine = Math.max(1, Math.floor(widthOf(col) * 0.95));
    lines = Math.max(lines, Math.ceil(text.length / perLine));
  });
  row.height = Math.max(18, lines * lineHeight + 3);
}

/**
 * The workbook's bytes, with every text cell passed through core's `neutraliseFormula` first: a unit
 * or criterion name such as `=HYPERLINK(...)` stays text in Excel (numbers, negative ones included, are
 * left alone). Every workbook of this package is written through here.
 * @example
 * return workbookBytes(wb);
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === "string") cell.value = neutraliseFormula(cell.value);
      }),
    );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
