/**
 * A tiny seeded pseudo-random generator (mulberry32): the demo data is the same on every machine.
 * @example
 * const rnd = createPrng(2025); rnd() // 0.6270739405881613 (always)
 */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An integer in [min, max] from a generator.
 * @example
 * intBetween(createPrng(1), 3, 6) // 3..6
 */
export function intBetween(rnd: () => number, min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}
