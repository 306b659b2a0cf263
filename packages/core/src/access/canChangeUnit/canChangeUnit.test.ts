import { describe, expect, it } from "vitest";
import { unitTreeFromParents } from "../unitTreeFromParents/index.js";
import { canChangeUnit } from "./index.js";

const tree = unitTreeFromParents(
  new Map<string, string | null>([
    ["p", null],
    ["c", "p"],
    ["q", null],
    ["x", "q"],
  ]),
);
const tinh = { role: "province_officer" as const, scopeUnitId: "p" };
const admin = { role: "admin" as const, scopeUnitId: "p" };

describe("canChangeUnit", () => {
  it("lets a province officer create, rename, move and delete inside their province", () => {
    expect([
      canChangeUnit(tinh, { kind: "create", parentId: "p" }, tree),
      canChangeUnit(tinh, { kind: "update", unitId: "p" }, tree),
      canChangeUnit(tinh, { kind: "move", unitId: "c", parentId: "p" }, tree),
      canChangeUnit(tinh, { kind: "delete", unitId: "c" }, tree),
    ]).toEqual([true, true, true, true]);
  });

  it("refuses a province officer their own root, the top of the tree and another province", () => {
    expect([
      canChangeUnit(tinh, { kind: "delete", unitId: "p" }, tree),
      canChangeUnit(tinh, { kind: "move", unitId: "p", parentId: "q" }, tree),
      canChangeUnit(tinh, { kind: "create", parentId: null }, tree),
      canChangeUnit(tinh, { kind: "move", unitId: "c", parentId: "q" }, tree),
      canChangeUnit(tinh, { kind: "update", unitId: "x" }, tree),
    ]).toEqual([false, false, false, false, false]);
  });

  it("lets an admin add a province and change any known unit, and nobody signed out", () => {
    expect([
      canChangeUnit(admin, { kind: "create", parentId: null }, tree),
      canChangeUnit(admin, { kind: "delete", unitId: "p" }, tree),
      canChangeUnit(admin, { kind: "update", unitId: "nope" }, tree),
      canChangeUnit(null, { kind: "update", unitId: "c" }, tree),
    ]).toEqual([true, true, false, false]);
  });

  it("refuses roles without units.manage", () => {
    expect(canChangeUnit({ role: "standing_board", scopeUnitId: "p" }, { kind: "update", unitId: "c" }, tree)).toBe(false);
  });
});
