/**
 * Who may do what, where: the policy itself lives in @ntm/core (src/access: ROLES, ACTIONS,
 * ACCESS_POLICY, `can`, `canChangeUnit`, `canAssignRole`), shared with the web app. This module only
 * adds the API's view of the signed-in user and re-exports core's names for the API's callers.
 */
import type { AccessActor } from "@ntm/core";

export {
  ROLES,
  ACTIONS,
  type Role,
  type Action,
  type UnitTreeView,
  type UnitChange,
  isWithin,
  can,
  canChangeUnit,
  canAssignRole,
} from "@ntm/core";

/** The authenticated user as the policy sees it: a role scoped to a unit subtree. */
export interface Principal extends AccessActor {
  id: string;
  username: string;
  displayName: string;
}
