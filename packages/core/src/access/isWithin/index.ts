import type { UnitTreeView } from "../policy.js";

/**
 * True when `unitId` is `ancestorId` or below it (at most 64 levels are followed).
 * @example
 * isWithin(tree, "hamlet-1", "commune-1") // true
 */
export function isWithin(tree: Pick<UnitTreeView, "parentOf">, unitId: string, ancestorId: string): boolean {
  let cur: string | undefined = unitId;
  for (let guard = 0; cur !== undefined && guard < 64; guard++) {
    if (cur === ancestorId) return true;
    cur = tree.parentOf(cur);
  }
  return false;
}
