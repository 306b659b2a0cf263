/** A share as an exact fraction, with its percent rounded half-up to 2 decimals for display. */
export interface ExactShare {
  numerator: bigint;
  denominator: bigint;
  /** Percent with exactly 2 decimals and a dot ("12.35"); null when the denominator is 0. */
  percent: string | null;
}

/**
 * The exact share `part / whole`, rendered as a percent with 2 decimals (half-up), computed in bigint
 * so no float ever touches the money. Throws a RangeError for negative inputs (amounts are ≥ 0).
 * @example
 * exactShare(1n, 3n) // { numerator: 1n, denominator: 3n, percent: "33.33" }
 * exactShare(2n, 3n).percent // "66.67"
 * exactShare(0n, 0n).percent // null
 */
export function exactShare(part: bigint, whole: bigint): ExactShare {
  if (part < 0n || whole < 0n) throw new RangeError("shares are of non-negative amounts");
  if (whole === 0n) return { numerator: part, denominator: whole, percent: null };
  // hundredths of a percent, rounded half-up: floor((part * 10000 * 2 + whole) / (2 * whole))
  const h = (part * 20000n + whole) / (2n * whole);
  return { numerator: part, denominator: whole, percent: `${h / 100n}.${(h % 100n).toString().padStart(2, "0")}` };
}
