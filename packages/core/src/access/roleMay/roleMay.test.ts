import { describe, expect, it } from "vitest";
import { ACTIONS, ROLES } from "../policy.js";
import { POLICY_TABLE } from "../policyTable.js";
import { roleMay } from "./index.js";

describe("roleMay", () => {
  it.each(ROLES.flatMap((r) => ACTIONS.map((a) => [r, a] as const)))("%s / %s agrees with the table", (role, action) => {
    expect(roleMay(role, action)).toBe(POLICY_TABLE[role][action] !== "never");
  });
});
