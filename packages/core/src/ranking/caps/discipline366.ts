import type { CapRule } from "./types.js";

/** 366-QĐ/TW Art. 11 (rules.md §7.2): "xuất sắc" requires no disciplined subordinate unit or leadership member. */
export const discipline366: CapRule = (unit) => {
  if (!unit.discipline?.disciplined) return null;
  return {
    maxLevel: "good",
    verified: true,
    reason: { code: "cap.discipline_366", path: ["discipline"], params: { maxLevel: "good", basis: "366-QĐ/TW" } },
  };
};
