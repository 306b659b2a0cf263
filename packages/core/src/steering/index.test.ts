import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the steering area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual([
      "STEERING_MEMBER_FIELDS",
      "STEERING_ROLES",
      "SteeringMemberSchema",
      "SteeringRoleSchema",
      "communeIdsOf",
      "inTerm",
      "isVietnamesePhone",
      "planWithRegister",
      "reassignCommunes",
      "steeringCoverage",
      "validateSteeringMember",
    ]);
  });
});
