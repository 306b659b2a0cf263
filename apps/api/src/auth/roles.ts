import { ROLE_LABELS } from "@ntm/core";
import type { Role } from "./policy.js";

/** A role as GET /v1/roles shows it: its id and its name in Vietnamese and English. */
export interface RoleInfo {
  id: Role;
  label: { vi: string; en: string };
}

/**
 * The roles of the policy with their names (core's ROLE_LABELS), in the policy's order.
 * @example
 * roleInfos(["admin"]) // [{ id: "admin", label: { vi: "Quản trị hệ thống", en: "Administrator" } }]
 */
export function roleInfos(roles: readonly Role[]): RoleInfo[] {
  return roles.map((id) => ({ id, label: ROLE_LABELS[id] }));
}
