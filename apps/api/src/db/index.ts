import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema.js";

/** The Drizzle database both drivers produce (PGlite and node-postgres share the pg-core API). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with its driver name and a way to close it. */
export interface Database {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
}

/** Where the database lives: a PGlite data directory (default) or a PostgreSQL URL. */
export type DatabaseOptions = { databaseUrl: string } | { dataDir: string } | { memory: true };

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
    const db = drizzle({ client: pool, schema });
    // Several instances may start at once against one PostgreSQL: one migrates at a time.
    const lock = await pool.connect();
    try {
      await lock.query("SELECT pg_advisory_lock(727001)");
      await migrate(db, migrations);
    } finally {
      await lock.query("SELECT pg_advisory_unlock(727001)").catch(() => undefined);
      lock.release();
    }
    return { db: db as unknown as Db, driver: "postgres", close: () => pool.end() };
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
  const db = drizzle({ client, schema });
  await migrate(db, migrations);
  return {
    db: db as unknown as Db,
    driver: "pglite",
    close: async () => {
      await client.close();
      unlock();
    },
  };
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
      throw new Error(`Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} dùng / the data directory ${dataDir} is in use by process ${pid} (PGlite allows one process; stop it or set DATA_DIR)`);
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
