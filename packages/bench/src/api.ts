/**
 * The API load benchmark (issue #4 §7): the real server (apps/api/dist/server.js) in a child process
 * on loopback, seeded with a demo province of 1,000 communes (NTM_SEED_COMMUNES), loaded with
 * autocannon for a bounded time per case after a short warm-up: a trivial route (the baseline), one
 * commune's evaluation and the province roll-up, all on the same server. PGlite always; PostgreSQL in
 * a fresh database (created and dropped by the run) at DATABASE_URL, or at the local default
 * postgres://postgres@127.0.0.1:5432/postgres when that answers; skipped with a notice otherwise.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os, { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import autocannon, { type Request as AutocannonRequest } from "autocannon";
import { fmt, table } from "./measure.js";
import { summarizeCpuProfile, topFunctions, type CpuProfile } from "./cpuprofile.js";

/** How the API is loaded. */
export interface ApiBenchOptions {
  /** Seconds of measured load per case. */
  readonly durationS: number;
  /** Seconds of load before each case, not measured. */
  readonly warmupS: number;
  readonly connections: number;
  readonly year: number;
  readonly communeId: string;
  readonly provinceId: string;
  /** Communes of the seeded demo province (NTM_SEED_COMMUNES). */
  readonly seedCommunes: number;
  /** Seconds allowed for the server to migrate, seed and listen. */
  readonly startTimeoutS: number;
  /** When set, the server runs with --cpu-prof and the profile of the roll-up load is summarised. */
  readonly profileRollup: boolean;
  /** Only the mixed read/write case (`--only=api-mixed`). */
  readonly mixedOnly?: boolean;
  /**
   * Restarts of the server on the same (seeded) database after the loads, each timing the first
   * roll-up of the new process (every cache empty): the uncached roll-up of issue #14. 0 skips them.
   */
  readonly coldRestarts: number;
  /** The databases to run (`--api-db=postgres` or `--api-db=pglite`); both by default. */
  readonly databases?: readonly ("postgres" | "pglite")[];
}

export const DEFAULT_API_BENCH: ApiBenchOptions = {
  durationS: 5,
  warmupS: 1,
  connections: 20,
  year: 2024,
  communeId: "c-01-01",
  provinceId: "p-demo",
  seedCommunes: 1000,
  startTimeoutS: 600,
  profileRollup: false,
  coldRestarts: 3,
};

/** The PostgreSQL tried when DATABASE_URL is not set. */
export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** A server started by {@link startServer}: its URL, the demo accounts it printed, and a stop. */
export interface RunningServer {
  readonly baseUrl: string;
  readonly credentials: readonly { readonly username: string; readonly password: string; readonly role: string }[];
  readonly stop: () => Promise<void>;
  /** The server process's CPU time so far (user + system, ms, from /proc; NaN where /proc is missing). */
  readonly cpuMs: () => number;
}

/** The kind of a measured case (what its target is). */
export type CaseKind = "baseline" | "signed-in" | "commune" | "rollup" | "rollup-identity";

/** One measured case. */
export interface CaseResult {
  readonly db: string;
  readonly kind: CaseKind;
  readonly name: string;
  readonly path: string;
  readonly connections: number;
  readonly reqPerS: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  readonly failures: number;
  /** One-minute load average right after the case. */
  readonly load1: number;
}

/** A target of issue #4 §7 judged on one database's results. */
export interface TargetVerdict {
  readonly db: string;
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
  /** Whether the issue defines this target on this database (PostgreSQL); otherwise informative. */
  readonly binding: boolean;
}

const log = (s = "") => process.stdout.write(`${s}\n`);

/** The mixed read/write load of issue #14: what the database queue is judged on. */
export interface MixedOptions {
  readonly connections: number;
  readonly durationS: number;
  /** Seconds after which autocannon counts a request as timed out (its default, 10). */
  readonly timeoutS: number;
}

export const DEFAULT_MIXED: MixedOptions = { connections: 50, durationS: 20, timeoutS: 10 };

/** One run of the mixed case. */
export interface MixedResult {
  readonly db: string;
  readonly connections: number;
  readonly durationS: number;
  readonly reqPerS: number;
  /** Answers per second that were 2xx (work done). */
  readonly okPerS: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly total: number;
  readonly timeouts: number;
  readonly errors: number;
  /** Count per HTTP status. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly writesOk: number;
  /** /healthz (no database, not queued) polled every 100 ms during the load: the server thread's responsiveness. */
  readonly healthMaxMs: number;
  readonly healthMedianMs: number;
  readonly load1: number;
}

