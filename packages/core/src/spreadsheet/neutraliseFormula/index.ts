/** The characters a spreadsheet reads as the start of a formula (or strips before one: tab, CR, LF). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Makes a text cell safe to open in Excel, LibreOffice or Google Sheets: a string that starts with
 * `=`, `+`, `-`, `@`, a tab, CR or LF would be read as a formula (CSV/formula injection, e.g.
 * `=HYPERLINK(...)`), so it gets a leading apostrophe, which spreadsheets show as text. Only strings are
 * touched: a negative number is data, and numbers, booleans and empty cells come back unchanged.
 * Every CSV and XLSX export (API, reports, CLI) writes its cells through this one function.
 * @example
 * neutraliseFormula("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * neutraliseFormula("-5") // "'-5" (a string: text that looks like a formula is still text)
 * neutraliseFormula(-5) // -5 (a number is data)
 * neutraliseFormula("Xã An Phú") // "Xã An Phú"
 */
export function neutraliseFormula<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}
