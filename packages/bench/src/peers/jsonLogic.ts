/**
 * The same rules in JSON Logic, run by json-logic-js (interpreted) and json-logic-engine (compiled
 * with `LogicEngine.build`). One rule for the whole pack: an array with one status expression per
 * indicator, over data `{ v, t }` where `v` holds the unit's values and `t` the thresholds of its
 * variant and year. Keys are indicator positions (`i0`, `i1`…): JSON Logic reads dots in ids such
 * as "15.3" as nested paths. The variant is chosen in JS (as json-rules-engine's variant fact does),
 * inside the timing; the criterion and unit roll-up is plain JS, as for the other peers.
 */
import jsonLogic from "json-logic-js";
import { LogicEngine } from "json-logic-engine";
import type { IndicatorStatus, UnitValues } from "@ntm/core";
import { NO_VARIANT, rollUp, type PeerOutcome, type PeerRules } from "./common.js";

/** Data for one unit: its values by indicator position, and the thresholds of its variant. */
export interface JsonLogicData {
  readonly v: Record<string, unknown>;
  readonly t: Record<string, unknown>;
}

const key = (i: number) => `i${i}`;
const OPS = { ">=": ">=", "<=": "<=", "==": "===" } as const;

/**
 * The pack as one JSON Logic rule: `[status of indicator 0, status of indicator 1, …]`.
 * @example
 * jsonLogic.apply(buildJsonLogicRule(rules), data)[0] // "met"
 */
export function buildJsonLogicRule(rules: PeerRules): unknown[] {
  return rules.indicators.map((ind, i) => {
    const v = { var: `v.${key(i)}` };
    const t = { var: `t.${key(i)}` };
    return {
      if: [{ "===": [v, null] }, "missing", { "===": [t, null] }, "unknown_threshold", { [OPS[ind.comparator]]: [v, t] }, "met", "not_met"],
    };
  });
}

/**
 * Threshold objects per year and variant (`t` in the data), built once.
 * @example
 * jsonLogicThresholds(rules).get(2024)?.get("DBSH")?.i0
 */
export function jsonLogicThresholds(rules: PeerRules): Map<number, Map<string, Record<string, unknown>>> {
  const out = new Map<number, Map<string, Record<string, unknown>>>();
  for (const [year, byVariant] of rules.thresholds) {
    const m = new Map<string, Record<string, unknown>>();
    for (const [variant, byId] of byVariant)
      m.set(variant, Object.fromEntries(rules.indicators.map((ind, i) => [key(i), byId.get(ind.id) ?? null])));
    out.set(year, m);
  }
  return out;
}

/**
 * A unit's values keyed by indicator position (built once, before timing, like the other peers' facts).
 * @example
 * toJsonLogicValues(rules, doc).i0
 */
export function toJsonLogicValues(rules: PeerRules, doc: UnitValues): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  rules.indicators.forEach((ind, i) => (v[key(i)] = doc.values[ind.id] ?? null));
  return v;
}

function variantOf(rules: PeerRules, unit: UnitValues["unit"]): string {
  for (const o of rules.overrides) if (unit.flags?.includes(o.flag)) return o.use;
  if (rules.variantField === null) return NO_VARIANT;
  const base = unit[rules.variantField];
  return base === undefined ? NO_VARIANT : String(base);
}

function outcome(rules: PeerRules, unitId: string, statuses: readonly IndicatorStatus[]): PeerOutcome {
  const indicators: Record<string, IndicatorStatus> = {};
  rules.indicators.forEach((ind, i) => (indicators[ind.id] = statuses[i]!));
  return rollUp(rules, unitId, indicators);
}

/** A JSON Logic evaluator: json-logic-js's `apply` or a function compiled by json-logic-engine. */
export type JsonLogicRun = (data: JsonLogicData) => IndicatorStatus[];

/**
 * json-logic-js: the rule interpreted on each call.
 * @example
 * const run = jsonLogicJsRunner(buildJsonLogicRule(rules));
 */
export function jsonLogicJsRunner(rule: unknown[]): JsonLogicRun {
  return (data) => jsonLogic.apply(rule as never, data) as IndicatorStatus[];
}

/**
 * json-logic-engine in its compiled mode: `build` turns the rule into a JavaScript function once.
 * @example
 * const run = jsonLogicEngineRunner(buildJsonLogicRule(rules));
 */
export function jsonLogicEngineRunner(rule: unknown[]): JsonLogicRun {
  const engine = new LogicEngine();
  const fn = engine.build(rule) as (data: unknown) => IndicatorStatus[];
  return (data) => fn(data);
}

/**
 * Evaluates every unit with a JSON Logic runner and rolls the statuses up.
 * @example
 * evaluateAllWithJsonLogic(run, rules, thresholds, docs, values)[0].status
 */
export function evaluateAllWithJsonLogic(
  run: JsonLogicRun,
  rules: PeerRules,
  thresholds: Map<number, Map<string, Record<string, unknown>>>,
  docs: readonly UnitValues[],
  values: readonly Record<string, unknown>[],
): PeerOutcome[] {
  const out = new Array<PeerOutcome>(docs.length);
  for (let u = 0; u < docs.length; u++) {
    const doc = docs[u]!;
    const t = thresholds.get(doc.year)?.get(variantOf(rules, doc.unit)) ?? {};
    out[u] = outcome(rules, doc.unit.id, run({ v: values[u]!, t }));
  }
  return out;
}
