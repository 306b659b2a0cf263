import { type CellKind, checkCellValue, formatCellValue } from "@ntm/core";

/** Field-level validation of one indicator value as an officer types it: @ntm/core's cell parser. */

export type FieldKind = CellKind;

export type FieldCheck =
  | { ok: true; value: number | boolean | null }
  | { ok: false; error: "number" | "percentRange" | "negative" | "boolean" };

const FIELD_ERRORS = { not_number: "number", not_boolean: "boolean", percent_range: "percentRange", negative: "negative" } as const;

/**
 * Checks one typed value with core's `checkCellValue`: percent 0–100, Vietnamese numbers ("92,5",
 * "1.234,5", "1 234,5"), yes/no words (Đạt, Không, Có, x, ✓, and 1/0 in a yes/no field). An empty field
 * means "no value yet" (null).
 * @example
 * checkField("percent", "140") // { ok: false, error: "percentRange" }
 * checkField("percent", "92,5") // { ok: true, value: 92.5 }
 * checkField("boolean", "x") // { ok: true, value: true }
 */
export function checkField(kind: FieldKind, raw: string): FieldCheck {
  const r = checkCellValue(raw, kind);
  return r.ok ? r : { ok: false, error: FIELD_ERRORS[r.error] };
}

/**
 * Writes a stored value back as the text an officer would type (core's `formatCellValue`, which
 * `checkField` reads back to the same value).
 * @example
 * fieldText(true) // "Đạt"
 * fieldText(12.5) // "12,5"
 * fieldText(null) // ""
 */
export function fieldText(v: number | boolean | null | undefined): string {
  return formatCellValue(v);
}

/**
 * The indicator ids whose values differ between two value maps (a conflict's changed fields).
 * @example
 * changedIds({ "1.1": true, "2.1": 80 }, { "1.1": true, "2.1": 90 }) // ["2.1"]
 */
export function changedIds(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...ids].filter((id) => (a[id] ?? null) !== (b[id] ?? null)).sort((x, y) => x.localeCompare(y, "en", { numeric: true }));
}

/**
 * The words for a boolean indicator's two values. Most boolean indicators read "Đạt" when true; an
 * indicator whose requirement is `false` (9.1: "no temporary or dilapidated houses") reads "Có"/"Không",
 * so that "Không" is not mistaken for "not met".
 * @example
 * booleanWords(true, "vi") // { yes: "Đạt", no: "Không" }
 * booleanWords(false, "vi") // { yes: "Có", no: "Không" }
 */
export function booleanWords(required: unknown, lang: "vi" | "en"): { yes: string; no: string } {
  if (required === false) return lang === "vi" ? { yes: "Có", no: "Không" } : { yes: "Yes", no: "No" };
  return lang === "vi" ? { yes: "Đạt", no: "Không" } : { yes: "Met", no: "No" };
}

/**
 * The value a boolean threshold requires, when it is one value for all (`{ all: false }`).
 * @example
 * requiredBoolean({ all: false }) // false
 */
export function requiredBoolean(threshold: unknown): boolean | null {
  if (threshold && typeof threshold === "object" && "all" in threshold && typeof (threshold as { all: unknown }).all === "boolean")
    return (threshold as { all: boolean }).all;
  return null;
}
