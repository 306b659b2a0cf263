import { describe, expect, it } from "vitest";
import { ROLES } from "@ntm/core";
import { canChangeUnit, capabilitiesOf, type UnitChange } from "./roles";
import type { Role } from "../api/types";
// The shared table of the access policy, written by hand in core (not part of core's public API).
import { POLICY_TABLE, expected } from "../../../../packages/core/src/access/policyTable";

describe("capabilitiesOf", () => {
  it("gives each role the pages and actions the API's policy allows it", () => {
    const roles: Role[] = [
      "admin",
      "province_officer",
      "district_officer",
      "commune_officer",
      "inspector",
      "viewer",
      "standing_board",
      "propaganda_board",
      "front_org",
      "coordination_office",
    ];
    expect(Object.fromEntries(roles.map((role) => [role, capabilitiesOf({ role })]))).toEqual({
      admin: {
        overview: true,
        editValues: true,
        bulkImport: true,
        uploadPack: true,
        inspect: true,
        ranking: true,
        planWrite: true,
        planImplement: true,
        manageUnits: true,
        manageUsers: true,
        publishResults: true,
        approveValues: true,
      },
      province_officer: {
        overview: true,
        editValues: true,
        bulkImport: true,
        uploadPack: true,
        inspect: false,
        ranking: true,
        planWrite: true,
        planImplement: true,
        manageUnits: true,
        manageUsers: true,
        publishResults: true,
        approveValues: true,
      },
      district_officer: {
        overview: true,
        editValues: true,
        bulkImport: true,
        uploadPack: false,
        inspect: false,
        ranking: true,
        planWrite: true,
        planImplement: true,
        manageUnits: false,
        manageUsers: false,
        publishResults: false,
        approveValues: true,
      },
      commune_officer: {
        overview: false,
        editValues: true,
        bulkImport: true,
        uploadPack: false,
        inspect: false,
        ranking: false,
        planWrite: false,
        planImplement: true,
        manageUnits: false,
        manageUsers: false,
        publishResults: false,
        approveValues: false,
      },
      inspector: {
        overview: true,
        editValues: false,
        bulkImport: false,
        uploadPack: false,
        inspect: true,
        ranking: true,
        planWrite: false,
        planImplement: false,
        manageUnits: false,
        manageUsers: false,
        publishResults: false,
        approveValues: false,
      },
      viewer: {
        overview: true,
        editValues: false,
        bulkImport: false,
        uploadPack: false,
        inspect: false,
        ranking: true,
        planWrite: false,
        planImplement: false,
        manageUnits: false,
        manageUsers: false,
        publishResults: false,
        approveValues: false,
      },
      standing_board: {
        overview: true,
        editValues: false,
        bulkImport: false,
        uploadPack: false,
        inspect: false,
        ranking: true,
        planWrite: false,
        planImplement: false,
        manageUnits: false,
        manageUsers: false,
        publishResults: false,
        approveValues: false,
      },
      propaganda_board: {
        overview: true,
        editValues: false,
        bulkImport: false,
        uploadPack: false,
        inspect: false,
        ranking: true,
        planWrite: false,
        planImplement: true,
        manageUnits: false,
        manageUsers: false,
        publishResults: false,
        approveValues: false,
      },
      front_org: {
        overview: true,
        editValues: false,
        bulkImport: false,
        uploadPack: false,
        inspect: false,
        ranking: true,
        planWrite: false,
        planImplement: true,
        manageUnits: false,
        manageUsers: false,
        publishResults: false,
        approveValues: false,
      },
      coordination_office: {
        overview: true,
        editValues: true,
        bulkImport: true,
        uploadPack: false,
        inspect: false,
        ranking: true,
        planWrite: true,
        planImplement: true,
        manageUnits: false,
        manageUsers: false,
        publishResults: false,
        approveValues: false,
      },
    });
  });
  it("gives nothing to a visitor who is not signed in", () => {
    expect(Object.values(capabilitiesOf(null)).every((v) => v === false)).toBe(true);
  });
});

