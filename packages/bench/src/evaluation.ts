/**
 * The evaluation benchmark (issue #2 §5): 10,000 synthetic communes against the demo pack, with
 * reasons, on @ntm/core, then the same rules and data on json-rules-engine and @gorules/zen-engine,
 * with an agreement check and the targets.
 */
import { createRequire } from "node:module";
import os from "node:os";
import { compilePack, evaluateMany, getPack, type EvaluationResult, type UnitValues } from "@ntm/core";
import { generateCommunes } from "./synthetic.js";
import { compareOutcomes, extractRules, type Agreement, type PeerOutcome } from "./peers/common.js";
import { buildJsonRulesEngine, evaluateWithJsonRulesEngine, toJsonRulesFacts } from "./peers/jsonRulesEngine.js";
import { buildZenGraph, createZenDecision, evaluateAllWithZen } from "./peers/zenEngine.js";
import { collectGarbage, fmt, mib, table, timeInterleaved, type BenchCase, type Timing } from "./measure.js";

/** What the benchmark evaluates; the defaults are the issue's case. */
export interface EvaluationBenchOptions {
  readonly packId: string;
  readonly count: number;
  readonly year: number;
  readonly seed: number;
  /** Interleaved rounds; in each, every case runs `perRound` times. */
  readonly rounds: number;
  readonly ours: { readonly warmups: number; readonly perRound: number };
  readonly jsonRulesEngine: { readonly warmups: number; readonly perRound: number };
  readonly zen: { readonly warmups: number; readonly perRound: number; readonly concurrency: readonly number[] };
  /** "Well under a second" made explicit: the whole batch must take less than this. */
  readonly wholeBatchBudgetMs: number;
}

export const DEFAULT_EVALUATION_BENCH: EvaluationBenchOptions = {
  packId: "example.province-demo.2021-2025",
  count: 10_000,
  year: 2024,
  seed: 20_240_101,
  rounds: 3,
  ours: { warmups: 3, perRound: 3 },
  jsonRulesEngine: { warmups: 1, perRound: 1 },
  zen: { warmups: 1, perRound: 1, concurrency: [1, 32] },
  wholeBatchBudgetMs: 500,
};

interface EngineRow {
  readonly engine: string;
  readonly timing: Timing;
  readonly agreement: Agreement | null;
}

const log = (s = "") => process.stdout.write(`${s}\n`);

