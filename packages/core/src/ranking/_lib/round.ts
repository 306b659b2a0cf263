/** Rounds away floating-point noise (9 decimals), so 70 stays 70 and 69.99 stays below it. */
export const round9 = (x: number): number => Math.round(x * 1e9) / 1e9 + 0; // + 0 turns -0 into 0
