import { describe, expect, it } from "vitest";
import { compilePack } from "../../evaluation/compilePack.js";
import { getPack } from "../../packs/registry.js";
import { commune, passingValues } from "../../_testing/builders.js";
import { rollupStanding } from "./index.js";

const ladder = ["example.province-demo.2021-2025", "example.province-demo-advanced.2021-2025", "example.province-demo-model.2021-2025"].map(
  (id) => compilePack(getPack(id)!),
);

describe("rollupStanding", () => {
  it("gives the first pack's status and criteria and the tier reached along the ladder", () => {
    const doc = passingValues(ladder[0]!.pack, commune(), 2024);
    const s = rollupStanding(ladder, doc);
    expect([s.unitId, s.status, s.criteriaMet, s.criteriaTotal, s.tierReached, s.revoke]).toEqual([
      "xa-an-binh",
      "met",
      s.criteriaTotal,
      19,
      "standard",
      false,
    ]);
    expect(Object.values(s.criteria).every((x) => x === "met")).toBe(true);
  });

  it("reads 18.2 from a poor classification: one criterion lost, no tier", () => {
    const doc = passingValues(ladder[0]!.pack, commune(), 2024);
    delete doc.values["18.2"];
    const s = rollupStanding(ladder, doc, { year: 2023, level: "not_completed" });
    expect([s.status, s.criteriaMet, s.tierReached, s.criteria["18"]]).toEqual(["not_met", 18, null, "not_met"]);
  });

  it("refuses an empty ladder (a programmer error)", () => {
    expect(() => rollupStanding([], passingValues(ladder[0]!.pack, commune(), 2024))).toThrow(/empty ladder/);
  });
});
