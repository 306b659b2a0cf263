import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_SCHEME } from "../scheme/index.js";
import type { RankingUnit } from "../input.js";
import { classifyGroups } from "./index.js";

// Every input the default scheme reads, so the ranking gives a level.
const complete = (unitId: string, criteriaMet: number): RankingUnit => ({
  unitId,
  values: {
    criteria_met: criteriaMet,
    criteria_total: 19,
    tier_reached: 1,
    criteria_gained: 0,
    criteria_lost: 0,
    programme_targets_met: 5,
    programme_targets_total: 5,
    reports_on_time: 4,
    reports_total: 4,
    reports_overdue: 0,
    resources_mobilised: 1,
    resources_planned: 1,
    ocop_products: 1,
    inspection_findings: 0,
  },
  tasks: { assigned: 4, done: 4, onTime: 4, exceeding: 1 },
});

describe("classifyGroups", () => {
  it("ranks each group on its own and gives each unit with complete data its level for the year", () => {
    const out = classifyGroups(
      [
        { scheme: DEFAULT_SCORING_SCHEME, units: [complete("a", 19), complete("b", 12)] },
        { scheme: DEFAULT_SCORING_SCHEME, units: [{ unitId: "c", values: { criteria_met: 19 } }] },
      ],
      2024,
    );
    expect([...out.keys()].sort()).toEqual(["a", "b"]);
    expect([out.get("a")!.year, typeof out.get("a")!.level]).toEqual([2024, "string"]);
  });

  it("gives nothing for a group whose input is refused", () => {
    expect(classifyGroups([{ scheme: DEFAULT_SCORING_SCHEME, units: [{ unitId: "", values: {} }] }], 2024).size).toBe(0);
  });
});
