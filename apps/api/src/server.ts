/**
 * Starts the ntm API: PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set; migrations
 * at start; the demo seed when the database is empty; the web app's build at / when present.
 *
 * Environment: PORT (3000), HOST (127.0.0.1), DATA_DIR (<repo>/.data/pglite), DATABASE_URL,
 * NTM_CHANGE_FEED ("off" to check the database on every request instead of listening for changes),
 * NTM_CHANGE_FEED_URL (a direct PostgreSQL URL for LISTEN when DATABASE_URL goes through a pooler),
 * NTM_CHANGE_FEED_RETRY_MS (100: the first wait before the feed's lost LISTEN connection is reopened),
 * NTM_LOG_SQL ("1" prints every query), TRUST_PROXY (0: how many reverse proxies append to
 * X-Forwarded-For and set X-Forwarded-Proto; 0 ignores both headers), NTM_SEED
 * ("demo" default, "none" to skip: an empty database then prints a one-time setup link for the first
 * administrator, its token also written to NTM_SETUP_TOKEN_FILE, default `setup-token` beside the data
 * directory, mode 0600), NTM_SEED_COMMUNES (a larger demo, e.g. 1000, for benchmarks), WEB_DIST (<repo>/apps/web/dist), NTM_LOG ("off" to silence request logs),
 * NTM_IMPORT_MAX_BYTES (10 MiB), NTM_IMPORT_MAX_ROWS (100000), NTM_IMPORT_MAX_XLSX_BYTES (50 MiB unpacked),
 * NTM_IMPORT_MAX_ERRORS (100 listed in a 422),
 * NTM_ATTACHMENT_MAX_BYTES (10 MiB per dossier document), NTM_ATTACHMENT_TYPES (pdf,png,jpeg,docx),
 * NTM_DB_CONCURRENCY / NTM_DB_QUEUE / NTM_DB_QUEUE_WAIT_MS / NTM_DB_RETRY_AFTER_S (the database
 * admission queue of src/db/queue.ts: requests at once, waiting at most, longest wait, Retry-After of
 * the 503 answer; NTM_DB_QUEUE=off turns it off).
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { repoRoot } from "./paths.js";
import { openDatabase } from "./db/index.js";
import { importLimitsFromEnv } from "./transfer/limits.js";
import { attachmentLimitsFromEnv } from "./services/attachments.js";
import { DbQueue, dbQueueOptionsFromEnv } from "./db/queue.js";
import { webAppHandler } from "./http/static.js";
import { existingDemoCredentialLines, seedDemo } from "./seed/index.js";
import { issueSetupToken, needsSetup } from "./setup.js";

async function main(): Promise<void> {
  const root = repoRoot();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "127.0.0.1";
  const url = process.env.DATABASE_URL;
  const dataDir = process.env.DATA_DIR ?? join(root, ".data", "pglite");
  const changeFeed = process.env.NTM_CHANGE_FEED !== "off";
  const feedUrl = process.env.NTM_CHANGE_FEED_URL;
  const feedRetryMs = process.env.NTM_CHANGE_FEED_RETRY_MS ? Number(process.env.NTM_CHANGE_FEED_RETRY_MS) : undefined;
  const queryLog =
    process.env.NTM_LOG_SQL === "1"
      ? { queryLog: (q: string) => console.log(`[ntm] sql: ${q.length > 200 ? `${q.slice(0, 200)}…` : q}`) }
      : {};
  const database = await openDatabase(
    url
      ? {
          databaseUrl: url,
          changeFeed,
          ...(feedUrl ? { changeFeedUrl: feedUrl } : {}),
          ...(feedRetryMs !== undefined && feedRetryMs >= 0 ? { changeFeedRetryMs: feedRetryMs } : {}),
          ...queryLog,
        }
      : { dataDir, changeFeed, ...queryLog },
  );
  console.log(
    `[ntm] database: ${url ? "PostgreSQL (DATABASE_URL)" : `PGlite ${dataDir}`}; migrations applied; change feed ${changeFeed ? "on" : "off (every request checks the database)"}`,
  );
  if ((process.env.NTM_SEED ?? "demo") !== "none") {
    // NTM_SEED_COMMUNES (e.g. 1000) seeds a larger demo province for benchmarks: 40 communes per district.
    const communes = Number(process.env.NTM_SEED_COMMUNES ?? 0);
    const size =
      communes > 0 ? { districts: Math.ceil(communes / Math.min(40, communes)), communesPerDistrict: Math.min(40, communes) } : {};
    const seeded = await seedDemo(database.db, size);
    console.log(
      seeded
        ? `[ntm] demo data seeded (Tỉnh Minh Hoạ, ${communes > 0 ? communes : 40} xã, 2021–2025)`
        : "[ntm] database already has data; seed skipped",
    );
  }
  const trustProxy = Number(process.env.TRUST_PROXY ?? 0);
  if (!Number.isInteger(trustProxy) || trustProxy < 0)
    throw new Error(
      `TRUST_PROXY phải là số nguyên ≥ 0 / TRUST_PROXY must be a whole number ≥ 0 (proxies in front of the server), got "${process.env.TRUST_PROXY}"`,
    );
  const queueOptions = dbQueueOptionsFromEnv(process.env, database.driver);
  const dbQueue = queueOptions ? new DbQueue(queueOptions) : undefined;
  console.log(
    queueOptions
      ? `[ntm] database queue: ${queueOptions.concurrency} requests at once, ${queueOptions.maxQueued} waiting at most for ${queueOptions.maxWaitMs} ms; beyond: 503 with Retry-After ${queueOptions.retryAfterS} s`
      : "[ntm] database queue off (NTM_DB_QUEUE=off)",
  );
  const app = createApp({
    db: database.db,
    log: process.env.NTM_LOG !== "off",
    trustProxy,
    importLimits: importLimitsFromEnv(process.env),
    attachmentLimits: attachmentLimitsFromEnv(process.env),
    ...(dbQueue ? { dbQueue } : {}),
  });
  const webDist = process.env.WEB_DIST ?? join(root, "apps", "web", "dist");
  if (existsSync(join(webDist, "index.html"))) {
    // Precompressed (brotli, gzip) from memory; hashed assets immutable; unknown paths → index.html.
    app.use("*", webAppHandler(webDist));
    console.log(`[ntm] serving the web app from ${webDist}`);
  }
  // Only accounts that exist with their demo password are shown; none on a real deployment.
  const demoLines = await existingDemoCredentialLines(database.db);
  const setupToken = (await needsSetup(database.db)) ? await issueSetupToken(database.db, new Date()) : undefined;
  const tokenFile = process.env.NTM_SETUP_TOKEN_FILE ?? join(url ? join(root, ".data") : dirname(resolve(dataDir)), "setup-token");
  if (setupToken) writeSecretFile(tokenFile, `${setupToken}\n`);
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    console.log(`[ntm] API on http://${host}:${info.port}  (docs: /docs, OpenAPI: /openapi.json)`);
    if (setupToken) {
      console.log(
        "[ntm] chưa có quản trị viên: mở liên kết sau (dùng một lần, hết hạn sau 24 giờ) để tạo tài khoản quản trị đầu tiên / no administrator yet: open this one-time link (expires in 24 h) to create the first administrator:",
      );
      console.log(`[ntm]   http://${host}:${info.port}/setup?token=${setupToken}`);
      console.log(
        `[ntm] mã cũng ghi tại / the token is also in ${tokenFile} (0600); không giao diện: / headless: npm run setup -w @ntm/api -- --username <tên> --password-stdin`,
      );
    }
    if (demoLines.length) {
      console.log("[ntm] tài khoản demo / demo accounts (username / password):");
      for (const l of demoLines) console.log(l);
    }
  });
  const stop = () => {
    server.close();
    void database.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** Writes a secret readable by the owner only (0600, also when the file already existed). */
function writeSecretFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}

main().catch((e: unknown) => {
  console.error("[ntm] failed to start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
