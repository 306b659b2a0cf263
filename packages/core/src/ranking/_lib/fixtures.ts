// Fixture builders for the ranking tests (not part of the public API).
import type { ScoringScheme } from "../scheme/index.js";
import type { RankingUnit } from "../input.js";

/** A scheme whose score is the unit's `score` value (linear, 1 point per unit, up to 100). */
export const DIRECT_SCHEME: ScoringScheme = {
  id: "test.direct",
  version: "1",
  title: { vi: "Điểm trực tiếp", en: "Direct score" },
  scale: 100,
  isDefault: false,
  basis: "test",
  verified: false,
  components: [{ id: "score", label: { vi: "Điểm", en: "Score" }, field: "score", weight: 100, formula: { type: "linear", per: 1 } }],
};

/** A unit with a direct score and all 366 task conditions met. */
export function unit(unitId: string, score: number, extra: Partial<RankingUnit> = {}): RankingUnit {
  return {
    unitId,
    values: { score, criteria_met: 19, criteria_lost: 0 },
    tasks: { assigned: 10, done: 10, onTime: 10, exceeding: 4 },
    ...extra,
  };
}
