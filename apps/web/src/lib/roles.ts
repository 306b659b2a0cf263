import type { Role, SessionUser } from "../api/types";

/** What the signed-in role may see and do in the UI (the API enforces the same rules again). */
export interface Capabilities {
  /** See the province/district overview (roll-up). */
  overview: boolean;
  /** Enter or correct indicator values (within scope). */
  editValues: boolean;
  /** Upload CSV/XLSX in bulk. */
  bulkImport: boolean;
  /** Upload a provincial criteria pack. */
  uploadPack: boolean;
  /** Read the audit log and inspections in scope. */
  inspect: boolean;
  /** See the annual ranking. */
  ranking: boolean;
  /** Record plan reports and task progress (policy `plan.write`). */
  planWrite: boolean;
  /** Keep the administrative unit tree within scope (policy `units.manage`); see {@link canChangeUnit}. */
  manageUnits: boolean;
  /** Open the people page (policy `users.manage`: admins; province officers within their scope). The API decides each write. */
  manageUsers: boolean;
  /** Publish or withdraw a year's results (policy `results.publish`: admins; province officers in scope). */
  publishResults: boolean;
}

const EDITORS: readonly Role[] = ["admin", "province_officer", "district_officer", "commune_officer"];

/**
 * Derives the UI capabilities of a user from their role. A commune officer works on their own
 * commune only, so the overview of a whole province is hidden from them.
 * @example
 * capabilitiesOf({ role: "viewer" } as SessionUser).editValues // false
 */
export function capabilitiesOf(user: Pick<SessionUser, "role"> | null): Capabilities {
  if (!user) return { overview: false, editValues: false, bulkImport: false, uploadPack: false, inspect: false, ranking: false, planWrite: false, manageUnits: false, manageUsers: false, publishResults: false };
  const r = user.role;
  return {
    overview: r !== "commune_officer",
    editValues: EDITORS.includes(r),
    bulkImport: EDITORS.includes(r),
    uploadPack: r === "admin" || r === "province_officer",
    inspect: r === "admin" || r === "inspector",
    ranking: r !== "commune_officer",
    planWrite: r === "admin" || r === "province_officer" || r === "district_officer",
    manageUnits: r === "admin" || r === "province_officer",
    manageUsers: r === "admin" || r === "province_officer",
    publishResults: r === "admin" || r === "province_officer",
  };
}

/**
 * A change to the administrative unit tree, as the API's policy sees it (apps/api/src/auth/policy.ts).
 * `parentId: null` means the top of the tree (a province).
 */
export type UnitChange =
  | { kind: "create"; parentId: string | null }
  | { kind: "update"; unitId: string }
  | { kind: "move"; unitId: string; parentId: string | null }
  | { kind: "delete"; unitId: string };

/** True when `unitId` is `ancestorId` or below it in the tree given as each unit's parent. */
function isWithin(parents: ReadonlyMap<string, string | null>, unitId: string, ancestorId: string): boolean {
  let cur: string | null | undefined = unitId;
  for (let guard = 0; cur !== null && cur !== undefined && guard < 64; guard++) {
    if (cur === ancestorId) return true;
    cur = parents.get(cur);
  }
  return false;
}

/**
 * Whether the unit page offers a change to the tree, by the API's rule: admins anywhere; province
 * officers on units inside their scope (the new parent included), never moving or deleting their own
 * scope root, never adding or moving anything to the top. `parents` maps each known unit to its parent;
 * an unknown unit is refused. The API decides again on every write.
 * @example
 * canChangeUnit({ role: "province_officer", scopeUnitId: "p" }, { kind: "create", parentId: "c-01-01" }, parents) // true
 * canChangeUnit({ role: "province_officer", scopeUnitId: "p" }, { kind: "delete", unitId: "p" }, parents) // false: their own scope root
 */
export function canChangeUnit(user: Pick<SessionUser, "role" | "scopeUnitId"> | null, change: UnitChange, parents: ReadonlyMap<string, string | null>): boolean {
  if (!user) return false;
  const manage = (unitId: string) => parents.has(unitId) && (user.role === "admin" || (user.role === "province_officer" && isWithin(parents, unitId, user.scopeUnitId)));
  const parentOk = (parentId: string | null) => (parentId === null ? user.role === "admin" : manage(parentId));
  const belowScope = (unitId: string) => user.role === "admin" || unitId !== user.scopeUnitId;
  switch (change.kind) {
    case "create":
      return parentOk(change.parentId);
    case "update":
      return manage(change.unitId);
    case "move":
      return manage(change.unitId) && belowScope(change.unitId) && parentOk(change.parentId);
    case "delete":
      return manage(change.unitId) && belowScope(change.unitId);
  }
}
