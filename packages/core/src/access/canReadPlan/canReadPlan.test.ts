import { describe, expect, it } from "vitest";
import type { UnitTreeView } from "../policy.js";
import { canReadPlan } from "./index.js";

// p ─ c1 ─ h1, p ─ c2, and another province q.
const parents = new Map<string, string | undefined>([
  ["p", undefined],
  ["c1", "p"],
  ["h1", "c1"],
  ["c2", "p"],
  ["q", undefined],
]);
const tree: UnitTreeView = { parentOf: (id) => parents.get(id), has: (id) => parents.has(id) };

describe("canReadPlan", () => {
  it("lets a commune officer read their own plans and the province plan above them, not a sibling's or another province's", () => {
    const xa = { role: "commune_officer" as const, scopeUnitId: "c1" };
    expect(["c1", "h1", "p", "c2", "q", "nowhere"].map((u) => canReadPlan(xa, u, tree))).toEqual([true, true, true, false, false, false]);
  });

  it("refuses a signed-out visitor, even the plan of a province", () => {
    expect(canReadPlan(null, "p", tree)).toBe(false);
  });

  it("keeps a province officer to their province's plans", () => {
    const tinh = { role: "province_officer" as const, scopeUnitId: "p" };
    expect(["p", "c2", "q"].map((u) => canReadPlan(tinh, u, tree))).toEqual([true, true, false]);
  });
});
