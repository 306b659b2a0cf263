import type { AccessActor, Role, UnitTreeView } from "../policy.js";
import { can } from "../can/index.js";

/**
 * Whether `actor` may give an account `role` scoped to `scopeUnitId` (creating it, or changing its
 * role or scope): "users.manage" on that scope, and only an admin may make an admin. When changing an
 * existing account, call it for the account as it is too (`current`): a province officer may not take
 * over an account from outside their province, nor change an admin.
 * @example
 * canAssignRole(tinh, { role: "commune_officer", scopeUnitId: "c-01-01" }, tree) // true
 * canAssignRole(tinh, { role: "admin", scopeUnitId: "p-demo" }, tree) // false
 */
export function canAssignRole(
  actor: AccessActor | null | undefined,
  target: { role: Role; scopeUnitId: string },
  tree: UnitTreeView,
  current?: { role: Role; scopeUnitId: string },
): boolean {
  if (!actor) return false;
  const allowed = (t: { role: Role; scopeUnitId: string }) =>
    can(actor, "users.manage", t.scopeUnitId, tree) && (t.role !== "admin" || actor.role === "admin");
  return allowed(target) && (current === undefined || allowed(current));
}
