/**
 * The access policy written out by hand, role by role: the expected answer of `can` for every role and
 * action, as "where": `anywhere` (admins), `in_scope` (the scope root and below), `below_scope` (strictly
 * below the root) or `never`. It is the shared table of the policy tests in core and in the web app
 * (apps/web/src/lib/roles.test.ts), written independently of {@link ACCESS_POLICY} so that a change
 * to either shows. Not part of the public API.
 */
import type { Action, Role } from "./policy.js";

export type Where = "anywhere" | "in_scope" | "below_scope" | "never";

const ALL_ACTIONS: readonly Action[] = [
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
];

/** Builds a role's row: the actions listed get their "where", every other action `never`. */
function row(granted: Partial<Record<Action, Where>>): Record<Action, Where> {
  return Object.fromEntries(ALL_ACTIONS.map((a) => [a, granted[a] ?? "never"])) as Record<Action, Where>;
}

export const POLICY_TABLE: Readonly<Record<Role, Readonly<Record<Action, Where>>>> = {
  admin: Object.fromEntries(ALL_ACTIONS.map((a) => [a, "anywhere"])) as Record<Action, Where>,
  province_officer: row({
    read: "in_scope",
    "values.write": "in_scope",
    "values.approve": "below_scope",
    "dossier.review": "below_scope",
    "plan.write": "in_scope",
    "plan.implement": "in_scope",
    "packs.upload": "in_scope",
    "results.publish": "in_scope",
    "users.manage": "in_scope",
    "units.manage": "in_scope",
  }),
  district_officer: row({
    read: "in_scope",
    "values.write": "in_scope",
    "values.approve": "below_scope",
    "dossier.review": "below_scope",
    "plan.write": "in_scope",
    "plan.implement": "in_scope",
  }),
  commune_officer: row({
    read: "in_scope",
    "values.write": "in_scope",
    "dossier.self_assess": "in_scope",
    "plan.implement": "in_scope",
  }),
  inspector: row({ read: "in_scope", "inspection.write": "in_scope", "audit.read": "in_scope" }),
  viewer: row({ read: "in_scope" }),
  standing_board: row({ read: "in_scope", "plan.approve": "in_scope", "ranking.approve": "in_scope" }),
  propaganda_board: row({ read: "in_scope", "propaganda.write": "in_scope", "plan.implement": "in_scope" }),
  front_org: row({ read: "in_scope", "supervision.write": "in_scope", "plan.implement": "in_scope" }),
  coordination_office: row({ read: "in_scope", "values.write": "in_scope", "plan.write": "in_scope", "plan.implement": "in_scope" }),
};

/** Where a case's target unit sits relative to the actor's scope. */
export type Position = "scope_root" | "below_root" | "outside";

/**
 * The expected answer for a role, an action and a target position.
 * @example
 * expected("commune_officer", "dossier.review", "below_root") // false
 */
export function expected(role: Role, action: Action, position: Position): boolean {
  const w = POLICY_TABLE[role][action];
  if (w === "anywhere") return true;
  if (w === "never" || position === "outside") return false;
  return w === "in_scope" || position === "below_root";
}
