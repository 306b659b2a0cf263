// fast-check arbitraries for property tests (not part of the public API).
import fc from "fast-check";
import { REGIONS } from "../schemas/unit.js";
import type { CompiledPack } from "../evaluation/compilePack.js";
import type { UnitValues } from "../schemas/values.js";
import type { Classification182 } from "../tiers/withClassification182/index.js";
import { passingValues } from "./builders.js";

/** Values documents for a pack: any region or none, override flags, every kind of value, N/A lists, children. */
export function valuesDocs(compiled: CompiledPack): fc.Arbitrary<UnitValues[]> {
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

/**
 * Values documents for a tier ladder with a previous year's document and a classification (or none):
 * random documents (mostly not met) and documents passing the ladder's top pack with a few random
 * values over them (so every tier is reached, missed or undecided).
 */
export function ladderDocs(
  ladder: readonly CompiledPack[],
): fc.Arbitrary<{ doc: UnitValues; previous: UnitValues; classification: Classification182 | undefined }[]> {
  const top = ladder[ladder.length - 1]!.pack;
  const level = fc.option(
    fc.constantFrom("excellent", "good", "completed", "not_completed").map((l) => ({ year: 2023, level: l }) as Classification182),
    { nil: undefined },
  );
  return fc
    .record({
      now: valuesDocs(ladder[0]!),
      before: valuesDocs(ladder[0]!),
      passing: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      level,
    })
    .map(({ now, before, passing, level: classification }) =>
      now.map((d, k) => {
        // A passing document of the unit, in the ladder's period; every other one with one random value over it.
        const pass = passingValues(top, d.unit, 2021 + (k % 5));
        const over = k % 2 === 1 ? Object.fromEntries(Object.entries(d.values).slice(0, 1)) : {};
        const doc = passing[k] ? { ...pass, values: { ...pass.values, ...over } } : d;
        const prev = before[k % before.length]!;
        return { doc, previous: { ...prev, unit: d.unit, year: doc.year - 1 }, classification };
      }),
    );
}
