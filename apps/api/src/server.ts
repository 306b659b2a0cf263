/**
 * Starts the ntm API: PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set; migrations
 * at start; the demo seed when the database is empty; the web app's build at / when present.
 *
 * Environment: PORT (3000), HOST (127.0.0.1), DATA_DIR (<repo>/.data/pglite), DATABASE_URL,
 * NTM_CHANGE_FEED ("off" to check the database on every request instead of listening for changes),
 * NTM_CHANGE_FEED_URL (a direct PostgreSQL URL for LISTEN when DATABASE_URL goes through a pooler),
 * NTM_LOG_SQL ("1" prints every query), TRUST_PROXY (0: how many reverse proxies append to
 * X-Forwarded-For and set X-Forwarded-Proto; 0 ignores both headers), NTM_SEED
 * ("demo" default, "none" to skip), NTM_SEED_COMMUNES (a larger demo, e.g. 1000, for benchmarks), WEB_DIST (<repo>/apps/web/dist), NTM_LOG ("off" to silence request logs),
 * NTM_DB_CONCURRENCY / NTM_DB_QUEUE / NTM_DB_QUEUE_WAIT_MS / NTM_DB_RETRY_AFTER_S (the database
 * admission queue of src/db/queue.ts: requests at once, waiting at most, longest wait, Retry-After of
 * the 503 answer; NTM_DB_QUEUE=off turns it off).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { openDatabase } from "./db/index.js";
import { DbQueue, dbQueueOptionsFromEnv } from "./db/queue.js";
import { webAppHandler } from "./http/static.js";
import { credentialLines, seedDemo } from "./seed/index.js";

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { workspaces?: unknown }).workspaces) return dir;
    dir = resolve(dir, "..");
  }
  return process.cwd();
}

async function main(): Promise<void> {
  const root = repoRoot();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "127.0.0.1";
  const url = process.env.DATABASE_URL;
  const dataDir = process.env.DATA_DIR ?? join(root, ".data", "pglite");
  const changeFeed = process.env.NTM_CHANGE_FEED !== "off";
  const feedUrl = process.env.NTM_CHANGE_FEED_URL;
  const queryLog = process.env.NTM_LOG_SQL === "1" ? { queryLog: (q: string) => console.log(`[ntm] sql: ${q.length > 200 ? `${q.slice(0, 200)}…` : q}`) } : {};
  const database = await openDatabase(url ? { databaseUrl: url, changeFeed, ...(feedUrl ? { changeFeedUrl: feedUrl } : {}), ...queryLog } : { dataDir, changeFeed, ...queryLog });
  console.log(`[ntm] database: ${url ? "PostgreSQL (DATABASE_URL)" : `PGlite ${dataDir}`}; migrations applied; change feed ${changeFeed ? "on" : "off (every request checks the database)"}`);
  if ((process.env.NTM_SEED ?? "demo") !== "none") {
    // NTM_SEED_COMMUNES (e.g. 1000) seeds a larger demo province for benchmarks: 40 communes per district.
    const communes = Number(process.env.NTM_SEED_COMMUNES ?? 0);
    const size = communes > 0 ? { districts: Math.ceil(communes / Math.min(40, communes)), communesPerDistrict: Math.min(40, communes) } : {};
    const seeded = await seedDemo(database.db, size);
    console.log(seeded ? `[ntm] demo data seeded (Tỉnh Minh Hoạ, ${communes > 0 ? communes : 40} xã, 2021–2025)` : "[ntm] database already has data; seed skipped");
  }
  const trustProxy = Number(process.env.TRUST_PROXY ?? 0);
  if (!Number.isInteger(trustProxy) || trustProxy < 0) throw new Error(`TRUST_PROXY phải là số nguyên ≥ 0 / TRUST_PROXY must be a whole number ≥ 0 (proxies in front of the server), got "${process.env.TRUST_PROXY}"`);
  const queueOptions = dbQueueOptionsFromEnv(process.env, database.driver);
  const dbQueue = queueOptions ? new DbQueue(queueOptions) : undefined;
  console.log(queueOptions ? `[ntm] database queue: ${queueOptions.concurrency} requests at once, ${queueOptions.maxQueued} waiting at most for ${queueOptions.maxWaitMs} ms; beyond: 503 with Retry-After ${queueOptions.retryAfterS} s` : "[ntm] database queue off (NTM_DB_QUEUE=off)");
  const app = createApp({ db: database.db, log: process.env.NTM_LOG !== "off", trustProxy, ...(dbQueue ? { dbQueue } : {}) });
  const webDist = process.env.WEB_DIST ?? join(root, "apps", "web", "dist");
  if (existsSync(join(webDist, "index.html"))) {
    // Precompressed (brotli, gzip) from memory; hashed assets immutable; unknown paths → index.html.
    app.use("*", webAppHandler(webDist));
    console.log(`[ntm] serving the web app from ${webDist}`);
  }
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    console.log(`[ntm] API on http://${host}:${info.port}  (docs: /docs, OpenAPI: /openapi.json)`);
    console.log("[ntm] tài khoản demo / demo accounts (username / password):");
    for (const l of credentialLines()) console.log(l);
  });
  const stop = () => {
    server.close();
    void database.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error("[ntm] failed to start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
