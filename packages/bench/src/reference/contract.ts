/**
 * The byte-for-byte contract check: a result serialised from @ntm/core's engine must equal the one
 * serialised from the reference engine (the code before issue #14), unit by unit.
 */
import type { CompiledPack, CriteriaPack, UnitValues } from "@ntm/core";
import { compilePack, evaluateMany } from "@ntm/core";
import { referenceCompilePack } from "./compilePack.js";
import { referenceEvaluateMany } from "./evaluateUnit.js";
import { mulberry32 } from "../synthetic.js";

/** How many units serialise identically, and the first that does not. */
export interface ContractCheck {
  readonly units: number;
  readonly identical: number;
  readonly bytes: number;
  readonly first: { readonly unitId: string; readonly ours: string; readonly reference: string } | null;
}

/**
 * Evaluates `docs` with both engines and compares `JSON.stringify` of every result.
 * @example
 * const c = checkContract(pack, docs); c.identical === c.units // true when the contract holds
 */
export function checkContract(pack: CriteriaPack, docs: readonly UnitValues[], compiled: CompiledPack = compilePack(pack)): ContractCheck {
  const ours = evaluateMany(compiled, docs);
  const reference = referenceEvaluateMany(referenceCompilePack(pack), docs);
  let identical = 0;
  let bytes = 0;
  let first: ContractCheck["first"] = null;
  for (let i = 0; i < docs.length; i++) {
    const a = JSON.stringify(ours[i]);
    const b = JSON.stringify(reference[i]);
    bytes += a.length;
    if (a === b) identical++;
    else first ??= { unitId: docs[i]!.unit.id, ours: a, reference: b };
  }
  return { units: docs.length, identical, bytes, first };
}

/**
 * Roughens synthetic documents so that every branch of the engine runs: not-applicable declarations,
 * wrongly typed values, inputs for ratio indicators (zero and missing denominators), children for
 * child counts and shares (missing values and statuses), and years outside the pack's period.
 * Deterministic for a seed.
 * @example
 * const docs = roughen(compiled, generateCommunes(compiled, { count: 500, year: 2024, seed: 1 }), 7);
 */
export function roughen(compiled: CompiledPack, docs: readonly UnitValues[], seed: number): UnitValues[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const inds = compiled.indicators.map((ci) => ci.indicator);
  const ratioInputs = inds.flatMap((i) => (i.derive?.op === "ratio" ? [i.derive.numerator, i.derive.denominator] : []));
  const childTests = inds.flatMap((i) => (i.derive && i.derive.op !== "ratio" ? [i.derive] : []));
  return docs.map((d, u) => {
    const doc: UnitValues = JSON.parse(JSON.stringify(d)) as UnitValues;
    if (rnd() < 0.15) doc.year = pick([2019, 2020, 2021, 2025, 2026, 2027, 2031]);
    if (rnd() < 0.2) doc.notApplicable = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(inds).id);
    if (rnd() < 0.1) {
      const ind = pick(inds);
      doc.values[ind.id] = (ind.kind === "boolean" ? 1 : true) as never;
    }
    if (ratioInputs.length && rnd() < 0.4) {
      doc.inputs = {};
      for (const k of ratioInputs) {
        const r = rnd();
        if (r < 0.1) continue;
        doc.inputs[k] = r < 0.2 ? 0 : Math.floor(rnd() * 1000);
      }
    }
    if (childTests.length && rnd() < 0.4) {
      doc.children = Array.from({ length: Math.floor(rnd() * 6) }, (_, k) => {
        const t = pick(childTests);
        const values: Record<string, number | boolean | null> = {};
        const test = t.test;
        if ("indicator" in test) {
          const r = rnd();
          if (r > 0.1)
            values[test.indicator] = "equals" in test ? ((r < 0.55 ? test.equals : !test.equals) as boolean) : Math.round(rnd() * 100);
        }
        const statuses =
          rnd() < 0.8
            ? {
                standard: pick(["met", "not_met", "indeterminate"] as const),
                ...(rnd() < 0.5 ? { advanced: pick(["met", "not_met"] as const) } : {}),
              }
            : undefined;
        return {
          unit: { id: `c${u}-${k}`, name: `Đơn vị ${k}`, level: t.childLevel, ...(rnd() < 0.2 ? { flags: ["safeZone"] } : {}) },
          values,
          ...(statuses ? { statuses } : {}),
        };
      }) as UnitValues["children"];
    }
    return JSON.parse(JSON.stringify(doc)) as UnitValues;
  });
}
