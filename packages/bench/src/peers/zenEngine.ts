/**
 * The same rules as a GoRules JDM decision graph for @gorules/zen-engine:
 * input → expression (variant, with override flags) → decision table (thresholds: a row per year and
 * variant) → expression (indicator statuses) → [expression (criterion roll-up) → expression (unit
 * status, criteria met)] → output. The bracketed roll-up nodes are optional: without them the
 * roll-up runs in plain JS, as for json-rules-engine. Built from the same extracted pack rules;
 * compiled once.
 */
import { ZenEngine, type ZenDecision } from "@gorules/zen-engine";
import type { CriterionStatus, IndicatorStatus, ThresholdValue, UnitValues } from "@ntm/core";
import { NO_VARIANT, rollUp, type PeerOutcome, type PeerRules } from "./common.js";

/** Raw output of the decision graph for one unit (the roll-up fields only when it is in the graph). */
export interface ZenOutput {
  readonly s: Record<string, IndicatorStatus>;
  readonly c?: Record<string, CriterionStatus>;
  readonly status?: CriterionStatus;
  readonly criteriaMet?: number;
}

const safeKey = (prefix: string, id: string) => prefix + id.replace(/[^A-Za-z0-9]/g, "_");
const lit = (v: unknown) => JSON.stringify(v);

function uniqueKeys(prefix: string, ids: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  const seen = new Set<string>();
  for (const id of ids) {
    const k = safeKey(prefix, id);
    if (seen.has(k)) throw new Error(`zen-engine graph: ids collide on key ${k} (${id})`);
    seen.add(k);
    m.set(id, k);
  }
  return m;
}

/**
 * Builds the JDM decision graph (plain JSON) from the extracted pack rules, with or without the
 * criterion and unit roll-up nodes.
 * @example
 * const content = buildZenGraph(extractRules(compiled, [2024]), { rollUp: true });
 * content.nodes.length; // 7
 */
export function buildZenGraph(rules: PeerRules, options: { readonly rollUp: boolean }) {
  const ik = uniqueKeys(
    "i",
    rules.indicators.map((i) => i.id),
  );
  const ck = uniqueKeys(
    "c",
    rules.criteria.map((c) => c.id),
  );
  const pos = (x: number) => ({ x: x * 250, y: 100 });
  let variantExpr =
    rules.variantField === null
      ? lit(NO_VARIANT)
      : `unit.${rules.variantField} != null ? string(unit.${rules.variantField}) : ${lit(NO_VARIANT)}`;
  for (const o of [...rules.overrides].reverse())
    variantExpr = `(unit.flags != null and contains(unit.flags, ${lit(o.flag)})) ? ${lit(o.use)} : (${variantExpr})`;

  const statusExpr = (ind: PeerRules["indicators"][number]) => {
    const v = `values[${lit(ind.id)}]`;
    const t = `t.${ik.get(ind.id)!}`;
    const pass = ind.comparator === "==" ? `${v} == ${t}` : `${v} ${ind.comparator} ${t}`;
    return `${v} == null ? "missing" : (${t} == null ? "unknown_threshold" : (${pass} ? "met" : "not_met"))`;
  };
  const criterionExpr = (c: PeerRules["criteria"][number]) => {
    const refs = c.indicatorIds.map((id) => `s.${ik.get(id)!}`);
    return `(${refs.map((r) => `${r} == "not_met"`).join(" or ")}) ? "not_met" : ((${refs.map((r) => `${r} == "met"`).join(" and ")}) ? "met" : "indeterminate")`;
  };
  const allCriteria = rules.criteria.map((c) => `c.${ck.get(c.id)!}`);
  const countedCriteria = rules.criteria.filter((c) => !c.condition).map((c) => `c.${ck.get(c.id)!}`);

  // One row per (year, variant) with literal thresholds; a row per year for "no variant"; a last
  // row (any year) where every threshold is unknown.
  const rows: Record<string, string>[] = [];
  for (const [year, byVariant] of rules.thresholds) {
    for (const variant of [...rules.variants, NO_VARIANT]) {
      const row: Record<string, string> = {
        _id: `row-${rows.length}`,
        "in-year": String(year),
        "in-variant": variant === NO_VARIANT ? "" : lit(variant),
      };
      for (const ind of rules.indicators) row[`out-${ik.get(ind.id)!}`] = lit(byVariant.get(variant)?.get(ind.id) ?? null);
      rows.push(row);
    }
  }
  const unknownRow: Record<string, string> = { _id: `row-${rows.length}`, "in-year": "", "in-variant": "" };
  for (const ind of rules.indicators) unknownRow[`out-${ik.get(ind.id)!}`] = "null";
  rows.push(unknownRow);

  const rollUpNodes = [
    {
      id: "criteria",
      type: "expressionNode",
      name: "Criterion roll-up",
      position: pos(4),
      content: {
        passThrough: true,
        expressions: rules.criteria.map((c) => ({ id: `c-${ck.get(c.id)!}`, key: `c.${ck.get(c.id)!}`, value: criterionExpr(c) })),
      },
    },
    {
      id: "unit",
      type: "expressionNode",
      name: "Unit status",
      position: pos(5),
      content: {
        passThrough: true,
        expressions: [
          {
            id: "unit-status",
            key: "status",
            value: `some([${allCriteria.join(", ")}], # == "not_met") ? "not_met" : (all([${allCriteria.join(", ")}], # == "met") ? "met" : "indeterminate")`,
          },
          { id: "unit-met", key: "criteriaMet", value: `count([${countedCriteria.join(", ")}], # == "met")` },
        ],
      },
    },
  ];
  const chain = ["request", "variant", "thresholds", "statuses", ...(options.rollUp ? ["criteria", "unit"] : []), "response"];

  return {
    contentType: "application/vnd.gorules.decision",
    nodes: [
      { id: "request", type: "inputNode", name: "Request", position: pos(0) },
      {
        id: "variant",
        type: "expressionNode",
        name: "Variant",
        position: pos(1),
        content: { passThrough: true, expressions: [{ id: "variant-expr", key: "variant", value: variantExpr }] },
      },
      {
        id: "thresholds",
        type: "decisionTableNode",
        name: "Thresholds",
        position: pos(2),
        content: {
          hitPolicy: "first",
          passThrough: true,
          inputs: [
            { id: "in-year", name: "Year", field: "year" },
            { id: "in-variant", name: "Variant", field: "variant" },
          ],
          outputs: rules.indicators.map((ind) => ({ id: `out-${ik.get(ind.id)!}`, name: ind.id, field: `t.${ik.get(ind.id)!}` })),
          rules: rows,
        },
      },
      {
        id: "statuses",
        type: "expressionNode",
        name: "Indicator statuses",
        position: pos(3),
        content: {
          passThrough: false,
          expressions: rules.indicators.map((ind) => ({ id: `s-${ik.get(ind.id)!}`, key: `s.${ik.get(ind.id)!}`, value: statusExpr(ind) })),
        },
      },
      ...(options.rollUp ? rollUpNodes : []),
      { id: "response", type: "outputNode", name: "Response", position: pos(6) },
    ],
    edges: chain.slice(1).map((target, i) => ({ id: `edge-${i}`, type: "edge", sourceId: chain[i]!, targetId: target })),
  };
}

