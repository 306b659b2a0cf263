import { describe, expect, it } from "vitest";
import { applyCaps } from "./index.js";
import { REGIME_124, REGIME_366 } from "../regimes/index.js";
import { unit } from "../_lib/fixtures.js";

describe("applyCaps", () => {
  it("caps a unit whose recognition was revoked at 'completed' by default, or at the configured level", () => {
    const u = unit("xa-a", 95, { recognitionRevoked: true });
    expect(applyCaps("excellent", u, REGIME_366.caps, {})).toEqual({
      level: "completed",
      caps: [
        {
          rule: "revokedRecognition",
          maxLevel: "completed",
          lowered: true,
          verified: false,
          reason: { code: "cap.revoked_recognition", path: ["recognitionRevoked"], params: { maxLevel: "completed", isDefault: true } },
        },
      ],
    });
    expect(applyCaps("excellent", u, REGIME_366.caps, { revokedCapLevel: "not_completed" }).level).toBe("not_completed");
  });

  it("under 124: a disciplined member bars excellent; without self-correction the unit is not completed", () => {
    expect(
      applyCaps("excellent", unit("a", 95, { discipline: { disciplined: true, selfCorrected: true } }), REGIME_124.caps, {}).level,
    ).toBe("good");
    expect(applyCaps("good", unit("a", 80, { discipline: { disciplined: true, selfCorrected: false } }), REGIME_124.caps, {}).level).toBe(
      "not_completed",
    );
  });

  it("under 366: a disciplined member bars excellent only", () => {
    const r = applyCaps("excellent", unit("a", 95, { discipline: { disciplined: true, selfCorrected: false } }), REGIME_366.caps, {});
    expect([r.level, r.caps.map((c) => [c.rule, c.lowered])]).toEqual(["good", [["discipline366", true]]]);
  });

  it("under 366: tasks not all on time bar excellent and good; more than 20% late or undone gives not completed", () => {
    expect(
      applyCaps("excellent", unit("a", 95, { tasks: { assigned: 10, done: 10, onTime: 9, exceeding: 5 } }), REGIME_366.caps, {}).level,
    ).toBe("completed");
    expect(
      applyCaps("good", unit("a", 80, { tasks: { assigned: 10, done: 10, onTime: 8, exceeding: 0 } }), REGIME_366.caps, {}).level,
    ).toBe("completed"); // 20% late: still completed
    expect(
      applyCaps("good", unit("a", 80, { tasks: { assigned: 10, done: 10, onTime: 7, exceeding: 0 } }), REGIME_366.caps, {}).level,
    ).toBe("not_completed"); // 30% late
    expect(
      applyCaps("completed", unit("a", 60, { tasks: { assigned: 10, done: 9, onTime: 9, exceeding: 0 } }), REGIME_366.caps, {}).level,
    ).toBe("not_completed");
  });

  it("under 366: excellent needs at least 30% of tasks exceeding requirements (3/10 is enough, 2/10 is not)", () => {
    expect(
      applyCaps("excellent", unit("a", 95, { tasks: { assigned: 10, done: 10, onTime: 10, exceeding: 3 } }), REGIME_366.caps, {}),
    ).toEqual({ level: "excellent", caps: [] });
    expect(
      applyCaps("excellent", unit("a", 95, { tasks: { assigned: 10, done: 10, onTime: 10, exceeding: 2 } }), REGIME_366.caps, {}).level,
    ).toBe("good");
  });

  it("says when task counts are missing, without capping", () => {
    const { tasks: _t, ...noTasks } = unit("a", 95);
    expect(applyCaps("excellent", noTasks, REGIME_366.caps, {})).toEqual({
      level: "excellent",
      caps: [
        {
          rule: "tasksDataPresent366",
          maxLevel: "excellent",
          lowered: false,
          verified: true,
          reason: { code: "cap.tasks_unknown", path: ["tasks"], params: { basis: "366-QĐ/TW" } },
        },
      ],
    });
  });
});
