/**
 * The full per-indicator and per-criterion detail of an evaluation, rebuilt from the compact record
 * the engine keeps (values snapshot + threshold row). Object shapes and key order are the public
 * JSON contract: JSON.stringify of the result must not change when the engine does.
 */
import type { Reason } from "../../schemas/common.js";
import type { CriterionResult, IndicatorResult, RevocationCheck } from "../../schemas/result.js";
import { decideRevocation } from "../../analyses/checkRevocation.js";
import type { Actual } from "./derive.js";
import { round9 } from "./derive.js";
import {
  C_INDETERMINATE,
  C_MET,
  C_NOT_MET,
  CRITERION_STATUS,
  INDICATOR_STATUS,
  MET,
  MISSING,
  NA,
  NOT_MET,
  UNKNOWN,
  statusOf,
  type Engine,
  type Row,
  type Snapshot,
} from "./engine.js";

/** The compact record of one evaluation, from which the detail is rebuilt on demand. */
export interface Record {
  readonly engine: Engine;
  readonly row: Row;
  readonly snapshot: readonly Snapshot[];
  readonly derived: readonly (Actual | undefined)[] | undefined;
}

function indicatorResult(r: Record, i: number, code: number): IndicatorResult {
  const { engine: e, row } = r;
  const id = e.ids[i]!;
  const required = row.required[i]!;
  const comparator = e.comparators[i]!;
  const verified = row.verified[i]!;
  const value = r.snapshot[i];
  if (value === NA) {
    return {
      id,
      status: "not_applicable",
      actual: null,
      required,
      comparator,
      verified,
      reasons: [{ code: "indicator.not_applicable", path: ["notApplicable"], params: { indicator: id } }],
    };
  }
  const path = e.valuePaths[i] as (string | number)[];
  const d = r.derived?.[i];
  const isDerived = d !== undefined && d.value !== null;
  const ind = e.indicators[i]!;
  const status = INDICATOR_STATUS[code]!;
  const actual = value ?? null;
  // Exact-length array literals and whole object literals: no growth slack, no out-of-object properties.
  let decision: Reason;
  let second: Reason | undefined;
  let gap: number | undefined;
  if (code === MISSING) {
    decision =
      value !== undefined && value !== null
        ? { code: "value.wrong_type", path, params: { indicator: id, expected: ind.kind, actual: value } }
        : e.missingReasons[i]!;
    if (required === null)
      second = {
        code: "indicator.threshold_unknown",
        path: ["threshold", id],
        params: { indicator: id, variant: row.variant, year: row.year },
      };
  } else if (code === UNKNOWN) {
    decision = {
      code: "indicator.threshold_unknown",
      path: ["threshold", id],
      params: { indicator: id, variant: row.variant, year: row.year, actual: value },
    };
  } else {
    if (typeof value === "number" && typeof required === "number") {
      gap = round9(
        comparator === ">="
          ? Math.max(0, required - value)
          : comparator === "<="
            ? Math.max(0, value - required)
            : Math.abs(value - required),
      );
    }
    const unit = ind.unit;
    const params =
      gap !== undefined
        ? unit !== undefined
          ? { indicator: id, actual: value, required, comparator, kind: ind.kind, gap, unit }
          : { indicator: id, actual: value, required, comparator, kind: ind.kind, gap }
        : unit !== undefined
          ? { indicator: id, actual: value, required, comparator, kind: ind.kind, unit }
          : { indicator: id, actual: value, required, comparator, kind: ind.kind };
    decision = { code: code === MET ? "indicator.met" : "indicator.not_met", path, params };
  }
  const note = required !== null && !verified ? (e.example ? e.exampleReasons[i]! : e.unverifiedReasons[i]!) : undefined;
  let reasons: Reason[];
  if (d !== undefined) {
    reasons = [...d.reasons, decision];
    if (second) reasons.push(second);
    if (note) reasons.push(note);
  } else if (second) reasons = note ? [decision, second, note] : [decision, second];
  else reasons = note ? [decision, note] : [decision];
  if (gap !== undefined) {
    return isDerived
      ? { id, status, actual, required, comparator, verified, reasons, gap, derived: true }
      : { id, status, actual, required, comparator, verified, reasons, gap };
  }
  return isDerived
    ? { id, status, actual, required, comparator, verified, reasons, derived: true }
    : { id, status, actual, required, comparator, verified, reasons };
}

/** Indicator status codes of a record, recomputed from its snapshot. */
function indicatorCodes(r: Record): Uint8Array {
  const { engine: e, row, snapshot } = r;
  const codes = new Uint8Array(e.n);
  for (let i = 0; i < e.n; i++) codes[i] = statusOf(e, i, snapshot[i], row.required[i]!);
  return codes;
}

function criterionCode(list: readonly number[], codes: Uint8Array): number {
  let s = C_MET;
  for (const i of list) {
    const code = codes[i]!;
    if (code === NOT_MET) return C_NOT_MET;
    if (code === MISSING || code === UNKNOWN) s = C_INDETERMINATE;
  }
  return s;
}

/**
 * The `criteria` array of a result: every criterion with its indicators, statuses and reasons.
 * @example
 * buildCriteria(record)[0].indicators[0].reasons
 */
export function buildCriteria(r: Record): CriterionResult[] {
  const e = r.engine;
  const codes = indicatorCodes(r);
  const out = new Array<CriterionResult>(e.criterionIds.length);
  for (let c = 0; c < out.length; c++) {
    const list = e.criterionIndicators[c]!;
    const indicators = new Array<IndicatorResult>(list.length);
    for (let k = 0; k < list.length; k++) indicators[k] = indicatorResult(r, list[k]!, codes[list[k]!]!);
    const cr: CriterionResult = { id: e.criterionIds[c]!, status: CRITERION_STATUS[criterionCode(list, codes)]!, indicators };
    if (e.criterionKey[c]) cr.key = true;
    if (e.criterionCondition[c]) cr.condition = true;
    out[c] = cr;
  }
  return out;
}

/**
 * The revocation check of a result (QĐ 18/2022), from the criterion statuses of its record.
 * @example
 * buildRevocation(record).revoke
 */
export function buildRevocation(r: Record): RevocationCheck {
  const e = r.engine;
  const codes = indicatorCodes(r);
  const failed: string[] = [];
  const keyFailed: string[] = [];
  let indeterminate = 0;
  for (let c = 0; c < e.criterionIds.length; c++) {
    if (e.criterionCondition[c]) continue;
    const s = criterionCode(e.criterionIndicators[c]!, codes);
    if (s === C_NOT_MET) {
      failed.push(e.criterionIds[c]!);
      if (e.criterionKey[c]) keyFailed.push(e.criterionIds[c]!);
    } else if (s === C_INDETERMINATE) indeterminate++;
  }
  return decideRevocation(e.criteriaTotal, failed, keyFailed, indeterminate, undefined);
}
