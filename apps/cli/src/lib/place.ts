/**
 * Names a place in a file in Vietnamese, the way the CLI prints it before a problem: the sheet, the row
 * (dòng) and the column (cột). Every importer and the API's spreadsheet problems go through here, so a
 * Vietnamese officer never reads "row 3, column B".
 * @example
 * cellPlace({ row: 3, column: "G" }) // "dòng 3, cột G"
 * cellPlace({ sheet: "Bộ tiêu chí", row: 2, column: "B", key: "id" }) // 'trang "Bộ tiêu chí", dòng 2, cột B (id)'
 * cellPlace({ row: 4, column: "2.1", quote: true }) // 'dòng 4, cột "2.1"'
 */
export function cellPlace(p: { sheet?: string; row: number; column?: string; key?: string; quote?: boolean }): string {
  const col = p.column === undefined ? "" : `, cột ${p.quote ? `"${p.column}"` : p.column}${p.key ? ` (${p.key})` : ""}`;
  return `${p.sheet !== undefined ? `trang "${p.sheet}", ` : ""}dòng ${p.row}${col}`;
}
