import { type ClassificationLevel, compareLevels } from "../levels.js";

/** The keys every ordering in this area uses. */
export interface RankKeys {
  unitId: string;
  /** The subject's name; ties are broken by it in Vietnamese collation (the id when absent). */
  name?: string | undefined;
  score: number;
  criteriaMet: number;
  criteriaLost: number;
}

/** Vietnamese collation (a before ă before â … đ after d), base letters and marks both count. */
const VI = new Intl.Collator("vi", { sensitivity: "variant", numeric: true });

/** Which key decided the order of two subjects (`null` when they are equal on every key). */
export type TieKey = "score" | "criteria_met" | "criteria_lost" | "name" | "id";

/**
 * The deterministic order within one class: score desc, criteria met desc, fewer criteria lost, name
 * in Vietnamese collation (the id when there is no name), then id in code-unit order.
 */
export function compareRankKeys(a: RankKeys, b: RankKeys): number {
  return (
    b.score - a.score ||
    b.criteriaMet - a.criteriaMet ||
    a.criteriaLost - b.criteriaLost ||
    VI.compare(a.name ?? a.unitId, b.name ?? b.unitId) ||
    (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)
  );
}

/** The first key on which two subjects differ, in the order {@link compareRankKeys} reads them. */
export function decidingKey(a: RankKeys, b: RankKeys): TieKey | null {
  if (a.score !== b.score) return "score";
  if (a.criteriaMet !== b.criteriaMet) return "criteria_met";
  if (a.criteriaLost !== b.criteriaLost) return "criteria_lost";
  if (VI.compare(a.name ?? a.unitId, b.name ?? b.unitId) !== 0) return "name";
  return a.unitId === b.unitId ? null : "id";
}

/** A ranked row as the order sees it: complete data first, then class, then {@link compareRankKeys}. */
export interface RankedKeys extends RankKeys {
  dataComplete: boolean;
  level: ClassificationLevel | "incomplete_data";
}

/**
 * The ranking order: subjects with complete data first, then the final class (higher first), then
 * {@link compareRankKeys}. A subject of a lower class never ranks above one of a higher class.
 */
export function compareRanked(a: RankedKeys, b: RankedKeys): number {
  const byData = Number(b.dataComplete) - Number(a.dataComplete);
  if (byData) return byData;
  const byLevel = a.level !== "incomplete_data" && b.level !== "incomplete_data" ? compareLevels(b.level, a.level) : 0;
  return byLevel || compareRankKeys(a, b);
}
