/**
 * kill -9 and imports (issue 15): the API runs as a real child process on a PGlite data directory
 * (or, with DATABASE_URL, a PostgreSQL database). A large import is killed with SIGKILL while its
 * transaction is writing (seen in the server's SQL log), and again right after the server answered
 * that it committed. After a restart the values and the audit log are exactly the before-state in
 * the first case, and hold every imported row exactly once in the second. Prints its figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gte, lte } from "drizzle-orm";
import { auditLog, indicatorValues } from "../db/schema.js";
import { type ChildServer, type TestStore, fingerprint, freshStore, load1, signIn, startServer } from "./_lib/server.js";

const TABLES = ["indicator_values", "audit_log"] as const;
// 40 communes × 5 years × 25 indicators = 5,000 rows, 200 unit-years, all stored already (updates).
const INDICATORS = ["2.1", "2.2", "2.3", "2.4", "3.1", "5", "11", "12.1", "12.2", "14.2", "15.3", "15.4", "17.2", "17.6", "17.10", "18.3"];
const YES_NO = ["1.1", "1.2", "3.2", "4.1", "6.1", "6.2", "7", "8.1", "8.2"];
const UNIT_YEARS = 200;
/** The import's body; `mark` is the number written into every numeric indicator (tells runs apart). */
function bigCsv(mark: number): string {
  const lines = ["unit_id,year,indicator,value"];
  for (let d = 1; d <= 4; d++)
    for (let c = 1; c <= 10; c++)
      for (let y = 2021; y <= 2025; y++) {
        const unit = `c-0${d}-${String(c).padStart(2, "0")}`;
        for (const ind of INDICATORS) lines.push(`${unit},${y},${ind},${mark}`);
        for (const ind of YES_NO) lines.push(`${unit},${y},${ind},Đạt`);
      }
  return `${lines.join("\n")}\n`;
}
const WRITE_LINE = /\[ntm\] sql: (update|insert into) "indicator_values"/;

let t: TestStore;
let server: ChildServer | undefined;
beforeAll(async () => {
  t = await freshStore();
});
afterAll(async () => {
  await server?.stop("SIGKILL");
  await t?.remove();
});

/** Reads the store in this process (a PGlite directory only while no server runs). */
async function inspect<T>(read: (db: Awaited<ReturnType<TestStore["open"]>>["db"]) => Promise<T>): Promise<T> {
  const d = await t.open();
  try {
    return await read(d.db);
  } finally {
    await d.close();
  }
}
const importedRows = (mark: number) =>
  inspect(async (db) => {
    const rows = await db
      .select()
      .from(indicatorValues)
      .where(and(gte(indicatorValues.year, 2021), lte(indicatorValues.year, 2025)));
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "values.import"));
    return {
      unitYearsWithMark: rows.filter((r) => (r.values as Record<string, unknown>)["2.2"] === mark).length,
      distinctUnitYears: new Set(rows.map((r) => `${r.unitId}/${r.year}`)).size,
      rows: rows.filter((r) => r.unitId.startsWith("c-")).length,
      importAudits: audits.length,
      importAuditsWithMark: audits.filter((a) => (a.after as { values?: Record<string, unknown> } | null)?.values?.["2.2"] === mark).length,
    };
  });

// Each case starts real server processes and imports thousands of rows: minutes on a loaded machine.
describe("kill -9 and a large import", { timeout: 240_000 }, () => {
  it("leaves exactly the before-state when the server is killed while the import's transaction is writing", async () => {
    const before = await inspect((db) => fingerprint(db, TABLES));
    server = await startServer(t.store, { NTM_LOG_SQL: "1" });
    const tinh = await signIn(server.base, "tinh");
    const body = bigCsv(61);
    const t0 = performance.now();
    const answer = tinh
      .request("/v1/values/import", { method: "POST", headers: { "content-type": "text/csv" }, body })
      .then((r) => `HTTP ${r.status}`)
      .catch(
        (e: unknown) => `no answer (${(e as Error).cause ? String((e as Error & { cause: Error }).cause.message) : (e as Error).message})`,
      );
    // Mid-transaction: a fifth of the unit-years written, none committed.
    await server.waitForCount(WRITE_LINE, UNIT_YEARS / 5, 45_000);
    const killedAfterMs = performance.now() - t0;
    const exit = await server.stop("SIGKILL");
    const writesSeen = server
      .output()
      .split("\n")
      .filter((l) => WRITE_LINE.test(l)).length;
    const client = await answer;
    server = undefined;
    const after = await inspect((db) => fingerprint(db, TABLES));
    console.log(
      `[resilience ${t.store.kind}] kill -9 during import: ${UNIT_YEARS} unit-years (5,000 rows); SIGKILL ${killedAfterMs.toFixed(0)} ms after the request, ${writesSeen} of ${UNIT_YEARS} unit-year writes logged; client: ${client}; after restart: ${after.indicator_values}, audit ${after.audit_log}; equal to before: ${JSON.stringify(after) === JSON.stringify(before)}; load ${load1()}`,
    );
    // (The next test's server starts on this crashed store and imports into it.)
    expect([exit.signal, writesSeen < UNIT_YEARS, client.startsWith("no answer"), after]).toEqual(["SIGKILL", true, true, before]);
  });

  it("keeps every imported row exactly once when the server is killed right after answering that the import committed", async () => {
    const before = await importedRows(73);
    server = await startServer(t.store);
    const tinh = await signIn(server.base, "tinh");
    const t0 = performance.now();
    const res = await tinh.request("/v1/values/import", { method: "POST", headers: { "content-type": "text/csv" }, body: bigCsv(73) });
    // SIGKILL as soon as the answer's headers arrive (no graceful close of the database).
    const exit = await server.stop("SIGKILL");
    const answeredMs = performance.now() - t0;
    const report = (await res.json().catch(() => null)) as { updated?: number } | null;
    server = undefined;
    const after = await importedRows(73);
    // A restarted server serves them.
    server = await startServer(t.store);
    const xem = await signIn(server.base, "xem");
    const served = ((await (await xem.request("/v1/units/c-04-10/values/2025")).json()) as { values: Record<string, unknown> }).values[
      "2.2"
    ];
    await server.stop("SIGTERM");
    server = undefined;
    console.log(
      `[resilience ${t.store.kind}] kill -9 right after commit: import answered ${res.status} in ${answeredMs.toFixed(0)} ms, then SIGKILL; after restart ${after.unitYearsWithMark}/${UNIT_YEARS} unit-years hold the import (${after.distinctUnitYears} distinct unit-years, ${after.importAuditsWithMark} import audit entries for it, ${after.importAudits - before.importAudits} new); load ${load1()}`,
    );
    expect([
      res.status,
      report?.updated,
      exit.signal,
      before.unitYearsWithMark,
      after.unitYearsWithMark,
      after.rows,
      after.distinctUnitYears,
      after.importAuditsWithMark,
      after.importAudits - before.importAudits,
      served,
    ]).toEqual([200, UNIT_YEARS, "SIGKILL", 0, UNIT_YEARS, before.rows, before.distinctUnitYears, UNIT_YEARS, UNIT_YEARS, 73]);
  });
});
