import type { CapRule } from "./types.js";

/**
 * 124-QĐ/TW (rules.md §7.1): a disciplined subordinate or leadership member bars "xuất sắc"; "tốt" and
 * "hoàn thành" also require none, except when the unit found and fixed the problem itself.
 */
export const discipline124: CapRule = (unit) => {
  const d = unit.discipline;
  if (!d?.disciplined) return null;
  const maxLevel = d.selfCorrected ? "good" : "not_completed";
  return {
    maxLevel,
    verified: true,
    reason: { code: "cap.discipline_124", path: ["discipline"], params: { maxLevel, selfCorrected: d.selfCorrected, basis: "124-QĐ/TW" } },
  };
};
