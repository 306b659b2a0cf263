import type { UnitValues } from "../../schemas/values.js";

/** Indicator 10 of the 2021–2025 commune set: rural income per capita (million đồng/person/year). */
export const INCOME_INDICATOR = "10";

/**
 * The unweighted mean of the units' income indicator (finite numbers only), rounded to the đồng
 * (six decimals of a million); `mean` is null when no unit has a value, `n` counts the values used.
 * @example
 * averageIncome([{ values: { "10": 60 } }, { values: { "10": 61.5 } }, { values: {} }]) // { mean: 60.75, n: 2 }
 */
export function averageIncome(
  docs: readonly Pick<UnitValues, "values">[],
  indicatorId: string = INCOME_INDICATOR,
): { mean: number | null; n: number } {
  const xs = docs.map((d) => d.values[indicatorId]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return { mean: xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e6) / 1e6 : null, n: xs.length };
}
