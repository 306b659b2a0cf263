/**
 * The evaluation as it was before issue #14 (verbatim copy of @ntm/core 0.1.0 `evaluateUnit`,
 * `evaluateMany` and `checkRevocation`): the reference for the byte-for-byte contract check.
 */
import type { Reason } from "@ntm/core";
import type { ChildTest, Indicator, ThresholdValue, Tier } from "@ntm/core";
import type { ChildValues, IndicatorValue, UnitValues } from "@ntm/core";
import type { CriterionResult, CriterionStatus, EvaluationResult, IndicatorResult, IndicatorStatus } from "@ntm/core";
import type { CompiledIndicator, CompiledPack } from "./compilePack.js";
import { referenceCheckRevocation as checkRevocation } from "./checkRevocation.js";

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

interface Actual {
  value: IndicatorValue | undefined;
  derived: boolean;
  reasons: Reason[];
}

function passes(child: ChildValues, test: ChildTest): boolean | undefined {
  if ("flag" in test) return child.unit.flags?.includes(test.flag) ?? false;
  if ("status" in test) {
    const s = child.statuses?.[test.status.tier];
    return s === undefined ? undefined : s === test.status.equals;
  }
  const v = child.values[test.indicator];
  if (v === undefined || v === null) return undefined;
  if ("equals" in test) return v === test.equals;
  return typeof v === "number" && v >= test.atLeast;
}

function deriveValue(ind: Indicator, doc: UnitValues, path: (string | number)[]): Actual | undefined {
  const d = ind.derive;
  if (!d) return undefined;
  if (d.op === "ratio") {
    const num = doc.inputs?.[d.numerator];
    const den = doc.inputs?.[d.denominator];
    if (num === undefined || den === undefined) return undefined;
    if (den === 0)
      return {
        value: null,
        derived: true,
        reasons: [{ code: "derived.denominator_zero", path: ["inputs", d.denominator], params: { input: d.denominator } }],
      };
    const value = round9((100 * num) / den);
    return {
      value,
      derived: true,
      reasons: [{ code: "derived.ratio", path, params: { numerator: d.numerator, denominator: d.denominator, num, den, value } }],
    };
  }
  if (!doc.children) return undefined;
  const children = doc.children.filter((c) => c.unit.level === d.childLevel);
  let passed = 0;
  const unknown: string[] = [];
  for (const c of children) {
    const p = passes(c, d.test);
    if (p === undefined) unknown.push(c.unit.id);
    else if (p) passed++;
  }
  if (unknown.length)
    return {
      value: null,
      derived: true,
      reasons: [{ code: "derived.child_data_missing", path: ["children"], params: { units: unknown, count: unknown.length } }],
    };
  if (d.op === "childCount")
    return {
      value: passed,
      derived: true,
      reasons: [{ code: "derived.child_count", path, params: { passed, total: children.length, childLevel: d.childLevel } }],
    };
  if (children.length === 0)
    return {
      value: null,
      derived: true,
      reasons: [{ code: "derived.no_children", path: ["children"], params: { childLevel: d.childLevel } }],
    };
  const value = round9((100 * passed) / children.length);
  return {
    value,
    derived: true,
    reasons: [{ code: "derived.child_share", path, params: { passed, total: children.length, value, childLevel: d.childLevel } }],
  };
}

function evaluateIndicator(
  ci: CompiledIndicator,
  doc: UnitValues,
  variant: string | null,
  example: boolean,
  na: ReadonlySet<string> | undefined,
): IndicatorResult {
  const ind = ci.indicator;
  const id = ind.id;
  const path = ci.valuePath as (string | number)[];
  const required = ci.threshold(variant, doc.year);
  const comparator = ind.comparator;
  const verified = ci.verifiedFor(variant);
  if (na?.has(id) && ind.optional) {
    return {
      id,
      status: "not_applicable",
      actual: null,
      required: required ?? null,
      comparator,
      verified,
      reasons: [{ code: "indicator.not_applicable", path: ["notApplicable"], params: { indicator: id } }],
    };
  }
  const derived = ind.derive ? deriveValue(ind, doc, path) : undefined;
  const isDerived = derived !== undefined && derived.value !== null;
  const value = isDerived ? derived.value : doc.values[id];
  const reasons: Reason[] = derived ? derived.reasons : [];
  let status: IndicatorStatus;
  let gap: number | undefined;
  const unknown = required === undefined || required === null;
  const wrongType =
    value !== undefined && value !== null && (ind.kind === "boolean" ? typeof value !== "boolean" : typeof value !== "number");
  if (value === undefined || value === null || wrongType) {
    status = "missing";
    reasons.push(
      wrongType ? { code: "value.wrong_type", path, params: { indicator: id, expected: ind.kind, actual: value } } : ci.missingReason,
    );
    if (unknown)
      reasons.push({ code: "indicator.threshold_unknown", path: ["threshold", id], params: { indicator: id, variant, year: doc.year } });
  } else if (unknown) {
    status = "unknown_threshold";
    reasons.push({
      code: "indicator.threshold_unknown",
      path: ["threshold", id],
      params: { indicator: id, variant, year: doc.year, actual: value },
    });
  } else {
    let met: boolean;
    if (typeof value === "number" && typeof required === "number") {
      met = comparator === ">=" ? value >= required : comparator === "<=" ? value <= required : value === required;
      gap = round9(
        comparator === ">="
          ? Math.max(0, required - value)
          : comparator === "<="
            ? Math.max(0, value - required)
            : Math.abs(value - required),
      );
    } else {
      met = value === required;
    }
    status = met ? "met" : "not_met";
    const params: Record<string, unknown> = { indicator: id, actual: value, required, comparator, kind: ind.kind };
    if (gap !== undefined) params.gap = gap;
    if (ind.unit !== undefined) params.unit = ind.unit;
    reasons.push({ code: met ? "indicator.met" : "indicator.not_met", path, params });
  }
  if (!unknown && !verified) reasons.push(example ? ci.exampleReason : ci.unverifiedReason);
  const result: IndicatorResult = {
    id,
    status,
    actual: value ?? null,
    required: (required as ThresholdValue | undefined) ?? null,
    comparator,
    verified,
    reasons,
  };
  if (gap !== undefined) result.gap = gap;
  if (isDerived) result.derived = true;
  return result;
}