/**
 * Creates the zen engine and its compiled decision (once).
 * @example
 * const { engine, decision } = createZenDecision(rules, { rollUp: true });
 * const out = (await decision.evaluate(doc)).result as ZenOutput;
 * engine.dispose();
 */
export function createZenDecision(rules: PeerRules, options: { readonly rollUp: boolean }): { engine: ZenEngine; decision: ZenDecision } {
  const engine = new ZenEngine();
  const decision = engine.createDecision(buildZenGraph(rules, options));
  return { engine, decision };
}

/**
 * Maps the graph's output back to indicator and criterion ids; rolls up in plain JS when the graph
 * has no roll-up nodes.
 * @example
 * toPeerOutcome(rules, doc.unit.id, output).indicators["15.3"]; // "met"
 */
export function toPeerOutcome(rules: PeerRules, unitId: string, o: ZenOutput): PeerOutcome {
  const indicators: Record<string, IndicatorStatus> = {};
  for (const ind of rules.indicators) indicators[ind.id] = o.s[safeKey("i", ind.id)]!;
  if (!o.c || o.status === undefined || o.criteriaMet === undefined) return rollUp(rules, unitId, indicators);
  const criteria: Record<string, CriterionStatus> = {};
  for (const c of rules.criteria) criteria[c.id] = o.c[safeKey("c", c.id)]!;
  return { unitId, indicators, criteria, status: o.status, criteriaMet: o.criteriaMet };
}

/**
 * Evaluates all documents with at most `concurrency` evaluations in flight (batches awaited with
 * Promise.all) and maps each output to a {@link PeerOutcome}. The input is the unit's values
 * document itself.
 * @example
 * const outcomes = await evaluateAllWithZen(decision, rules, docs, 32);
 */
export async function evaluateAllWithZen(
  decision: ZenDecision,
  rules: PeerRules,
  docs: readonly UnitValues[],
  concurrency: number,
): Promise<PeerOutcome[]> {
  const out = new Array<PeerOutcome>(docs.length);
  const one = async (i: number) => {
    const doc = docs[i]!;
    out[i] = toPeerOutcome(rules, doc.unit.id, (await decision.evaluate(doc)).result as ZenOutput);
  };
  if (concurrency <= 1) {
    for (let i = 0; i < docs.length; i++) await one(i);
    return out;
  }
  for (let start = 0; start < docs.length; start += concurrency) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(docs.length, start + concurrency); i++) batch.push(one(i));
    await Promise.all(batch);
  }
  return out;
}
