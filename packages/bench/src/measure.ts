/** Small timing and formatting helpers for the benchmarks (wall-clock, median of several runs). */
import { performance } from "node:perf_hooks";

/** The runs of one measured case. */
export interface Timing {
  readonly warmups: number;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  /** Process CPU time (user + system, every thread: GC helpers, native worker threads) per run. */
  readonly runsCpuMs: readonly number[];
  readonly medianCpuMs: number;
}

/**
 * The median of a non-empty list of numbers.
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of an empty list");
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs a full GC when node was started with --expose-gc; returns whether it could. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  return true;
}

/**
 * Formats a number with thin grouping (en-US style, for a log read by engineers).
 * @example
 * fmt(12345.678, 1); // "12,345.7"
 */
export function fmt(x: number, digits = 0): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Formats a byte count in MiB.
 * @example
 * mib(3 * 1024 * 1024); // "3.0 MiB"
 */
export function mib(bytes: number): string {
  return `${fmt(bytes / (1024 * 1024), 1)} MiB`;
}

/**
 * Renders rows as a plain text table: the first `leftColumns` columns left-aligned, the rest right-aligned.
 * @example
 * table(["a", "b"], [["1", "22"]]);
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** One measured case of an interleaved benchmark. */
export interface BenchCase {
  readonly name: string;
  readonly fn: () => unknown;
  readonly warmups: number;
  /** Timed runs of this case in each round. */
  readonly perRound: number;
}

async function timeOnce(fn: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  collectGarbage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000 };
}

/**
 * Warms every case up, then runs `rounds` rounds in which every case runs `perRound` times, so that
 * the engines share the machine's load alike; returns each case's timing (median over all its runs).
 * @example
 * const t = await timeInterleaved([{ name: "ours", fn, warmups: 3, perRound: 3 }], 3);
 * t.get("ours")?.medianMs;
 */
export async function timeInterleaved(cases: readonly BenchCase[], rounds: number): Promise<Map<string, Timing>> {
  for (const c of cases) for (let i = 0; i < c.warmups; i++) await c.fn();
  const runs = new Map<string, { ms: number[]; cpu: number[] }>(cases.map((c) => [c.name, { ms: [], cpu: [] }]));
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      const acc = runs.get(c.name)!;
      for (let i = 0; i < c.perRound; i++) {
        const t = await timeOnce(c.fn);
        acc.ms.push(t.ms);
        acc.cpu.push(t.cpuMs);
      }
    }
  }
  return new Map(
    cases.map((c) => {
      const acc = runs.get(c.name)!;
      return [c.name, { warmups: c.warmups, runsMs: acc.ms, medianMs: median(acc.ms), runsCpuMs: acc.cpu, medianCpuMs: median(acc.cpu) }];
    }),
  );
}
