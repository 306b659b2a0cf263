import { describe, expect, it } from "vitest";
import { ACTIONS, ROLES, type UnitTreeView } from "../policy.js";
import { type Position, expected } from "../policyTable.js";
import { can } from "./index.js";

// p ─ d ─ c ─ h, and a second province q ─ x.
const parents = new Map<string, string | undefined>([
  ["p", undefined],
  ["d", "p"],
  ["c", "d"],
  ["h", "c"],
  ["q", undefined],
  ["x", "q"],
]);
const tree: UnitTreeView = { parentOf: (id) => parents.get(id), has: (id) => parents.has(id) };
const TARGET: Record<Position, string> = { scope_root: "d", below_root: "c", outside: "x" };

describe("can (the shared policy table)", () => {
  const cases = ROLES.flatMap((role) =>
    ACTIONS.flatMap((action) => (["scope_root", "below_root", "outside"] as const).map((position) => [role, action, position] as const)),
  );

  it("covers every role × action × position", () => {
    expect(cases.length).toBe(ROLES.length * ACTIONS.length * 3);
  });

  it.each(cases)("%s / %s / %s", (role, action, position) => {
    expect(can({ role, scopeUnitId: "d" }, action, TARGET[position], tree)).toBe(expected(role, action, position));
  });
});

describe("can", () => {
  it("refuses a signed-out actor and an unknown unit, even to an admin", () => {
    expect(can(null, "read", "p", tree)).toBe(false);
    expect(can({ role: "admin", scopeUnitId: "p" }, "read", "nowhere", tree)).toBe(false);
  });

  it("lets a commune officer enter values in a hamlet of their commune but not in the next commune", () => {
    const xa = { role: "commune_officer" as const, scopeUnitId: "c" };
    expect([can(xa, "values.write", "h", tree), can(xa, "values.write", "d", tree)]).toEqual([true, false]);
  });
});
