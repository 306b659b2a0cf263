import { describe, expect, it } from "vitest";
import { DISTRICT_PLAN_63 } from "../districtPlan63/index.js";
import type { Plan } from "../schemas.js";
import { validatePlan } from "./index.js";

const codes = (r: ReturnType<typeof validatePlan>) => (r.ok ? [] : r.issues.map((i) => [i.code, i.path]));
const task0 = DISTRICT_PLAN_63.tasks[0]!;

describe("validatePlan", () => {
  it("names the JSON path of a shape error", () => {
    expect(codes(validatePlan({ ...DISTRICT_PLAN_63, tasks: [{ ...task0, code: "2.1" }] }))).toEqual([
      ["invalid_format", ["tasks", 0, "code"]],
    ]);
  });

  it("reports references to assignees and duties that do not exist", () => {
    const plan: Plan = {
      ...DISTRICT_PLAN_63,
      tasks: [{ ...task0, lead: ["nobody"] }],
      assignments: [{ code: "III.1", assigneeIds: ["ubnd-huyen"], text: { vi: "x", en: "x" }, dutyIds: ["no-duty"] }],
    };
    expect(validatePlan(plan)).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "plan.unknown_assignee",
          path: ["tasks", 0, "lead", 0],
          message: 'no assignee "nobody" in $.assignees',
          params: { id: "nobody" },
        },
        {
          code: "plan.unknown_duty",
          path: ["assignments", 0, "dutyIds", 0],
          message: 'no reporting duty "no-duty" in $.reportingDuties',
          params: { id: "no-duty" },
        },
      ],
    });
  });

  it("reports duplicate codes, supported communes on a non-member and a periodic duty without a deadline", () => {
    const duty = DISTRICT_PLAN_63.reportingDuties[0]!;
    const { deadline: _omit, ...noDeadline } = duty;
    const plan: Plan = {
      ...DISTRICT_PLAN_63,
      tasks: [task0, task0],
      assignees: DISTRICT_PLAN_63.assignees.map((a) => (a.id === "ubnd-huyen" ? { ...a, supportsUnitIds: ["xa-1"] } : a)),
      reportingDuties: [noDeadline, ...DISTRICT_PLAN_63.reportingDuties.slice(1)],
    };
    expect(codes(validatePlan(plan))).toEqual([
      ["plan.duplicate_id", ["tasks", 1, "code"]],
      ["plan.duty_deadline_missing", ["reportingDuties", 0, "deadline"]],
      ["plan.support_not_steering_member", ["assignees", 3, "supportsUnitIds"]],
    ]);
  });

  it("reports a sub-period the cadence does not have", () => {
    const [first, ...rest] = DISTRICT_PLAN_63.reportingDuties;
    const plan: Plan = { ...DISTRICT_PLAN_63, reportingDuties: [{ ...first!, only: [1, 3] }, ...rest] };
    expect(validatePlan(plan)).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "plan.only_out_of_range",
          path: ["reportingDuties", 0, "only", 1],
          message: "3 is not a sub-period of a half-yearly cadence (1–2)",
          params: { duty: "III.1-half-year", value: 3, max: 2 },
        },
      ],
    });
  });

  it("accepts the shipped plan read back from JSON", () => {
    expect(validatePlan(JSON.parse(JSON.stringify(DISTRICT_PLAN_63)))).toEqual({ ok: true, value: DISTRICT_PLAN_63 });
  });

  it("checks links against the criteria pack's ids when given", () => {
    expect(
      codes(
        validatePlan(DISTRICT_PLAN_63, { knownCriteria: Array.from({ length: 18 }, (_, i) => String(i + 1)), knownIndicators: ["9.2"] }),
      ),
    ).toEqual([
      ["plan.unknown_criterion", ["tasks", 1, "links", "criteria", 6]],
      ["plan.unknown_criterion", ["tasks", 6, "links", "criteria", 1]],
      ["plan.unknown_indicator", ["tasks", 1, "links", "indicators", 0]],
    ]);
  });

  it("accepts a steering member's supported communes", () => {
    const plan: Plan = {
      ...DISTRICT_PLAN_63,
      assignees: DISTRICT_PLAN_63.assignees.map((a) => (a.kind === "steering_member" ? { ...a, supportsUnitIds: ["xa-a", "xa-b"] } : a)),
    };
    expect(validatePlan(plan).ok).toBe(true);
  });
});

describe("validatePlan with a parent plan", () => {
  const child: Plan = {
    ...DISTRICT_PLAN_63,
    id: "xa-1",
    parent: { planId: DISTRICT_PLAN_63.id, organisationId: "nobody" },
    tasks: [{ ...DISTRICT_PLAN_63.tasks[5]!, code: "II.1", implements: ["II.6", "II.12"] }],
  };

  it("checks each implemented task code and the writing organisation against the parent", () => {
    const r = validatePlan(child, { parent: DISTRICT_PLAN_63 });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([
      ["plan.unknown_parent_task", ["tasks", 0, "implements", 1]],
      ["plan.unknown_parent_assignee", ["parent", "organisationId"]],
    ]);
  });

  it("refuses task links to a parent when the plan has none", () => {
    const { parent: _p, ...orphan } = child;
    const r = validatePlan(orphan);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([["plan.implements_without_parent", ["tasks", 0, "implements"]]]);
  });
});
