import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema.js";
import { CHANGE_CHANNEL, ChangeFeed, type PgListenClient, attachChangeFeed, startPgFeed } from "./changes.js";

/** The Drizzle database both drivers produce (PGlite and node-postgres share the pg-core API). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with its driver name and a way to close it. */
export interface Database {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
}

/** Where the database lives: a PGlite data directory (default) or a PostgreSQL URL. */
export type DatabaseOptions = ({ databaseUrl: string; changeFeedUrl?: string } | { dataDir: string } | { memory: true }) & {
  /**
   * Listen to the change feed (default true) so caches are validated without a query per request
   * (src/db/changes.ts). Turn it off where LISTEN cannot work (a pooler in transaction mode without
   * `changeFeedUrl`): every request then checks the database.
   */
  changeFeed?: boolean;
  /** PostgreSQL: the first wait before the change feed reconnects after losing its connection (100 ms). */
  changeFeedRetryMs?: number;
  /** Called with the SQL text of every query (tests count queries; NTM_LOG_SQL=1 prints them). */
  queryLog?: (sql: string) => void;
};

/**
 * Finds the committed SQL migrations (apps/api/drizzle) from the source tree or the built bundle.
 * @example
 * migrationsFolder() // "/repo/apps/api/drizzle"
 */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "drizzle");
    if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
    dir = resolve(dir, "..");
  }
  throw new Error("apps/api/drizzle migrations not found");
}

/**
 * Opens the database and applies the committed migrations (in a transaction, by Drizzle's migrator).
 * PGlite: one process per data directory.
 * @example
 * const { db, close } = await openDatabase({ dataDir: ".data/pglite" });
 * const { db } = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:5432/ntm" });
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrations = { migrationsFolder: migrationsFolder() };
  if ("databaseUrl" in options) {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection closed by the server (restart, failover, dropped database) must not crash the process.
    pool.on("error", (err) => console.error(`[ntm] PostgreSQL connection lost: ${err.message}`));
    const db = drizzle({ client: pool, schema, ...logger(options.queryLog) });
    // Several instances may start at once against one PostgreSQL: one migrates at a time.
    const lock = await pool.connect();
    try {
      await lock.query("SELECT pg_advisory_lock(727001)");
      await migrate(db, migrations);
    } finally {
      await lock.query("SELECT pg_advisory_unlock(727001)").catch(() => undefined);
      lock.release();
    }
    let stopFeed = async () => {};
    if (options.changeFeed !== false) {
      const feed = new ChangeFeed(async (payload) => void (await pool.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, payload])));
      // LISTEN needs a session of its own: a direct URL when the pool goes through a transaction-mode pooler.
      stopFeed = await startPgFeed(
        feed,
        () =>
          new pg.Client({ connectionString: options.changeFeedUrl ?? options.databaseUrl, keepAlive: true }) as unknown as PgListenClient,
        options.changeFeedRetryMs !== undefined ? { retryMs: options.changeFeedRetryMs } : {},
      );
      attachChangeFeed(db, feed);
    }
    return {
      db: db as unknown as Db,
      driver: "postgres",
      close: async () => {
        await stopFeed();
        await pool.end();
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let unlock = () => {};
  if ("dataDir" in options) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  const client = "dataDir" in options ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzle({ client, schema, ...logger(options.queryLog) });
  await migrate(db, migrations);
  if (options.changeFeed !== false) {
    // PGlite delivers a commit's notifications before the commit's promise resolves.
    const feed = new ChangeFeed();
    await client.listen(CHANGE_CHANNEL, (payload) => feed.changed(payload));
    feed.setLive(true);
    attachChangeFeed(db, feed);
  }
  return {
    db: db as unknown as Db,
    driver: "pglite",
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

function logger(queryLog: ((sql: string) => void) | undefined) {
  return queryLog ? { logger: { logQuery: (query: string) => queryLog(query) } } : {};
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite serves one process per data directory: a lock file with the owner's pid keeps a second
 * server from opening the same directory (a stale lock of a dead process is taken over).
 * @example
 * const unlock = lockDataDir(".data/pglite"); ...; unlock();
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, "ntm.lock");
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid))
      throw new Error(
        `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} dùng / the data directory ${dataDir} is in use by process ${pid} (PGlite allows one process; stop it or set DATA_DIR)`,
      );
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
