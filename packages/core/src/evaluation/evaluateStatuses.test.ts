import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePack } from "./compilePack.js";
import { evaluateMany } from "./evaluateUnit.js";
import { evaluateStatuses } from "./evaluateStatuses.js";
import { getPack } from "../packs/registry.js";
import { REGIONS } from "../schemas/unit.js";
import { commune, passingValues } from "../_testing/builders.js";
import type { CompiledPack } from "./compilePack.js";
import type { UnitValues } from "../schemas/values.js";

const packs = ["example.province-demo.2021-2025", "vn.commune-ntm.2021-2025", "vn.commune-ntm.2026-2030", "vn.district-ntm.2021-2025"].map(
  (id) => compilePack(getPack(id)!),
);

/** Values documents for a pack: any region or none, override flags, every kind of value, N/A lists, children. */
function docs(compiled: CompiledPack): fc.Arbitrary<UnitValues[]> {
  const ids = compiled.indicators.map((ci) => ci.indicator.id);
  const value = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.double({ min: -10, max: 200, noNaN: true }),
    fc.integer({ min: 0, max: 100 }),
  );
  const doc = fc.record({
    region: fc.option(fc.constantFrom(...Object.keys(REGIONS)), { nil: undefined }),
    communeGroup: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }),
    flags: fc.subarray(["especiallyDifficult", "safeZone", "island"]),
    year: fc.integer({ min: 2019, max: 2032 }),
    values: fc.array(value, { minLength: ids.length, maxLength: ids.length }),
    notApplicable: fc.subarray(ids, { maxLength: 3 }),
    inputs: fc.dictionary(
      fc.constantFrom("households", "householdsSafeElectricity", "householdsSolidHouses"),
      fc.integer({ min: 0, max: 50 }),
    ),
    children: fc.array(
      fc.record({
        met: fc.constantFrom("met", "not_met", "indeterminate", undefined),
        culturalHouse: fc.option(fc.boolean(), { nil: undefined }),
        level: fc.constantFrom("commune", "hamlet"),
      }),
      { maxLength: 4 },
    ),
  });
  return fc.array(doc, { minLength: 1, maxLength: 8 }).map((xs) =>
    xs.map((d, k) => {
      const values: UnitValues["values"] = {};
      d.values.forEach((v, i) => {
        if (v !== undefined) values[ids[i]!] = v;
      });
      return {
        unit: {
          id: `u${k}`,
          name: `Xã ${k}`,
          level: "commune",
          ...(d.region ? { region: d.region as keyof typeof REGIONS } : {}),
          ...(d.communeGroup ? { communeGroup: d.communeGroup } : {}),
          ...(d.flags.length ? { flags: d.flags } : {}),
        },
        year: d.year,
        values,
        notApplicable: d.notApplicable,
        inputs: d.inputs,
        children: d.children.map((c, j) => ({
          unit: { id: `u${k}-${j}`, name: `Con ${j}`, level: c.level },
          values: c.culturalHouse === undefined ? {} : { culturalHouse: c.culturalHouse },
          ...(c.met ? { statuses: { standard: c.met } } : {}),
        })),
      } as UnitValues;
    }),
  );
}

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
