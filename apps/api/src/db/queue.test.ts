import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { type Harness, login, openHarness } from "../testing/harness.js";
import { DatabaseBusyError, DbQueue, dbQueueOptionsFromEnv } from "./queue.js";

/** A promise with its resolve function outside. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("DbQueue", () => {
  it("runs at most `concurrency` at once and the rest in arrival order", async () => {
    const queue = new DbQueue({ concurrency: 1, maxQueued: 5, maxWaitMs: 5000, retryAfterS: 1 });
    const gate = deferred();
    const order: number[] = [];
    const first = queue.run(async () => {
      await gate.promise;
      order.push(1);
    });
    const rest = [2, 3, 4].map((n) => queue.run(async () => void order.push(n)));
    expect(queue.stats).toEqual({ running: 1, waiting: 3, refused: 0 });
    gate.resolve();
    await Promise.all([first, ...rest]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(queue.stats).toEqual({ running: 0, waiting: 0, refused: 0 });
  });

  it("refuses at once, without calling the function, when the queue is full", async () => {
    const queue = new DbQueue({ concurrency: 1, maxQueued: 1, maxWaitMs: 5000, retryAfterS: 3 });
    const gate = deferred();
    const held = queue.run(() => gate.promise);
    const waiting = queue.run(async () => "second");
    let called = false;
    const refused = await queue
      .run(async () => {
        called = true;
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatabaseBusyError);
    expect(refused).toMatchObject({ reason: "full", retryAfterS: 3 });
    expect(called).toBe(false);
    gate.resolve();
    await held;
    await expect(waiting).resolves.toBe("second");
    expect(queue.stats.refused).toBe(1);
  });

  it("refuses a request that waited longer than maxWaitMs and frees its place", async () => {
    const queue = new DbQueue({ concurrency: 1, maxQueued: 1, maxWaitMs: 20, retryAfterS: 1 });
    const gate = deferred();
    const held = queue.run(() => gate.promise);
    await expect(queue.run(async () => "late")).rejects.toMatchObject({ reason: "wait" });
    expect(queue.stats).toEqual({ running: 1, waiting: 0, refused: 1 });
    gate.resolve();
    await held;
    await expect(queue.run(async () => "next")).resolves.toBe("next");
  });

  it("refuses, instead of starting late, a waiter whose wait ran out while the thread was busy", async () => {
    const queue = new DbQueue({ concurrency: 1, maxQueued: 2, maxWaitMs: 30, retryAfterS: 1 });
    let ran = false;
    // The running request holds the thread past the waiter's limit, so its timer cannot fire first.
    const held = queue.run(async () => {
      const until = performance.now() + 60;
      while (performance.now() < until) {
        /* busy, as a long synchronous query */
      }
    });
    const late = queue
      .run(async () => {
        ran = true;
      })
      .catch((e: unknown) => e);
    await held;
    expect(await late).toMatchObject({ reason: "wait" });
    expect(ran).toBe(false);
    expect(queue.stats).toEqual({ running: 0, waiting: 0, refused: 1 });
  });

  it("lets the event loop run between two requests, so I/O and timers are served while work is queued", async () => {
    const queue = new DbQueue({ concurrency: 1, maxQueued: 50, maxWaitMs: 5000, retryAfterS: 1 });
    const done: number[] = [];
    // Each request resolves through microtasks only, as PGlite's queries do in this thread.
    const jobs = Array.from({ length: 40 }, (_, n) =>
      queue.run(async () => {
        for (let k = 0; k < 10; k++) await Promise.resolve();
        done.push(n);
      }),
    );
    // A new connection or /healthz would be served in a later turn of the event loop.
    const servedAfter = new Promise<number>((resolve) => setImmediate(() => resolve(done.length)));
    await Promise.all(jobs);
    expect(await servedAfter).toBeLessThan(5);
    expect(done).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });

  it("releases the slot when the function throws", async () => {
    const queue = new DbQueue({ concurrency: 1, maxQueued: 0, maxWaitMs: 10, retryAfterS: 1 });
    await expect(queue.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(queue.run(async () => 1)).resolves.toBe(1);
  });

  it("rejects limits that cannot work", () => {
    expect(() => new DbQueue({ concurrency: 0, maxQueued: 1, maxWaitMs: 10, retryAfterS: 1 })).toThrow(/concurrency/);
    expect(() => new DbQueue({ concurrency: 1, maxQueued: 1.5, maxWaitMs: 10, retryAfterS: 1 })).toThrow(/maxQueued/);
  });
});

describe("dbQueueOptionsFromEnv", () => {
  it("overrides the driver's defaults with the variables that are set", () => {
    expect(dbQueueOptionsFromEnv({ NTM_DB_QUEUE: "4", NTM_DB_QUEUE_WAIT_MS: "100" }, "pglite")).toEqual({
      concurrency: 2,
      maxQueued: 4,
      maxWaitMs: 100,
      retryAfterS: 1,
    });
    expect(dbQueueOptionsFromEnv({}, "postgres")?.concurrency).toBe(20);
  });

  it("turns the queue off with NTM_DB_QUEUE=off and names a variable that is not a number", () => {
    expect(dbQueueOptionsFromEnv({ NTM_DB_QUEUE: "off" }, "pglite")).toBeNull();
    expect(() => dbQueueOptionsFromEnv({ NTM_DB_CONCURRENCY: "many" }, "pglite")).toThrow(/NTM_DB_CONCURRENCY/);
  });
});

describe("the API over capacity", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("answers 503 problem+json with Retry-After while the queue is full, and serves again once it drains", async () => {
    // A tiny queue (as NTM_DB_CONCURRENCY=1 NTM_DB_QUEUE=0 would give) and a route that holds the only slot.
    const options = dbQueueOptionsFromEnv({ NTM_DB_CONCURRENCY: "1", NTM_DB_QUEUE: "0", NTM_DB_RETRY_AFTER_S: "2" }, h.driver);
    if (!options) throw new Error("queue options expected");
    const gate = deferred();
    const entered = deferred();
    const app = createApp({
      db: h.database.db,
      trustProxy: 1,
      dbQueue: new DbQueue(options),
      extend: (v1) => {
        v1.get("/test-hold", async (c) => {
          entered.resolve();
          await gate.promise;
          return c.json({ held: true });
        });
      },
    });
    // Signed in: strangers are answered 401 before any route (src/http/hardening.ts), so the hold needs a session.
    const { cookie } = await login(h, "tinh");
    const holding = app.request("/v1/test-hold", { headers: { cookie } });
    await entered.promise;

    const busy = await app.request("/v1/auth/me");
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("2");
    expect(busy.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await busy.json()).toMatchObject({ status: 503, kind: "unavailable", type: "urn:ntm:problem:unavailable" });
    // A refused write wrote nothing: the login did not happen (no session cookie).
    const refusedLogin = await app.request("/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "x", password: "y" }),
    });
    expect(refusedLogin.status).toBe(503);
    expect(refusedLogin.headers.get("set-cookie")).toBeNull();
    // Routes outside /v1 do not touch the database and are not queued.
    expect((await app.request("/healthz")).status).toBe(200);

    gate.resolve();
    expect((await holding).status).toBe(200);
    const after = await app.request("/v1/auth/me");
    expect(after.status).not.toBe(503);
    expect(after.headers.get("retry-after")).toBeNull();
  });
});
