/**
 * Bounded load (issue 15): the API as a child process on PGlite (or, with DATABASE_URL, PostgreSQL),
 * CLIENTS concurrent signed-in clients for LOAD_SECONDS of mixed reads (evaluations, roll-ups,
 * values) and If-Match writes (each client its own commune-year, and every fifth round one shared
 * commune-year where writers race). Asserts 0 errors: no 5xx, no timeout, no network error, no
 * status a request should not get; a 503 with Retry-After is shed load, counted apart. Nothing is
 * lost: every 200 to a write moved its row's version by exactly one. Prints req/s, p50/p95/p99,
 * counts per status and the load average.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildServer, type Client, type TestStore, freshStore, load1, signIn, startServer } from "./_lib/server.js";

const CLIENTS = Number(process.env.RESILIENCE_CLIENTS ?? 20);
const LOAD_SECONDS = Number(process.env.RESILIENCE_LOAD_S ?? 10);
const TIMEOUT_MS = 15_000;
const SHARED = "c-04-10";

let t: TestStore;
let server: ChildServer;
beforeAll(async () => {
  t = await freshStore();
  server = await startServer(t.store);
});
afterAll(async () => {
  await server?.stop("SIGTERM");
  await t?.remove();
});

type Outcome = { kind: "read" | "own-write" | "shared-write"; status: number | "timeout" | "network"; ms: number; retryAfter: boolean };

describe("bounded load", () => {
  it(`serves ${CLIENTS} clients of mixed reads and If-Match writes for ${LOAD_SECONDS} s without an error or a lost write`, async () => {
    const sessions: Client[] = [];
    for (let i = 0; i < CLIENTS; i++) sessions.push(await signIn(server.base, i % 2 ? "tinh" : "admin"));
    const outcomes: Outcome[] = [];
    const call = async (c: Client, kind: Outcome["kind"], path: string, init?: RequestInit): Promise<Response | undefined> => {
      const t0 = performance.now();
      try {
        const res = await c.request(path, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
        const body = await res.arrayBuffer();
        outcomes.push({ kind, status: res.status, ms: performance.now() - t0, retryAfter: res.headers.has("retry-after") });
        return new Response(res.status === 304 ? null : body, { status: res.status, headers: res.headers });
      } catch (e) {
        const timeout = (e as Error).name === "TimeoutError" || (e as Error).name === "AbortError";
        outcomes.push({ kind, status: timeout ? "timeout" : "network", ms: performance.now() - t0, retryAfter: false });
        return undefined;
      }
    };
    const versionOf = async (c: Client, unit: string): Promise<number> => {
      for (;;) {
        const res = await c.request(`/v1/units/${unit}/values/2024`);
        if (res.status === 200) return ((await res.json()) as { version: number }).version;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const own = (i: number) => `c-0${Math.floor(i / 10) + 1}-${String((i % 10) + 1).padStart(2, "0")}`;
    const startVersions = await Promise.all(sessions.map((c, i) => versionOf(c, own(i))));
    const sharedStart = await versionOf(sessions[0]!, SHARED);
    const ownWrites = sessions.map(() => 0);
    let sharedWrites = 0;
    /** GET then PUT with the answer's ETag; true when the write was accepted. */
    const readThenWrite = async (c: Client, unit: string, kind: Outcome["kind"]): Promise<boolean> => {
      const cur = await call(c, "read", `/v1/units/${unit}/values/2024`);
      if (cur?.status !== 200) return false;
      const v = (await cur.json()) as { values: Record<string, unknown>; inputs: Record<string, number> };
      const put = await call(c, kind, `/v1/units/${unit}/values/2024`, {
        method: "PUT",
        headers: { "content-type": "application/json", "if-match": cur.headers.get("etag")! },
        body: JSON.stringify({ values: { ...v.values, "2.2": Math.round(Math.random() * 100) }, inputs: v.inputs }),
      });
      return put?.status === 200;
    };
    const load0 = load1();
    const started = performance.now();
    const deadline = started + LOAD_SECONDS * 1000;
    await Promise.all(
      sessions.map(async (c, i) => {
        for (let round = 0; performance.now() < deadline; round++) {
          await call(c, "read", `/v1/units/${own(i)}/evaluation?year=2024`);
          await call(c, "read", `/v1/units/d-0${(i % 4) + 1}/rollup?year=2024`);
          if (await readThenWrite(c, own(i), "own-write")) ownWrites[i]!++;
          if (round % 5 === 4 && (await readThenWrite(c, SHARED, "shared-write"))) sharedWrites++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const endVersions = await Promise.all(sessions.map((c, i) => versionOf(c, own(i))));
    const sharedEnd = await versionOf(sessions[0]!, SHARED);

    const byStatus: Record<string, number> = {};
    for (const o of outcomes) byStatus[`${o.kind} ${o.status}`] = (byStatus[`${o.kind} ${o.status}`] ?? 0) + 1;
    const shed = outcomes.filter((o) => o.status === 503 && o.retryAfter);
    const expected = (o: Outcome) =>
      o.status === 200 || (o.kind === "shared-write" && o.status === 412) || (o.status === 503 && o.retryAfter);
    const errors = outcomes.filter((o) => !expected(o));
    const served = outcomes.filter((o) => typeof o.status === "number" && o.status !== 503).map((o) => o.ms);
    served.sort((x, y) => x - y);
    const pct = (p: number) => (served.length ? served[Math.min(served.length - 1, Math.floor((p / 100) * served.length))]! : 0);
    const lost = sessions.map((_, i) => endVersions[i]! - startVersions[i]! - ownWrites[i]!).filter((d) => d !== 0).length;
    console.log(
      `[resilience ${t.store.kind}] bounded load: ${CLIENTS} clients × ${seconds.toFixed(1)} s, ${outcomes.length} requests, ${(outcomes.length / seconds).toFixed(1)} req/s; served p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, max ${(served.at(-1) ?? 0).toFixed(0)} ms; statuses ${JSON.stringify(byStatus)}; shed (503 + Retry-After) ${shed.length}; errors ${errors.length}; writes accepted own ${ownWrites.reduce((a, b) => a + b, 0)}, shared ${sharedWrites} (shared version +${sharedEnd - sharedStart}); clients whose version moved otherwise than their accepted writes: ${lost}; load ${load0} → ${load1()}`,
    );
    expect({
      errors: errors.map((o) => `${o.kind} ${o.status}`),
      lost,
      shared: sharedEnd - sharedStart,
      someServed: served.length > CLIENTS,
    }).toEqual({ errors: [], lost: 0, shared: sharedWrites, someServed: true });
  });
});
