/**
 * A share in percent, one decimal, half up, computed on integers (no float drift): 372 of 400 → 93.
 * @example
 * sharePercent(2, 3) // 66.7
 */
export function sharePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((part * 2000 + whole) / (2 * whole)) / 10;
}
