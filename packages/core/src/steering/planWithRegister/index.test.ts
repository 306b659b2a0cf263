import { describe, expect, it } from "vitest";
import { planFromTemplate } from "../../plan/planFromTemplate/index.js";
import type { Plan } from "../../plan/schemas.js";
import { subjectsFromPlan } from "../../ranking/subjectsFromPlan/index.js";
import { member } from "../_lib/fixtures.js";
import { steeringCoverage } from "../steeringCoverage/index.js";
import { planWithRegister } from "./index.js";

const communes = [
  { id: "c-01-01", name: "Xã An Lộc" },
  { id: "c-01-02", name: "Xã Bình Thuận" },
  { id: "c-01-03", name: "Xã Hòa Bình" },
];
const communeIds = communes.map((c) => c.id);
function plan(): Plan {
  const p = planFromTemplate("directive-63", { id: "kh-63", unit: { id: "d-01", name: "Huyện An Hòa" } });
  if (!p.ok) throw new Error("template");
  // A member the plan itself once held: the register replaces it.
  return {
    ...p.value,
    assignees: [
      ...p.value.assignees,
      { id: "old", kind: "steering_member", name: { vi: "Đ/c Cũ", en: "Old" }, unitId: "d-01", supportsUnitIds: ["c-01-03"] },
    ],
  };
}
const register = [
  member({ id: "tv-1", communeUnitIds: ["c-01-01", "c-02-09", "c-01-02"] }),
  member({ id: "tv-2", fullName: "Lê Thị Hoa", communeUnitIds: ["c-01-03"], termEnd: "2024-12-31" }),
  member({ id: "tv-3", fullName: "Trần Văn Minh", role: "head", communeUnitIds: [] }),
];
const individual = (p: Plan) => p.assignees.filter((a) => a.kind === "steering_member" && a.supportsUnitIds);

describe("planWithRegister", () => {
  it("replaces the plan's own members by the register's members in term who support a commune of the area", () => {
    const p = planWithRegister(plan(), register, { communeIds, asOf: "2025-06-30" });
    expect(individual(p)).toEqual([
      {
        id: "tv-1",
        kind: "steering_member",
        name: { vi: "Đ/c Nguyễn Văn An", en: "Nguyễn Văn An" },
        unitId: "d-01",
        supportsUnitIds: ["c-01-01", "c-01-02"],
      },
    ]);
    // the collective entry ("members of the committee") stays
    expect(p.assignees.filter((a) => a.kind === "steering_member" && !a.supportsUnitIds).length).toBe(
      plan().assignees.filter((a) => a.kind === "steering_member" && !a.supportsUnitIds).length,
    );
  });

  it("gives each commune the same members as steeringCoverage and the ranking's persons on the same date", () => {
    for (const asOf of ["2024-06-30", "2025-06-30"]) {
      const p = planWithRegister(plan(), register, { communeIds, asOf });
      const fromPlan = communeIds.map((c) =>
        individual(p)
          .filter((a) => a.supportsUnitIds!.includes(c))
          .map((a) => a.id),
      );
      const coverage = steeringCoverage(register, communes, { asOf }).communes.map((c) => c.memberIds);
      const persons = subjectsFromPlan(
        {
          plan: p,
          planUnit: { id: "d-01", name: "Huyện An Hòa" },
          taskStatus: {},
          reports: [],
          communes: communes.map((c) => ({ unitId: c.id, name: c.name, criteriaMet: 10, criteriaTotal: 19 })),
        },
        asOf,
      ).persons;
      const fromRanking = communeIds.map((c) => persons.filter((s) => s.responsibleFor.includes(c)).map((s) => s.assigneeId));
      expect([fromPlan, fromRanking]).toEqual([coverage, coverage]);
    }
  });
});
