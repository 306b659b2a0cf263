import type { AccessActor, UnitTreeView } from "../policy.js";
import { can } from "../can/index.js";

/**
 * A change to the administrative tree, as the policy sees it: which units it touches.
 * `parentId: null` means the top of the tree (a province).
 */
export type UnitChange =
  | { kind: "create"; parentId: string | null }
  | { kind: "update"; unitId: string }
  | { kind: "move"; unitId: string; parentId: string | null }
  | { kind: "delete"; unitId: string };

/**
 * Decides whether `actor` may make a change to the unit tree. Admins may change any known unit and add
 * provinces. Anyone else needs "units.manage" on every unit the change touches (the new parent
 * included), and may not move or delete their own scope root (that would change what lies above their
 * scope) nor create or move anything to the top of the tree.
 * @example
 * canChangeUnit({ role: "province_officer", scopeUnitId: "p" }, { kind: "create", parentId: "p" }, tree) // true
 * canChangeUnit({ role: "province_officer", scopeUnitId: "p" }, { kind: "move", unitId: "p", parentId: null }, tree) // false: their own scope root
 */
export function canChangeUnit(actor: AccessActor | null | undefined, change: UnitChange, tree: UnitTreeView): boolean {
  if (!actor) return false;
  const parentOk = (parentId: string | null) => (parentId === null ? actor.role === "admin" : can(actor, "units.manage", parentId, tree));
  const belowScope = (unitId: string) => actor.role === "admin" || unitId !== actor.scopeUnitId;
  switch (change.kind) {
    case "create":
      return parentOk(change.parentId);
    case "update":
      return can(actor, "units.manage", change.unitId, tree);
    case "move":
      return can(actor, "units.manage", change.unitId, tree) && belowScope(change.unitId) && parentOk(change.parentId);
    case "delete":
      return can(actor, "units.manage", change.unitId, tree) && belowScope(change.unitId);
  }
}
