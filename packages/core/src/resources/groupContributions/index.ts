import { comparePeriods, formatPeriod } from "../../period/index.js";
import { type ContributionTotals, addTo, emptyTotals } from "../_lib/totals.js";
import { type Contribution, ResourceSourceSchema } from "../schema.js";

/** One group of {@link groupContributions}. */
export interface ContributionGroup {
  /** The source code, the unit id, or the period in canonical form ("2025Q3"). */
  key: string;
  totals: ContributionTotals;
}

/**
 * Sums contributions by source, by unit or by period. Money, land and labour are summed separately.
 * Groups come in a stable order: sources in {@link RESOURCE_SOURCES} order, units by id, periods in
 * time order. Only keys that occur are returned.
 * @example
 * groupContributions(contributions, "source")
 * // [{ key: "central_budget", totals: { count: 1, money: 2000000000n, landDonatedM2: 0n, labourDays: 0n } }, ...]
 */
export function groupContributions(contributions: readonly Contribution[], by: "source" | "unit" | "period"): ContributionGroup[] {
  const groups = new Map<string, { totals: ContributionTotals; sample: Contribution }>();
  for (const c of contributions) {
    const key = by === "source" ? c.source : by === "unit" ? c.unitId : formatPeriod(c.period);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { totals: emptyTotals(), sample: c }));
    addTo(g.totals, c);
  }
  const order = ResourceSourceSchema.options as readonly string[];
  const entries = [...groups.entries()];
  entries.sort(([ka, a], [kb, b]) =>
    by === "source"
      ? order.indexOf(ka) - order.indexOf(kb)
      : by === "period"
        ? comparePeriods(a.sample.period, b.sample.period)
        : ka < kb
          ? -1
          : ka > kb
            ? 1
            : 0,
  );
  return entries.map(([key, g]) => ({ key, totals: g.totals }));
}
