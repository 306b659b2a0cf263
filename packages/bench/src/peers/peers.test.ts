import { describe, expect, it } from "vitest";
import { compilePack, evaluateMany, evaluateStatuses, getPack } from "@ntm/core";
import { generateCommunes } from "../synthetic.js";
import { compareOutcomes, extractRules, rollUp, type PeerOutcome, type PeerRules } from "./common.js";
import { buildJsonRulesEngine, evaluateWithJsonRulesEngine, toJsonRulesFacts } from "./jsonRulesEngine.js";
import { buildZenGraph, createZenDecision, evaluateAllWithZen } from "./zenEngine.js";
import {
  buildJsonLogicRule,
  evaluateAllWithJsonLogic,
  jsonLogicEngineRunner,
  jsonLogicJsRunner,
  jsonLogicThresholds,
  toJsonLogicValues,
} from "./jsonLogic.js";
import { buildPlainPack, plainLoop, toOutcome } from "./plainLoop.js";

const compiled = compilePack(getPack("example.province-demo.2021-2025")!);
const docs = generateCommunes(compiled, { count: 400, year: 2024, seed: 99 });
const ours = evaluateMany(compiled, docs);
const rules = extractRules(compiled, [2024]);
const full = (n: number) => ({
  units: n,
  unitsAgreeing: n,
  indicatorsCompared: n * 50,
  indicatorsAgreeing: n * 50,
  criteriaCompared: n * 19,
  criteriaAgreeing: n * 19,
  samples: [],
});

describe("extractRules", () => {
  it("reads thresholds per variant from the compiled pack, with the especially difficult override", () => {
    expect(rules.thresholds.get(2024)?.get("DBSH")?.get("15.3")).toBe(16.5);
    expect(rules.thresholds.get(2024)?.get("TDMNPB")?.get("15.3")).toBe(24);
    expect(rules.thresholds.get(2024)?.get("")?.get("15.3")).toBeNull();
    expect(rules.overrides).toEqual([
      { flag: "especiallyDifficult", use: "TDMNPB" },
      { flag: "safeZone", use: "TDMNPB" },
    ]);
    expect(rules.indicators).toHaveLength(50);
    expect(rules.criteria).toHaveLength(19);
  });
});

describe("rollUp", () => {
  const small: PeerRules = {
    ...rules,
    criteria: [
      { id: "A", condition: false, indicatorIds: ["a1", "a2"] },
      { id: "B", condition: false, indicatorIds: ["b1"] },
      { id: "C", condition: true, indicatorIds: ["c1"] },
    ],
  };

  it("fails a criterion on one not met indicator, leaves it indeterminate on a missing one, and does not count conditions", () => {
    expect(rollUp(small, "u", { a1: "met", a2: "missing", b1: "met", c1: "met" })).toEqual({
      unitId: "u",
      indicators: { a1: "met", a2: "missing", b1: "met", c1: "met" },
      criteria: { A: "indeterminate", B: "met", C: "met" },
      status: "indeterminate",
      criteriaMet: 1,
    });
    expect(rollUp(small, "u", { a1: "not_met", a2: "missing", b1: "met", c1: "met" }).criteria.A).toBe("not_met");
    expect(rollUp(small, "u", { a1: "met", a2: "met", b1: "met", c1: "not_met" })).toMatchObject({ status: "not_met", criteriaMet: 2 });
  });
});

describe("compareOutcomes", () => {
  it("counts a unit as disagreeing when one indicator status differs, and says which", async () => {
    const engine = buildJsonRulesEngine(rules);
    const peer: PeerOutcome[] = [];
    for (const d of docs.slice(0, 3)) peer.push(await evaluateWithJsonRulesEngine(engine, rules, toJsonRulesFacts(rules, d)));
    const first = peer[0]!;
    const flipped = first.indicators["15.3"] === "met" ? "not_met" : "met";
    const broken = [{ ...first, indicators: { ...first.indicators, "15.3": flipped } }, ...peer.slice(1)] as PeerOutcome[];
    const a = compareOutcomes(ours.slice(0, 3), broken);
    expect(a).toMatchObject({ units: 3, unitsAgreeing: 2, indicatorsCompared: 150, indicatorsAgreeing: 149, criteriaAgreeing: 57 });
    expect(a.samples[0]).toContain(`${first.unitId} indicator 15.3`);
  });
});

describe("json-rules-engine peer", () => {
  it("decides every indicator, criterion and unit like @ntm/core on 400 synthetic communes", async () => {
    const engine = buildJsonRulesEngine(rules);
    const peer: PeerOutcome[] = [];
    for (const d of docs) peer.push(await evaluateWithJsonRulesEngine(engine, rules, toJsonRulesFacts(rules, d)));
    expect(compareOutcomes(ours, peer)).toEqual(full(docs.length));
  });
});

describe("zen-engine peer", () => {
  it("builds a 7-node graph with the roll-up and a 5-node graph without it", () => {
    expect(buildZenGraph(rules, { rollUp: true }).nodes.map((n) => n.id)).toEqual([
      "request",
      "variant",
      "thresholds",
      "statuses",
      "criteria",
      "unit",
      "response",
    ]);
    expect(buildZenGraph(rules, { rollUp: false }).edges).toHaveLength(4);
  });

  for (const rollUpInGraph of [true, false]) {
    it(`decides every indicator, criterion and unit like @ntm/core on 400 synthetic communes (roll-up in ${rollUpInGraph ? "graph" : "JS"})`, async () => {
      const { engine, decision } = createZenDecision(rules, { rollUp: rollUpInGraph });
      try {
        expect(compareOutcomes(ours, await evaluateAllWithZen(decision, rules, docs, 16))).toEqual(full(docs.length));
      } finally {
        engine.dispose();
      }
    });
  }
});

describe("JSON Logic peers", () => {
  const rule = buildJsonLogicRule(rules);
  const thresholds = jsonLogicThresholds(rules);
  const values = docs.map((d) => toJsonLogicValues(rules, d));
  it("json-logic-js decides every indicator, criterion and unit like @ntm/core on 400 synthetic communes", () => {
    expect(compareOutcomes(ours, evaluateAllWithJsonLogic(jsonLogicJsRunner(rule), rules, thresholds, docs, values))).toEqual(
      full(docs.length),
    );
  });
  it("json-logic-engine (compiled) decides every indicator, criterion and unit like @ntm/core on 400 synthetic communes", () => {
    expect(compareOutcomes(ours, evaluateAllWithJsonLogic(jsonLogicEngineRunner(rule), rules, thresholds, docs, values))).toEqual(
      full(docs.length),
    );
  });
});

describe("plain loop and evaluateStatuses", () => {
  it("the plain loop decides like @ntm/core on 400 synthetic communes", () => {
    expect(
      compareOutcomes(
        ours,
        plainLoop(buildPlainPack(rules), docs).map((s) => toOutcome(rules, s)),
      ),
    ).toEqual(full(docs.length));
  });
  it("evaluateStatuses decides like evaluateMany on 400 synthetic communes", () => {
    expect(
      compareOutcomes(
        ours,
        evaluateStatuses(compiled, docs).map((s) => toOutcome(rules, s)),
      ),
    ).toEqual(full(docs.length));
  });
});
