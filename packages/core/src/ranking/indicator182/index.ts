import { type ClassificationLevel, isAtLeast } from "../levels.js";

/**
 * Indicator 18.2 of the commune NTM set (QĐ 318/QĐ-TTg): the commune Party committee and government
 * are both rated "hoàn thành tốt nhiệm vụ" or higher.
 * @example
 * indicator182FromClassification("excellent", "good") // true
 * indicator182FromClassification("good", "completed") // false
 */
export function indicator182FromClassification(partyCommittee: ClassificationLevel, government: ClassificationLevel): boolean {
  return isAtLeast(partyCommittee, "good") && isAtLeast(government, "good");
}
