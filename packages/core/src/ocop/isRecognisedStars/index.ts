import { OCOP_MIN_RECOGNISED_STARS } from "../schema.js";

/**
 * True when a star class is a recognised OCOP class: only 3, 4 and 5 stars are recognised
 * (QĐ 148/QĐ-TTg); 1 and 2 stars are rated but not recognised.
 * @example
 * isRecognisedStars(3) // true
 * isRecognisedStars(2) // false
 */
export function isRecognisedStars(stars: number): boolean {
  return Number.isInteger(stars) && stars >= OCOP_MIN_RECOGNISED_STARS && stars <= 5;
}