/**
 * Judges issue #14's API target on the mixed case: on the embedded database (PGlite), 0 timeouts and
 * p99 ≤ 1 s; other databases are shown for information. 503 answers (with Retry-After) are allowed:
 * they are the queue refusing work it cannot do in time.
 * @example
 * judgeMixed([{ db: "PGlite", timeouts: 0, p99Ms: 800, ... }]) // [{ pass: true, binding: true, ... }]
 */
export function judgeMixed(results: readonly MixedResult[]): TargetVerdict[] {
  return results.map((r) => ({
    db: r.db,
    target: `mixed reads + If-Match writes, ${r.connections} connections ${r.durationS} s: 0 timeouts, p99 ≤ 1 s`,
    measured: `${fmt(r.timeouts)} timeouts, ${fmt(r.errors)} errors, p99 ${fmt(r.p99Ms, 0)} ms`,
    pass: r.timeouts === 0 && r.errors === 0 && r.p99Ms <= 1000,
    binding: r.db === "PGlite",
  }));
}

/**
 * 50 connections, each looping over one round: GET a commune's values (the ETag), PUT them back with
 * If-Match (a new version), GET that commune's evaluation, GET the province roll-up (which the write
 * made stale for one commune). Each round takes the next commune, so no two connections write the
 * same one at once and every 412 would be a real conflict.
 */
export async function mixedCase(
  db: string,
  baseUrl: string,
  session: { cookie: string; csrf: string },
  communeIds: readonly string[],
  options: ApiBenchOptions,
  mixed: MixedOptions,
): Promise<MixedResult> {
  let next = 0;
  let writesOk = 0;
  const year = options.year;
  const compressed = { cookie: session.cookie, "accept-encoding": "gzip, deflate, br" };
  const requests: AutocannonRequest[] = [
    {
      method: "GET",
      // Uncompressed: the bench reads this body to send it back.
      headers: { cookie: session.cookie },
      setupRequest: (req, ctx) => {
        const id = communeIds[next++ % communeIds.length]!;
        ctx.id = id;
        return { ...req, path: `/v1/units/${id}/values/${year}` };
      },
      onResponse: (status, body, ctx, headers) => {
        if (status !== 200) return;
        const doc = JSON.parse(body) as { values: unknown; inputs?: unknown; notApplicable?: unknown };
        ctx.etag = headers.etag ?? headers.ETag;
        ctx.body = JSON.stringify({
          values: doc.values,
          ...(doc.inputs ? { inputs: doc.inputs } : {}),
          ...(doc.notApplicable ? { notApplicable: doc.notApplicable } : {}),
        });
      },
    },
    {
      method: "PUT",
      // Without the current ETag (the GET was refused) the round starts again.
      setupRequest: (req, ctx) =>
        typeof ctx.etag === "string" && typeof ctx.body === "string"
          ? {
              ...req,
              path: `/v1/units/${String(ctx.id)}/values/${year}`,
              headers: { ...compressed, "content-type": "application/json", "x-csrf-token": session.csrf, "if-match": ctx.etag },
              body: ctx.body,
            }
          : null,
      onResponse: (status) => void (status === 200 && writesOk++),
    },
    {
      method: "GET",
      headers: compressed,
      setupRequest: (req, ctx) => ({ ...req, path: `/v1/units/${String(ctx.id)}/evaluation?year=${year}` }),
    },
    { method: "GET", headers: compressed, path: `/v1/units/${options.provinceId}/rollup?year=${year}` },
  ];
  // A probe beside the load: how long the server takes to answer a request that needs no database.
  const health: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t0 = performance.now();
      await fetch(`${baseUrl}/healthz`)
        .then((res) => res.arrayBuffer())
        .catch(() => undefined);
      health.push(performance.now() - t0);
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  const r = await autocannon({
    url: baseUrl,
    connections: mixed.connections,
    duration: mixed.durationS,
    timeout: mixed.timeoutS,
    requests,
  });
  probing = false;
  await probe;
  const sortedHealth = [...health].sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = count;
  const ok = Object.entries(statuses).reduce((n, [code, c]) => (code.startsWith("2") ? n + c : n), 0);
  return {
    db,
    connections: mixed.connections,
    durationS: mixed.durationS,
    reqPerS: r.requests.average,
    okPerS: ok / mixed.durationS,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    total: r.requests.total,
    timeouts: r.timeouts,
    errors: r.errors - r.timeouts,
    statuses,
    writesOk,
    healthMaxMs: sortedHealth.at(-1) ?? Number.NaN,
    healthMedianMs: sortedHealth[Math.floor(sortedHealth.length / 2)] ?? Number.NaN,
    load1: os.loadavg()[0] ?? 0,
  };
}

