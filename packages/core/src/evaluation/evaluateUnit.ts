import type { EvaluationResult } from "../schemas/result.js";
import type { UnitValues } from "../schemas/values.js";
import type { CompiledPack } from "./compilePack.js";
import type { Actual } from "./_lib/derive.js";
import { decide, engineOf, rowOf, type Snapshot } from "./_lib/engine.js";
import { LazyEvaluationResult } from "./_lib/lazyResult.js";

/**
 * Evaluates one unit's values for one year against a compiled pack: a status per indicator (with
 * actual, required, comparator, gap and reasons), per criterion, and for the unit; the count of
 * criteria met; and the revocation check of QĐ 18/2022. Statuses and counts are decided at once; the
 * per-criterion detail (`criteria`) and `revocation` are built from a compact record the first time
 * they are read (own enumerable properties: JSON.stringify, spreading and zod see the plain contract).
 * Results are immutable data: some reasons are shared, frozen objects (copy before changing them).
 * @example
 * const compiled = compilePack(getShippedPack("example.province-demo.2021-2025"));
 * const r = evaluateUnit(compiled, { unit: { id: "x1", name: "Xã A", level: "commune", region: "DBSH" }, year: 2024, values: { "15.3": 12 } });
 * r.criteria.find((c) => c.id === "15")?.indicators[2]?.status // "met"
 */
export function evaluateUnit(compiled: CompiledPack, doc: UnitValues): EvaluationResult {
  const e = engineOf(compiled);
  const { pack } = compiled;
  const { variant, reasons } = compiled.variantOf(doc.unit);
  const row = rowOf(e, variant, doc.year);
  const snapshot = new Array<Snapshot>(e.n);
  const derived = e.hasDerived ? new Array<Actual | undefined>(e.n) : undefined;
  const t = decide(e, doc, row, snapshot, derived);
  if (e.example) reasons.push(e.exampleReason);
  if (doc.unit.level !== pack.level)
    reasons.push({ code: "unit.level_mismatch", path: ["unit", "level"], params: { unitLevel: doc.unit.level, packLevel: pack.level } });
  // A set applies to the years its effective period touches; outside them the result cannot stand.
  if (t.outside)
    reasons.push({
      code: "pack.outside_effective",
      path: ["year"],
      params: { year: doc.year, packId: pack.id, from: pack.effective.from, to: pack.effective.to ?? null },
    });
  return new LazyEvaluationResult(e, row, doc.unit.id, t, snapshot, derived, reasons);
}

/**
 * Evaluates many units against one compiled pack (the batch path for a province or the country).
 * @example
 * const results = evaluateMany(compilePack(pack), allCommuneValues);
 */
export function evaluateMany(compiled: CompiledPack, docs: readonly UnitValues[]): EvaluationResult[] {
  const out = new Array<EvaluationResult>(docs.length);
  for (let i = 0; i < docs.length; i++) out[i] = evaluateUnit(compiled, docs[i]!);
  return out;
}
