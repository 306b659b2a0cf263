import { type RecordCell, type RecordFileKind, type RecordFileSpec, writeWith } from "../_lib/columns.js";
import { RECORD_FILES, type RecordRowInputs } from "../readRecordRows/index.js";

/**
 * Writes stored records of a kind as the rows of its record file, the inverse of `readRecordRows`:
 * the template's Vietnamese header, then one row per record (an inspection record with several
 * recommendations, one row per recommendation), with dates dd/mm/yyyy, codes by their Vietnamese
 * names, scores and stars as numbers, money as whole đồng numbers, findings joined by "; ", and the
 * unit's name (from `unitNames`, by the record's unit code) in the last, read-only column. Reading
 * the rows back gives the same inputs.
 * @example
 * writeRecordRows("housing", [{ communeUnitId: "x-01", status: "completed", supportAmount: "60000000", completedOn: "2025-08-15" }],
 *   { unitNames: { "x-01": "Xã An Phú" } }).rows[0]
 * // ["x-01", null, null, "Đã hoàn thành", 60000000, "15/08/2025", "Xã An Phú"]
 */
export function writeRecordRows<K extends RecordFileKind>(
  kind: K,
  records: readonly RecordRowInputs[K][],
  options: { unitNames?: Readonly<Record<string, string>> } = {},
): { header: string[]; rows: RecordCell[][] } {
  return writeWith(RECORD_FILES[kind] as RecordFileSpec<RecordRowInputs[K]>, records, options.unitNames);
}
