import { type UnitChange, canChangeUnit as coreCanChangeUnit, roleMay, unitTreeFromParents } from "@ntm/core";
import type { SessionUser } from "../api/types";

export type { UnitChange };

/** What the signed-in role may see and do in the UI (the API enforces the same policy, @ntm/core's, again per unit). */
export interface Capabilities {
  /** See the province/district overview (roll-up). */
  overview: boolean;
  /** Enter or correct indicator values (policy `values.write`). */
  editValues: boolean;
  /** Upload CSV/XLSX in bulk (policy `values.write`). */
  bulkImport: boolean;
  /** Upload a provincial criteria pack (policy `packs.upload`). */
  uploadPack: boolean;
  /** Read the audit log and inspections in scope (policy `audit.read`). */
  inspect: boolean;
  /** See the annual ranking. */
  ranking: boolean;
  /** Record plan reports and task progress (policy `plan.write`). */
  planWrite: boolean;
  /** Write an own implementing plan (III.1 "cụ thể hóa") and propose adjustments to its parent (policy `plan.implement`). */
  planImplement: boolean;
  /** Keep the administrative unit tree within scope (policy `units.manage`); see {@link canChangeUnit}. */
  manageUnits: boolean;
  /** Open the people page (policy `users.manage`: admins; province officers within their scope). The API decides each write. */
  manageUsers: boolean;
  /** Publish or withdraw a year's results (policy `results.publish`: admins; province officers in scope). */
  publishResults: boolean;
  /** Approve (lock) and unlock the values of units below their scope, and follow reporting completeness (policy `values.approve`). */
  approveValues: boolean;
}

/**
 * Derives the UI capabilities of a user from @ntm/core's access policy (`roleMay`: the role is granted
 * the action inside its scope). Two are screen choices, not policy: a commune officer works on their
 * own commune only, so the overview and the ranking of a whole province are hidden from them.
 * @example
 * capabilitiesOf({ role: "viewer" } as SessionUser).editValues // false
 */
export function capabilitiesOf(user: Pick<SessionUser, "role"> | null): Capabilities {
  if (!user)
    return {
      overview: false,
      editValues: false,
      bulkImport: false,
      uploadPack: false,
      inspect: false,
      ranking: false,
      planWrite: false,
      planImplement: false,
      manageUnits: false,
      manageUsers: false,
      publishResults: false,
      approveValues: false,
    };
  const r = user.role;
  return {
    overview: r !== "commune_officer",
    editValues: roleMay(r, "values.write"),
    bulkImport: roleMay(r, "values.write"),
    uploadPack: roleMay(r, "packs.upload"),
    inspect: roleMay(r, "audit.read"),
    ranking: r !== "commune_officer",
    planWrite: roleMay(r, "plan.write"),
    planImplement: roleMay(r, "plan.implement"),
    manageUnits: roleMay(r, "units.manage"),
    manageUsers: roleMay(r, "users.manage"),
    publishResults: roleMay(r, "results.publish"),
    approveValues: roleMay(r, "values.approve"),
  };
}

/**
 * Whether the unit page offers a change to the tree: @ntm/core's `canChangeUnit` over the tree the page
 * holds (`parents` maps each known unit to its parent; an unknown unit is refused). The API decides
 * again on every write.
 * @example
 * canChangeUnit({ role: "province_officer", scopeUnitId: "p" }, { kind: "create", parentId: "c-01-01" }, parents) // true
 * canChangeUnit({ role: "province_officer", scopeUnitId: "p" }, { kind: "delete", unitId: "p" }, parents) // false: their own scope root
 */
export function canChangeUnit(
  user: Pick<SessionUser, "role" | "scopeUnitId"> | null,
  change: UnitChange,
  parents: ReadonlyMap<string, string | null>,
): boolean {
  return coreCanChangeUnit(user, change, unitTreeFromParents(parents));
}
