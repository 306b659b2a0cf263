/**
 * A plan's worksheets (core's planToSheets layout) as an .xlsx file and back. Only the file format
 * lives here: which sheets and columns exist, and how cells read back into a plan, is core's.
 */
import ExcelJS from "exceljs";
import type { PlanSheet } from "@ntm/core";

/**
 * Writes worksheets of text cells to an .xlsx workbook (every cell as text, so dates stay yyyy-mm-dd).
 * @example
 * const bytes = await sheetsToXlsx(planToSheets(plan));
 */
export async function sheetsToXlsx(sheets: readonly PlanSheet[]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ntm";
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    s.rows.forEach((cells, i) => {
      const row = ws.addRow(cells.map((c) => (c === null ? undefined : c)));
      row.eachCell((cell) => {
        cell.numFmt = "@";
      });
      if (i === 0) row.font = { bold: true };
    });
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

function text(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return text(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(v);
}

/**
 * Reads every worksheet of an .xlsx file as text cells (throws on a file that is not .xlsx).
 * @example
 * const sheets = await xlsxToSheets(bytes); planFromSheets(sheets)
 */
export async function xlsxToSheets(data: ArrayBuffer): Promise<PlanSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb.worksheets.map((ws) => {
    const rows: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      const cells: (string | null)[] = [];
      for (let col = 1; col <= ws.columnCount; col++) cells.push(text(r.getCell(col).value));
      rows[n - 1] = cells;
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}
