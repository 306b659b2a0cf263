import { describe, expect, it } from "vitest";
import { type Action, type Principal, type Role, type UnitChange, can, canChangeUnit } from "./policy.js";

// p ─ d1 ─ c1 ─ h1
//   │    └ c2
//   └ d2 ─ c3
const parents: Record<string, string | undefined> = { p: undefined, d1: "p", d2: "p", c1: "d1", c2: "d1", c3: "d2", h1: "c1" };
const tree = { parentOf: (id: string) => parents[id], has: (id: string) => id in parents };
const user = (role: Role, scopeUnitId: string): Principal => ({ id: role, username: role, displayName: role, role, scopeUnitId });

describe("can", () => {
  it("lets a commune officer write values only inside their commune subtree", () => {
    const xa = user("commune_officer", "c1");
    expect(["c1", "h1", "c2", "d1", "p"].map((u) => can(xa, "values.write", u, tree))).toEqual([true, true, false, false, false]);
  });

  it("gives the self-assessment to the commune officer and the review to the level above", () => {
    const xa = user("commune_officer", "c1");
    const huyen = user("district_officer", "d1");
    const tinh = user("province_officer", "p");
    expect([
      can(xa, "dossier.self_assess", "c1", tree),
      can(xa, "dossier.review", "c1", tree),
      can(huyen, "dossier.review", "c1", tree),
      can(huyen, "dossier.review", "d1", tree),
      can(tinh, "dossier.review", "d1", tree),
      can(huyen, "dossier.self_assess", "c1", tree),
    ]).toEqual([true, false, true, false, true, false]);
  });

  it("lets an inspector read and write inspections in scope and read the audit log, but not write values", () => {
    const kt = user("inspector", "d1");
    expect([
      can(kt, "read", "c2", tree),
      can(kt, "inspection.write", "c2", tree),
      can(kt, "audit.read", "d1", tree),
      can(kt, "values.write", "c2", tree),
      can(kt, "read", "c3", tree),
    ]).toEqual([true, true, true, false, false]);
  });

  it("lets a viewer read in scope and nothing else", () => {
    const xem = user("viewer", "p");
    const actions: Action[] = [
      "read",
      "values.write",
      "dossier.self_assess",
      "dossier.review",
      "inspection.write",
      "plan.write",
      "packs.upload",
      "results.publish",
      "audit.read",
      "users.manage",
      "units.manage",
    ];
    expect(actions.map((a) => can(xem, a, "c1", tree))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("lets an admin do everything on known units, and nobody act on unknown units or without signing in", () => {
    const admin = user("admin", "p");
    expect([can(admin, "users.manage", "c3", tree), can(admin, "values.write", "zz", tree), can(null, "read", "c1", tree)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("gives users management to province officers inside their scope only, and to no other role", () => {
    const tinh = user("province_officer", "d1");
    expect([
      can(tinh, "users.manage", "c1", tree),
      can(tinh, "users.manage", "d2", tree),
      can(tinh, "users.manage", "p", tree),
      can(user("district_officer", "d1"), "users.manage", "c1", tree),
    ]).toEqual([true, false, false, false]);
  });
});

describe("canChangeUnit", () => {
  const changes: UnitChange[] = [
    { kind: "create", parentId: "d1" },
    { kind: "update", unitId: "c1" },
    { kind: "move", unitId: "c1", parentId: "d2" },
    { kind: "delete", unitId: "h1" },
  ];

  it("lets an admin make every change anywhere, provinces at the top included", () => {
    const admin = user("admin", "p");
    expect(
      [...changes, { kind: "create", parentId: null }, { kind: "move", unitId: "p", parentId: null }, { kind: "delete", unitId: "p" }].map(
        (ch) => canChangeUnit(admin, ch as UnitChange, tree),
      ),
    ).toEqual([true, true, true, true, true, true, true]);
  });

  it("lets a province officer make every change inside their province", () => {
    expect(changes.map((ch) => canChangeUnit(user("province_officer", "p"), ch, tree))).toEqual([true, true, true, true]);
  });

  it("lets a province officer rename their own scope root but not move it, delete it or add a unit beside it at the top", () => {
    const tinh = user("province_officer", "p");
    expect([
      canChangeUnit(tinh, { kind: "update", unitId: "p" }, tree),
      canChangeUnit(tinh, { kind: "move", unitId: "p", parentId: null }, tree),
      canChangeUnit(tinh, { kind: "delete", unitId: "p" }, tree),
      canChangeUnit(tinh, { kind: "create", parentId: null }, tree),
    ]).toEqual([true, false, false, false]);
  });

  it("keeps a province officer scoped to a subtree inside it: no move out of it, none into it from outside, no change outside", () => {
    const scoped = user("province_officer", "d1");
    expect([
      canChangeUnit(scoped, { kind: "move", unitId: "h1", parentId: "c2" }, tree),
      canChangeUnit(scoped, { kind: "move", unitId: "c1", parentId: "d2" }, tree),
      canChangeUnit(scoped, { kind: "move", unitId: "c3", parentId: "d1" }, tree),
      canChangeUnit(scoped, { kind: "move", unitId: "d1", parentId: "p" }, tree),
      canChangeUnit(scoped, { kind: "create", parentId: "d2" }, tree),
      canChangeUnit(scoped, { kind: "update", unitId: "c3" }, tree),
      canChangeUnit(scoped, { kind: "delete", unitId: "c2" }, tree),
    ]).toEqual([true, false, false, false, false, false, true]);
  });

  it("refuses every change to the other roles, even inside their scope, and to anonymous callers", () => {
    const others = (["district_officer", "commune_officer", "inspector", "viewer"] as const).map((r) =>
      user(r, r === "commune_officer" ? "c1" : "d1"),
    );
    const inside: UnitChange[] = [
      { kind: "create", parentId: "c1" },
      { kind: "update", unitId: "c1" },
      { kind: "move", unitId: "h1", parentId: "c1" },
      { kind: "delete", unitId: "h1" },
    ];
    expect([
      ...others.flatMap((u) => inside.map((ch) => canChangeUnit(u, ch, tree))),
      canChangeUnit(null, { kind: "update", unitId: "c1" }, tree),
    ]).toEqual(Array.from({ length: 17 }, () => false));
  });

  it("refuses changes that name an unknown unit or parent, even to an admin", () => {
    const admin = user("admin", "p");
    expect([
      canChangeUnit(admin, { kind: "create", parentId: "zz" }, tree),
      canChangeUnit(admin, { kind: "update", unitId: "zz" }, tree),
      canChangeUnit(admin, { kind: "move", unitId: "c1", parentId: "zz" }, tree),
    ]).toEqual([false, false, false]);
  });
});
