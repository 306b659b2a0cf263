// The access policy: who may do what, where. One module used by the API's guard and the web app.
export {
  ROLES,
  ROLE_LABELS,
  ACTIONS,
  ACTION_LABELS,
  ACCESS_POLICY,
  type Role,
  type Action,
  type AccessRule,
  type AccessScope,
  type AccessActor,
  type UnitTreeView,
} from "./policy.js";
export { isWithin } from "./isWithin/index.js";
export { roleMay } from "./roleMay/index.js";
export { can } from "./can/index.js";
export { canChangeUnit, type UnitChange } from "./canChangeUnit/index.js";
export { canAssignRole } from "./canAssignRole/index.js";
export { planWriteAction, type PlanWriteTarget } from "./planWriteAction/index.js";
export { canReadPlan } from "./canReadPlan/index.js";
export { unitTreeFromParents } from "./unitTreeFromParents/index.js";
