import { formatVietnameseNumber } from "../formatVietnameseNumber/index.js";

/**
 * Writes a percent (0–100 scale) as Vietnamese does, rounded to `digits` decimals (default 1) with
 * trailing zeros dropped: a decimal comma and a "%" sign with no space. `parseCellValue` reads it back
 * in a percent cell.
 * @example
 * formatPercent(93.5) // "93,5%"
 * formatPercent(80) // "80%"
 * formatPercent(2 / 3 * 100) // "66,7%"
 */
export function formatPercent(value: number, digits = 1): string {
  const f = 10 ** digits;
  const rounded = Math.round(value * f) / f;
  return `${formatVietnameseNumber(Object.is(rounded, -0) ? 0 : rounded)}%`;
}
