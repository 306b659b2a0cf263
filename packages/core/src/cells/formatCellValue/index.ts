import { formatVietnameseNumber } from "../formatVietnameseNumber/index.js";

/**
 * Writes a stored value as an officer would type it: "Đạt"/"Không" for yes/no, a Vietnamese number
 * ("1.234,5"), and "" for no value. `parseCellValue` reads it back to the same value.
 * @example
 * formatCellValue(true) // "Đạt"
 * formatCellValue(92.5) // "92,5"
 * formatCellValue(null) // ""
 */
export function formatCellValue(value: number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Đạt" : "Không";
  return formatVietnameseNumber(value);
}
