import { describe, expect, it } from "vitest";
import { childTierStatuses } from "./index.js";

describe("childTierStatuses", () => {
  it("keeps each status while every lower tier is met", () => {
    expect(
      childTierStatuses([
        { tier: "standard", status: "met" },
        { tier: "advanced", status: "met" },
        { tier: "model", status: "indeterminate" },
      ]),
    ).toEqual({ standard: "met", advanced: "met", model: "indeterminate" });
  });

  it("reads a higher tier met after a lower miss as not met", () => {
    expect(
      childTierStatuses([
        { tier: "standard", status: "not_met" },
        { tier: "advanced", status: "met" },
        { tier: "model", status: "indeterminate" },
      ]),
    ).toEqual({ standard: "not_met", advanced: "not_met", model: "indeterminate" });
  });

  it("is empty for no results", () => {
    expect(childTierStatuses([])).toEqual({});
  });
});
