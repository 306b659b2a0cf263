/**
 * Fuzz suite (issue 15): every operation of the app's OpenAPI document, hit with generated requests
 * (src/testing/fuzz.ts) as admin, a commune officer, a stranger and a bad token. For every answer: no
 * 5xx; every error is problem+json; no stack trace or SQL in any body; and a refused request (4xx)
 * changed nothing (audit log, units, values versions). Fixed seed; FUZZ_RUNS requests per operation
 * (8 by default, `npm run fuzz` runs 150); FUZZ_SEED picks another seed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { count, sum } from "drizzle-orm";
import { MAX_BODY_BYTES, openApiDocument } from "./app.js";
import { auditLog, indicatorValues, units } from "./db/schema.js";
import { type FuzzRequest, type OpenApiDoc, operationsOf, requestFor } from "./testing/fuzz.js";
import { type Harness, type Session, login, openHarness } from "./testing/harness.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 15);

let h: Harness;
let sessions: Record<"admin" | "xa", Session>;
let openapi: OpenApiDoc;
const tally = { requests: 0, byStatus: {} as Record<number, number> };
const started = Date.now();

beforeAll(async () => {
  h = await openHarness();
  sessions = { admin: await login(h, "admin"), xa: await login(h, "xa") };
  openapi = openApiDocument(h.app) as OpenApiDoc;
});
afterAll(async () => {
  const statuses = Object.entries(tally.byStatus)
    .map(([k, v]) => `${k}×${v}`)
    .join(" ");
  console.log(
    `[fuzz ${h?.driver}] ${tally.requests} requests over ${operationsOf(openapi).length} operations (seed ${SEED}, ${RUNS} per operation) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${statuses}`,
  );
  await h?.close();
});

async function state(): Promise<string> {
  const { db } = h.database;
  const [a] = await db.select({ n: count() }).from(auditLog);
  const [u] = await db.select({ n: count() }).from(units);
  const [v] = await db.select({ n: count(), s: sum(indicatorValues.version) }).from(indicatorValues);
  return `audit ${a?.n} units ${u?.n} values ${v?.n}/${v?.s}`;
}

/** Stack frames (`at f (file.ts:1:2)`) or SQL text that must never reach a client. */
const LEAK =
  /\bat \S+ \(?[^)\s]*\.(?:ts|js|mjs|cjs):\d+|node_modules|Failed query|\b(?:select|insert into|update \S+ set|delete from)\b[^"]{0,80}\b(?:from|where|values|returning)\b|violates .* constraint|duplicate key|syntax error at/i;

async function send(r: FuzzRequest): Promise<Response> {
  const headers = new Headers(r.init.headers);
  if (r.caller === "bad-token") headers.set("authorization", "Bearer ntm_nicht-gueltig");
  if (r.caller === "admin" || r.caller === "xa") return sessions[r.caller].request(r.path, { ...r.init, headers });
  return h.app.request(r.path, { ...r.init, headers });
}

async function check(r: FuzzRequest): Promise<void> {
  const before = await state();
  const res = await send(r);
  const text = await res.text();
  tally.requests++;
  tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
  const where = `${r.label} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  expect(LEAK.test(text), `leak in ${where}`).toBe(false);
  if (res.status >= 400) {
    expect(res.headers.get("content-type"), where).toMatch(/^application\/problem\+json/);
    const p = JSON.parse(text) as { status: number; kind: string };
    expect([p.status, typeof p.kind], where).toEqual([res.status, "string"]);
    expect(await state(), `a refused request wrote: ${where}`).toBe(before);
  }
}

describe("fuzz: every operation of /openapi.json", () => {
  it("has the operations of the document", () => {
    expect(operationsOf(openapi).length).toBeGreaterThan(60);
  });

  it("answers generated requests to every operation without a 5xx, leak or write on refusal", async () => {
    for (const op of operationsOf(openapi)) {
      // Signing out would end the fuzzing sessions; strangers exercise it instead.
      const arb = requestFor(openapi, op).map((r) => (op.path === "/v1/auth/logout" ? { ...r, caller: "anonymous" as const } : r));
      await fc.assert(fc.asyncProperty(arb, check), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    }
  }, 600_000);

  it("refuses an oversized body to every write operation with 413 and writes nothing", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 1024);
    const writes = operationsOf(openapi).filter((o) => o.body && o.path !== "/v1/auth/logout");
    for (const op of writes.slice(0, RUNS >= 50 ? writes.length : 6)) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === "year" ? "2024" : "c-01-01"));
      const r: FuzzRequest = {
        caller: "admin",
        path,
        init: { method: op.method, headers: { "content-type": op.body!.contentTypes[0]! }, body: big },
        label: `${op.method} ${path} [oversized]`,
      };
      const before = tally.byStatus[413] ?? 0;
      await check(r);
      expect(tally.byStatus[413] ?? 0, r.label).toBe(before + 1);
    }
  }, 300_000);
});