function versionOf(pkg: string): string {
  try {
    return (createRequire(import.meta.url)(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return "?";
  }
}

function describeData(docs: readonly UnitValues[], ours: readonly EvaluationResult[]): string[] {
  const count = (keys: string[]) => keys.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {});
  const regions = count(docs.map((d) => d.unit.region ?? "(none)"));
  const flags = count(docs.flatMap((d) => d.unit.flags ?? []));
  const variants = count(ours.map((r) => r.variant ?? "(none)"));
  const ind = count(ours.flatMap((r) => r.criteria.flatMap((c) => c.indicators.map((i) => i.status))));
  const units = count(ours.map((r) => r.status));
  const show = (m: Record<string, number>) => Object.entries(m).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${fmt(v)}`).join(", ");
  return [
    `  regions: ${show(regions)}`,
    `  flags: ${show(flags)}; variant used: ${show(variants)}`,
    `  indicator statuses (ours): ${show(ind)}`,
    `  unit statuses (ours): ${show(units)}`,
  ];
}

function heapDelta<T>(fn: () => T | Promise<T>): Promise<{ value: T; afterRun: number; retained: number } | null> {
  if (!collectGarbage()) return Promise.resolve(null);
  const before = process.memoryUsage().heapUsed;
  return Promise.resolve(fn()).then((value) => {
    const afterRun = process.memoryUsage().heapUsed - before;
    collectGarbage();
    const retained = process.memoryUsage().heapUsed - before;
    return { value, afterRun, retained };
  });
}

function describeTiming(t: Timing, count: number): string {
  return `  warm-up ${t.warmups}, ${t.runsMs.length} runs: [${t.runsMs.map((x) => fmt(x, 1)).join(", ")}] ms; median ${fmt(t.medianMs, 1)} ms → ${fmt((count * 1000) / t.medianMs)} units/s; CPU median ${fmt(t.medianCpuMs, 1)} ms`;
}

function describeAgreement(a: Agreement): string {
  return `  agreement with ours: ${fmt(a.unitsAgreeing)}/${fmt(a.units)} units; ${fmt(a.indicatorsAgreeing)}/${fmt(a.indicatorsCompared)} indicator statuses; ${fmt(a.criteriaAgreeing)}/${fmt(a.criteriaCompared)} criterion statuses`;
}

function agrees(a: Agreement): boolean {
  return a.unitsAgreeing === a.units && a.indicatorsAgreeing === a.indicatorsCompared && a.criteriaAgreeing === a.criteriaCompared;
}

/**
 * Runs the evaluation benchmark, printing as it goes; returns whether every peer agreed with ours.
 * @example
 * const ok = await runEvaluationBench();
 * if (!ok) process.exitCode = 1;
 */
export async function runEvaluationBench(options: EvaluationBenchOptions = DEFAULT_EVALUATION_BENCH): Promise<boolean> {
  const pack = getPack(options.packId);
  if (!pack) throw new Error(`bench: pack ${options.packId} is not shipped`);
  const cpus = os.cpus();
  log(`ntm evaluation benchmark: Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} CPU(s) ${cpus[0]?.model ?? ""}`.trimEnd());
  log(`GC exposed: ${collectGarbage() ? "yes (collected before every timed run)" : "no (run with --expose-gc for memory figures)"}`);

  const c0 = performance.now();
  const compiled = compilePack(pack);
  const compileMs = performance.now() - c0;
  const docs = generateCommunes(compiled, { count: options.count, year: options.year, seed: options.seed });
  log(`pack ${pack.id} v${pack.version} (${compiled.indicators.length} indicators, ${pack.criteria.length} criteria), year ${options.year}, ${fmt(options.count)} synthetic communes (seed ${options.seed}, mulberry32)`);

  // Build every engine before timing anything.
  const rules = extractRules(compiled, [options.year]);
  const engine = buildJsonRulesEngine(rules);
  const facts = docs.map((d) => toJsonRulesFacts(rules, d));
  const zenShapes = [true, false].map((rollUpInGraph) => ({ rollUpInGraph, ...createZenDecision(rules, { rollUp: rollUpInGraph }) }));
  let jreOut: PeerOutcome[] = [];
  const zenOut = new Map<string, PeerOutcome[]>();
  const zenLabel = (rollUpInGraph: boolean, n: number) => `roll-up in ${rollUpInGraph ? "graph" : "JS"}, N = ${n}`;
  const cases: BenchCase[] = [
    { name: "ours", fn: () => evaluateMany(compiled, docs), warmups: options.ours.warmups, perRound: options.ours.perRound },
    {
      name: "json-rules-engine",
      fn: async () => {
        const out = new Array<PeerOutcome>(facts.length);
        for (let i = 0; i < facts.length; i++) out[i] = await evaluateWithJsonRulesEngine(engine, rules, facts[i]!);
        jreOut = out;
      },
      warmups: options.jsonRulesEngine.warmups,
      perRound: options.jsonRulesEngine.perRound,
    },
    ...zenShapes.flatMap((z) =>
      options.zen.concurrency.map((n) => ({
        name: zenLabel(z.rollUpInGraph, n),
        fn: async () => void zenOut.set(zenLabel(z.rollUpInGraph, n), await evaluateAllWithZen(z.decision, rules, docs, n)),
        warmups: options.zen.warmups,
        perRound: options.zen.perRound,
      })),
    ),
  ];
  log(`timing: ${options.rounds} interleaved rounds (every engine runs in every round, so they share the machine's load alike)`);
  const timings = await timeInterleaved(cases, options.rounds);
  for (const z of zenShapes) z.engine.dispose();

  // Ours.
  log();
  const oursTiming = timings.get("ours")!;
  log(`[ours] @ntm/core: compilePack once (${fmt(compileMs, 2)} ms), then evaluateMany: the full result contract with reasons, gaps and the revocation check`);
  log(describeTiming(oursTiming, options.count));
  const mem = await heapDelta(() => evaluateMany(compiled, docs));
  const ours = mem?.value ?? evaluateMany(compiled, docs);
  if (mem) log(`  memory (heapUsed): +${mib(mem.afterRun)} right after one run of ${fmt(options.count)}; +${mib(mem.retained)} still held by the ${fmt(options.count)} results after GC`);
  for (const line of describeData(docs, ours)) log(line);
  const rows: EngineRow[] = [{ engine: "ours (@ntm/core, with reasons)", timing: oursTiming, agreement: null }];

  // json-rules-engine.
  log();
  log(`[json-rules-engine ${versionOf("json-rules-engine")}] ${rules.indicators.length} rules (one per indicator: value reported, threshold known, value passes threshold);`);
  log(`  thresholds as a dynamic fact keyed by a dynamic "variant" fact (region, override flags) and year; facts built before timing;`);
  log(`  engine.run per unit, awaited one after another (faster here than batches in flight); criterion and unit roll-up in plain JS inside the timing`);
  const jreTiming = timings.get("json-rules-engine")!;
  log(describeTiming(jreTiming, options.count));
  const jreAgreement = compareOutcomes(ours, jreOut);
  log(describeAgreement(jreAgreement));
  rows.push({ engine: `json-rules-engine ${versionOf("json-rules-engine")}`, timing: jreTiming, agreement: jreAgreement });

  // zen-engine.
  log();
  const graph = buildZenGraph(rules, { rollUp: true });
  log(`[@gorules/zen-engine ${versionOf("@gorules/zen-engine")}] JDM graph compiled once with createDecision: input → expression (variant) →`);
  log(`  decision table (thresholds: one row per year and variant, literal cells) → expression (${rules.indicators.length} indicator statuses) →`);
  log(`  [expression (${rules.criteria.length} criteria) → expression (unit status, criteria met)] → output; two shapes: roll-up in the graph (${graph.nodes.length} nodes)`);
  log(`  or roll-up in plain JS after the call (as for json-rules-engine). Input is the values document as is; evaluate() is async`);
  log(`  (native): N evaluations in flight, each batch awaited with Promise.all; output keys mapped back to ids inside the timing`);
  let best: { label: string; timing: Timing } | null = null;
  for (const z of zenShapes) {
    for (const n of options.zen.concurrency) {
      const label = zenLabel(z.rollUpInGraph, n);
      const t = timings.get(label)!;
      log(`  ${label}:`);
      log(`  ${describeTiming(t, options.count)}`);
      if (!best || t.medianMs < best.timing.medianMs) best = { label, timing: t };
    }
  }
  if (!best) throw new Error("bench: no zen-engine concurrency configured");
  const zenAgreements = [...zenOut].map(([label, out]) => ({ label, agreement: compareOutcomes(ours, out) }));
  const zenAgreement = zenAgreements.find((z) => z.label === best.label)!.agreement;
  log(`  fastest: ${best.label} (used for the ratio)`);
  log(describeAgreement(zenAgreement));
  const otherZen = zenAgreements.filter((z) => z.label !== best.label);
  log(`  the other shapes agree too: ${otherZen.map((z) => `${z.label} ${fmt(z.agreement.unitsAgreeing)}/${fmt(z.agreement.units)}`).join("; ")}`);
  rows.push({ engine: `zen-engine ${versionOf("@gorules/zen-engine")} (${best.label})`, timing: best.timing, agreement: zenAgreement });

  // Summary.
  log();
  log(`Summary (median wall-clock for ${fmt(options.count)} communes)`);
  log(
    table(
      ["engine", `ms for ${fmt(options.count)}`, "units/s", "ours / peer", "CPU ms", "ours / peer (CPU)", "agreement (units)"],
      rows.map((r) => [
        r.engine,
        fmt(r.timing.medianMs, 1),
        fmt((options.count * 1000) / r.timing.medianMs),
        r.agreement ? `${fmt(r.timing.medianMs / oursTiming.medianMs, 1)}×` : "—",
        fmt(r.timing.medianCpuMs, 1),
        r.agreement ? `${fmt(r.timing.medianCpuMs / oursTiming.medianCpuMs, 1)}×` : "—",
        r.agreement ? `${fmt(r.agreement.unitsAgreeing)}/${fmt(r.agreement.units)}` : "—",
      ]),
    ),
  );
  const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
  const zenTiming = best.timing;
  const ratioCell = (peer: number, ours: number, min: number) => `${fmt(peer / ours, 1)}×  ${verdict(peer / ours >= min)}`;
  const budgetCell = (ms: number) => `${fmt(ms, 1)} ms  ${verdict(ms < options.wholeBatchBudgetMs)}`;
  log();
  log("Targets (issue #2 §5)");
  log(
    table(
      ["target", "wall-clock (median)", "CPU time (median)"],
      [
        ["ours ≥ 10× json-rules-engine", ratioCell(jreTiming.medianMs, oursTiming.medianMs, 10), ratioCell(jreTiming.medianCpuMs, oursTiming.medianCpuMs, 10)],
        ["ours ≥ 2× zen-engine", ratioCell(zenTiming.medianMs, oursTiming.medianMs, 2), ratioCell(zenTiming.medianCpuMs, oursTiming.medianCpuMs, 2)],
        [`whole ${fmt(options.count)} well under 1 s (< ${options.wholeBatchBudgetMs} ms)`, budgetCell(oursTiming.medianMs), budgetCell(oursTiming.medianCpuMs)],
      ],
    ),
  );
  const load = os.loadavg();
  log(`  fastest of our ${oursTiming.runsMs.length} runs ${fmt(Math.min(...oursTiming.runsMs), 1)} ms, slowest ${fmt(Math.max(...oursTiming.runsMs), 1)} ms; load average at the end ${load.map((x) => fmt(x, 2)).join(" ")} on ${cpus.length} CPU(s)`);
  if ((load[0] ?? 0) > cpus.length) log(`  the machine was loaded by other work (load average above the CPU count): wall-clock figures are inflated; CPU time is the steadier measure`);

  const allAgree = agrees(jreAgreement) && zenAgreements.every((z) => agrees(z.agreement));
  if (!allAgree) {
    log();
    log("DISAGREEMENT: the peers do not decide like ours; the figures above compare different work.");
    for (const [name, a] of [["json-rules-engine", jreAgreement] as const, ...zenAgreements.map((z) => [`zen-engine ${z.label}`, z.agreement] as const)]) for (const s of a.samples) log(`  ${name}: ${s}`);
  }
  return allAgree;
}
