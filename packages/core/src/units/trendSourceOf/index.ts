/** A unit as the trend rule sees it: when it took its present form, and the units it was formed from. */
export interface MergedUnitView {
  id: string;
  /** Ngày hiệu lực: the date the unit took effect (yyyy-mm-dd), null when not recorded. */
  effectiveFrom: string | null;
  /** Sáp nhập từ: the codes of the units it was formed from (empty when it was not formed by a merger). */
  mergedFrom: readonly string[];
}

/** Why a year of a trend is read from other units: the year closed before the merged unit existed. */
export interface TrendBeforeMergerReason {
  code: "trend.before_merger";
  params: { effectiveFrom: string; year: number };
}

/**
 * Where a year of a unit's trend comes from: the unit's own results, or, for a year that ended
 * before a merged unit took effect, the units it was formed from, each shown with its own result.
 */
export type TrendSource = { kind: "own"; unitId: string } | { kind: "predecessors"; unitIds: string[]; reason: TrendBeforeMergerReason };

/**
 * Decides where one year of a unit's trend is read from, across the 2025 reform. A year is the merged
 * unit's own when the unit existed at the year's close (31/12, when the year is evaluated); a year
 * that closed before `effectiveFrom` belongs to the units it was formed from (`mergedFrom`).
 * Their results are shown side by side, each labelled with its unit, and never combined into one
 * verdict for the merged unit: NTM tiers are pass/fail per commune and cannot be summed or averaged
 * (two communes, one meeting 19 criteria and one 15, do not make a commune meeting 17).
 * @example
 * const x10 = { id: "x10", effectiveFrom: "2025-07-01", mergedFrom: ["x01", "x02"] };
 * trendSourceOf(x10, 2024) // { kind: "predecessors", unitIds: ["x01", "x02"], reason: { code: "trend.before_merger", ... } }
 * trendSourceOf(x10, 2025) // { kind: "own", unitId: "x10" }
 */
export function trendSourceOf(unit: MergedUnitView, year: number): TrendSource {
  const closes = `${String(year).padStart(4, "0")}-12-31`;
  if (!unit.mergedFrom.length || !unit.effectiveFrom || closes >= unit.effectiveFrom) return { kind: "own", unitId: unit.id };
  return {
    kind: "predecessors",
    unitIds: [...unit.mergedFrom],
    reason: { code: "trend.before_merger", params: { effectiveFrom: unit.effectiveFrom, year } },
  };
}
