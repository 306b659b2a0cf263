import { describe, expect, it } from "vitest";
import { ScoringInputsSchema, enteredValues } from "./index.js";

describe("enteredValues", () => {
  it("maps entered inputs to scheme field names, planned money as a number", () => {
    expect(
      enteredValues({
        programmeTargetsMet: 4,
        programmeTargetsTotal: 5,
        reportsOnTime: 3,
        reportsTotal: 4,
        reportsOverdue: 1,
        resourcesPlanned: "5000000000",
        tasks: { assigned: 1, done: 1, onTime: 1, exceeding: 0 },
      }),
    ).toEqual({
      programme_targets_met: 4,
      programme_targets_total: 5,
      reports_on_time: 3,
      reports_total: 4,
      reports_overdue: 1,
      resources_planned: 5_000_000_000,
    });
    expect(enteredValues({})).toEqual({});
  });

  it("refuses planned money that is not whole đồng and unknown keys", () => {
    expect(ScoringInputsSchema.safeParse({ resourcesPlanned: "5.000" }).success).toBe(false);
    expect(ScoringInputsSchema.safeParse({ other: 1 }).success).toBe(false);
  });
});

describe("ScoringInputsSchema evidence", () => {
  it("keeps a note per field and refuses notes for unknown fields", () => {
    expect(ScoringInputsSchema.safeParse({ reportsTotal: 4, evidence: { reportsTotal: "Báo cáo số 12/BC-UBND" } }).success).toBe(true);
    expect(ScoringInputsSchema.safeParse({ evidence: { other: "x" } }).success).toBe(false);
  });
});
