import type { Action } from "../policy.js";

/** What the policy needs to know of a plan to decide who may write it. */
export interface PlanWriteTarget {
  /** The plan it implements (III.1 "cụ thể hóa"), or null/undefined for a plan of its own. */
  parentPlanId?: string | null | undefined;
}

/**
 * The action that writing a plan (creating, editing, proposing an adjustment from it) needs: an
 * implementing plan (one with a parent) is its own organisation's to write (`plan.implement`, which a
 * commune's officers and the mass organisations hold); a plan of its own is the steering levels'
 * (`plan.write`). Deciding a proposal to a plan is always `plan.write` on that plan's unit: the
 * owner decides. The API authorises with `can(actor, planWriteAction(plan), plan.unitId, tree)`;
 * the web app shows or hides the same way with `roleMay`.
 * @example
 * planWriteAction({ parentPlanId: "plan-63-d-01" }) // "plan.implement"
 * planWriteAction({ parentPlanId: null }) // "plan.write"
 */
export function planWriteAction(plan: PlanWriteTarget): Extract<Action, "plan.write" | "plan.implement"> {
  return plan.parentPlanId ? "plan.implement" : "plan.write";
}
