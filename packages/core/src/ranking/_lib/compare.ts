/** The keys every ordering in this area uses. */
export interface RankKeys {
  unitId: string;
  score: number;
  criteriaMet: number;
  criteriaLost: number;
}

/**
 * The deterministic ranking order: score desc, criteria met desc, fewer criteria lost, unit id asc
 * (code-unit order, independent of locale).
 */
export function compareRankKeys(a: RankKeys, b: RankKeys): number {
  return (
    b.score - a.score ||
    b.criteriaMet - a.criteriaMet ||
    a.criteriaLost - b.criteriaLost ||
    (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)
  );
}
