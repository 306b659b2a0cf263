import { type CellKind, parseCellValue } from "../parseCellValue/index.js";

/** A typed cell checked against its indicator's kind. */
export type CellCheck =
  | { ok: true; value: number | boolean | null }
  | { ok: false; error: "not_boolean" | "not_number" | "percent_range" | "negative" };

/**
 * Reads a cell for an indicator of a kind ({@link parseCellValue}) and checks what a value of that kind
 * may be: a percent within 0–100, a number not negative. An empty cell is `{ ok: true, value: null }`.
 * @example
 * checkCellValue("92,5", "percent") // { ok: true, value: 92.5 }
 * checkCellValue("140", "percent") // { ok: false, error: "percent_range" }
 * checkCellValue("x", "boolean") // { ok: true, value: true }
 */
export function checkCellValue(raw: string, kind: CellKind): CellCheck {
  const v = parseCellValue(raw, { kind });
  if (v === undefined) return { ok: false, error: kind === "boolean" ? "not_boolean" : "not_number" };
  if (typeof v === "number" && kind === "percent" && (v < 0 || v > 100)) return { ok: false, error: "percent_range" };
  if (typeof v === "number" && v < 0) return { ok: false, error: "negative" };
  return { ok: true, value: v };
}
