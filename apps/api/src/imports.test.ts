/**
 * Import floods (issue 15 #4): bounded bytes, rows and errors, a responsive event loop, zip bombs, and
 * all-or-nothing on bad rows (on PGlite and, with DATABASE_URL, PostgreSQL). Prints its figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monitorEventLoopDelay } from "node:perf_hooks";
import JSZip from "jszip";
import { count, eq } from "drizzle-orm";
import { createApp } from "./app.js";
import { auditLog, indicatorValues } from "./db/schema.js";
import { DEFAULT_IMPORT_LIMITS } from "./transfer/limits.js";
import { toXlsx } from "./transfer/table.js";
import { type Harness, type Session, login, openHarness } from "./testing/harness.js";

let h: Harness;
let huyen: Session;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  h = await openHarness();
  huyen = await login(h, "huyen");
});
afterAll(async () => {
  await h?.close();
});

type Problem = { kind: string; detail: string; errorCount?: number; errors: { path: string }[] };
const problem = async (res: Response) => (await res.json()) as Problem;
const audits = async () => (await h.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
/** The same database behind an app with small import limits (the session cookie works on both). */
function smallApp(limits = { maxBytes: 4096, maxRows: 10, maxErrors: 5, maxXlsxBytes: 1024 * 1024 }) {
  const app = createApp({ db: h.database.db, trustProxy: 1, importLimits: limits });
  return (body: string | Uint8Array<ArrayBuffer>, type = "text/csv", headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request("/v1/values/import?year=2024", {
        method: "POST",
        headers: { cookie: huyen.cookie, "x-csrf-token": huyen.csrf, "content-type": type, ...headers },
        body,
      }),
    );
}

describe("POST /v1/values/import limits", () => {
  it("answers 413 at once when Content-Length passes the byte limit, and when the stream does", async () => {
    const post = smallApp();
    const declared = await post("unit_id,2.2\n", "text/csv", { "content-length": "5000" });
    const streamed = await post(`unit_id,2.2\n${"c-01-01,1\n".repeat(500)}`);
    expect([declared.status, (await problem(declared)).kind, streamed.status, (await problem(streamed)).kind]).toEqual([
      413,
      "payload_too_large",
      413,
      "payload_too_large",
    ]);
  });

  it("answers 413 past the row limit, naming it, and writes nothing", async () => {
    const before = await audits();
    const res = await smallApp()(`unit_id,2.2\n${"c-01-01,1\n".repeat(11)}`);
    const p = await problem(res);
    expect([res.status, p.kind, /NTM_IMPORT_MAX_ROWS/.test(p.detail), await audits()]).toEqual([413, "payload_too_large", true, before]);
  });

  it("lists the first errors and counts them all", async () => {
    const res = await smallApp()(`unit_id,2.2\n${Array.from({ length: 8 }, () => "c-01-01,nhiều\n").join("")}`);
    const p = await problem(res);
    expect([res.status, p.errors.length, p.errorCount, p.errors[0]?.path]).toEqual([422, 5, 8, "row 2, column B"]);
  });

  it("refuses a NUL in a cell or a column name as a row error", async () => {
    const res = await smallApp()("unit_id,2.2,x\u0000\nc-01-01\u0000,5,\n");
    const p = await problem(res);
    expect([res.status, p.errors.map((e) => e.path)]).toEqual([422, ["row 1, column C"]]);
  });

  it("refuses an .xlsx zip bomb with 413 before parsing it", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(4 * 1024 * 1024, 32));
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const res = await smallApp()(new Uint8Array(bomb), XLSX);
    expect([bomb.length < 32 * 1024, res.status, (await problem(res)).kind]).toEqual([true, 413, "payload_too_large"]);
  });

  it("writes nothing from an .xlsx whose last row is bad (all or nothing), and everything otherwise", async () => {
    const rows = ["c-01-01", "c-01-02", "c-01-03"].map((u) => [u, 2019, 77]);
    const before = await audits();
    const bad = await huyen.request("/v1/values/import", {
      method: "POST",
      headers: { "content-type": XLSX },
      body: await toXlsx("s", ["unit_id", "year", "2.2"], [...rows, ["c-01-04", 2019, "nhiều"]]),
    });
    const stored = (await h.database.db.select().from(indicatorValues).where(eq(indicatorValues.year, 2019))).length;
    const good = await huyen.request("/v1/values/import", {
      method: "POST",
      headers: { "content-type": XLSX },
      body: await toXlsx("s", ["unit_id", "year", "2.2"], rows),
    });
    expect([
      bad.status,
      stored,
      (await audits()) - before,
      good.status,
      (await h.database.db.select().from(indicatorValues).where(eq(indicatorValues.year, 2019))).length,
    ]).toEqual([422, 0, 3, 200, 3]);
  });

  it("keeps the event loop responsive and the answer small during a flood of bad rows", async () => {
    const rows = DEFAULT_IMPORT_LIMITS.maxRows - 1;
    const body = `unit_id,year,indicator,value\n${"c-01-01,2024,2.2,nhiều\n".repeat(rows)}`;
    const lag = monitorEventLoopDelay({ resolution: 10 });
    let worstHealthz = 0;
    let stop = false;
    const pinger = (async () => {
      while (!stop) {
        const t0 = performance.now();
        await h.app.request("/healthz");
        worstHealthz = Math.max(worstHealthz, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    lag.enable();
    const t0 = performance.now();
    const res = await huyen.request("/v1/values/import", { method: "POST", headers: { "content-type": "text/csv" }, body });
    const elapsed = performance.now() - t0;
    const text = await res.text();
    lag.disable();
    stop = true;
    await pinger;
    const p = JSON.parse(text) as Problem;
    const maxLagMs = lag.max / 1e6;
    console.log(
      `[resilience ${h.driver}] import flood: ${rows} bad rows, ${(body.length / 1024 / 1024).toFixed(1)} MB → ${res.status} in ${elapsed.toFixed(0)} ms, answer ${(text.length / 1024).toFixed(1)} KB (errorCount ${p.errorCount}); event loop max delay ${maxLagMs.toFixed(0)} ms; worst /healthz ${worstHealthz.toFixed(0)} ms`,
    );
    expect([res.status, p.errors.length, p.errorCount, text.length < 64 * 1024]).toEqual([
      422,
      DEFAULT_IMPORT_LIMITS.maxErrors,
      rows,
      true,
    ]);
    expect(worstHealthz).toBeLessThan(3000);
  });
});
