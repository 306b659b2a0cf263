import { describe, expect, it } from "vitest";
import { capabilitiesOf } from "./roles";
import type { Role } from "../api/types";

describe("capabilitiesOf", () => {
  it("gives each role the pages and actions the API's policy allows it", () => {
    const roles: Role[] = ["admin", "province_officer", "district_officer", "commune_officer", "inspector", "viewer"];
    expect(Object.fromEntries(roles.map((role) => [role, capabilitiesOf({ role })]))).toEqual({
      admin: { overview: true, editValues: true, bulkImport: true, uploadPack: true, inspect: true, ranking: true, planWrite: true },
      province_officer: { overview: true, editValues: true, bulkImport: true, uploadPack: true, inspect: false, ranking: true, planWrite: true },
      district_officer: { overview: true, editValues: true, bulkImport: true, uploadPack: false, inspect: false, ranking: true, planWrite: true },
      commune_officer: { overview: false, editValues: true, bulkImport: true, uploadPack: false, inspect: false, ranking: false, planWrite: false },
      inspector: { overview: true, editValues: false, bulkImport: false, uploadPack: false, inspect: true, ranking: true, planWrite: false },
      viewer: { overview: true, editValues: false, bulkImport: false, uploadPack: false, inspect: false, ranking: true, planWrite: false },
    });
  });
  it("gives nothing to a visitor who is not signed in", () => {
    expect(Object.values(capabilitiesOf(null)).every((v) => v === false)).toBe(true);
  });
});
