import { describe, expect, it } from "vitest";
import { DISTRICT_PLAN_63 } from "../districtPlan63/index.js";
import { applyPlanPatch } from "./index.js";

const plan = DISTRICT_PLAN_63;
const codes = (r: ReturnType<typeof applyPlanPatch>) => (r.ok ? [] : r.issues.map((i) => [i.code, i.path]));

describe("applyPlanPatch", () => {
  it("replaces the edited fields and keeps the others", () => {
    const milestones = [
      {
        text: { vi: "100% xã có kế hoạch đào tạo nghề", en: "Every commune has a vocational training plan" },
        deadline: "2025-06-30",
        measure: "12",
      },
    ];
    const tasks = plan.tasks.map((t) => (t.code === "II.6" ? { ...t, milestones } : t));
    const r = applyPlanPatch(plan, { number: "05-KH/HU", date: "2025-01-20", tasks });
    expect(r).toEqual({ ok: true, value: { ...plan, number: "05-KH/HU", date: "2025-01-20", tasks } });
  });

  it("refuses fields that are not editable and bad values, naming them, and applies nothing", () => {
    expect(codes(applyPlanPatch(plan, { id: "other", date: "20/01/2025" }))).toEqual([
      ["invalid_format", ["date"]],
      ["unrecognized_keys", []],
    ]);
  });

  it("validates the edited plan as a whole (a task led by an unknown body)", () => {
    const tasks = [{ ...plan.tasks[0]!, lead: ["nobody"] }];
    expect(codes(applyPlanPatch(plan, { tasks }))).toEqual([["plan.unknown_assignee", ["tasks", 0, "lead", 0]]]);
  });
});
