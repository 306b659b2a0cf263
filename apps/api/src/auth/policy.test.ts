import { describe, expect, it } from "vitest";
import { type Action, type Principal, type Role, can } from "./policy.js";

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
    expect([can(xa, "dossier.self_assess", "c1", tree), can(xa, "dossier.review", "c1", tree), can(huyen, "dossier.review", "c1", tree), can(huyen, "dossier.review", "d1", tree), can(tinh, "dossier.review", "d1", tree), can(huyen, "dossier.self_assess", "c1", tree)]).toEqual([
      true, false, true, false, true, false,
    ]);
  });

  it("lets an inspector read and write inspections in scope and read the audit log, but not write values", () => {
    const kt = user("inspector", "d1");
    expect([can(kt, "read", "c2", tree), can(kt, "inspection.write", "c2", tree), can(kt, "audit.read", "d1", tree), can(kt, "values.write", "c2", tree), can(kt, "read", "c3", tree)]).toEqual([true, true, true, false, false]);
  });

  it("lets a viewer read in scope and nothing else", () => {
    const xem = user("viewer", "p");
    const actions: Action[] = ["read", "values.write", "dossier.self_assess", "dossier.review", "inspection.write", "plan.write", "packs.upload", "results.publish", "audit.read", "users.manage"];
    expect(actions.map((a) => can(xem, a, "c1", tree))).toEqual([true, false, false, false, false, false, false, false, false, false]);
  });

  it("lets an admin do everything on known units, and nobody act on unknown units or without signing in", () => {
    const admin = user("admin", "p");
    expect([can(admin, "users.manage", "c3", tree), can(admin, "values.write", "zz", tree), can(null, "read", "c1", tree)]).toEqual([true, false, false]);
  });

  it("keeps users management for admins only, even a province officer's", () => {
    expect(can(user("province_officer", "p"), "users.manage", "p", tree)).toBe(false);
  });
});
