/** The plain decimal digits of a non-negative finite number, without exponent notation. */
function plainDigits(x: number): string {
  const s = String(x);
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1]! + (m[2] ?? "");
  const point = m[1]!.length + Number(m[3]);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Writes a finite number as Vietnamese does, with every significant digit (no rounding): thousands
 * grouped by dots, a decimal comma, never exponent notation. `parseVietnameseNumber` reads it back
 * exactly.
 * @example
 * formatVietnameseNumber(1234.5) // "1.234,5"
 * formatVietnameseNumber(85.8) // "85,8"
 * formatVietnameseNumber(-0.000001) // "-0,000001"
 */
export function formatVietnameseNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const [int = "0", frac] = plainDigits(Math.abs(x)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return sign + grouped + (frac ? `,${frac}` : "");
}
