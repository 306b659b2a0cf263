import { describe, expect, it } from "vitest";
import { DISTRICT_PLAN_63 } from "../districtPlan63/index.js";
import { type PlanProposal, checkProposal, resolveProposal } from "./index.js";

const plan = DISTRICT_PLAN_63;
const at = "2025-03-01T09:00:00+07:00";
const proposal = (over: Partial<PlanProposal> = {}): PlanProposal => ({
  id: "pr-1",
  planId: "p-1",
  fromPlanId: "p-xa",
  taskCodes: ["II.6"],
  summary: "Đề nghị bổ sung số hiệu kế hoạch",
  basePlanVersion: 1,
  status: "proposed",
  proposedBy: "xa",
  proposedAt: at,
  decision: null,
  changes: { number: "05-KH/HU" },
  ...over,
});
const issues = (r: { ok: boolean; issues?: { code: string; path: unknown }[] }) => (r.ok ? [] : r.issues!.map((i) => [i.code, i.path]));

describe("checkProposal", () => {
  it("accepts a proposal on existing tasks with changes that keep the plan valid", () => {
    expect(checkProposal(plan, { taskCodes: ["II.6"], summary: "  Bổ sung chỉ tiêu  ", changes: { date: "2025-01-20" } })).toEqual({
      ok: true,
      value: { taskCodes: ["II.6"], summary: "Bổ sung chỉ tiêu", changes: { date: "2025-01-20" } },
    });
  });

  it("names unknown tasks, an empty summary and changes that would break the plan", () => {
    expect(
      issues(checkProposal(plan, { taskCodes: ["II.9"], summary: "x", changes: { tasks: [{ ...plan.tasks[0]!, lead: ["nobody"] }] } })),
    ).toEqual([
      ["plan.unknown_parent_task", ["taskCodes", 0]],
      ["plan.unknown_assignee", ["changes", "tasks", 0, "lead", 0]],
    ]);
    expect(issues(checkProposal(plan, { summary: " " }))).toEqual([["too_small", ["summary"]]]);
  });
});

describe("resolveProposal", () => {
  it("refuses with a reason and leaves the plan alone", () => {
    const r = resolveProposal({
      proposal: proposal(),
      decision: { outcome: "refuse", reason: "Số hiệu do Văn phòng cấp" },
      by: "huyen",
      at,
      basePlan: plan,
      currentPlan: plan,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        proposal: proposal({ status: "refused", decision: { outcome: "refuse", reason: "Số hiệu do Văn phòng cấp", by: "huyen", at } }),
        plan: null,
      },
    });
  });

  it("accepts and applies the changes to the current plan when it has not changed in the same fields", () => {
    const current = { ...plan, date: "2025-01-20" };
    const r = resolveProposal({
      proposal: proposal(),
      decision: { outcome: "accept", reason: "Đồng ý" },
      by: "huyen",
      at,
      basePlan: plan,
      currentPlan: current,
    });
    expect(r.ok && [r.value.proposal.status, r.value.plan]).toEqual(["accepted", { ...current, number: "05-KH/HU" }]);
  });

  it("is a conflict when the plan changed in a field the proposal changes, or when already decided", () => {
    const stale = resolveProposal({
      proposal: proposal(),
      decision: { outcome: "accept", reason: "Đồng ý" },
      by: "huyen",
      at,
      basePlan: plan,
      currentPlan: { ...plan, number: "06-KH/HU" },
    });
    const twice = resolveProposal({
      proposal: proposal({ status: "accepted" }),
      decision: { outcome: "refuse", reason: "x" },
      by: "huyen",
      at,
      basePlan: plan,
      currentPlan: plan,
    });
    expect([
      stale.ok ? null : [stale.kind, stale.issues[0]!.code, stale.issues[0]!.params],
      twice.ok ? null : [twice.kind, twice.issues[0]!.code],
    ]).toEqual([
      ["conflict", "proposal.stale", { fields: ["number"] }],
      ["conflict", "proposal.already_decided"],
    ]);
  });

  it("needs a reason for either outcome", () => {
    const r = resolveProposal({
      proposal: proposal(),
      decision: { outcome: "accept", reason: "  " },
      by: "huyen",
      at,
      basePlan: plan,
      currentPlan: plan,
    });
    expect(issues(r)).toEqual([["proposal.reason_required", ["reason"]]]);
  });
});
