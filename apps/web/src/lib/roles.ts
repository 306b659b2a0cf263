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
}

const EDITORS: readonly Role[] = ["admin", "province_officer", "district_officer", "commune_officer"];

/**
 * Derives the UI capabilities of a user from their role. A commune officer works on their own
 * commune only, so the overview of a whole province is hidden from them.
 * @example
 * capabilitiesOf({ role: "viewer" } as SessionUser).editValues // false
 */
export function capabilitiesOf(user: Pick<SessionUser, "role"> | null): Capabilities {
  if (!user) return { overview: false, editValues: false, bulkImport: false, uploadPack: false, inspect: false, ranking: false, planWrite: false };
  const r = user.role;
  return {
    overview: r !== "commune_officer",
    editValues: EDITORS.includes(r),
    bulkImport: EDITORS.includes(r),
    uploadPack: r === "admin" || r === "province_officer",
    inspect: r === "admin" || r === "inspector",
    ranking: r !== "commune_officer",
    planWrite: r === "admin" || r === "province_officer" || r === "district_officer",
  };
}
