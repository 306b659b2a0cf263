import { ACCESS_POLICY, type AccessActor, type Action, type UnitTreeView } from "../policy.js";
import { isWithin } from "../isWithin/index.js";
import { roleMay } from "../roleMay/index.js";

/**
 * Decides whether `actor` may perform `action` on `unitId`. No actor (signed out) may do nothing: they
 * see only published results. An unknown unit is refused. Admins may do everything on every known
 * unit; anyone else needs a role the action's rule names ({@link ACCESS_POLICY}) and the unit inside
 * their scope (strictly below its root for reviews).
 * @example
 * can({ role: "commune_officer", scopeUnitId: "c1" }, "values.write", "c1", tree) // true
 * can({ role: "commune_officer", scopeUnitId: "c1" }, "dossier.review", "c1", tree) // false: reviews belong to the level above
 */
export function can(actor: AccessActor | null | undefined, action: Action, unitId: string, tree: UnitTreeView): boolean {
  if (!actor || !tree.has(unitId)) return false;
  if (actor.role === "admin") return true;
  if (!roleMay(actor.role, action)) return false;
  const inside = isWithin(tree, unitId, actor.scopeUnitId);
  return ACCESS_POLICY[action].scope === "below_scope" ? inside && unitId !== actor.scopeUnitId : inside;
}
