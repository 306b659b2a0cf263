import { z } from "zod";

/**
 * The four levels of the annual quality classification (124-QĐ/TW Art. 12; 366-QĐ/TW Art. 11):
 * hoàn thành xuất sắc nhiệm vụ (excellent), hoàn thành tốt nhiệm vụ (good), hoàn thành nhiệm vụ
 * (completed), không hoàn thành nhiệm vụ (not_completed).
 */
export const ClassificationLevelSchema = z.enum(["excellent", "good", "completed", "not_completed"]);
export type ClassificationLevel = z.infer<typeof ClassificationLevelSchema>;

const RANK: Readonly<Record<ClassificationLevel, number>> = { excellent: 3, good: 2, completed: 1, not_completed: 0 };

/**
 * Compares two levels: positive when `a` is higher.
 * @example
 * compareLevels("excellent", "good") > 0 // true
 */
export function compareLevels(a: ClassificationLevel, b: ClassificationLevel): number {
  return RANK[a] - RANK[b];
}

/**
 * The lower of two levels.
 * @example
 * lowerLevel("excellent", "completed") // "completed"
 */
export function lowerLevel(a: ClassificationLevel, b: ClassificationLevel): ClassificationLevel {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * True when `level` is at least `atLeast`.
 * @example
 * isAtLeast("good", "good") // true
 */
export function isAtLeast(level: ClassificationLevel, atLeast: ClassificationLevel): boolean {
  return RANK[level] >= RANK[atLeast];
}
