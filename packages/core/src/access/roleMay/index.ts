import { ACCESS_POLICY, type Action, type Role } from "../policy.js";

/**
 * Whether a role is granted an action somewhere (inside its scope), regardless of the unit: what a
 * user interface shows or hides before a unit is chosen. The API still decides per unit with `can`.
 * @example
 * roleMay("viewer", "values.write") // false
 * roleMay("province_officer", "dossier.review") // true (below their scope root)
 */
export function roleMay(role: Role, action: Action): boolean {
  if (role === "admin") return true;
  const rule = ACCESS_POLICY[action];
  return rule.roles === "any" || rule.roles.includes(role);
}
