import { type Issue, type Result, fail, ok } from "../../errors/index.js";

/** The least a unit needs for a roll-up: its id and its parent's id. */
export interface UnitLink {
  id: string;
  parentId?: string | undefined;
}

/**
 * Ids of `rootId` and every unit below it (breadth-first, children by id), from parent links.
 * Fails with `not_found` for an unknown root and `invalid_input` for a duplicate id or a cycle.
 * @example
 * subtreeIds([{ id: "h" }, { id: "x1", parentId: "h" }, { id: "t1", parentId: "x1" }], "x1") // { ok: true, value: ["x1", "t1"] }
 */
export function subtreeIds(units: readonly UnitLink[], rootId: string): Result<string[]> {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  units.forEach((u, i) => {
    if (seen.has(u.id))
      issues.push({
        code: "unit.duplicate",
        path: ["units", i, "id"],
        message: `unit id "${u.id}" appears twice (first at units[${seen.get(u.id)}])`,
        params: { unit: u.id },
      });
    else seen.set(u.id, i);
  });
  if (issues.length > 0) return fail("invalid_input", issues);
  if (!seen.has(rootId))
    return fail("not_found", [
      { code: "unit.not_found", path: ["rootId"], message: `unit "${rootId}" is not in the unit list`, params: { unit: rootId } },
    ]);
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId !== undefined) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out: string[] = [];
  const visited = new Set<string>();
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (visited.has(id)) {
      const i = seen.get(id) ?? -1;
      return fail("invalid_input", [
        {
          code: "unit.cycle",
          path: ["units", i, "parentId"],
          message: `unit "${id}" is its own ancestor (parent links form a cycle)`,
          params: { unit: id },
        },
      ]);
    }
    visited.add(id);
    out.push(id);
    queue.push(...[...(children.get(id) ?? [])].sort());
  }
  return ok(out);
}
