import { parseVietnameseNumber } from "../parseVietnameseNumber/index.js";

/** What an indicator holds: a yes/no, a number, or a percent (0–100). */
export type CellKind = "boolean" | "number" | "percent";

/**
 * The words read as yes and no, after trimming, lower-casing and collapsing spaces. "1"/"0" are yes/no
 * only in a boolean cell (elsewhere they are numbers).
 *
 * | yes (true)                                     | no (false)                                                      |
 * |------------------------------------------------|-----------------------------------------------------------------|
 * | đạt, dat, có, co, x, ✓, ✔, yes, y, true, met   | không đạt, khong dat, chưa đạt, chua dat, không, khong, no, n, false, not met |
 * | 1 (boolean cells)                              | 0 (boolean cells)                                               |
 */
export const CELL_WORDS: { readonly yes: readonly string[]; readonly no: readonly string[] } = {
  yes: ["đạt", "dat", "có", "co", "x", "✓", "✔", "yes", "y", "true", "met"],
  no: ["không đạt", "khong dat", "chưa đạt", "chua dat", "không", "khong", "no", "n", "false", "not met"],
};

/**
 * Parses a value as an officer writes it in a form or a spreadsheet cell: yes/no words
 * ({@link CELL_WORDS}), Vietnamese numbers ("85,8", "1.234,5", "1 234,5"; see parseVietnameseNumber)
 * and percents with a sign ("95%"). An empty cell is null (no value yet); undefined means the text
 * cannot be read. With `kind`, only that kind is read: a boolean cell also takes "1"/"0", a number or
 * percent cell refuses yes/no words, and only a percent cell takes "%". Without `kind`, "1" is a number.
 * @example
 * parseCellValue("16,5") // 16.5
 * parseCellValue("Đạt") // true
 * parseCellValue("1", { kind: "boolean" }) // true
 * parseCellValue("x", { kind: "number" }) // undefined
 */
export function parseCellValue(raw: string, options?: { kind?: CellKind }): number | boolean | null | undefined {
  const kind = typeof options === "object" ? options?.kind : undefined;
  const s = raw.normalize("NFC").trim().replace(/\s+/g, " ");
  if (s === "") return null;
  const lower = s.toLowerCase();
  if (kind !== "number" && kind !== "percent") {
    if (CELL_WORDS.yes.includes(lower) || (kind === "boolean" && lower === "1")) return true;
    if (CELL_WORDS.no.includes(lower) || (kind === "boolean" && lower === "0")) return false;
    if (kind === "boolean") return undefined;
  }
  const percent = s.endsWith("%");
  if (percent && kind === "number") return undefined;
  return parseVietnameseNumber(percent ? s.slice(0, -1) : s);
}
