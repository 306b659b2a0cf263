import { OCOP_STAR_BANDS } from "../schema.js";

/** An OCOP star class, 1 to 5. */
export type OcopStars = 1 | 2 | 3 | 4 | 5;

/**
 * The OCOP star class for a score out of 100: ≥ 90 → 5, ≥ 70 → 4, ≥ 50 → 3, ≥ 30 → 2, else 1
 * (bands of {@link OCOP_STAR_BANDS}: ✅ QĐ 1048/2019, ⚠️ assumed unchanged in QĐ 148/2023).
 * Throws a RangeError for a score outside 0–100 (validate input first with `validateOcopProduct`).
 * @example
 * starsForScore(90) // 5
 * starsForScore(89.99) // 4
 * starsForScore(29.5) // 1
 */
export function starsForScore(score: number): OcopStars {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new RangeError(`OCOP score must be 0–100, got ${score}`);
  for (const band of OCOP_STAR_BANDS.bands) if (score >= band.minScore) return band.stars;
  return 1;
}
