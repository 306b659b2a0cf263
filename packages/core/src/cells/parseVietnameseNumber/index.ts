const DOTTED = /^-?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const SPACED = /^-?[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?$/;
const COMMA = /^-?\d+(?:,\d+)?$/;
const POINT = /^-?\d+\.\d+$/;

/**
 * Parses a number as Vietnamese writes it: a decimal comma ("85,8"), thousands grouped by dots
 * ("1.234,5") or spaces ("1 234,5", also no-break spaces). A single dot that is not a thousands group
 * is read as a decimal point, as spreadsheets in English locales write it ("16.5"); a dot followed by
 * exactly three digits is a thousands group ("1.234" is 1234). Returns undefined for anything else
 * (letters, mixed separators, a lone sign, "1,2,3").
 * @example
 * parseVietnameseNumber("1.234,5") // 1234.5
 * parseVietnameseNumber("1 234,5") // 1234.5
 * parseVietnameseNumber("16.5") // 16.5
 * parseVietnameseNumber("1.234") // 1234
 */
export function parseVietnameseNumber(raw: string): number | undefined {
  const s = raw.trim().replace(/[\u00a0\u202f]/g, " ");
  let plain: string;
  if (DOTTED.test(s)) plain = s.replace(/\./g, "").replace(",", ".");
  else if (SPACED.test(s)) plain = s.replace(/ /g, "").replace(",", ".");
  else if (COMMA.test(s)) plain = s.replace(",", ".");
  else if (POINT.test(s)) plain = s;
  else return undefined;
  const n = Number(plain);
  return Number.isFinite(n) ? n : undefined;
}
