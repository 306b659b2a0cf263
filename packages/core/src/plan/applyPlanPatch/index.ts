import type { z } from "zod";
import { type Result, fail, zodIssues } from "../../errors/index.js";
import { PlanSchema, type Plan } from "../schemas.js";
import { type ValidatePlanOptions, validatePlan } from "../validatePlan/index.js";

/**
 * An edit of a plan: any of its editable fields, each replacing the field as a whole (the id, the
 * template and the parent link are fixed when the plan is created). Unknown fields are refused.
 */
export const PlanPatchSchema = PlanSchema.pick({
  number: true,
  date: true,
  title: true,
  issuer: true,
  basis: true,
  period: true,
  purposes: true,
  tasks: true,
  assignments: true,
  assignees: true,
  reportingDuties: true,
  recipients: true,
  signer: true,
})
  .partial()
  .strict();
export type PlanPatch = z.infer<typeof PlanPatchSchema>;
export type PlanPatchInput = z.input<typeof PlanPatchSchema>;

/**
 * Applies an edit to a plan and validates the result as a whole: the patch's own shape first (issues
 * under the patch's paths), then the edited plan (`validatePlan`, with the parent check when given).
 * Nothing is half-applied: the result is the new plan or the issues.
 * @example
 * applyPlanPatch(plan, { number: "12-KH/HU", date: "2025-01-20" }) // { ok: true, value: { ...plan, number: "12-KH/HU", date: "2025-01-20" } }
 * applyPlanPatch(plan, { id: "x" }) // { ok: false, kind: "invalid_input", issues: [{ code: "unrecognized_keys", path: [], ... }] }
 */
export function applyPlanPatch(plan: Plan, patch: unknown, options: ValidatePlanOptions = {}): Result<Plan> {
  const parsed = PlanPatchSchema.safeParse(patch);
  if (!parsed.success) return fail("invalid_input", zodIssues(parsed.error));
  const next: Record<string, unknown> = { ...plan };
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) next[k] = v;
  return validatePlan(next, options);
}
