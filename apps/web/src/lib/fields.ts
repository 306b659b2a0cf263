/** Field-level validation of one indicator value as an officer types it. */

export type FieldKind = "boolean" | "percent" | "number";

export type FieldCheck = { ok: true; value: number | boolean | null } | { ok: false; error: "number" | "percentRange" | "negative" | "boolean" };

/**
 * Checks one typed value: percent 0–100, numbers (comma or dot decimals), booleans "Đạt"/"Không".
 * An empty field means "no value yet" (null).
 * @example
 * checkField("percent", "140") // { ok: false, error: "percentRange" }
 * checkField("percent", "92,5") // { ok: true, value: 92.5 }
 * checkField("boolean", "Đạt") // { ok: true, value: true }
 */
export function checkField(kind: FieldKind, raw: string): FieldCheck {
  const s = raw.trim();
  if (s === "") return { ok: true, value: null };
  if (kind === "boolean") {
    const v = s.toLowerCase();
    if (["đạt", "dat", "true", "yes", "có", "1"].includes(v)) return { ok: true, value: true };
    if (["không", "khong", "không đạt", "false", "no", "0"].includes(v)) return { ok: true, value: false };
    return { ok: false, error: "boolean" };
  }
  const n = Number(s.replace(/\s/g, "").replace(",", "."));
  if (!Number.isFinite(n) || !/^-?[\d\s]*[.,]?\d*$/.test(s)) return { ok: false, error: "number" };
  if (kind === "percent" && (n < 0 || n > 100)) return { ok: false, error: "percentRange" };
  if (n < 0) return { ok: false, error: "negative" };
  return { ok: true, value: n };
}

/**
 * Writes a stored value back as the text an officer would type.
 * @example
 * fieldText(true) // "Đạt"
 * fieldText(null) // ""
 */
export function fieldText(v: number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "Đạt" : "Không";
  return String(v);
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
  if (threshold && typeof threshold === "object" && "all" in threshold && typeof (threshold as { all: unknown }).all === "boolean") return (threshold as { all: boolean }).all;
  return null;
}
