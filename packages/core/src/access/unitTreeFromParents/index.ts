import type { UnitTreeView } from "../policy.js";

/**
 * The policy's view of a unit tree given as each unit's parent (null at the top), as a client holds it.
 * @example
 * unitTreeFromParents(new Map([["p", null], ["c", "p"]])).parentOf("c") // "p"
 */
export function unitTreeFromParents(parents: ReadonlyMap<string, string | null>): UnitTreeView {
  return { parentOf: (id) => parents.get(id) ?? undefined, has: (id) => parents.has(id) };
}
