/**
 * An .xlsx import that fails inside its transaction writes nothing (issue 15, PostgreSQL): another
 * connection holds the row of the file's last unit-year and changes its version; the import reads
 * the old versions, writes the other 199 unit-years in its transaction, waits on that row's lock,
 * and once the other connection commits finds the version moved: 412, and the 199 writes are rolled
 * back. (The bad-cell case, refused before any write, is in imports.test.ts on both databases.)
 * PostgreSQL only: PGlite has one connection, so nothing can hold a row against the import.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gte, lte } from "drizzle-orm";
import type { Client as PgClient } from "pg";
import { auditLog, indicatorValues } from "../db/schema.js";
import { toXlsx } from "../transfer/table.js";
import { type Harness, type Session, login, openHarness } from "../testing/harness.js";
import { load1 } from "./_lib/server.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MARK = 91;

describe.skipIf(!process.env.DATABASE_URL)("an .xlsx import failing inside its transaction (PostgreSQL)", () => {
  let h: Harness;
  let tinh: Session;
  let blocker: PgClient;
  /** Updates of indicator_values the app has sent (logged before they run). */
  let updatesSent = 0;
  beforeAll(async () => {
    h = await openHarness({ queryLog: (q) => void (/^update "indicator_values"/.test(q) && updatesSent++) });
    tinh = await login(h, "tinh");
    const { default: pg } = await import("pg");
    blocker = new pg.Client({ connectionString: h.databaseUrl });
    await blocker.connect();
  });
  afterAll(async () => {
    await blocker?.end();
    await h?.close();
  });

  it("rolls back every unit-year it wrote when a later one's version moved meanwhile (412), and audits nothing", async () => {
    const rows: (string | number)[][] = [];
    for (let d = 1; d <= 4; d++)
      for (let c = 1; c <= 10; c++) for (let y = 2021; y <= 2025; y++) rows.push([`c-0${d}-${String(c).padStart(2, "0")}`, y, MARK]);
    const body = await toXlsx("s", ["unit_id", "year", "2.2"], rows);
    const [lastUnit, lastYear] = rows.at(-1)! as [string, number];
    const auditsBefore = (await h.database.db.select().from(auditLog)).length;
    updatesSent = 0;

    await blocker.query("begin");
    await blocker.query("update indicator_values set version = version + 1 where unit_id = $1 and year = $2", [lastUnit, lastYear]);
    const t0 = performance.now();
    const pending = tinh.request("/v1/values/import", { method: "POST", headers: { "content-type": XLSX }, body });
    // Wait until the import's transaction is blocked on the held row (it wrote the others before it).
    let waitedOnLock = false;
    while (!waitedOnLock && performance.now() - t0 < 30_000) {
      const r = await blocker.query(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
      );
      waitedOnLock = (r.rows[0] as { n: number }).n > 0;
      if (!waitedOnLock) await new Promise((r) => setTimeout(r, 10));
    }
    const blockedAfterMs = performance.now() - t0;
    const writtenBeforeBlock = updatesSent;
    await blocker.query("commit");
    const res = await pending;
    const problem = (await res.json()) as { kind: string };

    const stored = await h.database.db
      .select()
      .from(indicatorValues)
      .where(and(gte(indicatorValues.year, 2021), lte(indicatorValues.year, 2025)));
    const marked = stored.filter((r) => (r.values as Record<string, unknown>)["2.2"] === MARK).length;
    const importAudits = (await h.database.db.select().from(auditLog).where(eq(auditLog.action, "values.import"))).length;
    const auditsAfter = (await h.database.db.select().from(auditLog)).length;
    console.log(
      `[resilience ${h.driver}] .xlsx import of ${rows.length} unit-years blocked on the last one's row after ${blockedAfterMs.toFixed(0)} ms, ${writtenBeforeBlock} unit-years written in its transaction; its version moved → ${res.status} ${problem.kind}; unit-years holding the import afterwards: ${marked}; audit entries added: ${auditsAfter - auditsBefore}; load ${load1()}`,
    );
    expect([waitedOnLock, writtenBeforeBlock, res.status, problem.kind, marked, importAudits, auditsAfter - auditsBefore]).toEqual([
      true,
      rows.length - 1,
      412,
      "precondition_failed",
      0,
      0,
      0,
    ]);
  });
});
