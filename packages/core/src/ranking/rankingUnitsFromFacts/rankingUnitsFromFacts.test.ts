import { describe, expect, it } from "vitest";
import { compilePack } from "../../evaluation/compilePack.js";
import { getPack } from "../../packs/registry.js";
import { commune, passingValues } from "../../_testing/builders.js";
import type { OcopProduct } from "../../ocop/schema.js";
import fc from "fast-check";
import { ladderDocs } from "../../_testing/arbitraries.js";
import { compareYears } from "../../analyses/compareYears.js";
import { evaluateLadder } from "../../tiers/evaluateLadder/index.js";
import { tierPoints } from "../tierPoints/index.js";
import { type RankingFacts, rankingUnitsFromFacts } from "./index.js";

const ladder = ["example.province-demo.2021-2025", "example.province-demo-advanced.2021-2025"].map((id) => compilePack(getPack(id)!));
const a = commune({ id: "x1", name: "Xã Một" });
const b = commune({ id: "x2", name: "Xã Hai" });
const product = (id: string, communeUnitId: string): OcopProduct => ({
  id,
  name: id,
  subject: { name: "HTX", kind: "cooperative" },
  communeUnitId,
  group: "food",
  score: 60,
  stars: 3,
  certificate: { number: id, date: "2024-01-10" },
  status: "recognised",
});

function facts(): RankingFacts {
  const docA = passingValues(ladder[0]!.pack, a, 2025);
  const prevA = passingValues(ladder[0]!.pack, a, 2024);
  const docB = passingValues(ladder[1]!.pack, b, 2025);
  docA.values["10"] = 1; // income missed this year: criterion 10 lost
  return {
    year: 2025,
    ladder,
    communes: [
      { doc: docA, previous: prevA },
      { doc: docB, classification: { year: 2024, level: "good" } },
    ],
    ocopProducts: [product("p1", "x1"), product("p2", "x1"), product("p3", "elsewhere")],
    contributions: [
      { unitId: "x2", period: { kind: "year", year: 2025 }, source: "central_budget", amount: 2_000_000n },
      { unitId: "x2", period: { kind: "year", year: 2025 }, source: "central_budget", amount: 500_000n },
      { unitId: "x2", period: { kind: "year", year: 2024 }, source: "central_budget", amount: 9n },
      { unitId: "x2", period: { kind: "year", year: 2025 }, source: "labour_days", amount: 30n },
    ],
    inspections: [
      { unitId: "x1", record: { date: "2025-03-01", subject: { kind: "unit", id: "x1", name: "Xã Một" }, findings: ["f1", "f2"] } },
      { unitId: "x1", record: { date: "2024-03-01", subject: { kind: "unit", id: "x1", name: "Xã Một" }, findings: ["old"] } },
    ],
    entered: new Map([
      ["x2", { programmeTargetsMet: 4, programmeTargetsTotal: 5, tasks: { assigned: 2, done: 2, onTime: 2, exceeding: 0 } }],
    ]),
    dossiers: [
      {
        unitId: "x1",
        transitions: [
          { action: "submit", at: "2024-02-01T00:00:00Z" },
          { action: "revoke", at: "2025-06-01T00:00:00Z" },
        ],
      },
    ],
  };
}

describe("rankingUnitsFromFacts", () => {
  it("builds each commune's ranking input from the stored facts", () => {
    const [x1, x2] = rankingUnitsFromFacts(facts());
    expect(x1).toEqual({
      unitId: "x1",
      name: "Xã Một",
      values: {
        criteria_met: 18,
        criteria_total: 19,
        tier_reached: 0,
        ocop_products: 2,
        inspection_findings: 2,
        criteria_gained: 0,
        criteria_lost: 1,
      },
      recognitionRevoked: true,
    });
    expect(x2).toEqual({
      unitId: "x2",
      name: "Xã Hai",
      values: {
        programme_targets_met: 4,
        programme_targets_total: 5,
        criteria_met: 19,
        criteria_total: 19,
        tier_reached: 2,
        ocop_products: 0,
        inspection_findings: 0,
        resources_mobilised: 2_500_000,
      },
      tasks: { assigned: 2, done: 2, onTime: 2, exceeding: 0 },
    });
  });

  it("lowers criteria met when the classification gives 18.2 not met", () => {
    const f = facts();
    const docB = { ...f.communes[1]!.doc, values: { ...f.communes[1]!.doc.values } };
    delete docB.values["18.2"];
    const [, x2] = rankingUnitsFromFacts({
      ...f,
      communes: [f.communes[0]!, { doc: docB, classification: { year: 2024, level: "completed" } }],
    });
    expect([x2!.values.criteria_met, x2!.values.tier_reached]).toEqual([18, 0]);
  });
});

describe("rankingUnitsFromFacts on the status-only path", () => {
  it("reads criteria met, the tier reached and criteria gained and lost exactly as the full evaluation does", () => {
    const full = [...ladder, compilePack(getPack("example.province-demo-model.2021-2025")!)];
    fc.assert(
      fc.property(ladderDocs(full), (units) => {
        const got = rankingUnitsFromFacts({
          year: 2024,
          ladder: full,
          communes: units.map(({ doc, previous, classification }) => ({ doc, previous, classification })),
          ocopProducts: [],
          contributions: [],
          inspections: [],
          entered: new Map(),
          dossiers: [],
        });
        // Before the status-only path: every tier evaluated in full, compareYears on the first pack.
        const expected = units.map(({ doc, previous, classification }) => {
          const { results, tierReached } = evaluateLadder(full, doc, classification ? { classification } : {});
          const change = compareYears(evaluateLadder([full[0]!], previous).results[0]!, results[0]!);
          return [results[0]!.criteriaMet, results[0]!.criteriaTotal, tierPoints(tierReached), change.gained.length, change.lost.length];
        });
        expect(
          got.map((u) => [
            u.values.criteria_met,
            u.values.criteria_total,
            u.values.tier_reached,
            u.values.criteria_gained,
            u.values.criteria_lost,
          ]),
        ).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