describe("canChangeUnit", () => {
  // p → d-01 → c-01-01 → t1; p → c-09 (a commune directly under the province); q is another province.
  const parents = new Map<string, string | null>([
    ["p", null],
    ["d-01", "p"],
    ["c-01-01", "d-01"],
    ["t1", "c-01-01"],
    ["c-09", "p"],
    ["q", null],
    ["c-q-1", "q"],
  ]);
  const tinh = { role: "province_officer", scopeUnitId: "p" } as const;
  const changes: [string, UnitChange][] = [
    ["add a hamlet under a commune", { kind: "create", parentId: "c-01-01" }],
    ["rename the province", { kind: "update", unitId: "p" }],
    ["rename a hamlet", { kind: "update", unitId: "t1" }],
    ["move a commune under the province", { kind: "move", unitId: "c-01-01", parentId: "p" }],
    ["delete a hamlet", { kind: "delete", unitId: "t1" }],
    ["delete the province", { kind: "delete", unitId: "p" }],
    ["move the province", { kind: "move", unitId: "p", parentId: "q" }],
    ["add a province", { kind: "create", parentId: null }],
    ["move a commune to the top", { kind: "move", unitId: "c-09", parentId: null }],
    ["add under another province", { kind: "create", parentId: "q" }],
    ["move a commune into another province", { kind: "move", unitId: "c-09", parentId: "q" }],
    ["rename a unit of another province", { kind: "update", unitId: "c-q-1" }],
    ["rename an unknown unit", { kind: "update", unitId: "nowhere" }],
    ["add under an unknown unit", { kind: "create", parentId: "nowhere" }],
  ];
  const allowed = (user: Parameters<typeof canChangeUnit>[0]) =>
    Object.fromEntries(changes.map(([what, c]) => [what, canChangeUnit(user, c, parents)]));

  it("lets a province officer change units inside their province, but not their own root, the top of the tree or another province", () => {
    expect(allowed(tinh)).toEqual({
      "add a hamlet under a commune": true,
      "rename the province": true,
      "rename a hamlet": true,
      "move a commune under the province": true,
      "delete a hamlet": true,
      "delete the province": false,
      "move the province": false,
      "add a province": false,
      "move a commune to the top": false,
      "add under another province": false,
      "move a commune into another province": false,
      "rename a unit of another province": false,
      "rename an unknown unit": false,
      "add under an unknown unit": false,
    });
  });
  it("lets an admin make every change to known units, provinces included", () => {
    expect(allowed({ role: "admin", scopeUnitId: "p" })).toEqual({
      ...Object.fromEntries(changes.map(([what]) => [what, true])),
      "rename an unknown unit": false,
      "add under an unknown unit": false,
    });
  });
  it("lets a province officer scoped to a district change only that district's subtree", () => {
    const scoped = allowed({ role: "province_officer", scopeUnitId: "d-01" });
    expect(
      Object.entries(scoped)
        .filter(([, ok]) => ok)
        .map(([what]) => what),
    ).toEqual(["add a hamlet under a commune", "rename a hamlet", "delete a hamlet"]);
  });
  it("gives no tree changes to district and commune officers, inspectors, viewers or visitors", () => {
    for (const role of ["district_officer", "commune_officer", "inspector", "viewer"] as const) {
      expect(Object.values(allowed({ role, scopeUnitId: "p" })).some(Boolean)).toBe(false);
    }
    expect(Object.values(allowed(null)).some(Boolean)).toBe(false);
  });
});

describe("the web's capabilities agree with core's policy table", () => {
  it.each(ROLES.map((r) => [r]))("%s", (role) => {
    const granted = (a: keyof (typeof POLICY_TABLE)[Role]) => POLICY_TABLE[role][a] !== "never";
    const { editValues, bulkImport, uploadPack, inspect, planWrite, planImplement, manageUnits } = capabilitiesOf({ role });
    expect({ editValues, bulkImport, uploadPack, inspect, planWrite, planImplement, manageUnits }).toEqual({
      editValues: granted("values.write"),
      bulkImport: granted("values.write"),
      uploadPack: granted("packs.upload"),
      inspect: granted("audit.read"),
      planWrite: granted("plan.write"),
      planImplement: granted("plan.implement"),
      manageUnits: granted("units.manage"),
    });
  });

  it.each(ROLES.map((r) => [r]))("%s: offers a rename exactly where the table gives units.manage", (role) => {
    // p → d → c, and another province q → x; the actor is scoped to d.
    const parents = new Map<string, string | null>([
      ["p", null],
      ["d", "p"],
      ["c", "d"],
      ["q", null],
      ["x", "q"],
    ]);
    const user = { role, scopeUnitId: "d" };
    const at = { scope_root: "d", below_root: "c", outside: "x" } as const;
    for (const position of ["scope_root", "below_root", "outside"] as const) {
      expect([position, canChangeUnit(user, { kind: "update", unitId: at[position] }, parents)]).toEqual([
        position,
        expected(role, "units.manage", position),
      ]);
    }
  });
});
