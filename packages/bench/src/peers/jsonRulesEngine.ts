/**
 * The same rules on json-rules-engine: one rule per indicator, thresholds as a dynamic fact keyed by
 * the unit's variant (itself a dynamic fact computed from region and override flags) and year.
 */
import { Engine, type Almanac, type RuleProperties, type RuleResult, type TopLevelConditionResult } from "json-rules-engine";
import type { IndicatorStatus, UnitValues } from "@ntm/core";
import { NO_VARIANT, rollUp, type PeerOutcome, type PeerRules } from "./common.js";

const OPERATORS = { ">=": "greaterThanInclusive", "<=": "lessThanInclusive", "==": "equal" } as const;

/**
 * Builds a json-rules-engine engine from the extracted pack rules. Each indicator rule has three
 * conditions: the value is reported, the threshold is known, the value passes the threshold.
 * @example
 * const engine = buildJsonRulesEngine(extractRules(compiled, [2024]));
 * const outcome = await evaluateWithJsonRulesEngine(engine, rules, toJsonRulesFacts(rules, doc));
 */
export function buildJsonRulesEngine(rules: PeerRules): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addFact("variant", async (_params: unknown, almanac: Almanac) => {
    const unit = (await almanac.factValue("unit")) as UnitValues["unit"];
    for (const o of rules.overrides) if (unit.flags?.includes(o.flag)) return o.use;
    if (rules.variantField === null) return NO_VARIANT;
    const base = unit[rules.variantField];
    return base === undefined ? NO_VARIANT : String(base);
  });
  engine.addFact("threshold", async (params: Record<string, unknown>, almanac: Almanac) => {
    const [year, variant] = await Promise.all([almanac.factValue<number>("year"), almanac.factValue<string>("variant")]);
    return (
      rules.thresholds
        .get(year)
        ?.get(variant)
        ?.get(params.indicator as string) ?? null
    );
  });
  for (const ind of rules.indicators) {
    const threshold = { fact: "threshold", params: { indicator: ind.id } };
    const rule: RuleProperties = {
      name: ind.id,
      conditions: {
        all: [
          { fact: ind.id, operator: "notEqual", value: null },
          { ...threshold, operator: "notEqual", value: null },
          { fact: ind.id, operator: OPERATORS[ind.comparator], value: threshold },
        ],
      },
      event: { type: "indicator.met", params: { indicator: ind.id } },
    };
    engine.addRule(rule);
  }
  return engine;
}

/**
 * Turns a unit's values into runtime facts: one fact per indicator (null when not reported), plus
 * `unit` and `year`. Done once, before timing.
 * @example
 * toJsonRulesFacts(rules, doc)["15.3"]; // 12.5
 */
export function toJsonRulesFacts(rules: PeerRules, doc: UnitValues): Record<string, unknown> {
  const facts: Record<string, unknown> = { unit: doc.unit, year: doc.year };
  for (const ind of rules.indicators) facts[ind.id] = doc.values[ind.id] ?? null;
  return facts;
}

function leafResult(conditions: TopLevelConditionResult, index: number): boolean | undefined {
  if (!("all" in conditions)) return undefined;
  const leaf = conditions.all[index] as { result?: boolean } | undefined;
  return leaf?.result;
}

function failedStatus(r: RuleResult): IndicatorStatus {
  if (leafResult(r.conditions, 0) === false) return "missing";
  if (leafResult(r.conditions, 1) === false) return "unknown_threshold";
  return "not_met";
}

/**
 * Runs the engine on one unit and rolls the indicator results up into criteria and a unit status.
 * @example
 * const outcome = await evaluateWithJsonRulesEngine(engine, rules, facts);
 * outcome.indicators["15.3"]; // "met"
 */
export async function evaluateWithJsonRulesEngine(engine: Engine, rules: PeerRules, facts: Record<string, unknown>): Promise<PeerOutcome> {
  const { results, failureResults } = await engine.run(facts);
  const indicators: Record<string, IndicatorStatus> = {};
  for (const r of results) indicators[r.name] = "met";
  for (const r of failureResults) indicators[r.name] = failedStatus(r);
  return rollUp(rules, (facts.unit as UnitValues["unit"]).id, indicators);
}
