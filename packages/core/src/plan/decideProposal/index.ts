import { z } from "zod";
import { type Issue, type Result, fail, ok, zodIssues } from "../../errors/index.js";
import { PlanPatchSchema, applyPlanPatch } from "../applyPlanPatch/index.js";
import { diffPlans } from "../diffPlans/index.js";
import { type Plan, SectionCodeSchema } from "../schemas.js";
import type { ValidatePlanOptions } from "../validatePlan/index.js";

/** What an organisation proposes to adjust in a plan (III.1 "đề xuất điều chỉnh kế hoạch"). */
export const ProposalInputSchema = z
  .object({
    /** The parent plan's tasks the proposal concerns. */
    taskCodes: z.array(SectionCodeSchema).default([]),
    /** The proposal in words (Vietnamese). */
    summary: z.string().trim().min(1).max(4000),
    /** The edit to apply when accepted, if the proposal is concrete. */
    changes: PlanPatchSchema.optional(),
    /** The proposer's own implementing plan, if it comes from one. */
    fromPlanId: z.string().min(1).optional(),
  })
  .strict();
export type ProposalInput = z.input<typeof ProposalInputSchema>;

/** A decision on a proposal by the plan's owner, always with a reason. */
export const ProposalDecisionSchema = z.object({
  outcome: z.enum(["accept", "refuse"]),
  reason: z.string().max(4000),
});
export type ProposalDecision = z.infer<typeof ProposalDecisionSchema>;

/** An adjustment proposal: proposed, then accepted or refused (once) with a reason. */
export const PlanProposalSchema = z.object({
  id: z.string().min(1),
  planId: z.string().min(1),
  fromPlanId: z.string().min(1).nullable(),
  taskCodes: z.array(SectionCodeSchema),
  summary: z.string().min(1),
  changes: PlanPatchSchema.optional(),
  /** The plan's version the proposal was made against. */
  basePlanVersion: z.number().int().min(1),
  status: z.enum(["proposed", "accepted", "refused"]),
  proposedBy: z.string().min(1),
  proposedAt: z.string().min(1),
  decision: z
    .object({ outcome: z.enum(["accept", "refuse"]), reason: z.string().min(1), by: z.string().min(1), at: z.string().min(1) })
    .nullable(),
});
export type PlanProposal = z.infer<typeof PlanProposalSchema>;

/**
 * Checks a new proposal against the plan it adjusts: its shape, that the tasks it names exist, and
 * that its changes (if any) would leave a valid plan. Returns the parsed input.
 * @example
 * checkProposal(plan, { taskCodes: ["II.6"], summary: "Bổ sung chỉ tiêu đào tạo nghề" }).ok // true
 * checkProposal(plan, { taskCodes: ["II.9"], summary: "…" }) // issue plan.unknown_parent_task at ["taskCodes", 0]
 */
export function checkProposal(plan: Plan, input: unknown, options: ValidatePlanOptions = {}): Result<z.infer<typeof ProposalInputSchema>> {
  const parsed = ProposalInputSchema.safeParse(input);
  if (!parsed.success) return fail("invalid_input", zodIssues(parsed.error));
  const codes = new Set(plan.tasks.map((t) => t.code));
  const issues: Issue[] = parsed.data.taskCodes.flatMap((code, i) =>
    codes.has(code)
      ? []
      : [
          {
            code: "plan.unknown_parent_task",
            path: ["taskCodes", i],
            message: `the plan has no task "${code}"`,
            params: { id: code, parent: plan.id },
          },
        ],
  );
  if (parsed.data.changes) {
    const applied = applyPlanPatch(plan, parsed.data.changes, options);
    if (!applied.ok) issues.push(...applied.issues.map((x) => ({ ...x, path: ["changes", ...x.path] })));
  }
  return issues.length ? fail("invalid_input", issues) : ok(parsed.data);
}

/** Everything a decision needs: the proposal, the decision, and the plan then and now. */
export interface ResolveProposalInput {
  proposal: PlanProposal;
  decision: ProposalDecision;
  by: string;
  /** When (the caller's clock, ISO date-time). */
  at: string;
  /** The plan at `proposal.basePlanVersion`. */
  basePlan: Plan;
  currentPlan: Plan;
  options?: ValidatePlanOptions;
}

/**
 * The transition of a proposal: proposed → accepted | refused, with a reason. Accepting a proposal
 * with changes applies them to the current plan (returned as `plan`), unless the plan has since been
 * edited in a field the proposal changes (`proposal.stale`, a conflict: propose again). A decided
 * proposal cannot be decided again (`proposal.already_decided`).
 * @example
 * resolveProposal({ proposal, decision: { outcome: "refuse", reason: "Đã có trong II.6" }, by: "huyen", at, basePlan, currentPlan })
 * // { ok: true, value: { proposal: { ...proposal, status: "refused", decision: {...} }, plan: null } }
 */
export function resolveProposal(input: ResolveProposalInput): Result<{ proposal: PlanProposal; plan: Plan | null }> {
  const { proposal, decision } = input;
  if (proposal.status !== "proposed")
    return fail("conflict", [
      {
        code: "proposal.already_decided",
        path: ["status"],
        message: `the proposal is already ${proposal.status}`,
        params: { status: proposal.status },
      },
    ]);
  const reason = decision.reason.trim();
  if (!reason)
    return fail("invalid_input", [
      { code: "proposal.reason_required", path: ["reason"], message: "a decision needs a reason", params: {} },
    ]);
  const decided: PlanProposal = {
    ...proposal,
    status: decision.outcome === "accept" ? "accepted" : "refused",
    decision: { outcome: decision.outcome, reason, by: input.by, at: input.at },
  };
  if (decision.outcome === "refuse" || !proposal.changes) return ok({ proposal: decided, plan: null });
  const touched = new Set(diffPlans(input.basePlan, input.currentPlan).map((c) => String(c.path[0])));
  const fields = Object.keys(proposal.changes).filter((f) => touched.has(f));
  if (fields.length)
    return fail("conflict", [
      {
        code: "proposal.stale",
        path: ["changes"],
        message: `the plan changed in ${fields.join(", ")} since the proposal`,
        params: { fields },
      },
    ]);
  const applied = applyPlanPatch(input.currentPlan, proposal.changes, input.options ?? {});
  if (!applied.ok)
    return fail(
      applied.kind,
      applied.issues.map((x) => ({ ...x, path: ["changes", ...x.path] })),
    );
  return ok({ proposal: decided, plan: applied.value });
}