function mixedLine(m: MixedResult): string {
  const codes = Object.entries(m.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code}: ${fmt(n)}`)
    .join(", ");
  return `${m.db}: ${fmt(m.total)} answers in ${m.durationS} s (${fmt(m.reqPerS, 0)} req/s, ${fmt(m.okPerS, 0)} 2xx/s, ${fmt(m.writesOk)} writes saved); latency p50 ${fmt(m.p50Ms, 0)} ms, p99 ${fmt(m.p99Ms, 0)} ms, max ${fmt(m.maxMs, 0)} ms; ${fmt(m.timeouts)} timeouts, ${fmt(m.errors)} errors; statuses ${codes || "none"}; /healthz beside it (no database) median ${fmt(m.healthMedianMs, 0)} ms, max ${fmt(m.healthMaxMs, 0)} ms; load 1m ${fmt(m.load1, 2)}`;
}

/** The uncached roll-up of one database: the first roll-up request of each server process, in ms. */
export interface ColdRollup {
  readonly db: string;
  readonly communes: number;
  /** One per process: the seeding server's, then one per restart. */
  readonly runsMs: readonly number[];
  /** The API process's CPU time during each of those requests (the database's own work on PostgreSQL is not in it). */
  readonly cpuMs?: readonly number[];
  /** One-minute load average after the last run. */
  readonly load1: number;
}

/** The median of some numbers (the lower middle for an even count); NaN when empty. */
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

/**
 * Judges issue #14's uncached roll-up target: the first roll-up of a fresh process (every cache
 * empty), median over the processes, ≤ 200 ms for 1,000 communes; binding on PostgreSQL, PGlite shown
 * for information.
 * @example
 * judgeColdRollup([{ db: "PostgreSQL", communes: 1000, runsMs: [180, 190, 260], load1: 1 }])[0].pass // true
 */
export function judgeColdRollup(results: readonly ColdRollup[]): TargetVerdict[] {
  return results.map((r) => {
    const sorted = [...r.runsMs].sort((a, b) => a - b);
    const mid = median(sorted);
    return {
      db: r.db,
      target: `uncached roll-up of ${fmt(r.communes)} communes ≤ 200 ms (first request of a fresh process, median)`,
      measured: `median ${fmt(mid, 0)} ms (min ${fmt(sorted[0] ?? Number.NaN, 0)}, max ${fmt(sorted.at(-1) ?? Number.NaN, 0)}; ${sorted.length} processes${r.cpuMs?.length ? `; API process CPU median ${fmt(median(r.cpuMs), 0)} ms` : ""}; load 1m ${fmt(r.load1, 2)})`,
      pass: sorted.length > 0 && mid <= 200,
      binding: r.db === "PostgreSQL",
    };
  });
}

/**
 * Judges the targets of issue #4 §7 on measured results: the commune evaluation at ≥ 30% of the
 * trivial route's throughput, and the province roll-up under 100 ms p99 at 20 concurrent clients.
 * The targets are defined on PostgreSQL; verdicts on other databases are marked not binding.
 * @example
 * judgeApiTargets([{ db: "PostgreSQL", kind: "baseline", reqPerS: 1000, ... }, ...], 1000);
 */
export function judgeApiTargets(results: readonly CaseResult[], communes: number): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  for (const db of [...new Set(results.map((r) => r.db))]) {
    const binding = db === "PostgreSQL";
    const base = results.find((r) => r.db === db && r.kind === "baseline");
    const commune = results.find((r) => r.db === db && r.kind === "commune");
    const rollup = results.find((r) => r.db === db && r.kind === "rollup");
    if (base && commune) {
      const ratio = commune.reqPerS / base.reqPerS;
      out.push({
        db,
        target: "commune evaluation ≥ 30% of the trivial route's req/s",
        measured: `${fmt(100 * ratio, 1)}% (${fmt(commune.reqPerS, 0)} / ${fmt(base.reqPerS, 0)} req/s)`,
        pass: ratio >= 0.3 && commune.failures === 0,
        binding,
      });
    }
    if (rollup) {
      out.push({
        db,
        target: `roll-up of ${fmt(communes)} communes p99 < 100 ms at 20 clients`,
        measured: `p99 ${fmt(rollup.p99Ms, 0)} ms at ${rollup.connections} clients`,
        pass: rollup.p99Ms < 100 && rollup.connections >= 20 && rollup.failures === 0,
        binding,
      });
    }
  }
  return out;
}

/**
 * Where the built API server is, or null when @ntm/api has not been built.
 * @example
 * apiServerPath(); // "/work/main/apps/api/dist/server.js"
 */
export function apiServerPath(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve("@ntm/api/package.json"));
    const server = join(dir, "dist", "server.js");
    return existsSync(server) ? server : null;
  } catch {
    return null;
  }
}

/**
 * Starts the built API server in a child process on a free loopback port (PORT=0) and resolves once
 * it listens and has printed the demo accounts; `env` overrides the defaults (no web app, demo seed).
 * @example
 * const server = await startServer(apiServerPath()!, { DATA_DIR: dir }, 600, []);
 */
export function startServer(
  serverPath: string,
  env: Record<string, string>,
  timeoutS: number,
  nodeArgs: readonly string[],
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [...nodeArgs, serverPath], {
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        NTM_LOG: "off",
        NTM_SEED: "demo",
        WEB_DIST: join(tmpdir(), "ntm-bench-no-web"),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let settled = false;
    const credentials: { username: string; password: string; role: string }[] = [];
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void stop().then(() => reject(new Error(`API server did not listen within ${timeoutS} s; output:\n${out.slice(-2000)}`)));
    }, timeoutS * 1000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      for (const m of out.matchAll(/^\s+(\S+) \/ (\S+)\s+\((\w+), [^)]+\)$/gm))
        if (!credentials.some((c) => c.username === m[1])) credentials.push({ username: m[1]!, password: m[2]!, role: m[3]! });
      const listening = /API on (http:\/\/[^\s]+)/.exec(out);
      // The credential lines follow the "API on" line; wait for them.
      if (listening && credentials.length > 0 && !settled && /\(viewer|\(admin/.test(out)) {
        settled = true;
        clearTimeout(timer);
        setTimeout(() => resolve({ baseUrl: listening[1]!, credentials, stop, cpuMs: () => processCpuMs(child.pid) }), 200);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => void (out += c.toString()));
    child.once("exit", (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`API server exited with code ${String(code)} before listening; output:\n${out.slice(-2000)}`));
    });
  });
}

export /** User + system CPU time of a process in ms, from /proc/<pid>/stat (clock ticks of 10 ms); NaN when unreadable. */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function signIn(server: RunningServer): Promise<{ cookie: string; csrf: string }> {
  const who = server.credentials.find((c) => c.role === "province_officer") ?? server.credentials.find((c) => c.role === "admin");
  if (!who) throw new Error("API bench: the server printed no province officer or admin demo account");
  const res = await fetch(`${server.baseUrl}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: who.username, password: who.password }),
  });
  if (res.status !== 200) throw new Error(`API bench: sign-in as ${who.username} answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  if (!cookie) throw new Error("API bench: sign-in set no session cookie");
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/**
 * Times the roll-up right after each of `rounds` writes to one commune's values (a PUT of the same
 * values with the current If-Match: a new version, as an officer's save): what a province office
 * waits for while communes enter data. Returns the times in ms.
 */
async function rollupAfterWrites(
  baseUrl: string,
  session: { cookie: string; csrf: string },
  rollupPath: string,
  communeIds: readonly string[],
  year: number,
  rounds: number,
): Promise<number[]> {
  const headers = { cookie: session.cookie, "accept-encoding": "gzip, deflate, br" };
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const id = communeIds[(i * 97) % communeIds.length]!;
    const cur = await fetch(`${baseUrl}/v1/units/${id}/values/${year}`, { headers });
    const doc = (await cur.json()) as { values: unknown; inputs?: unknown; notApplicable?: unknown };
    const put = await fetch(`${baseUrl}/v1/units/${id}/values/${year}`, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/json", "x-csrf-token": session.csrf, "if-match": cur.headers.get("etag") ?? "" },
      body: JSON.stringify({
        values: doc.values,
        ...(doc.inputs ? { inputs: doc.inputs } : {}),
        ...(doc.notApplicable ? { notApplicable: doc.notApplicable } : {}),
      }),
    });
    if (put.status !== 200) throw new Error(`API bench: PUT values of ${id} answered ${put.status}: ${(await put.text()).slice(0, 300)}`);
    out.push((await getOnce(baseUrl, rollupPath, headers)).ms);
  }
  return out;
}

/** GETs a path once and times it; throws unless it answers 200. */
async function getOnce(baseUrl: string, path: string, headers: Record<string, string>): Promise<{ ms: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(baseUrl + path, { headers });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`API bench: GET ${path} answered ${res.status}: ${body.slice(0, 300)}`);
  return { ms, body };
}

/** Microseconds on the machine's monotonic clock (the clock of V8 CPU profiles in any process). */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function loadCase(
  db: string,
  kind: CaseKind,
  name: string,
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  options: ApiBenchOptions,
): Promise<CaseResult & { fromUs: number; toUs: number }> {
  const url = baseUrl + path;
  if (options.warmupS > 0) await autocannon({ url, connections: options.connections, duration: options.warmupS, headers });
  const fromUs = nowUs();
  const r = await autocannon({ url, connections: options.connections, duration: options.durationS, headers });
  const toUs = nowUs();
  return {
    fromUs,
    toUs,
    db,
    kind,
    name,
    path,
    connections: options.connections,
    reqPerS: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    total: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
    load1: os.loadavg()[0] ?? 0,
  };
}

async function benchDatabase(
  db: string,
  serverPath: string,
  env: Record<string, string>,
  options: ApiBenchOptions,
  mixed: MixedOptions | null,
): Promise<{ cases: CaseResult[]; mixed: MixedResult | null; firstRollupMs: number; firstRollupCpuMs: number }> {
  const t0 = performance.now();
  const profileDir = options.profileRollup ? mkdtempSync(join(tmpdir(), "ntm-bench-prof-")) : null;
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const server = await startServer(
    serverPath,
    { NTM_SEED_COMMUNES: String(options.seedCommunes), ...env },
    options.startTimeoutS,
    nodeArgs,
  );
  let stopped = false;
  try {
    log(
      `  ${db}: server migrated, seeded (${fmt(options.seedCommunes)} communes) and listening in ${fmt((performance.now() - t0) / 1000, 1)} s at ${server.baseUrl}`,
    );
    const session = await signIn(server);
    const { cookie } = session;
    // What a browser (and Node's fetch, under the CLI and @ntm/client) sends: compressed answers accepted.
    const auth = { cookie, "accept-encoding": "gzip, deflate, br" };
    const evalPath = `/v1/units/${options.communeId}/evaluation?year=${options.year}`;
    const rollupPath = `/v1/units/${options.provinceId}/rollup?year=${options.year}`;
    // Check every route once before loading; the first roll-up fills the API's roll-up cache.
    await getOnce(server.baseUrl, "/healthz", {});
    const ev = await getOnce(server.baseUrl, evalPath, auth);
    const evStatus = (JSON.parse(ev.body) as { status?: unknown }).status;
    const coldFromUs = nowUs();
    const cpu0 = server.cpuMs();
    const cold = await getOnce(server.baseUrl, rollupPath, auth);
    const firstRollupCpuMs = server.cpuMs() - cpu0;
    const coldToUs = nowUs();
    const communes = (JSON.parse(cold.body) as { communes?: unknown[] }).communes?.length ?? 0;
    if (communes !== options.seedCommunes)
      throw new Error(`API bench: the roll-up of ${options.provinceId} has ${communes} communes, expected ${options.seedCommunes}`);
    const warm = await getOnce(server.baseUrl, rollupPath, auth);
    log(
      `  ${db}: commune ${options.communeId} status ${String(evStatus)} (${fmt(ev.body.length / 1024, 0)} KiB); roll-up ${fmt(communes)} communes (${fmt(cold.body.length / 1024, 0)} KiB): first request ${fmt(cold.ms, 0)} ms (computed; cache empty; API process CPU ${fmt(firstRollupCpuMs, 0)} ms), second ${fmt(warm.ms, 0)} ms (API roll-up cache)`,
    );
    const results: CaseResult[] = [];
    const communeIds = (JSON.parse(cold.body) as { communes: { unitId: string }[] }).communes.map((c) => c.unitId);
    if (options.mixedOnly) {
      const m = mixed ? await mixedCase(db, server.baseUrl, session, communeIds, options, mixed) : null;
      if (m) log(`  mixed reads + If-Match writes (${m.connections} connections, ${m.durationS} s): ${mixedLine(m)}`);
      return { cases: results, mixed: m, firstRollupMs: cold.ms, firstRollupCpuMs };
    }
    results.push(await loadCase(db, "baseline", "baseline (trivial route)", server.baseUrl, "/healthz", {}, options));
    results.push(
      await loadCase(db, "signed-in", "signed-in trivial route (session check only)", server.baseUrl, "/v1/auth/me", auth, options),
    );
    const commune = await loadCase(db, "commune", `commune evaluation (${options.communeId})`, server.baseUrl, evalPath, auth, options);
    results.push(commune);
    const roll = await loadCase(db, "rollup", `province roll-up (${fmt(communes)} communes)`, server.baseUrl, rollupPath, auth, options);
    results.push(roll);
    const afterWrites = await rollupAfterWrites(server.baseUrl, session, rollupPath, communeIds, options.year, 10);
    const sorted = [...afterWrites].sort((a, b) => a - b);
    log(
      `  ${db}: roll-up right after a write to one commune's values (10 writes, one at a time): median ${fmt(sorted[Math.floor(sorted.length / 2)]!, 0)} ms, max ${fmt(sorted.at(-1)!, 0)} ms (only the written commune is evaluated again; first, uncached: ${fmt(cold.ms, 0)} ms)`,
    );
    // For information: the same roll-up to a client that does not accept compression (371 KiB each).
    results.push(
      await loadCase(
        db,
        "rollup-identity",
        `province roll-up, uncompressed (${fmt(communes)} communes)`,
        server.baseUrl,
        rollupPath,
        { cookie },
        options,
      ),
    );
    let mixedResult: MixedResult | null = null;
    if (mixed) {
      mixedResult = await mixedCase(db, server.baseUrl, session, communeIds, options, mixed);
      log(`  mixed reads + If-Match writes (${mixed.connections} connections, ${mixed.durationS} s): ${mixedLine(mixedResult)}`);
    }
    if (profileDir) {
      await server.stop();
      stopped = true;
      const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
      if (file) {
        const profile = JSON.parse(readFileSync(join(profileDir, file), "utf8")) as CpuProfile;
        log(
          `  ${db}: CPU profile of the server during the first roll-up request (computed, cache empty: ${fmt(cold.ms, 0)} ms), self time:`,
        );
        log(
          table(
            ["where", "self ms", "share"],
            summarizeCpuProfile(profile, { fromUs: coldFromUs, toUs: coldToUs }).map((s) => [
              s.group,
              fmt(s.selfMs, 0),
              `${fmt(s.share * 100, 1)}%`,
            ]),
          ).replace(/^/gm, "    "),
        );
        log(
          table(
            ["function (file)", "self ms"],
            topFunctions(profile, 10, { fromUs: coldFromUs, toUs: coldToUs }).map((f) => [f.fn, fmt(f.selfMs, 0)]),
          ).replace(/^/gm, "    "),
        );
        for (const c of [commune, roll]) {
          const window = { fromUs: c.fromUs, toUs: c.toUs };
          log(
            `  ${db}: CPU profile of the server during the measured load of ${c.name} (${options.durationS} s), self time by where the code lives:`,
          );
          const summary = summarizeCpuProfile(profile, window);
          log(
            table(
              ["where", "self ms", "share"],
              summary.map((s) => [s.group, fmt(s.selfMs, 0), `${fmt(s.share * 100, 1)}%`]),
            ).replace(/^/gm, "    "),
          );
          log(`  ${db}: top functions by self time in that window:`);
          log(
            table(
              ["function (file)", "self ms"],
              topFunctions(profile, 15, window).map((f) => [f.fn, fmt(f.selfMs, 0)]),
            ).replace(/^/gm, "    "),
          );
        }
      } else log(`  ${db}: no CPU profile was written in ${profileDir}`);
    }
    return { cases: results, mixed: mixedResult, firstRollupMs: cold.ms, firstRollupCpuMs };
  } finally {
    if (!stopped) await server.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * The uncached roll-up, again: restarts the server `restarts` times on the same seeded database (the
 * seed is skipped) and times each new process's first roll-up, after one commune evaluation (which
 * loads the session, the unit tree and the packs, as the first run did), so every roll-up cache,
 * value row and classification is cold. Returns the times in ms.
 */
