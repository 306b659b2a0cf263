import type { AccessActor, UnitTreeView } from "../policy.js";
import { can } from "../can/index.js";
import { isWithin } from "../isWithin/index.js";

/**
 * Whether `actor` may read a plan of the unit `planUnitId`: a plan in their scope, as for any record,
 * and also a plan of a unit above their scope, which is addressed to them: a commune's officers read
 * the province's (or, before 1/7/2025, the district's) plan they implement (III.1 "cụ thể hóa") and
 * propose adjustments to. A plan of a sibling unit stays out of reach.
 * @example
 * canReadPlan({ role: "commune_officer", scopeUnitId: "c1" }, "p", tree) // true: the province plan over c1
 * canReadPlan({ role: "commune_officer", scopeUnitId: "c1" }, "c2", tree) // false: another commune's plan
 */
export function canReadPlan(actor: AccessActor | null | undefined, planUnitId: string, tree: UnitTreeView): boolean {
  if (can(actor, "read", planUnitId, tree)) return true;
  return !!actor && tree.has(planUnitId) && tree.has(actor.scopeUnitId) && isWithin(tree, actor.scopeUnitId, planUnitId);
}
