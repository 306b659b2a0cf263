import type { LocalizedText } from "../schemas/common.js";

/**
 * Roles of the people who use the software. `district_officer` is historical (districts were
 * abolished on 1/7/2025). The last four are the bodies the NTM programme names besides the
 * administration: Ban Thường vụ, Ban Tuyên giáo, Mặt trận Tổ quốc và các đoàn thể, Văn phòng điều phối.
 */
export const ROLES = [
  "admin",
  "province_officer",
  "district_officer",
  "commune_officer",
  "inspector",
  "viewer",
  "standing_board",
  "propaganda_board",
  "front_org",
  "coordination_office",
] as const;
export type Role = (typeof ROLES)[number];

/** Role names, Vietnamese first. */
export const ROLE_LABELS: Readonly<Record<Role, LocalizedText>> = {
  admin: { vi: "Quản trị hệ thống", en: "Administrator" },
  province_officer: { vi: "Cán bộ tỉnh", en: "Province officer" },
  district_officer: { vi: "Cán bộ huyện (trước 01/7/2025)", en: "District officer (before 1/7/2025)" },
  commune_officer: { vi: "Cán bộ xã", en: "Commune officer" },
  inspector: { vi: "Thanh tra", en: "Inspector" },
  viewer: { vi: "Người xem", en: "Viewer" },
  standing_board: { vi: "Ban Thường vụ", en: "Standing Board" },
  propaganda_board: { vi: "Ban Tuyên giáo", en: "Propaganda Board" },
  front_org: { vi: "Mặt trận Tổ quốc và các đoàn thể", en: "Fatherland Front and mass organisations" },
  coordination_office: { vi: "Văn phòng điều phối nông thôn mới", en: "NTM coordination office" },
};

/** Actions the policy decides on. */
export const ACTIONS = [
  "read",
  "values.write",
  "values.approve",
  "dossier.self_assess",
  "dossier.review",
  "inspection.write",
  "plan.write",
  "plan.implement",
  "plan.approve",
  "ranking.approve",
  "propaganda.write",
  "supervision.write",
  "packs.upload",
  "results.publish",
  "audit.read",
  "users.manage",
  "units.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/** Action names, Vietnamese first (what a refusal names instead of the action id). */
export const ACTION_LABELS: Readonly<Record<Action, LocalizedText>> = {
  read: { vi: "xem", en: "read" },
  "values.write": { vi: "nhập số liệu", en: "enter values" },
  "values.approve": { vi: "duyệt (khóa) số liệu", en: "approve (lock) values" },
  "dossier.self_assess": { vi: "lập hồ sơ tự đánh giá", en: "prepare the self-assessment dossier" },
  "dossier.review": { vi: "thẩm tra, thẩm định hồ sơ", en: "review dossiers" },
  "inspection.write": { vi: "ghi kiểm tra, giám sát", en: "record inspections" },
  "plan.write": { vi: "soạn kế hoạch", en: "write plans" },
  "plan.implement": { vi: "thực hiện kế hoạch", en: "implement plans" },
  "plan.approve": { vi: "phê duyệt kế hoạch", en: "approve plans" },
  "ranking.approve": { vi: "phê duyệt xếp hạng", en: "approve rankings" },
  "propaganda.write": { vi: "ghi tuyên truyền", en: "record propaganda work" },
  "supervision.write": { vi: "ghi giám sát, phản biện", en: "record supervision" },
  "packs.upload": { vi: "tải lên bộ tiêu chí", en: "upload criteria packs" },
  "results.publish": { vi: "công khai kết quả", en: "publish results" },
  "audit.read": { vi: "xem nhật ký thay đổi", en: "read the change log" },
  "users.manage": { vi: "quản lý người dùng", en: "manage users" },
  "units.manage": { vi: "quản lý đơn vị hành chính", en: "manage administrative units" },
};

/** Where an action may be taken: anywhere in the actor's scope, or only strictly below its root. */
export type AccessScope = "in_scope" | "below_scope";

/** Who may take an action (admins always may, anywhere) and where. */
export interface AccessRule {
  roles: readonly Role[] | "any";
  scope: AccessScope;
}

const OFFICERS = ["province_officer", "district_officer", "commune_officer"] as const;

/**
 * The access policy as data: one rule per action. Admins are decided once, before the table (every
 * action, every known unit). Choices that are the tool's, not a text's: the coordination office
 * (Văn phòng điều phối) enters values and drafts plans for the steering committee; the Standing Board
 * (Ban Thường vụ) approves plans and rankings and reads everything in scope; reviews of a dossier
 * belong to the level above (strictly below the reviewer's scope root).
 */
export const ACCESS_POLICY: Readonly<Record<Action, AccessRule>> = {
  read: { roles: "any", scope: "in_scope" },
  "values.write": { roles: [...OFFICERS, "coordination_office"], scope: "in_scope" },
  /** Approving (locking) and unlocking a unit-year's submitted values belongs to the level above, as in DHIS2. */
  "values.approve": { roles: ["province_officer", "district_officer"], scope: "below_scope" },
  "dossier.self_assess": { roles: ["commune_officer"], scope: "in_scope" },
  "dossier.review": { roles: ["province_officer", "district_officer"], scope: "below_scope" },
  "inspection.write": { roles: ["inspector"], scope: "in_scope" },
  "plan.write": { roles: ["province_officer", "district_officer", "coordination_office"], scope: "in_scope" },
  /**
   * Writing an organisation's own implementing plan (III.1 "cụ thể hóa": a plan whose parent is another
   * plan) and proposing adjustments to the parent from it. Every body the Directive 63 plan assigns
   * work to: the administration at each level (a commune's government included), the coordination
   * office, the Propaganda Board and the Front with the mass organisations. The parent plan stays its
   * owner's (`plan.write`): accepting or refusing a proposal needs `plan.write` on the parent's unit.
   */
  "plan.implement": {
    roles: [...OFFICERS, "coordination_office", "propaganda_board", "front_org"],
    scope: "in_scope",
  },
  "plan.approve": { roles: ["standing_board"], scope: "in_scope" },
  "ranking.approve": { roles: ["standing_board"], scope: "in_scope" },
  "propaganda.write": { roles: ["propaganda_board"], scope: "in_scope" },
  "supervision.write": { roles: ["front_org"], scope: "in_scope" },
  "packs.upload": { roles: ["province_officer"], scope: "in_scope" },
  "results.publish": { roles: ["province_officer"], scope: "in_scope" },
  "audit.read": { roles: ["inspector"], scope: "in_scope" },
  /** Province officers manage the accounts scoped inside their province; only admins create admins ({@link canAssignRole}). */
  "users.manage": { roles: ["province_officer"], scope: "in_scope" },
  /** Keeping the unit tree (create, rename, move, delete) is the provincial office's job. */
  "units.manage": { roles: ["province_officer"], scope: "in_scope" },
};

/** The actor as the policy sees it: a role scoped to a unit subtree. */
export interface AccessActor {
  role: Role;
  scopeUnitId: string;
}

/** The part of the unit tree the policy needs. */
export interface UnitTreeView {
  parentOf(unitId: string): string | undefined;
  has(unitId: string): boolean;
}