function criterionStatus(indicators: readonly IndicatorResult[]): CriterionStatus {
  let indeterminate = false;
  for (const i of indicators) {
    if (i.status === "not_met") return "not_met";
    if (i.status === "missing" || i.status === "unknown_threshold") indeterminate = true;
  }
  return indeterminate ? "indeterminate" : "met";
}

/**
 * Evaluates one unit's values for one year against a compiled pack: a status per indicator (with
 * actual, required, comparator, gap and reasons), per criterion, and for the unit; the count of
 * criteria met; and the revocation check of QĐ 18/2022. Results are immutable data: some reasons are
 * shared, frozen objects (copy before changing them).
 * @example
 * const compiled = compilePack(getShippedPack("example.province-demo.2021-2025"));
 * const r = evaluateUnit(compiled, { unit: { id: "x1", name: "Xã A", level: "commune", region: "DBSH" }, year: 2024, values: { "15.3": 12 } });
 * r.criteria.find((c) => c.id === "15")?.indicators[2]?.status // "met"
 */
export function referenceEvaluateUnit(compiled: CompiledPack, doc: UnitValues): EvaluationResult {
  const { pack } = compiled;
  const { variant, reasons } = compiled.variantOf(doc.unit);
  const example = pack.example === true;
  const na = doc.notApplicable?.length ? new Set(doc.notApplicable) : undefined;
  const perCriterion: IndicatorResult[][] = pack.criteria.map(() => []);
  let unverifiedCount = 0;
  for (const ci of compiled.indicators) {
    const r = evaluateIndicator(ci, doc, variant, example, na);
    if (!r.verified) unverifiedCount++;
    perCriterion[ci.criterionIndex]!.push(r);
  }
  const criteria: CriterionResult[] = pack.criteria.map((c, i) => {
    const indicators = perCriterion[i]!;
    const cr: CriterionResult = { id: c.id, status: criterionStatus(indicators), indicators };
    if (c.key) cr.key = true;
    if (c.condition) cr.condition = true;
    return cr;
  });
  let met = 0;
  let notMet = 0;
  let total = 0;
  let anyNotMet = false;
  let allMet = true;
  for (const c of criteria) {
    if (c.status === "not_met") anyNotMet = true;
    if (c.status !== "met") allMet = false;
    if (c.condition) continue;
    total++;
    if (c.status === "met") met++;
    else if (c.status === "not_met") notMet++;
  }
  const evaluated: CriterionStatus = anyNotMet ? "not_met" : allMet ? "met" : "indeterminate";
  if (example) reasons.push({ code: "pack.example", path: ["pack"], params: { packId: pack.id } });
  if (doc.unit.level !== pack.level)
    reasons.push({ code: "unit.level_mismatch", path: ["unit", "level"], params: { unitLevel: doc.unit.level, packLevel: pack.level } });
  // A set applies to the years its effective period touches; outside them the result cannot stand.
  const fromYear = Number(pack.effective.from.slice(0, 4));
  const toYear = pack.effective.to ? Number(pack.effective.to.slice(0, 4)) : Infinity;
  const outside = doc.year < fromYear || doc.year > toYear;
  if (outside)
    reasons.push({
      code: "pack.outside_effective",
      path: ["year"],
      params: { year: doc.year, packId: pack.id, from: pack.effective.from, to: pack.effective.to ?? null },
    });
  const status: CriterionStatus = outside ? "indeterminate" : evaluated;
  const result: EvaluationResult = {
    unitId: doc.unit.id,
    packId: pack.id,
    packVersion: pack.version,
    tier: pack.tier,
    year: doc.year,
    variant,
    status,
    criteriaMet: met,
    criteriaNotMet: notMet,
    criteriaTotal: total,
    unverifiedCount,
    example,
    criteria,
    reasons,
  };
  // Added to the contract with pack adoption (issue 10): a pack's coverage of its legal set.
  if (pack.coverage) result.coverage = pack.coverage;
  if (pack.criteria.some((c) => c.key)) result.revocation = checkRevocation(result);
  return result;
}

/**
 * Evaluates many units against one compiled pack (the batch path for a province or the country).
 * @example
 * const results = evaluateMany(compilePack(pack), allCommuneValues);
 */
export function referenceEvaluateMany(compiled: CompiledPack, docs: readonly UnitValues[]): EvaluationResult[] {
  const out = new Array<EvaluationResult>(docs.length);
  for (let i = 0; i < docs.length; i++) out[i] = referenceEvaluateUnit(compiled, docs[i]!);
  return out;
}
