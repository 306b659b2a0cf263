import type { ScoringScheme } from "../scheme/index.js";
import type { RankingUnit } from "../input.js";
import { rankUnits } from "../rankUnits/index.js";
import type { Classification182 } from "../../tiers/withClassification182/index.js";

/**
 * The classification of each unit for a year: each group (the communes of one parent) is ranked on its
 * own with its scheme ({@link rankUnits}), and a unit gets the level it is given there. A unit whose
 * data is incomplete gets none, and a group whose input is refused gives none (the ranking itself
 * reports that failure).
 * @example
 * classifyGroups([{ scheme: DEFAULT_SCORING_SCHEME, units }], 2024).get("c-01-01") // { year: 2024, level: "good" }
 */
export function classifyGroups(
  groups: readonly { scheme: ScoringScheme; units: readonly RankingUnit[] }[],
  year: number,
): Map<string, Classification182> {
  const out = new Map<string, Classification182>();
  for (const g of groups) {
    const r = rankUnits({ units: [...g.units] }, g.scheme, year);
    if (!r.ok) continue;
    for (const row of r.value.rows) if (row.level !== "incomplete_data") out.set(row.unitId, { year, level: row.level });
  }
  return out;
}
