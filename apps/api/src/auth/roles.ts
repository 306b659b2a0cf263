import type { Principal, Role } from "./policy.js";

/** A role as GET /v1/roles shows it: its id and its name in Vietnamese and English. */
export interface RoleInfo {
  id: Role;
  label: { vi: string; en: string };
}

/**
 * Names of roles, Vietnamese first. Keyed by string so that roles added to the policy later show up
 * (with their id as the name until one is written here); the roles the seed names are already listed.
 */
const ROLE_LABELS: Readonly<Record<string, { vi: string; en: string }>> = {
  admin: { vi: "Quản trị hệ thống", en: "Administrator" },
  province_officer: { vi: "Cán bộ tỉnh", en: "Province officer" },
  district_officer: { vi: "Cán bộ huyện (trước 1/7/2025)", en: "District officer (before 1/7/2025)" },
  commune_officer: { vi: "Cán bộ xã", en: "Commune officer" },
  inspector: { vi: "Ủy ban Kiểm tra", en: "Inspection Committee" },
  viewer: { vi: "Người xem", en: "Viewer" },
  standing_board: { vi: "Ban Thường vụ", en: "Standing Board" },
  propaganda_board: { vi: "Ban Tuyên giáo", en: "Propaganda Board" },
  front_org: { vi: "Mặt trận Tổ quốc và các đoàn thể", en: "Fatherland Front and mass organisations" },
  coordination_office: { vi: "Văn phòng điều phối NTM", en: "NTM coordination office" },
};

/**
 * The roles of the policy with their names, in the policy's order.
 * @example
 * roleInfos(["admin"]) // [{ id: "admin", label: { vi: "Quản trị hệ thống", en: "Administrator" } }]
 */
export function roleInfos(roles: readonly Role[]): RoleInfo[] {
  return roles.map((id) => ({ id, label: ROLE_LABELS[id] ?? { vi: id, en: id } }));
}

/**
 * Only an administrator may make someone an administrator (or change an administrator's account):
 * a scoped officer managing people in their scope cannot grant more than a scope.
 * @example
 * mayGrantRole({ role: "province_officer" } as Principal, "admin") // false
 */
export function mayGrantRole(actor: Principal, role: string): boolean {
  return actor.role === "admin" || role !== "admin";
}
