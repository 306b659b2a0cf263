import type { Context } from "hono";
import { type Action, type Reason, type Role, can, canAssignRole, canReadPlan } from "@ntm/core";
import type { Principal } from "../auth/policy.js";
import type { AppEnv } from "../context.js";
import { type UnitTree, loadTree } from "../units.js";
import { ApiError } from "./problem.js";

/**
 * The signed-in user, or a 401 problem.
 * @example
 * const user = requireUser(c);
 */
export function requireUser(c: Context<AppEnv>): Principal {
  const user = c.get("user");
  if (!user) throw new ApiError("unauthenticated", "Cần đăng nhập / Sign in first (session cookie or Bearer token)");
  return user;
}

/**
 * Loads the unit tree and checks that the unit exists (404) and that the user may act on it (403).
 * @example
 * const { user, tree } = await authorize(c, "values.write", unitId);
 */
export async function authorize(c: Context<AppEnv>, action: Action, unitId: string): Promise<{ user: Principal; tree: UnitTree }> {
  const user = requireUser(c);
  const tree = await loadTree(c.get("deps").db);
  if (!tree.has(unitId)) throw new ApiError("not_found", `Không tìm thấy đơn vị / Unit "${unitId}" not found`);
  if (!can(user, action, unitId, tree)) throw ApiError.fromReason("forbidden", refusal("access.forbidden", user, tree, { action, unitId }));
  return { user, tree };
}

/**
 * A refusal as core's reason: role, action and units by id in the params (for integrators), the
 * scope's and unit's names beside them so the wording (core's catalog) names roles and places.
 */
function refusal(code: string, user: Principal, tree: UnitTree, more: { action?: Action; unitId?: string } = {}): Reason {
  const params: Record<string, unknown> = {
    role: user.role,
    scopeUnitId: user.scopeUnitId,
    scopeName: tree.byId.get(user.scopeUnitId)?.name ?? user.scopeUnitId,
  };
  if (more.action !== undefined) params["action"] = more.action;
  if (more.unitId !== undefined) {
    params["unitId"] = more.unitId;
    params["unitName"] = tree.byId.get(more.unitId)?.name ?? more.unitId;
  }
  return { code, path: [], params };
}

/**
 * Checks an action that is not tied to one unit (users, tokens) against the user's own scope.
 * @example
 * await authorizeGlobal(c, "users.manage");
 */
export async function authorizeGlobal(c: Context<AppEnv>, action: Action): Promise<{ user: Principal; tree: UnitTree }> {
  const user = requireUser(c);
  return authorize(c, action, user.scopeUnitId);
}

/**
 * Checks that the signed-in user may give an account a role and scope (core `canAssignRole`): user
 * management on that scope, and only admins make admins. With `current`, the account as it is must be
 * theirs to manage too. 404 when the scope unit does not exist, 403 otherwise.
 * @example
 * await authorizeAccount(c, { role: "viewer", scopeUnitId: "c-01-01" });
 */
export async function authorizeAccount(
  c: Context<AppEnv>,
  target: { role: Role; scopeUnitId: string },
  current?: { role: Role; scopeUnitId: string },
): Promise<{ user: Principal; tree: UnitTree }> {
  const { user, tree } = await authorize(c, "users.manage", target.scopeUnitId);
  if (!canAssignRole(user, target, tree, current)) throw ApiError.fromReason("forbidden", refusal("access.account_forbidden", user, tree));
  return { user, tree };
}

/**
 * Checks that the signed-in user may read a plan of `unitId` (core `canReadPlan`: their scope, or a
 * unit above it whose plan they implement). 404 for an unknown unit, 403 otherwise.
 * @example
 * const { user, tree } = await authorizePlanRead(c, row.unitId);
 */
export async function authorizePlanRead(c: Context<AppEnv>, unitId: string): Promise<{ user: Principal; tree: UnitTree }> {
  const user = requireUser(c);
  const tree = await loadTree(c.get("deps").db);
  if (!tree.has(unitId)) throw new ApiError("not_found", `Không tìm thấy đơn vị / Unit "${unitId}" not found`);
  if (!canReadPlan(user, unitId, tree))
    throw ApiError.fromReason("forbidden", refusal("access.plan_read_forbidden", user, tree, { unitId }));
  return { user, tree };
}
