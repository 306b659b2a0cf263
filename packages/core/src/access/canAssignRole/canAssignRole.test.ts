import { describe, expect, it } from "vitest";
import { unitTreeFromParents } from "../unitTreeFromParents/index.js";
import { canAssignRole } from "./index.js";

const tree = unitTreeFromParents(
  new Map<string, string | null>([
    ["p", null],
    ["c", "p"],
    ["q", null],
  ]),
);
const tinh = { role: "province_officer" as const, scopeUnitId: "p" };

describe("canAssignRole", () => {
  it("lets a province officer make accounts inside their province, of any role but admin", () => {
    expect([
      canAssignRole(tinh, { role: "commune_officer", scopeUnitId: "c" }, tree),
      canAssignRole(tinh, { role: "front_org", scopeUnitId: "p" }, tree),
      canAssignRole(tinh, { role: "admin", scopeUnitId: "p" }, tree),
    ]).toEqual([true, true, false]);
  });

  it("refuses a province officer another province's accounts and changes to an admin", () => {
    expect([
      canAssignRole(tinh, { role: "viewer", scopeUnitId: "q" }, tree),
      canAssignRole(tinh, { role: "viewer", scopeUnitId: "c" }, tree, { role: "viewer", scopeUnitId: "q" }),
      canAssignRole(tinh, { role: "viewer", scopeUnitId: "c" }, tree, { role: "admin", scopeUnitId: "p" }),
    ]).toEqual([false, false, false]);
  });

  it("lets an admin assign anything, and refuses other roles and the signed-out", () => {
    expect([
      canAssignRole({ role: "admin", scopeUnitId: "p" }, { role: "admin", scopeUnitId: "q" }, tree),
      canAssignRole({ role: "viewer", scopeUnitId: "p" }, { role: "viewer", scopeUnitId: "c" }, tree),
      canAssignRole(null, { role: "viewer", scopeUnitId: "c" }, tree),
    ]).toEqual([true, false, false]);
  });
});
