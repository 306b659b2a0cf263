import { describe, expect, it } from "vitest";
import { parseDossier, newDossier } from "./schema.js";

describe("parseDossier", () => {
  it("names the JSON path of each bad field", () => {
    const d = {
      ...newDossier({
        id: "d",
        unitId: "x",
        level: "commune",
        tier: "standard",
        packId: "p",
        year: 2025,
        createdAt: "2025-03-03T08:00:00+07:00",
      }),
      satisfactionPercent: 120,
      capitalConstructionDebt: 1.5,
      councilVote: { for: 12, against: 10, members: 20 },
    };
    const r = parseDossier(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe("invalid_input");
    expect(r.issues.map((i) => i.path)).toEqual([["satisfactionPercent"], ["capitalConstructionDebt"], ["councilVote", "for"]]);
  });

  it("accepts a new dossier and a whole-đồng integer debt", () => {
    const d = {
      ...newDossier({ id: "d", unitId: "x", level: "hamlet", tier: "model", packId: "p", year: 2025, createdAt: "2025-03-03T08:00:00Z" }),
      capitalConstructionDebt: 0,
    };
    expect(parseDossier(d)).toEqual({ ok: true, value: d });
  });
});
