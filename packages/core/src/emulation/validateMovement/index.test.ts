import { describe, expect, it } from "vitest";
import { movement } from "../_lib/fixtures.js";
import { validateMovement, validateMovements } from "./index.js";

describe("validateMovement", () => {
  it("accepts the movement Chung sức xây dựng nông thôn mới with its participants and pledges", () => {
    expect(validateMovement(movement())).toEqual({ ok: true, value: movement() });
  });
  it("rejects a reversed period, a participant listed twice and a pledge by a non-participant, each at its path", () => {
    const m = movement({
      period: { from: "2025-01-01", to: "2024-12-31" },
      participants: [
        { kind: "unit", id: "x-01", name: "Xã An Bình" },
        { kind: "unit", id: "x-01", name: "Xã An Bình" },
      ],
      pledges: [{ participantId: "x-09", text: "Đạt chuẩn" }],
    });
    const r = validateMovement(m);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ["emulation.period_reversed", ["period", "to"]],
      ["emulation.duplicate_participant", ["participants", 1, "id"]],
      ["emulation.pledge_unknown_participant", ["pledges", 0, "participantId"]],
    ]);
  });
  it("rejects a date that is not a calendar day", () => {
    const r = validateMovement(movement({ period: { from: "2025-02-30" } }));
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([["period", "from"]]);
  });
});

describe("validateMovements", () => {
  it("reports a duplicate id with the row, all or nothing", () => {
    const r = validateMovements([movement(), movement()]);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([["emulation.duplicate_record", [1, "id"]]]);
  });
});
