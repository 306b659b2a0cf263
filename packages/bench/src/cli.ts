/**
 * The CLI benchmark (issue #14): `ntm evaluate` on wide CSV files of synthetic communes, run as a
 * child process the way a user runs it. 10,000 rows end to end against (in-process evaluation and
 * serialisation + a bare Node start); 1,000,000 rows for peak memory (VmHWM from /proc).
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compilePack, evaluateMany, getPack, type CompiledPack, type UnitValues } from "@ntm/core";
import { generateCommunes } from "./synthetic.js";
import { fmt, median, mib, table } from "./measure.js";

/** What the CLI benchmark runs; the defaults are the case. */
export interface CliBenchOptions {
  readonly packId: string;
  readonly year: number;
  readonly seed: number;
  readonly rows: number;
  readonly runs: number;
  readonly bigRows: number;
  readonly targets: { readonly endToEndVsInProcess: number; readonly bigRssBytes: number };
}

export const DEFAULT_CLI_BENCH: CliBenchOptions = {
  packId: "example.province-demo.2021-2025",
  year: 2024,
  seed: 20_240_101,
  rows: 10_000,
  runs: 3,
  // The 1,000,000-row memory run takes many minutes: only when asked (NTM_BENCH_CLI_BIG_ROWS or --cli-big-rows).
  bigRows: 0,
  targets: { endToEndVsInProcess: 2, bigRssBytes: 400 * 1024 * 1024 },
};

const log = (s = "") => process.stdout.write(`${s}\n`);
const CLI_MAIN = fileURLToPath(new URL("../../../apps/cli/dist/main.js", import.meta.url));
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
const loadAverage = () =>
  os
    .loadavg()
    .map((x) => fmt(x, 2))
    .join(" ");

const cell = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "boolean" ? (v ? "Đạt" : "Không") : String(v));

/**
 * Writes `rows` synthetic communes as a wide CSV (generated in blocks of 10,000, so memory stays small).
 * @example
 * writeWideCsv(compiled, "/tmp/x.csv", { rows: 10_000, year: 2024, seed: 1 });
 */
export function writeWideCsv(compiled: CompiledPack, file: string, o: { rows: number; year: number; seed: number }): void {
  const ids = compiled.indicators.map((ci) => ci.indicator.id);
  const fd = openSync(file, "w");
  try {
    writeSync(fd, `unit_id,unit_name,level,region,flags,year,${ids.join(",")}\n`);
    for (let start = 0; start < o.rows; start += 10_000) {
      const block = generateCommunes(compiled, { count: Math.min(10_000, o.rows - start), year: o.year, seed: o.seed + start });
      let text = "";
      for (let k = 0; k < block.length; k++) {
        const d = block[k]!;
        text += `r${start + k + 1},${d.unit.name},commune,${d.unit.region ?? ""},${(d.unit.flags ?? []).join("|")},${d.year},${ids.map((id) => cell(d.values[id])).join(",")}\n`;
      }
      writeSync(fd, text);
    }
  } finally {
    closeSync(fd);
  }
}

