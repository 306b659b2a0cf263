import type { IndicatorValue } from "../../schemas/values.js";

/** A value that moved by more than the allowed share since the previous year. */
export interface ValueJump {
  id: string;
  previous: number;
  current: number;
  /** |current − previous| / |previous| (0.6 = 60 %). */
  share: number;
}

/** The share of last year's value a value may move by before it is flagged (50 %), when none is set. */
export const DEFAULT_JUMP_SHARE = 0.5;

/**
 * Numeric values that moved by more than `maxShare` of last year's value (a warning to check the
 * figure, never a refusal). Only numbers on both sides count; a previous value of 0 has no share
 * and is not flagged. In indicator id order.
 * @example
 * valueJumps({ "10": 59.8, "2.1": 100 }, { "10": 25, "2.1": 95 }) // [{ id: "10", previous: 59.8, current: 25, share: 0.58… }]
 * valueJumps({ "10": 59.8 }, { "10": 70 }, { maxShare: 0.1 }) // [{ id: "10", …, share: 0.17… }]
 */
export function valueJumps(
  previous: Readonly<Record<string, IndicatorValue | undefined>>,
  current: Readonly<Record<string, IndicatorValue | undefined>>,
  options: { maxShare?: number } = {},
): ValueJump[] {
  const maxShare = options.maxShare ?? DEFAULT_JUMP_SHARE;
  const out: ValueJump[] = [];
  for (const [id, cur] of Object.entries(current)) {
    const prev = previous[id];
    if (typeof cur !== "number" || typeof prev !== "number" || prev === 0) continue;
    const share = Math.abs(cur - prev) / Math.abs(prev);
    if (share > maxShare) out.push({ id, previous: prev, current: cur, share });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}