async function coldRollups(
  db: string,
  serverPath: string,
  env: Record<string, string>,
  options: ApiBenchOptions,
  restarts: number,
): Promise<{ ms: number; cpuMs: number }[]> {
  const out: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < restarts; i++) {
    const server = await startServer(serverPath, { NTM_SEED_COMMUNES: String(options.seedCommunes), ...env }, options.startTimeoutS, []);
    try {
      const { cookie } = await signIn(server);
      const auth = { cookie, "accept-encoding": "gzip, deflate, br" };
      await getOnce(server.baseUrl, `/v1/units/${options.communeId}/evaluation?year=${options.year}`, auth);
      const cpu0 = server.cpuMs();
      const first = await getOnce(server.baseUrl, `/v1/units/${options.provinceId}/rollup?year=${options.year}`, auth);
      const cpuMs = server.cpuMs() - cpu0;
      out.push({ ms: first.ms, cpuMs });
      log(
        `  ${db}: restart ${i + 1} of ${restarts}: first roll-up of the new process ${fmt(first.ms, 0)} ms (API process CPU ${fmt(cpuMs, 0)} ms; load 1m ${fmt(os.loadavg()[0] ?? 0, 2)})`,
      );
    } finally {
      await server.stop();
    }
  }
  return out;
}

/** Connects to a PostgreSQL URL and runs SELECT 1; resolves to an error message or null. */
async function probePostgres(url: string): Promise<string | null> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (e) {
    return e instanceof Error ? e.message || e.name : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withFreshPostgres<T>(url: string, fn: (dbUrl: string) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const name = `ntm_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  try {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return await fn(u.toString());
  } finally {
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  }
}

const loadavg = () =>
  os
    .loadavg()
    .map((x) => fmt(x, 2))
    .join(" ");

/**
 * Runs the API load benchmark, prints req/s, p50, p99, the ratio to the trivial route and the
 * targets of issue #4 §7 with PASS/MISS; returns false when a server could not be started, a route
 * failed, or PostgreSQL was asked for (DATABASE_URL) and did not answer. A missed target is
 * reported, not a failure.
 * @example
 * const ok = await runApiBench({ ...DEFAULT_API_BENCH, durationS: 3 });
 */
export async function runApiBench(
  options: ApiBenchOptions = DEFAULT_API_BENCH,
  mixed: MixedOptions | null = DEFAULT_MIXED,
): Promise<boolean> {
  log();
  log(`API load benchmark (issue #4 §7): the built server (apps/api/dist/server.js) in a child process on 127.0.0.1,`);
  log(
    `  demo province of ${fmt(options.seedCommunes)} communes seeded (NTM_SEED_COMMUNES) in a fresh database; autocannon in this process,`,
  );
  if (options.mixedOnly)
    log(
      `  only the mixed case (issue #14): ${mixed?.connections ?? 0} connections for ${mixed?.durationS ?? 0} s, each looping GET values → PUT with If-Match → GET evaluation → GET roll-up; session cookie of the demo province officer and`,
    );
  else
    log(
      `  ${options.connections} connections, ${options.warmupS} s warm-up then ${options.durationS} s per case, then the mixed case of issue #14; session cookie of the demo province officer and`,
    );
  log(
    `  "accept-encoding: gzip, deflate, br" (as browsers and Node's fetch send) on /v1 routes; the last case repeats the roll-up without compression`,
  );
  log(`  load average at the start ${loadavg()} on ${os.cpus().length} CPU(s)`);
  const serverPath = apiServerPath();
  if (!serverPath) {
    log("  not run: apps/api/dist/server.js is missing (npm run bench builds it through turbo)");
    return false;
  }
  let ok = true;
  const results: CaseResult[] = [];
  const mixedResults: MixedResult[] = [];
  const colds: ColdRollup[] = [];
  const collect = (r: { cases: CaseResult[]; mixed: MixedResult | null }) => {
    results.push(...r.cases);
    if (r.mixed) mixedResults.push(r.mixed);
  };
  const restarts = options.mixedOnly || options.profileRollup ? 0 : options.coldRestarts;
  // The loads on a fresh database, then the uncached roll-up of restarted processes on the same one.
  const runDatabase = async (db: string, env: Record<string, string>) => {
    const r = await benchDatabase(db, serverPath, env, options, mixed);
    collect(r);
    if (!options.mixedOnly) {
      const runs = [{ ms: r.firstRollupMs, cpuMs: r.firstRollupCpuMs }, ...(await coldRollups(db, serverPath, env, options, restarts))];
      colds.push({
        db,
        communes: options.seedCommunes,
        runsMs: runs.map((x) => x.ms),
        cpuMs: runs.map((x) => x.cpuMs),
        load1: os.loadavg()[0] ?? 0,
      });
    }
  };
  const wanted = new Set(options.databases ?? ["postgres", "pglite"]);

  const explicit = process.env.DATABASE_URL;
  const pgUrl = explicit ?? DEFAULT_POSTGRES_URL;
  const problem = wanted.has("postgres") ? await probePostgres(pgUrl) : "not asked for (--api-db)";
  if (!wanted.has("postgres")) log("  PostgreSQL: not run (--api-db=pglite)");
  else if (problem === null) {
    const shown = new URL(pgUrl);
    if (shown.password) shown.password = "***";
    log(
      `  PostgreSQL: ${explicit ? "DATABASE_URL" : "the local default"} ${shown.toString()} answers; a fresh database is created for the run and dropped afterwards`,
    );
    await withFreshPostgres(pgUrl, (dbUrl) => runDatabase("PostgreSQL", { DATABASE_URL: dbUrl }));
  } else if (explicit) {
    log(`  PostgreSQL: not run: DATABASE_URL does not answer (${problem})`);
    ok = false;
  } else {
    log(
      `  PostgreSQL: not run: DATABASE_URL is not set and ${DEFAULT_POSTGRES_URL} does not answer (${problem}); the targets are defined on PostgreSQL`,
    );
  }

  if (wanted.has("pglite")) {
    const dataDir = mkdtempSync(join(tmpdir(), "ntm-bench-pglite-"));
    try {
      await runDatabase("PGlite", { DATA_DIR: dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  } else log("  PGlite: not run (--api-db=postgres)");

  log();
  log(
    table(
      ["database", "case", "req/s", "p50 ms", "p99 ms", "vs baseline", "requests", "non-2xx/errors", "load 1m"],
      results.map((r) => {
        const base = results.find((b) => b.db === r.db && b.kind === "baseline");
        return [
          r.db,
          `${r.name} GET ${r.path}`,
          fmt(r.reqPerS, 0),
          fmt(r.p50Ms, 0),
          fmt(r.p99Ms, 0),
          base ? `${fmt((100 * r.reqPerS) / base.reqPerS, 1)}%` : "—",
          fmt(r.total),
          fmt(r.failures),
          fmt(r.load1, 2),
        ];
      }),
      2,
    ),
  );
  log();
  log("Targets (issue #4 §7; defined on PostgreSQL, PGlite shown for information)");
  const verdicts = judgeApiTargets(results, options.seedCommunes);
  log(
    table(
      ["database", "target", "measured", "result"],
      verdicts.map((v) => [v.db, v.target, v.measured, `${v.pass ? "PASS" : "MISS"}${v.binding ? "" : " (info)"}`]),
      3,
    ),
  );
  if (colds.length > 0) {
    log();
    log("Uncached roll-up (issue #14: ≤ 200 ms on PostgreSQL; the first roll-up of each server process, every cache empty)");
    log(
      table(
        ["database", "target", "measured", "result"],
        judgeColdRollup(colds).map((v) => [v.db, v.target, v.measured, `${v.pass ? "PASS" : "MISS"}${v.binding ? "" : " (info)"}`]),
        3,
      ),
    );
  }
  if (mixedResults.length > 0) {
    log();
    log("Mixed load (issue #14: on the embedded database 0 timeouts and p99 ≤ 1 s; over capacity the API answers 503 with Retry-After)");
    for (const m of mixedResults) log(`  ${mixedLine(m)}`);
    log(
      table(
        ["database", "target", "measured", "result"],
        judgeMixed(mixedResults).map((v) => [v.db, v.target, v.measured, `${v.pass ? "PASS" : "MISS"}${v.binding ? "" : " (info)"}`]),
        3,
      ),
    );
  }
  const cpus = os.cpus().length;
  const load = os.loadavg();
  log(`  load average at the end ${loadavg()} on ${cpus} CPU(s); autocannon shares the machine with the server`);
  if ((load[0] ?? 0) > cpus)
    log(`  the machine was loaded by other work (load average above the CPU count): req/s and latencies are worse than on an idle machine`);
  if (!results.every((r) => r.failures === 0)) {
    log("  FAILURES: some requests answered non-2xx or failed; the figures above are not valid");
    ok = false;
  }
  return ok;
}
