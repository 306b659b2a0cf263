// Cells: the one reading of what officers type in forms and spreadsheets (web form, CLI, importers).
export { parseVietnameseNumber } from "./parseVietnameseNumber/index.js";
export { formatVietnameseNumber } from "./formatVietnameseNumber/index.js";
export { parseCellValue, CELL_WORDS, type CellKind } from "./parseCellValue/index.js";
export { formatCellValue } from "./formatCellValue/index.js";
export { checkCellValue, type CellCheck } from "./checkCellValue/index.js";
export { isNotApplicableCell, NOT_APPLICABLE_WORDS } from "./isNotApplicableCell/index.js";
export { formatPercent } from "./formatPercent/index.js";
