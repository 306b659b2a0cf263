/**
 * Test harness: a real database (PGlite in a temp dir by default; a fresh PostgreSQL database when
 * DATABASE_URL is set), migrated and seeded, and the app called over real HTTP semantics via
 * `app.request`. Not a mock: the same code paths as the server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { createApp } from "../app.js";
import { type Database, openDatabase } from "../db/index.js";
import { DEMO_CREDENTIALS, seedDemo } from "../seed/index.js";

export interface Harness {
  database: Database;
  app: ReturnType<typeof createApp>;
  driver: "pglite" | "postgres";
  /** The test database's URL on PostgreSQL (a second instance can open it); undefined on PGlite. */
  databaseUrl?: string;
  close: () => Promise<void>;
}

/**
 * Opens a fresh database for one test file, seeds the demo, and builds the app.
 * @example
 * const h = await openHarness(); const res = await h.app.request("/healthz");
 */
export async function openHarness(options: { seed?: boolean; queryLog?: (sql: string) => void } = {}): Promise<Harness> {
  const url = process.env.DATABASE_URL;
  let database: Database;
  let cleanup: () => Promise<void>;
  let databaseUrl: string | undefined;
  if (url) {
    const { default: pg } = await import("pg");
    const name = `ntm_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    database = await openDatabase({ databaseUrl, ...(options.queryLog ? { queryLog: options.queryLog } : {}) });
    cleanup = async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "ntm-api-test-"));
    database = await openDatabase({ dataDir: dir, ...(options.queryLog ? { queryLog: options.queryLog } : {}) });
    cleanup = async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  if (options.seed !== false) await seedDemo(database.db);
  // As behind one reverse proxy: tests name the client's address with X-Forwarded-For.
  const app = createApp({ db: database.db, trustProxy: 1 });
  return { database, app, driver: database.driver, ...(databaseUrl ? { databaseUrl } : {}), close: cleanup };
}

/** A signed-in browser-like client: the session cookie and the CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
  /** Calls the app with the session cookie (and the CSRF header on writes). */
  request: (path: string, init?: RequestInit) => Promise<Response>;
}

/**
 * Signs in a demo user by username and returns a client that carries the cookie and CSRF token.
 * @example
 * const xa = await login(h, "xa"); await xa.request("/v1/auth/me")
 */
export async function login(h: Harness, username: string, password?: string): Promise<Session> {
  const pw = password ?? DEMO_CREDENTIALS.find((c) => c.username === username)?.password ?? "";
  const res = await h.app.request("/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: pw }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: csrfToken,
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("cookie", cookie);
      const method = (init.method ?? "GET").toUpperCase();
      if (!["GET", "HEAD", "OPTIONS"].includes(method) && !headers.has("x-csrf-token")) headers.set("x-csrf-token", csrfToken);
      return Promise.resolve(h.app.request(path, { ...init, headers }));
    },
  };
}

/**
 * Signs in every demo user (admin, tinh, huyen, xa, thanhtra, xem), keyed by username.
 * @example
 * const s = await loginAll(h); await s.xa!.request("/v1/auth/me")
 */
export async function loginAll(h: Harness): Promise<Record<string, Session>> {
  const out: Record<string, Session> = {};
  for (const { username } of DEMO_CREDENTIALS) out[username] = await login(h, username);
  return out;
}

/**
 * JSON request init helper.
 * @example
 * await s.request("/v1/users", json("POST", { username: "a" }))
 */
export function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}
