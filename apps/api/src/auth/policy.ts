/**
 * Who may do what, where: the ONE policy module. A pure function of the user, the action, the target
 * unit and the unit tree; no IO. Routes ask `can(...)` and never decide on roles themselves.
 */

/** Roles. `district_officer` is historical (districts were abolished on 1/7/2025). */
export const ROLES = ["admin", "province_officer", "district_officer", "commune_officer", "inspector", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Actions the policy decides on. */
export const ACTIONS = [
  "read",
  "values.write",
  "dossier.self_assess",
  "dossier.review",
  "inspection.write",
  "plan.write",
  "packs.upload",
  "results.publish",
  "audit.read",
  "users.manage",
  "units.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/** The authenticated user as the policy sees it: a role scoped to a unit subtree. */
export interface Principal {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId: string;
}

/** The part of the unit tree the policy needs. */
export interface UnitTreeView {
  parentOf(unitId: string): string | undefined;
  has(unitId: string): boolean;
}

/**
 * True when `unitId` is `ancestorId` or below it.
 * @example
 * isWithin(tree, "hamlet-1", "commune-1") // true
 */
export function isWithin(tree: UnitTreeView, unitId: string, ancestorId: string): boolean {
  let cur: string | undefined = unitId;
  for (let guard = 0; cur !== undefined && guard < 64; guard++) {
    if (cur === ancestorId) return true;
    cur = tree.parentOf(cur);
  }
  return false;
}

type Rule = (user: Principal, unitId: string, tree: UnitTreeView) => boolean;

const inScope: Rule = (u, id, t) => isWithin(t, id, u.scopeUnitId);
/** Reviewing steps belong to the level above: the unit must be strictly below the reviewer's scope. */
const strictlyBelow: Rule = (u, id, t) => id !== u.scopeUnitId && isWithin(t, id, u.scopeUnitId);
const roles = (allowed: readonly Role[], rule: Rule): Rule => (u, id, t) => allowed.includes(u.role) && rule(u, id, t);

/** One rule per action; admin is handled once, before the table. */
const RULES: Readonly<Record<Action, Rule>> = {
  read: inScope,
  "values.write": roles(["province_officer", "district_officer", "commune_officer"], inScope),
  "dossier.self_assess": roles(["commune_officer"], inScope),
  "dossier.review": roles(["province_officer", "district_officer"], strictlyBelow),
  "inspection.write": roles(["inspector"], inScope),
  "plan.write": roles(["province_officer", "district_officer"], inScope),
  "packs.upload": roles(["province_officer"], inScope),
  "results.publish": roles(["province_officer"], inScope),
  "audit.read": roles(["inspector"], inScope),
  "users.manage": () => false,
  /** Keeping the unit tree (create, rename, move, delete) is the provincial office's job. */
  "units.manage": roles(["province_officer"], inScope),
};

/**
 * Decides whether `user` may perform `action` on `unitId`. Unauthenticated users (null) may do
 * nothing here: they see only published results through the public routes.
 * @example
 * can({ id: "u", username: "xa", displayName: "Xã", role: "commune_officer", scopeUnitId: "c1" }, "values.write", "c1", tree) // true
 * can(communeOfficer, "dossier.review", "c1", tree) // false: reviews belong to the level above
 */
export function can(user: Principal | null, action: Action, unitId: string, tree: UnitTreeView): boolean {
  if (!user || !tree.has(unitId)) return false;
  if (user.role === "admin") return true;
  return RULES[action](user, unitId, tree);
}

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
 * Decides whether `user` may make a change to the unit tree. Admins may change any known unit and add
 * provinces. Anyone else needs "units.manage" on every unit the change touches (the new parent included),
 * and may not move or delete their own scope root (that would change what lies above their scope) nor
 * create or move anything to the top of the tree.
 * @example
 * canChangeUnit(tinh, { kind: "create", parentId: "p" }, tree) // true: a commune under the officer's province
 * canChangeUnit(tinh, { kind: "move", unitId: "p", parentId: null }, tree) // false: their own scope root
 */
export function canChangeUnit(user: Principal | null, change: UnitChange, tree: UnitTreeView): boolean {
  if (!user) return false;
  const parentOk = (parentId: string | null) => (parentId === null ? user.role === "admin" : can(user, "units.manage", parentId, tree));
  const belowScope = (unitId: string) => user.role === "admin" || unitId !== user.scopeUnitId;
  switch (change.kind) {
    case "create":
      return parentOk(change.parentId);
    case "update":
      return can(user, "units.manage", change.unitId, tree);
    case "move":
      return can(user, "units.manage", change.unitId, tree) && belowScope(change.unitId) && parentOk(change.parentId);
    case "delete":
      return can(user, "units.manage", change.unitId, tree) && belowScope(change.unitId);
  }
}
