import { describe, expect, it } from "vitest";
import * as api from "./index.js";

describe("the resources area's public surface", () => {
  it("exports exactly these runtime names (a change here is an API change: add a changeset)", () => {
    expect(Object.keys(api).sort()).toEqual([
      "ContributionInputSchema",
      "ContributionSchema",
      "MONEY_SOURCES",
      "RESOURCE_SOURCES",
      "ResourceSourceSchema",
      "exactShare",
      "groupContributions",
      "parseDong",
      "rollUpContributions",
      "summariseContributions",
      "validateContribution",
      "validateContributions",
    ]);
  });
});