function timeCommand(args: readonly string[]): number {
  const out = openSync("/dev/null", "w");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", out, "pipe"] });
  const ms = performance.now() - t0;
  closeSync(out);
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`bench: ${args.join(" ")} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  return ms;
}

/** Runs a command with stdout to /dev/null, polling its peak resident memory (VmHWM). */
function peakRss(args: readonly string[]): Promise<{ ms: number; peakBytes: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const out = openSync("/dev/null", "w");
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", out, "inherit"] });
    let peak = 0;
    const poll = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        // the process has ended
      }
    };
    const timer = setInterval(poll, 100);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      closeSync(out);
      resolve({ ms: performance.now() - t0, peakBytes: peak, code });
    });
  });
}

/**
 * Runs the CLI benchmark, printing as it goes; returns false when the CLI failed to run.
 * @example
 * await runCliBench({ ...DEFAULT_CLI_BENCH, bigRows: 0 });
 */
export async function runCliBench(options: CliBenchOptions = DEFAULT_CLI_BENCH): Promise<boolean> {
  const pack = getPack(options.packId);
  if (!pack) throw new Error(`bench: pack ${options.packId} is not shipped`);
  try {
    statSync(CLI_MAIN);
  } catch {
    log(`[cli] ${CLI_MAIN} is missing: build the CLI first (npx turbo run build --filter=@ntm/cli)`);
    return false;
  }
  const compiled = compilePack(pack);
  const dir = mkdtempSync(join(os.tmpdir(), "ntm-bench-cli-"));
  try {
    log(`ntm CLI benchmark: Node ${process.version}; load average at the start ${loadAverage()}`);
    const csv = join(dir, "communes.csv");
    writeWideCsv(compiled, csv, { rows: options.rows, year: options.year, seed: options.seed });
    log(
      `${fmt(options.rows)} synthetic communes as a wide CSV (${mib(statSync(csv).size)}); every run writes to /dev/null; ${options.runs} runs each, interleaved`,
    );
    // In process: the CSV rows as documents (JSON.parse'd), evaluated and serialised (the bytes the CLI writes).
    const docs: UnitValues[] = [];
    for (let start = 0; start < options.rows; start += 10_000)
      docs.push(
        ...(JSON.parse(
          JSON.stringify(
            generateCommunes(compiled, { count: Math.min(10_000, options.rows - start), year: options.year, seed: options.seed + start }),
          ),
        ) as UnitValues[]),
      );
    const evalRuns: number[] = [];
    const bareRuns: number[] = [];
    const jsonRuns: number[] = [];
    const ndjsonRuns: number[] = [];
    const args = ["evaluate", "--pack", options.packId, "--values", csv];
    timeCommand([CLI_MAIN, ...args, "--json"]); // warm the file cache
    for (let r = 0; r < options.runs; r++) {
      const t0 = performance.now();
      let bytes = 0;
      for (const res of evaluateMany(compiled, docs)) bytes += JSON.stringify(res).length;
      evalRuns.push(performance.now() - t0);
      if (bytes === 0) throw new Error("bench: nothing serialised");
      bareRuns.push(timeCommand(["-e", "0"]));
      jsonRuns.push(timeCommand([CLI_MAIN, ...args, "--json"]));
      ndjsonRuns.push(timeCommand([CLI_MAIN, ...args, "--ndjson"]));
    }
    const inProcess = median(evalRuns) + median(bareRuns);
    const row = (name: string, xs: number[]) => [name, `${fmt(Math.min(...xs))} / ${fmt(median(xs))} / ${fmt(Math.max(...xs))}`];
    log(
      table(
        ["run", "min / median / max ms"],
        [
          row("in process: evaluateMany + JSON.stringify of every result", evalRuns),
          row("bare Node start (node -e 0)", bareRuns),
          row(`ntm evaluate --json (${fmt(options.rows)} rows, end to end)`, jsonRuns),
          row(`ntm evaluate --ndjson (${fmt(options.rows)} rows, end to end)`, ndjsonRuns),
        ],
      ),
    );
    const ratio = median(jsonRuns) / inProcess;
    const ratioNd = median(ndjsonRuns) / inProcess;
    const checks: string[][] = [
      [
        `--json end to end ≤ ${options.targets.endToEndVsInProcess}× (in process + bare Node = ${fmt(inProcess)} ms)`,
        `${fmt(ratio, 2)}×  ${verdict(ratio <= options.targets.endToEndVsInProcess)}`,
      ],
      [
        `--ndjson end to end ≤ ${options.targets.endToEndVsInProcess}× (in process + bare Node)`,
        `${fmt(ratioNd, 2)}×  ${verdict(ratioNd <= options.targets.endToEndVsInProcess)}`,
      ],
    ];
    if (options.bigRows <= 0)
      log(
        "The big-file memory run (issue #14: 1,000,000 rows, peak RSS ≤ 400 MiB) is skipped by default (many minutes): NTM_BENCH_CLI_BIG_ROWS=1000000 npm run bench -w @ntm/bench -- --only=cli runs it",
      );
    if (options.bigRows > 0) {
      docs.length = 0;
      const big = join(dir, "big.csv");
      writeWideCsv(compiled, big, { rows: options.bigRows, year: options.year, seed: options.seed });
      log(
        `${fmt(options.bigRows)} rows (${mib(statSync(big).size)}): ntm evaluate --ndjson > /dev/null, peak RSS polled from /proc every 100 ms`,
      );
      const r = await peakRss([CLI_MAIN, ...args.slice(0, -1), big, "--ndjson"]);
      log(`  exit ${r.code}, ${fmt(r.ms / 1000, 1)} s, peak RSS ${mib(r.peakBytes)}`);
      rmSync(big, { force: true });
      checks.push([
        `${fmt(options.bigRows)} rows: peak RSS ≤ ${mib(options.targets.bigRssBytes)}`,
        `${mib(r.peakBytes)}  ${verdict(r.code !== null && r.code <= 1 && r.peakBytes <= options.targets.bigRssBytes)}`,
      ]);
    }
    log();
    log("Targets (issue #14, CLI)");
    log(table(["target", "result"], checks));
    log(`  load average at the end ${loadAverage()} on ${os.cpus().length} CPU(s)`);
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
