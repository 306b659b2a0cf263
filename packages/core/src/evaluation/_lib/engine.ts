/**
 * The evaluation engine's precompiled form of a pack: flat per-indicator arrays, per-criterion
 * indicator lists, and threshold tables per (variant, year) built once on first use. Everything
 * here depends only on the compiled pack, so it is memoised per `CompiledPack` object.
 */
import type { Reason } from "../../schemas/common.js";
import type { Comparator, Derive, Indicator, ThresholdValue } from "../../schemas/pack.js";
import type { CriterionStatus, IndicatorStatus } from "../../schemas/result.js";
import type { IndicatorValue, UnitValues } from "../../schemas/values.js";
import type { CompiledPack } from "../compilePack.js";
import { deriveValue, type Actual } from "./derive.js";

/** Indicator status codes (indexes into {@link INDICATOR_STATUS}). */
export const MET = 0;
export const NOT_MET = 1;
export const MISSING = 2;
export const UNKNOWN = 3;
export const NOT_APPLICABLE = 4;
export const INDICATOR_STATUS: readonly IndicatorStatus[] = ["met", "not_met", "missing", "unknown_threshold", "not_applicable"];

/** Criterion status codes (indexes into {@link CRITERION_STATUS}). */
export const C_MET = 0;
export const C_NOT_MET = 1;
export const C_INDETERMINATE = 2;
export const CRITERION_STATUS: readonly CriterionStatus[] = ["met", "not_met", "indeterminate"];

const GE = 0;
const LE = 1;
const EQ = 2;

/** Stands in a values snapshot for an indicator declared not applicable (never a real value). */
export const NA: unique symbol = Symbol("not applicable");
/** One entry of a values snapshot: the value the status was decided on. */
export type Snapshot = IndicatorValue | undefined | typeof NA;

/** The thresholds and verification flags that apply to one variant in one year. */
export interface Row {
  readonly variant: string | null;
  readonly year: number;
  /** Threshold per indicator (compiled order); null when the pack has none. */
  readonly required: readonly ThresholdValue[];
  readonly verified: readonly boolean[];
  /** Indicators whose threshold is not verified for this variant. */
  readonly unverifiedCount: number;
}

/** A pack flattened for the evaluation loops. */
export interface Engine {
  readonly compiled: CompiledPack;
  readonly n: number;
  readonly ids: readonly string[];
  readonly indicators: readonly Indicator[];
  readonly comparators: readonly Comparator[];
  readonly cmp: Uint8Array;
  readonly isBoolean: readonly boolean[];
  readonly optional: readonly boolean[];
  readonly derive: readonly (Derive | undefined)[];
  readonly hasDerived: boolean;
  readonly valuePaths: readonly (readonly (string | number)[])[];
  readonly missingReasons: readonly Reason[];
  readonly exampleReasons: readonly Reason[];
  readonly unverifiedReasons: readonly Reason[];
  /** Indicator indexes of each criterion, in compiled order. */
  readonly criterionIndicators: readonly (readonly number[])[];
  readonly criterionIds: readonly string[];
  readonly criterionKey: readonly boolean[];
  readonly criterionCondition: readonly boolean[];
  /** Criteria that count (not conditions). */
  readonly criteriaTotal: number;
  readonly hasKey: boolean;
  readonly example: boolean;
  readonly fromYear: number;
  readonly toYear: number;
  readonly exampleReason: Reason;
  /** Scratch space for one unit's indicator status codes (evaluation is synchronous). */
  readonly scratch: Uint8Array;
  readonly criterionScratch: Uint8Array;
  readonly rows: Map<number, Map<string | null, Row>>;
}

const engines = new WeakMap<CompiledPack, Engine>();

function build(compiled: CompiledPack): Engine {
  const { pack } = compiled;
  const cis = compiled.indicators;
  const n = cis.length;
  const criterionIndicators: number[][] = pack.criteria.map(() => []);
  cis.forEach((ci, i) => criterionIndicators[ci.criterionIndex]!.push(i));
  const indicators = cis.map((ci) => ci.indicator);
  const derive = indicators.map((ind) => ind.derive);
  return {
    compiled,
    n,
    ids: indicators.map((ind) => ind.id),
    indicators,
    comparators: indicators.map((ind) => ind.comparator),
    cmp: Uint8Array.from(indicators, (ind) => (ind.comparator === ">=" ? GE : ind.comparator === "<=" ? LE : EQ)),
    isBoolean: indicators.map((ind) => ind.kind === "boolean"),
    optional: indicators.map((ind) => ind.optional === true),
    derive,
    hasDerived: derive.some((d) => d !== undefined),
    valuePaths: cis.map((ci) => ci.valuePath),
    missingReasons: cis.map((ci) => ci.missingReason),
    exampleReasons: cis.map((ci) => ci.exampleReason),
    unverifiedReasons: cis.map((ci) => ci.unverifiedReason),
    criterionIndicators,
    criterionIds: pack.criteria.map((c) => c.id),
    criterionKey: pack.criteria.map((c) => c.key === true),
    criterionCondition: pack.criteria.map((c) => c.condition === true),
    criteriaTotal: pack.criteria.filter((c) => !c.condition).length,
    hasKey: pack.criteria.some((c) => c.key),
    example: pack.example === true,
    fromYear: Number(pack.effective.from.slice(0, 4)),
    toYear: pack.effective.to ? Number(pack.effective.to.slice(0, 4)) : Infinity,
    exampleReason: Object.freeze({
      code: "pack.example",
      path: Object.freeze(["pack"]) as (string | number)[],
      params: Object.freeze({ packId: pack.id }),
    }),
    scratch: new Uint8Array(n),
    criterionScratch: new Uint8Array(pack.criteria.length),
    rows: new Map(),
  };
}

