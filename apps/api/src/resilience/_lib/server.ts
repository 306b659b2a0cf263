/**
 * The API server as a real child process (`node --import tsx src/server.ts`), for the resilience
 * suite: started on a PGlite data directory or a PostgreSQL database, spoken to over HTTP on a free
 * port, and stopped with a signal of the test's choice (SIGKILL included). Plus the little a test
 * needs around it: a fresh database of either kind, a signed-in HTTP client, and a fingerprint of
 * tables to compare before and after a crash.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../../db/index.js";
import { DEMO_CREDENTIALS, seedDemo } from "../../seed/index.js";

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Where a child server keeps its data: a PGlite directory or a PostgreSQL database URL. */
export type Store = { kind: "pglite"; dataDir: string } | { kind: "postgres"; databaseUrl: string };

/** A fresh, migrated and seeded store of the kind the suite runs on (PostgreSQL when DATABASE_URL is set). */
export interface TestStore {
  store: Store;
  /** Opens the store in this process (PGlite: only while no server holds the directory). */
  open: () => Promise<Database>;
  /** Removes the directory or drops the database. */
  remove: () => Promise<void>;
}

/**
 * Creates a fresh store with the demo seed, closed again so that a child server can open it.
 * @example
 * const t = await freshStore(); const server = await startServer(t.store);
 */
export async function freshStore(): Promise<TestStore> {
  const url = process.env.DATABASE_URL;
  let store: Store;
  let remove: () => Promise<void>;
  if (url) {
    const { default: pg } = await import("pg");
    const name = `ntm_res_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    store = { kind: "postgres", databaseUrl: u.toString() };
    remove = async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), "ntm-res-"));
    store = { kind: "pglite", dataDir };
    remove = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  // The feed is not needed to seed or to compare rows; a PGlite directory must be free afterwards.
  const open = () =>
    openDatabase(
      store.kind === "postgres" ? { databaseUrl: store.databaseUrl, changeFeed: false } : { dataDir: store.dataDir, changeFeed: false },
    );
  const first = await open();
  await seedDemo(first.db);
  await first.close();
  return { store, open, remove };
}

/** A running child server. */
export interface ChildServer {
  pid: number;
  base: string;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves with the first output line matching `re` (past lines included). */
  waitForLine: (re: RegExp, timeoutMs?: number) => Promise<string>;
  /** Resolves when `count` lines matching `re` have been printed in all. */
  waitForCount: (re: RegExp, count: number, timeoutMs?: number) => Promise<void>;
  /** Sends a signal and resolves once the process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `src/server.ts` in a child process on `store`, on a free port, without the demo seed step,
 * and resolves once it listens.
 * @example
 * const server = await startServer(t.store, { NTM_LOG_SQL: "1" }); await fetch(`${server.base}/healthz`);
 */
export async function startServer(store: Store, env: Record<string, string> = {}): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      ...(store.kind === "postgres" ? { DATABASE_URL: store.databaseUrl } : { DATABASE_URL: "", DATA_DIR: store.dataDir }),
      PORT: "0",
      HOST: "127.0.0.1",
      NTM_SEED: "none",
      NTM_LOG: "off",
      WEB_DIST: join(tmpdir(), "ntm-no-web-app"),
      NTM_SETUP_TOKEN_FILE: join(tmpdir(), `ntm-res-setup-${randomBytes(4).toString("hex")}`),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.once("exit", (code, signal) => {
      for (const l of listeners) l();
      res({ code, signal });
    }),
  );
  let done = false;
  void exited.then(() => (done = true));
  const until = <T>(check: () => T | undefined, what: string, timeoutMs: number): Promise<T> =>
    new Promise<T>((res, rej) => {
      const tick = () => {
        const hit = check();
        if (hit !== undefined) {
          cleanup();
          res(hit);
        } else if (done) {
          cleanup();
          rej(new Error(`server ${child.pid} exited before ${what}; output:\n${text.slice(-3000)}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        rej(new Error(`server ${child.pid}: no ${what} within ${timeoutMs} ms; output:\n${text.slice(-3000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(tick);
      };
      listeners.add(tick);
      tick();
    });
  const waitForLine = (re: RegExp, timeoutMs = 30_000) => until(() => text.split("\n").find((l) => re.test(l)), `line ${re}`, timeoutMs);
  const countOf = (re: RegExp) => text.split("\n").filter((l) => re.test(l)).length;
  const waitForCount = async (re: RegExp, count: number, timeoutMs = 30_000) => {
    // Counting scans all output: check at most every 20 ms.
    let last = 0;
    await until(
      () => {
        if (Date.now() - last < 20 && !done) return undefined;
        last = Date.now();
        return countOf(re) >= count ? true : undefined;
      },
      `${count} lines ${re}`,
      timeoutMs,
    );
  };
  const line = await waitForLine(/\[ntm\] API on http:\/\//, 60_000).catch(async (e: unknown) => {
    child.kill("SIGKILL");
    throw e;
  });
  const port = Number(/:(\d+)\s/.exec(line)?.[1]);
  return {
    pid: child.pid!,
    base: `http://127.0.0.1:${port}`,
    output: () => text,
    waitForLine,
    waitForCount,
    stop: async (signal = "SIGTERM") => {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}

/** A signed-in HTTP client of a child server (cookie and CSRF token). */
export interface Client {
  /** fetch on the server with the session; `base` switches servers (the session lives in the database). */
  request: (path: string, init?: RequestInit, base?: string) => Promise<Response>;
}

/**
 * Signs a demo user in over HTTP.
 * @example
 * const tinh = await signIn(server.base, "tinh"); await tinh.request("/v1/auth/me");
 */
export async function signIn(base: string, username: string): Promise<Client> {
  const password = DEMO_CREDENTIALS.find((c) => c.username === username)?.password ?? "";
  const res = await fetch(`${base}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    request: (path, init = {}, other = base) => {
      const headers = new Headers(init.headers);
      headers.set("cookie", cookie);
      if (!["GET", "HEAD"].includes((init.method ?? "GET").toUpperCase())) headers.set("x-csrf-token", csrfToken);
      return fetch(`${other}${path}`, { ...init, headers });
    },
  };
}

/**
 * Row count and an MD5 over every row (in id order) of each table: equal fingerprints, equal contents.
 * @example
 * const before = await fingerprint(db, ["indicator_values", "audit_log"]);
 */
export async function fingerprint(db: Database["db"], tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rows = (await db.execute(
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t.id), '')) as h from ${t} t`),
    )) as unknown as { rows?: { n: number; h: string }[] } | { n: number; h: string }[];
    const row = (Array.isArray(rows) ? rows : (rows.rows ?? []))[0]!;
    out[t] = `${row.n} rows, md5 ${row.h}`;
  }
  return out;
}

/** The 1-minute load average, for the printed figures. */
export const load1 = (): string => loadavg()[0]!.toFixed(2);
