/**
 * The API load benchmark: the real server (apps/api/dist/server.js) in a child process on
 * loopback, seeded with the demo province, loaded with autocannon for a bounded time per case:
 * a trivial route (the baseline), one commune's evaluation and the province roll-up. PGlite always;
 * PostgreSQL too when DATABASE_URL is set (in a fresh database, dropped afterwards).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import autocannon from "autocannon";
import { fmt, table } from "./measure.js";

/** How the API is loaded. */
export interface ApiBenchOptions {
  /** Seconds per case. */
  readonly durationS: number;
  readonly connections: number;
  readonly year: number;
  readonly communeId: string;
  readonly provinceId: string;
  /** Seconds allowed for the server to migrate, seed and listen. */
  readonly startTimeoutS: number;
}

export const DEFAULT_API_BENCH: ApiBenchOptions = { durationS: 5, connections: 10, year: 2024, communeId: "c-01-01", provinceId: "p-demo", startTimeoutS: 180 };

interface RunningServer {
  readonly baseUrl: string;
  readonly credentials: readonly { readonly username: string; readonly password: string; readonly role: string }[];
  readonly stop: () => Promise<void>;
}

interface CaseResult {
  readonly db: string;
  readonly name: string;
  readonly path: string;
  readonly reqPerS: number;
  readonly p99Ms: number;
  readonly p50Ms: number;
  readonly total: number;
  readonly failures: number;
}

const log = (s = "") => process.stdout.write(`${s}\n`);

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

function startServer(serverPath: string, env: Record<string, string>, timeoutS: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [serverPath], {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", NTM_LOG: "off", NTM_SEED: "demo", WEB_DIST: join(tmpdir(), "ntm-bench-no-web"), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let settled = false;
    const credentials: { username: string; password: string; role: string }[] = [];
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
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
      for (const m of out.matchAll(/^\s+(\S+) \/ (\S+)\s+\((\w+), [^)]+\)$/gm)) if (!credentials.some((c) => c.username === m[1])) credentials.push({ username: m[1]!, password: m[2]!, role: m[3]! });
      const listening = /API on (http:\/\/[^\s]+)/.exec(out);
      // The credential lines follow the "API on" line; wait for them.
      if (listening && credentials.length > 0 && !settled && /\(viewer|\(admin/.test(out)) {
        settled = true;
        clearTimeout(timer);
        setTimeout(() => resolve({ baseUrl: listening[1]!, credentials, stop }), 200);
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

async function signIn(server: RunningServer): Promise<string> {
  const who = server.credentials.find((c) => c.role === "province_officer") ?? server.credentials.find((c) => c.role === "admin");
  if (!who) throw new Error("API bench: the server printed no province officer or admin demo account");
  const res = await fetch(`${server.baseUrl}/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: who.username, password: who.password }) });
  if (res.status !== 200) throw new Error(`API bench: sign-in as ${who.username} answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  if (!cookie) throw new Error("API bench: sign-in set no session cookie");
  return cookie;
}

async function loadCase(db: string, name: string, baseUrl: string, path: string, headers: Record<string, string>, options: ApiBenchOptions): Promise<CaseResult> {
  const check = await fetch(baseUrl + path, { headers });
  if (check.status !== 200) throw new Error(`API bench: GET ${path} answered ${check.status} before loading: ${(await check.text()).slice(0, 300)}`);
  const r = await autocannon({ url: baseUrl + path, connections: options.connections, duration: options.durationS, headers });
  return { db, name, path, reqPerS: r.requests.average, p99Ms: r.latency.p99, p50Ms: r.latency.p50, total: r.requests.total, failures: r.non2xx + r.errors + r.timeouts };
}

async function benchDatabase(db: string, serverPath: string, env: Record<string, string>, options: ApiBenchOptions): Promise<CaseResult[]> {
  const t0 = performance.now();
  const server = await startServer(serverPath, env, options.startTimeoutS);
  try {
    log(`  ${db}: server migrated, seeded and listening in ${fmt((performance.now() - t0) / 1000, 1)} s at ${server.baseUrl}`);
    const cookie = await signIn(server);
    const auth = { cookie };
    const results: CaseResult[] = [];
    results.push(await loadCase(db, "baseline GET /healthz", server.baseUrl, "/healthz", {}, options));
    results.push(await loadCase(db, "commune evaluation", server.baseUrl, `/v1/units/${options.communeId}/evaluation?year=${options.year}`, auth, options));
    results.push(await loadCase(db, "province roll-up", server.baseUrl, `/v1/units/${options.provinceId}/rollup?year=${options.year}`, auth, options));
    return results;
  } finally {
    await server.stop();
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

/**
 * Runs the API load benchmark and prints req/s, p99 and the ratio to the trivial route; returns
 * false when the server could not be started or a route failed.
 * @example
 * const ok = await runApiBench();
 */
export async function runApiBench(options: ApiBenchOptions = DEFAULT_API_BENCH): Promise<boolean> {
  log();
  log(`API load benchmark: the built server (apps/api/dist/server.js) in a child process on loopback, demo province seeded;`);
  log(`  autocannon, ${options.connections} connections, ${options.durationS} s per case; session cookie of the demo province officer on /v1 routes`);
  const serverPath = apiServerPath();
  if (!serverPath) {
    log("  not run: apps/api/dist/server.js is missing (npm run bench builds it through turbo)");
    return false;
  }
  const results: CaseResult[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "ntm-bench-pglite-"));
  try {
    results.push(...(await benchDatabase("PGlite", serverPath, { DATA_DIR: dataDir }, options)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (url) results.push(...(await withFreshPostgres(url, (dbUrl) => benchDatabase("PostgreSQL", serverPath, { DATABASE_URL: dbUrl }, options))));
  else log("  PostgreSQL: not run (DATABASE_URL is not set)");

  log();
  log(
    table(
      ["database", "case", "req/s", "p50 ms", "p99 ms", "vs baseline", "requests", "non-2xx/errors"],
      results.map((r) => {
        const base = results.find((b) => b.db === r.db && b.path === "/healthz");
        return [r.db, `${r.name} (${r.path})`, fmt(r.reqPerS, 0), fmt(r.p50Ms, 0), fmt(r.p99Ms, 0), base ? `${fmt((100 * r.reqPerS) / base.reqPerS, 1)}%` : "—", fmt(r.total), fmt(r.failures)];
      }),
      2,
    ),
  );
  return results.every((r) => r.failures === 0);
}
