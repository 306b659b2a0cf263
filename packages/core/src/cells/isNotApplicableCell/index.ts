/**
 * The words that declare an indicator not applicable to a unit (không áp dụng), after trimming,
 * lower-casing and collapsing spaces: `KAD`, `N/A`, `NA`, `không áp dụng`, `khong ap dung`.
 */
export const NOT_APPLICABLE_WORDS: readonly string[] = ["kad", "n/a", "na", "không áp dụng", "khong ap dung"];

/**
 * Whether a typed cell declares the indicator not applicable ({@link NOT_APPLICABLE_WORDS}); the
 * importers put such an indicator in `notApplicable` instead of reading a value (core's validation
 * then refuses it for an indicator that does not allow it).
 * @example
 * isNotApplicableCell(" KAD ") // true
 * isNotApplicableCell("Không áp  dụng") // true
 * isNotApplicableCell("Không") // false
 */
export function isNotApplicableCell(raw: string): boolean {
  return NOT_APPLICABLE_WORDS.includes(raw.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase());
}
