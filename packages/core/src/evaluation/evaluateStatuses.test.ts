import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePack } from "./compilePack.js";
import { evaluateMany } from "./evaluateUnit.js";
import { evaluateStatuses } from "./evaluateStatuses.js";
import { getPack } from "../packs/registry.js";
import { commune, passingValues } from "../_testing/builders.js";
import { valuesDocs as docs } from "../_testing/arbitraries.js";

const packs = ["example.province-demo.2021-2025", "vn.commune-ntm.2021-2025", "vn.commune-ntm.2026-2030", "vn.district-ntm.2021-2025"].map(
  (id) => compilePack(getPack(id)!),
);

describe("evaluateStatuses", () => {
  it.each(packs.map((p) => [p.pack.id, p] as const))("decides every unit of %s exactly as evaluateMany does", (_, compiled) => {
    fc.assert(
      fc.property(docs(compiled), (batch) => {
        const full = evaluateMany(compiled, batch);
        const fast = evaluateStatuses(compiled, batch);
        expect(
          fast.map((s) => ({
            ...s,
            indicators: Object.fromEntries(compiled.indicators.map((ci, i) => [ci.indicator.id, s.indicators[i]])),
          })),
        ).toEqual(
          full.map((r) => ({
            unitId: r.unitId,
            year: r.year,
            variant: r.variant,
            status: r.status,
            criteriaMet: r.criteriaMet,
            criteriaNotMet: r.criteriaNotMet,
            criteriaTotal: r.criteriaTotal,
            indicators: Object.fromEntries(r.criteria.flatMap((c) => c.indicators.map((i) => [i.id, i.status]))),
            criteria: r.criteria.map((c) => c.status),
            revoke: r.revocation ? r.revocation.revoke : null,
          })),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("gives the statuses of a failing commune: 15.3 above the regional ceiling fails criterion 15 and the unit", () => {
    const compiled = packs[0]!;
    const doc = passingValues(compiled.pack, commune(), 2024);
    doc.values["15.3"] = 23.5; // DHNTB ceiling is 22
    const [s] = evaluateStatuses(compiled, [doc]);
    const i153 = compiled.indicators.findIndex((ci) => ci.indicator.id === "15.3");
    const c15 = compiled.pack.criteria.findIndex((c) => c.id === "15");
    expect([s!.status, s!.indicators[i153], s!.criteria[c15], s!.criteriaNotMet, s!.variant]).toEqual([
      "not_met",
      "not_met",
      "not_met",
      1,
      "DHNTB",
    ]);
  });
});
