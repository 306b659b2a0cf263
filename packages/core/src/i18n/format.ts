import type { Lang } from "../schemas/common.js";

/**
 * Formats a number as a Vietnamese (1.234,5) or English (1,234.5) reader expects.
 * @example
 * formatNumber(16.5, "vi") // "16,5"
 * formatNumber(1234567, "en") // "1,234,567"
 */
export function formatNumber(n: number, lang: Lang, maxFractionDigits = 2): string {
  const neg = n < 0;
  const fixed = Math.abs(n)
    .toFixed(maxFractionDigits)
    .replace(/\.?0+$/, "");
  const [int = "0", frac] = fixed.split(".");
  const sep = lang === "vi" ? "." : ",";
  const dec = lang === "vi" ? "," : ".";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (neg ? "-" : "") + grouped + (frac ? dec + frac : "");
}

/**
 * Formats an ISO date as the reader reads it: dd/mm/yyyy in Vietnamese, yyyy-mm-dd in English.
 * @example
 * formatDate("2025-02-01", "vi") // "01/02/2025"
 */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return lang === "vi" ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

/**
 * Formats money in whole đồng: "1.250.000 đ" / "1,250,000 VND". Accepts a bigint or an integer number.
 * @example
 * formatMoney(1250000n, "vi") // "1.250.000 đ"
 */
export function formatMoney(dong: bigint | number, lang: Lang): string {
  const s = (typeof dong === "bigint" ? dong : BigInt(Math.trunc(dong))).toString();
  const neg = s.startsWith("-");
  const digits = neg ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
  return (neg ? "-" : "") + grouped + (lang === "vi" ? " đ" : " VND");
}