/**
 * The engine of a compiled pack, built on first use and kept as long as the compiled pack lives.
 * @example
 * const e = engineOf(compilePack(pack)); e.n // number of indicators
 */
export function engineOf(compiled: CompiledPack): Engine {
  let e = engines.get(compiled);
  if (!e) {
    e = build(compiled);
    engines.set(compiled, e);
  }
  return e;
}

/**
 * The threshold row for a variant and year (built once, then shared by every unit that uses it).
 * @example
 * rowOf(engineOf(compiled), "DBSH", 2024).required[0]
 */
export function rowOf(e: Engine, variant: string | null, year: number): Row {
  let byVariant = e.rows.get(year);
  if (!byVariant) {
    byVariant = new Map();
    e.rows.set(year, byVariant);
  }
  let row = byVariant.get(variant);
  if (!row) {
    const cis = e.compiled.indicators;
    const verified = cis.map((ci) => ci.verifiedFor(variant));
    row = Object.freeze({
      variant,
      year,
      required: Object.freeze(cis.map((ci) => ci.threshold(variant, year) ?? null)),
      verified: Object.freeze(verified),
      unverifiedCount: verified.filter((v) => !v).length,
    });
    byVariant.set(variant, row);
  }
  return row;
}

/**
 * The value an indicator is decided on: `NA` when declared not applicable (optional indicators
 * only), else the derived value when one could be computed, else the reported value. `derived`
 * receives the derivation (with its reasons) when the indicator has one.
 */
export function snapshotOf(
  e: Engine,
  i: number,
  doc: UnitValues,
  na: ReadonlySet<string> | undefined,
  derived: (Actual | undefined)[] | undefined,
): Snapshot {
  const id = e.ids[i]!;
  if (na !== undefined && e.optional[i] && na.has(id)) return NA;
  const d = e.derive[i];
  if (d !== undefined) {
    const a = deriveValue(e.indicators[i]!, doc, e.valuePaths[i]!);
    if (derived) derived[i] = a;
    if (a !== undefined && a.value !== null) return a.value;
  }
  return doc.values[id];
}

/**
 * The status code of one indicator from its snapshot value and threshold.
 * @example
 * statusOf(e, i, 12, 16.5) // MET when the comparator is "<="
 */
export function statusOf(e: Engine, i: number, value: Snapshot, required: ThresholdValue): number {
  if (value === NA) return NOT_APPLICABLE;
  if (value === undefined || value === null) return MISSING;
  if (typeof value === "number") {
    if (e.isBoolean[i]) return MISSING;
    if (required === null) return UNKNOWN;
    if (typeof required === "number") {
      const c = e.cmp[i];
      return (c === GE ? value >= required : c === LE ? value <= required : value === required) ? MET : NOT_MET;
    }
    return NOT_MET;
  }
  if (!e.isBoolean[i] || typeof value !== "boolean") return MISSING;
  if (required === null) return UNKNOWN;
  return value === required ? MET : NOT_MET;
}

/** What every evaluation path needs beyond the per-indicator statuses. */
export interface Tally {
  status: CriterionStatus;
  criteriaMet: number;
  criteriaNotMet: number;
  /** The year lies outside the pack's effective period. */
  outside: boolean;
}

/**
 * Decides every indicator of one document into `e.scratch` (status codes) and every criterion into
 * `e.criterionScratch`; fills `snapshot` (and `derived`) when given. Returns the unit's tally.
 */
export function decide(
  e: Engine,
  doc: UnitValues,
  row: Row,
  snapshot: Snapshot[] | undefined,
  derived: (Actual | undefined)[] | undefined,
): Tally {
  const n = e.n;
  const codes = e.scratch;
  const required = row.required;
  const na = doc.notApplicable?.length ? new Set(doc.notApplicable) : undefined;
  if (na === undefined && !e.hasDerived) {
    const values = doc.values;
    const ids = e.ids;
    for (let i = 0; i < n; i++) {
      const v = values[ids[i]!];
      if (snapshot) snapshot[i] = v;
      codes[i] = statusOf(e, i, v, required[i]!);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = snapshotOf(e, i, doc, na, derived);
      if (snapshot) snapshot[i] = v;
      codes[i] = statusOf(e, i, v, required[i]!);
    }
  }
  const crit = e.criterionScratch;
  const lists = e.criterionIndicators;
  const condition = e.criterionCondition;
  let met = 0;
  let notMet = 0;
  let anyNotMet = false;
  let allMet = true;
  for (let c = 0; c < lists.length; c++) {
    const list = lists[c]!;
    let s = C_MET;
    for (let k = 0; k < list.length; k++) {
      const code = codes[list[k]!]!;
      if (code === NOT_MET) {
        s = C_NOT_MET;
        break;
      }
      if (code === MISSING || code === UNKNOWN) s = C_INDETERMINATE;
    }
    crit[c] = s;
    if (s === C_NOT_MET) anyNotMet = true;
    if (s !== C_MET) allMet = false;
    if (condition[c]) continue;
    if (s === C_MET) met++;
    else if (s === C_NOT_MET) notMet++;
  }
  const outside = doc.year < e.fromYear || doc.year > e.toYear;
  const status: CriterionStatus = outside ? "indeterminate" : anyNotMet ? "not_met" : allMet ? "met" : "indeterminate";
  return { status, criteriaMet: met, criteriaNotMet: notMet, outside };
}
