import type { Contribution } from "../schema.js";
import { RESOURCE_SOURCES } from "../schema.js";

/** Totals of a set of contributions: money (đồng), land (m²) and labour (days) kept apart. */
export interface ContributionTotals {
  count: number;
  money: bigint;
  landDonatedM2: bigint;
  labourDays: bigint;
}

/**
 * Empty totals.
 * @example
 * emptyTotals() // { count: 0, money: 0n, landDonatedM2: 0n, labourDays: 0n }
 */
export const emptyTotals = (): ContributionTotals => ({ count: 0, money: 0n, landDonatedM2: 0n, labourDays: 0n });

/**
 * Adds one contribution to running totals (in place), by the measure of its source.
 * @example
 * const t = emptyTotals(); addTo(t, { unitId: "x1", period, source: "labour_days", amount: 3n }); t.labourDays // 3n
 */
export function addTo(t: ContributionTotals, c: Contribution): void {
  t.count += 1;
  const m = RESOURCE_SOURCES[c.source].measure;
  if (m === "dong") t.money += c.amount;
  else if (m === "m2") t.landDonatedM2 += c.amount;
  else t.labourDays += c.amount;
}
