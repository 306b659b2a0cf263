import { describe, expect, it } from "vitest";
import { compilePack } from "../../evaluation/compilePack.js";
import { getPack } from "../../packs/registry.js";
import { commune, passingValues } from "../../_testing/builders.js";
import fc from "fast-check";
import type { CompiledPack } from "../../evaluation/compilePack.js";
import type { UnitValues } from "../../schemas/values.js";
import { getPack as shipped } from "../../packs/registry.js";
import { ladderDocs } from "../../_testing/arbitraries.js";
import { evaluateLadder } from "../../tiers/evaluateLadder/index.js";
import { tierLadder } from "../../tiers/tierLadder/index.js";
import type { Classification182 } from "../../tiers/withClassification182/index.js";
import { undeterminedOf } from "../undeterminedOf/index.js";
import { type RollupStanding, rollupStanding } from "./index.js";

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

/** The line as computed before the status-only path: full evaluations along the ladder, then undeterminedOf. */
function reference(l: readonly CompiledPack[], doc: UnitValues, classification?: Classification182): RollupStanding {
  const { results, tierReached } = evaluateLadder(l, doc, { stopAtFirstMiss: true, ...(classification ? { classification } : {}) });
  const base = results[0]!;
  return {
    unitId: doc.unit.id,
    status: base.status,
    criteriaMet: base.criteriaMet,
    criteriaTotal: base.criteriaTotal,
    tierReached,
    revoke: base.revocation?.revoke ?? false,
    criteria: Object.fromEntries(base.criteria.map((cr) => [cr.id, cr.status])),
    undetermined: undeterminedOf(base),
  };
}

describe("rollupStanding on the status-only path", () => {
  const ladders = [ladder, tierLadder({ get: shipped }, "vn.commune-ntm.2021-2025").map((p) => compilePack(p))];
  it.each(ladders.map((l) => [l.map((p) => p.pack.id).join(" → "), l] as const))(
    "gives the same line, byte for byte, as the full evaluation along the ladder (%s)",
    (_, l) => {
      fc.assert(
        fc.property(ladderDocs(l), (units) => {
          for (const { doc, classification } of units)
            expect(JSON.stringify(rollupStanding(l, doc, classification))).toBe(JSON.stringify(reference(l, doc, classification)));
        }),
        { numRuns: 120 },
      );
    },
  );
});
