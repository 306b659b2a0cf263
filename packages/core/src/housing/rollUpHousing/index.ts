import { type Result, fail, ok } from "../../errors/index.js";
import { type UnitLink, subtreeIds } from "../../resources/_lib/subtree.js";
import { type HousingSummary, summariseHouses } from "../_lib/summarise.js";
import type { House } from "../schema.js";

/**
 * Rolls the housing programme up a unit subtree (a province and its communes) given parent links:
 * one summary over every house of every unit in the subtree. Fails with `not_found` for an unknown
 * root and `invalid_input` for duplicate ids or a cycle.
 * @example
 * rollUpHousing(houses, [{ id: "p" }, { id: "x1", parentId: "p" }, { id: "x2", parentId: "p" }], "p")
 * // { ok: true, value: { unitId: "p", unitIds: ["p", "x1", "x2"], remaining: 3, ... } }
 */
export function rollUpHousing(houses: readonly House[], units: readonly UnitLink[], rootId: string): Result<HousingSummary> {
  const ids = subtreeIds(units, rootId);
  if (!ids.ok) return fail(ids.kind, ids.issues);
  const inTree = new Set(ids.value);
  // a house may be recorded against a hamlet's commune or directly against any unit in the tree
  return ok(
    summariseHouses(
      houses.filter((h) => inTree.has(h.communeUnitId)),
      rootId,
      ids.value,
    ),
  );
}
