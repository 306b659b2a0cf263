import type { Plan, PlanAssignee } from "../../plan/schemas.js";
import type { IsoDate } from "../../schemas/common.js";
import type { SteeringMember } from "../schema.js";
import { inTerm } from "../steeringCoverage/index.js";

/**
 * The plan with its steering members read from the register (thành viên Ban Chỉ đạo, plan II.3): the
 * register is the one record of who supports which commune; a plan refers to it. The plan's own
 * individual members (assignees of kind `steering_member` with `supportsUnitIds`) are dropped, and
 * every register member whose term covers `asOf` and who supports at least one commune of the plan's
 * area (`communeIds`) becomes one, supporting those communes in the register's order. The plan's
 * collective member entry (a `steering_member` without `supportsUnitIds`: "the committee's members")
 * stays. So the plan page, the ranking's `subjectsFromPlan` and `steeringCoverage` over the same
 * register and date give the same communes for each member.
 * @example
 * planWithRegister(plan, [lan], { communeIds: ["c-01-01", "c-01-02"], asOf: "2025-06-30" }).assignees
 *   .filter((a) => a.supportsUnitIds) // [{ id: "tv-bcd-d-01-1", kind: "steering_member", name: { vi: "Đ/c Nguyễn Thị Lan", … }, supportsUnitIds: ["c-01-01"] }]
 */
export function planWithRegister(
  plan: Plan,
  members: readonly SteeringMember[],
  options: { communeIds: readonly string[]; asOf: IsoDate },
): Plan {
  const area = new Set(options.communeIds);
  const kept = plan.assignees.filter((a) => !(a.kind === "steering_member" && a.supportsUnitIds));
  const taken = new Set(kept.map((a) => a.id));
  const fromRegister = members.flatMap((m): PlanAssignee[] => {
    const supports = m.communeUnitIds.filter((c) => area.has(c));
    if (!supports.length || !inTerm(m, options.asOf) || taken.has(m.id)) return [];
    // "Đ/c" (đồng chí): how a plan names a member; names are not translated.
    return [
      { id: m.id, kind: "steering_member", name: { vi: `Đ/c ${m.fullName}`, en: m.fullName }, unitId: m.unitId, supportsUnitIds: supports },
    ];
  });
  return { ...plan, assignees: [...kept, ...fromRegister] };
}
