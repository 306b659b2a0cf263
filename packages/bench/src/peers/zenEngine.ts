/**
 * The same rules as a GoRules JDM decision graph for @gorules/zen-engine:
 * input → expression (variant, with override flags) → decision table (thresholds by variant and
 * year) → expression (indicator statuses) → expression (criterion roll-up) → expression (unit
 * status, criteria met) → output. Built from the same extracted pack rules; compiled once.
 */
import { ZenEngine, type ZenDecision } from "@gorules/zen-engine";
import type { CriterionStatus, IndicatorStatus, ThresholdValue, UnitValues } from "@ntm/core";
import { NO_VARIANT, type PeerOutcome, type PeerRules } from "./common.js";

/** Raw output of the decision graph for one unit. */
export interface ZenOutput {
  readonly s: Record<string, IndicatorStatus>;
  readonly c: Record<string, CriterionStatus>;
  readonly status: CriterionStatus;
  readonly criteriaMet: number;
}

const safeKey = (prefix: string, id: string) => prefix + id.replace(/[^A-Za-z0-9]/g, "_");
const lit = (v: unknown) => JSON.stringify(v);

function thresholdCell(rules: PeerRules, variant: string, id: string): string {
  let expr = "null";
  for (const [year, byVariant] of [...rules.thresholds].reverse()) {
    const v: ThresholdValue | undefined = byVariant.get(variant)?.get(id);
    expr = `year == ${year} ? ${lit(v ?? null)} : (${expr})`;
  }
  return expr;
}

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
 * Builds the JDM decision graph (plain JSON) from the extracted pack rules.
 * @example
 * const content = buildZenGraph(extractRules(compiled, [2024]));
 * content.nodes.length; // 7
 */
export function buildZenGraph(rules: PeerRules) {
  const ik = uniqueKeys("i", rules.indicators.map((i) => i.id));
  const ck = uniqueKeys("c", rules.criteria.map((c) => c.id));
  const pos = (x: number) => ({ x: x * 250, y: 100 });
  let variantExpr = rules.variantField === null ? lit(NO_VARIANT) : `unit.${rules.variantField} != null ? string(unit.${rules.variantField}) : ${lit(NO_VARIANT)}`;
  for (const o of [...rules.overrides].reverse()) variantExpr = `(unit.flags != null and contains(unit.flags, ${lit(o.flag)})) ? ${lit(o.use)} : (${variantExpr})`;

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

  const rows = [...rules.variants, NO_VARIANT].map((variant, r) => {
    const row: Record<string, string> = { _id: `row-${r}`, "in-variant": variant === NO_VARIANT ? "" : lit(variant) };
    for (const ind of rules.indicators) row[`out-${ik.get(ind.id)!}`] = thresholdCell(rules, variant, ind.id);
    return row;
  });

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
          inputs: [{ id: "in-variant", name: "Variant", field: "variant" }],
          outputs: rules.indicators.map((ind) => ({ id: `out-${ik.get(ind.id)!}`, name: ind.id, field: `t.${ik.get(ind.id)!}` })),
          rules: rows,
        },
      },
      {
        id: "statuses",
        type: "expressionNode",
        name: "Indicator statuses",
        position: pos(3),
        content: { passThrough: false, expressions: rules.indicators.map((ind) => ({ id: `s-${ik.get(ind.id)!}`, key: `s.${ik.get(ind.id)!}`, value: statusExpr(ind) })) },
      },
      {
        id: "criteria",
        type: "expressionNode",
        name: "Criterion roll-up",
        position: pos(4),
        content: { passThrough: true, expressions: rules.criteria.map((c) => ({ id: `c-${ck.get(c.id)!}`, key: `c.${ck.get(c.id)!}`, value: criterionExpr(c) })) },
      },
      {
        id: "unit",
        type: "expressionNode",
        name: "Unit status",
        position: pos(5),
        content: {
          passThrough: true,
          expressions: [
            { id: "unit-status", key: "status", value: `count([${allCriteria.join(", ")}], # == "not_met") > 0 ? "not_met" : (count([${allCriteria.join(", ")}], # == "met") == ${allCriteria.length} ? "met" : "indeterminate")` },
            { id: "unit-met", key: "criteriaMet", value: `count([${countedCriteria.join(", ")}], # == "met")` },
          ],
        },
      },
      { id: "response", type: "outputNode", name: "Response", position: pos(6) },
    ],
    edges: ["request", "variant", "thresholds", "statuses", "criteria", "unit", "response"].slice(1).map((target, i, arr) => ({
      id: `edge-${i}`,
      type: "edge",
      sourceId: i === 0 ? "request" : arr[i - 1]!,
      targetId: target,
    })),
  };
}

/**
 * Creates the zen engine and its compiled decision (once).
 * @example
 * const { engine, decision } = createZenDecision(rules);
 * const out = (await decision.evaluate(doc)).result as ZenOutput;
 * engine.dispose();
 */
export function createZenDecision(rules: PeerRules): { engine: ZenEngine; decision: ZenDecision } {
  const engine = new ZenEngine();
  const decision = engine.createDecision(buildZenGraph(rules));
  return { engine, decision };
}

/**
 * Evaluates all documents with at most `concurrency` evaluations in flight (batches awaited with
 * Promise.all). The input is the unit's values document itself.
 * @example
 * const outputs = await evaluateAllWithZen(decision, docs, 64);
 */
export async function evaluateAllWithZen(decision: ZenDecision, docs: readonly UnitValues[], concurrency: number): Promise<ZenOutput[]> {
  const out = new Array<ZenOutput>(docs.length);
  if (concurrency <= 1) {
    for (let i = 0; i < docs.length; i++) out[i] = (await decision.evaluate(docs[i])).result as ZenOutput;
    return out;
  }
  for (let start = 0; start < docs.length; start += concurrency) {
    const end = Math.min(docs.length, start + concurrency);
    const batch: Promise<void>[] = [];
    for (let i = start; i < end; i++) batch.push(decision.evaluate(docs[i]).then((r) => void (out[i] = r.result as ZenOutput)));
    await Promise.all(batch);
  }
  return out;
}

/**
 * Maps the graph's output keys back to indicator and criterion ids (after timing).
 * @example
 * toPeerOutcome(rules, doc.unit.id, output).indicators["15.3"]; // "met"
 */
export function toPeerOutcome(rules: PeerRules, unitId: string, o: ZenOutput): PeerOutcome {
  const indicators: Record<string, IndicatorStatus> = {};
  for (const ind of rules.indicators) indicators[ind.id] = o.s[safeKey("i", ind.id)]!;
  const criteria: Record<string, CriterionStatus> = {};
  for (const c of rules.criteria) criteria[c.id] = o.c[safeKey("c", c.id)]!;
  return { unitId, indicators, criteria, status: o.status, criteriaMet: o.criteriaMet };
}
