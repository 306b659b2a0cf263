import { describe, expect, it } from "vitest";
import type { UnitTreeView } from "../policy.js";
import { can } from "../can/index.js";
import { planWriteAction } from "./index.js";

// province p ─ commune c1, c2 (after 1/7/2025 there is no district in between).
const parents = new Map<string, string | undefined>([
  ["p", undefined],
  ["c1", "p"],
  ["c2", "p"],
]);
const tree: UnitTreeView = { parentOf: (id) => parents.get(id), has: (id) => parents.has(id) };
const xa = { role: "commune_officer" as const, scopeUnitId: "c1" };
const front = { role: "front_org" as const, scopeUnitId: "p" };
const tinh = { role: "province_officer" as const, scopeUnitId: "p" };

describe("planWriteAction", () => {
  it("needs plan.implement for an implementing plan and plan.write for a plan of its own", () => {
    expect([planWriteAction({ parentPlanId: "plan-p" }), planWriteAction({ parentPlanId: null }), planWriteAction({})]).toEqual([
      "plan.implement",
      "plan.write",
      "plan.write",
    ]);
  });

  it("lets a commune officer write the implementing plan of their own commune, not another commune's, nor the province plan", () => {
    const child = planWriteAction({ parentPlanId: "plan-p" });
    const parent = planWriteAction({ parentPlanId: null });
    expect([can(xa, child, "c1", tree), can(xa, child, "c2", tree), can(xa, parent, "p", tree), can(xa, parent, "c1", tree)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it("lets the Front write its implementing plan at the province but not edit the province's own plan, which its officers may", () => {
    const child = planWriteAction({ parentPlanId: "plan-p" });
    const parent = planWriteAction({ parentPlanId: null });
    expect([
      can(front, child, "p", tree),
      can(front, parent, "p", tree),
      can(tinh, parent, "p", tree),
      can(tinh, child, "c2", tree),
    ]).toEqual([true, false, true, true]);
  });
});
