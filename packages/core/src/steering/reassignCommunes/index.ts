import type { Issue, Result } from "../../errors/index.js";
import type { SteeringMember } from "../schema.js";

/**
 * A plan's assignment of members to the communes of its area ("replace the list": PUT
 * /v1/plans/{id}/steering-members) written into the register, the one record: each listed member then
 * supports exactly the listed communes inside the area (its communes outside the area kept, in order),
 * and a member not listed supports no commune of the area. Returns the members that change (as they
 * become), or issues at `[i, "id"]` for a listed id not in the register and `[i, "supportsUnitIds", j]`
 * for a commune outside the area.
 * @example
 * reassignCommunes(register, [{ id: "tv-bcd-d-01-1", supportsUnitIds: ["c-01-03"] }], ["c-01-01", "c-01-02", "c-01-03"])
 * // ok: the member supporting c-01-03 (was c-01-01, c-01-02), and any other member of the area without its communes there
 */
export function reassignCommunes(
  register: readonly SteeringMember[],
  assignments: readonly { id: string; supportsUnitIds: readonly string[] }[],
  areaCommuneIds: readonly string[],
): Result<SteeringMember[]> {
  const area = new Set(areaCommuneIds);
  const byId = new Map(register.map((m) => [m.id, m]));
  const issues: Issue[] = [];
  assignments.forEach((a, i) => {
    if (!byId.has(a.id))
      issues.push({
        code: "steering.member_unknown",
        path: [i, "id"],
        message: `"${a.id}" is not a member of the steering committee register`,
        params: { id: a.id },
      });
    a.supportsUnitIds.forEach((c, j) => {
      if (!area.has(c))
        issues.push({
          code: "steering.commune_outside_unit",
          path: [i, "supportsUnitIds", j],
          message: `"${c}" is not a commune of the plan's unit`,
          params: { unitId: c },
        });
    });
  });
  if (issues.length) return { ok: false, kind: "invalid_input", issues };
  const wanted = new Map(assignments.map((a) => [a.id, [...new Set(a.supportsUnitIds)]]));
  const changed = register.flatMap((m): SteeringMember[] => {
    const inside = m.communeUnitIds.filter((c) => area.has(c));
    const want = wanted.get(m.id) ?? [];
    if (inside.length === want.length && inside.every((c, k) => c === want[k])) return [];
    return [{ ...m, communeUnitIds: [...m.communeUnitIds.filter((c) => !area.has(c)), ...want] }];
  });
  return { ok: true, value: changed };
}
