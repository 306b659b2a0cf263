import { describe, expect, it } from "vitest";
import { DISTRICT_PLAN_63 } from "../districtPlan63/index.js";
import { diffPlans } from "./index.js";

const plan = DISTRICT_PLAN_63;

describe("diffPlans", () => {
  it("finds nothing between equal versions, whatever the key order", () => {
    expect(diffPlans(plan, JSON.parse(JSON.stringify(plan)))).toEqual([]);
  });

  it("reports scalar fields by name and task changes by task code and field", () => {
    const tasks = plan.tasks
      .filter((t) => t.code !== "II.8")
      .map((t) => (t.code === "II.6" ? { ...t, lead: ["ubnd-huyen", "chinh-quyen-cac-cap"] } : t));
    const added = { ...plan.tasks[0]!, code: "II.9" };
    expect(diffPlans(plan, { ...plan, number: "05-KH/HU", tasks: [...tasks, added] })).toEqual([
      { kind: "changed", path: ["number"], before: null, after: "05-KH/HU" },
      { kind: "removed", path: ["tasks", "II.8"], before: plan.tasks[7] },
      { kind: "changed", path: ["tasks", "II.6", "lead"], before: ["ubnd-huyen"], after: ["ubnd-huyen", "chinh-quyen-cac-cap"] },
      { kind: "added", path: ["tasks", "II.9"], after: added },
    ]);
  });

  it("reports a reordering of the same tasks as a change of the list's order", () => {
    const [a, b, ...rest] = plan.tasks;
    expect(diffPlans(plan, { ...plan, tasks: [b!, a!, ...rest] })).toEqual([
      { kind: "changed", path: ["tasks"], before: plan.tasks.map((t) => t.code), after: [b!, a!, ...rest].map((t) => t.code) },
    ]);
  });

  it("reports an added optional field, of the plan or of a task", () => {
    const milestones = [{ text: { vi: "Mốc", en: "Milestone" }, deadline: null }];
    const tasks = plan.tasks.map((t) => (t.code === "II.1" ? { ...t, milestones } : t));
    expect(diffPlans(plan, { ...plan, parent: { planId: "p-0" }, tasks })).toEqual([
      { kind: "added", path: ["tasks", "II.1", "milestones"], after: milestones },
      { kind: "added", path: ["parent"], after: { planId: "p-0" } },
    ]);
  });
});
