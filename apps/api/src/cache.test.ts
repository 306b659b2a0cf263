import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { type Harness, type Session, json, login, openHarness } from "./testing/harness.js";
import { indicatorValues, ocopProducts, packs } from "./db/schema.js";
import { ContentCache, FreshReads, acceptsGzip, cachedJson, etagMatches, rankingInputsState, scopeUnits, valuesState } from "./cache.js";
import { classificationsOf } from "./services/rankings.js";
import { rollupCommuneCache } from "./services/evaluations.js";
import { invalidateTree, loadTree } from "./units.js";
import { loadPacks } from "./services/packs.js";
import { changeFeedOf } from "./db/changes.js";

/** Waits until the change feed has delivered every write committed so far (immediate on PGlite). */
const sync = () => changeFeedOf(h.database.db).sync();

let h: Harness;
let tinh: Session;

beforeAll(async () => {
  h = await openHarness();
  tinh = await login(h, "tinh");
});
afterAll(async () => {
  await h?.close();
});

const ROLLUP = "/v1/units/d-01/rollup?year=2024";

type CommuneRow = { unitId: string; criteria: Record<string, string> };
async function rollup(
  headers: Record<string, string> = {},
): Promise<{ status: number; etag: string | null; body: { communes: CommuneRow[] } | null; res: Response }> {
  const res = await tinh.request(ROLLUP, { headers });
  return {
    status: res.status,
    etag: res.headers.get("etag"),
    body: res.status === 200 && !res.headers.get("content-encoding") ? ((await res.json()) as { communes: CommuneRow[] }) : null,
    res,
  };
}
function criterion2(b: { communes: CommuneRow[] } | null, unitId: string): string | undefined {
  return b?.communes.find((c) => c.unitId === unitId)?.criteria["2"];
}

describe("ContentCache", () => {
  it("computes a key once for concurrent callers (single flight) and serves later calls from the cache", async () => {
    const cache = new ContentCache<number>(4);
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const calls = Array.from({ length: 5 }, () => cache.get("k", async () => (await gate, 42)));
    release();
    const values = await Promise.all(calls);
    const later = await cache.get("k", async () => 7);
    expect([values, later, cache.computations, cache.size]).toEqual([[42, 42, 42, 42, 42], 42, 1, 1]);
  });

  it("does not keep a failed computation and drops the least recently used entry beyond its capacity", async () => {
    const cache = new ContentCache<string>(2);
    const failed = await cache.get("x", async () => Promise.reject(new Error("boom"))).catch((e: Error) => e.message);
    const retried = await cache.get("x", async () => "ok");
    await cache.get("y", async () => "y");
    const x = await cache.get("x", async () => "recomputed"); // a hit: refreshes x
    await cache.get("z", async () => "z"); // evicts y, the least recently used
    const y = await cache.get("y", async () => "y again");
    expect([failed, retried, x, y, cache.computations]).toEqual(["boom", "ok", "ok", "y again", 5]);
  });
});

describe("FreshReads", () => {
  it("never answers a caller with a read that started before its call; callers during a read share the next one", async () => {
    const reads = new FreshReads();
    let data = "v1";
    const gates: (() => void)[] = [];
    const query = () => {
      const seen = data; // what the database holds when the query starts
      return new Promise<string>((resolve) => gates.push(() => resolve(seen)));
    };
    const a = reads.read("k", query);
    data = "v2"; // a write commits while A's query runs
    const b = reads.read("k", query);
    const c = reads.read("k", query);
    gates[0]!();
    await a;
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    gates[1]!();
    const after = await reads.read("k", async () => "v3");
    expect([await a, await b, await c, after, reads.started, gates.length]).toEqual(["v1", "v2", "v2", "v3", 3, 2]);
  });
});

describe("HTTP helpers", () => {
  it("matches If-None-Match lists, weak forms and *; accepts gzip unless q=0", () => {
    const e = cachedJson({ a: 1 });
    expect([
      etagMatches(e.etag, e.etag),
      etagMatches(`"other", W/${e.etag}`, e.etag),
      etagMatches("*", e.etag),
      etagMatches('"other"', e.etag),
      etagMatches(undefined, e.etag),
      acceptsGzip("gzip, deflate, br"),
      acceptsGzip("br;q=1, gzip;q=0"),
      acceptsGzip("identity"),
      acceptsGzip(undefined),
      e.body.toString("utf8"),
      gunzipSync(e.gzip()).toString("utf8"),
    ]).toEqual([true, true, true, false, false, true, false, false, false, '{"a":1}', '{"a":1}']);
  });
});

describe("roll-up cache", () => {
  it("answers 304 to If-None-Match with the current ETag, and the same ETag while nothing changed", async () => {
    const first = await rollup();
    const again = await rollup();
    const notModified = await rollup({ "if-none-match": first.etag! });
    const stale = await rollup({ "if-none-match": '"not-the-etag"' });
    expect([
      first.status,
      again.etag === first.etag,
      first.res.headers.get("cache-control"),
      notModified.status,
      notModified.etag === first.etag,
      await notModified.res.text(),
      stale.status,
      stale.body?.communes.length,
    ]).toEqual([200, true, "private, no-cache", 304, true, "", 200, 10]);
  });

  it("sends the gzip copy to a client that accepts gzip, with the same content", async () => {
    const plain = await tinh.request(ROLLUP);
    const gz = await tinh.request(ROLLUP, { headers: { "accept-encoding": "gzip" } });
    const plainText = await plain.text();
    const unzipped = gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8");
    expect([
      gz.headers.get("content-encoding"),
      gz.headers.get("etag") === plain.headers.get("etag"),
      unzipped === plainText,
      JSON.parse(unzipped).communes.length,
    ]).toEqual(["gzip", true, true, 10]);
  });

  it("is invalidated by a value write: a PUT then a roll-up shows the new status and a new ETag (the old one gets 200 again)", async () => {
    const before = await rollup();
    const cur = await tinh.request("/v1/units/c-01-03/values/2024");
    const v = (await cur.json()) as { values: Record<string, unknown>; inputs: Record<string, number> };
    const target = criterion2(before.body, "c-01-03") === "met" ? { "2.1": 0 } : { "2.1": 100, "2.2": 100, "2.3": 100, "2.4": 100 };
    const put = await tinh.request(
      "/v1/units/c-01-03/values/2024",
      json("PUT", { values: { ...v.values, ...target }, inputs: v.inputs }, { "if-match": cur.headers.get("etag")! }),
    );
    const after = await rollup({ "if-none-match": before.etag! });
    const flipped = criterion2(before.body, "c-01-03") === "met" ? "not_met" : "met";
    expect([put.status, after.status, after.etag !== before.etag, criterion2(after.body, "c-01-03")]).toEqual([200, 200, true, flipped]);
  });

  it("sees a value written straight into the database (as by another instance) on the next request", async () => {
    const before = await rollup();
    const was = criterion2(before.body, "c-01-04");
    const row = (
      await h.database.db
        .select()
        .from(indicatorValues)
        .where(and(eq(indicatorValues.unitId, "c-01-04"), eq(indicatorValues.year, 2024)))
    )[0]!;
    const patch = was === "met" ? { "2.1": 0 } : { "2.1": 100, "2.2": 100, "2.3": 100, "2.4": 100 };
    await h.database.db
      .update(indicatorValues)
      .set({ values: { ...row.values, ...patch }, version: sql`${indicatorValues.version} + 1` })
      .where(eq(indicatorValues.id, row.id));
    await sync(); // written straight into the database: wait for its notification, as another instance would
    const after = await rollup();
    expect([after.etag !== before.etag, criterion2(after.body, "c-01-04")]).toEqual([true, was === "met" ? "not_met" : "met"]);
  });
});

describe("roll-up lines", () => {
  it("after a write to one commune, evaluates only that commune again and shows its change", async () => {
    const lines = rollupCommuneCache(h.database.db);
    const url = "/v1/units/d-02/rollup?year=2023";
    const first = (await (await tinh.request(url)).json()) as { communes: CommuneRow[] };
    const afterFirst = lines.size;
    const cur = await tinh.request("/v1/units/c-02-04/values/2023");
    const v = (await cur.json()) as { values: Record<string, unknown>; inputs: Record<string, number> };
    const was = criterion2(first, "c-02-04");
    const patch = was === "met" ? { "2.1": 0 } : { "2.1": 100, "2.2": 100, "2.3": 100, "2.4": 100 };
    const put = await tinh.request(
      "/v1/units/c-02-04/values/2023",
      json("PUT", { values: { ...v.values, ...patch }, inputs: v.inputs }, { "if-match": cur.headers.get("etag")! }),
    );
    const second = (await (await tinh.request(url)).json()) as { communes: CommuneRow[] };
    const others = (b: { communes: CommuneRow[] }) => JSON.stringify(b.communes.filter((c) => c.unitId !== "c-02-04"));
    expect([put.status, lines.size - afterFirst, criterion2(second, "c-02-04"), others(second) === others(first)]).toEqual([
      200,
      1,
      was === "met" ? "not_met" : "met",
      true,
    ]);
  });
});

describe("unit tree and packs caches", () => {
  it("keeps the same tree (same content stamp) when a reload finds the same units", async () => {
    const a = await loadTree(h.database.db);
    invalidateTree(h.database.db);
    const b = await loadTree(h.database.db);
    expect([b.stamp === a.stamp, typeof a.stamp, a.stamp.length > 10]).toEqual([true, "string", true]);
  });

  it("is invalidated by a pack upload: the uploaded pack evaluates at once, and one inserted straight into the database too", async () => {
    const upload = {
      id: "tinh-cache.commune.2021-2025",
      version: "1",
      title: { vi: "Bộ tiêu chí tỉnh (ví dụ)", en: "Provincial pack (example)" },
      legalBasis: [{ ref: "Ví dụ", date: "2022-07-01" }],
      effective: { from: "2022-07-01" },
      extends: "example.province-demo.2021-2025",
      example: true,
      criteria: [{ id: "2", indicators: [{ id: "2.3", threshold: { all: 60 } }] }],
    };
    const direct = { ...upload, id: "tinh-direct.commune.2021-2025" };
    const evaluate = async (id: string) => (await tinh.request(`/v1/units/c-01-01/evaluation?year=2024&pack=${id}`)).status;
    const before = [await evaluate(upload.id), await evaluate(direct.id)];
    const keyBefore = (await loadPacks(h.database.db)).key;
    const posted = (await tinh.request("/v1/packs", json("POST", upload))).status;
    const afterUpload = await evaluate(upload.id);
    await h.database.db.insert(packs).values({ id: direct.id, version: direct.version, doc: direct, uploadedBy: "test" });
    await sync(); // written straight into the database: wait for its notification, as another instance would
    const afterInsert = await evaluate(direct.id);
    const loaded = await loadPacks(h.database.db);
    expect([
      before,
      posted,
      afterUpload,
      afterInsert,
      loaded.key !== keyBefore,
      loaded.uploaded,
      loaded.compiled(direct.id)?.pack.id,
    ]).toEqual([[404, 404], 201, 200, 200, true, [upload.id, direct.id], direct.id]);
  });
});

describe("ranking inputs and classifications", () => {
  it("changes the ranking inputs' state on an insert and on a version bump in a plan-domain table", async () => {
    const db = h.database.db;
    const s1 = await rankingInputsState(db);
    // A well-formed product: stored data is parsed with core's schema when read (services/stored.ts).
    const data = {
      id: "ocop-cache-test",
      name: "Sản phẩm thử bộ nhớ đệm",
      subject: { name: "HTX thử", kind: "cooperative" },
      communeUnitId: "c-01-01",
      group: "food",
      score: 72,
      stars: 3,
      status: "rated",
    };
    await db.insert(ocopProducts).values({ id: "ocop-cache-test", unitId: "c-01-01", year: 2024, data });
    await sync(); // written straight into the database: wait for its notification, as another instance would
    const s2 = await rankingInputsState(db);
    await db.update(ocopProducts).set({ version: 2 }).where(eq(ocopProducts.id, "ocop-cache-test"));
    await sync(); // written straight into the database: wait for its notification, as another instance would
    const s3 = await rankingInputsState(db);
    expect([s1.split("|").length, s2 !== s1, s3 !== s2, await rankingInputsState(db)]).toEqual([7, true, true, s3]);
  });

  it("reuses a scope's classifications while nothing changed, and recomputes after a value write of that year", async () => {
    const db = h.database.db;
    const tree = await loadTree(db);
    const p = await loadPacks(db);
    const a = await classificationsOf(db, tree, p, "c-01-02", 2023);
    const b = await classificationsOf(db, tree, p, "c-01-05", 2023); // same district: same scope
    const row = (
      await db
        .select()
        .from(indicatorValues)
        .where(and(eq(indicatorValues.unitId, "c-01-02"), eq(indicatorValues.year, 2023)))
    )[0]!;
    await db
      .update(indicatorValues)
      .set({ version: sql`${indicatorValues.version} + 1` })
      .where(eq(indicatorValues.id, row.id));
    await sync(); // written straight into the database: wait for its notification, as another instance would
    const c = await classificationsOf(db, tree, p, "c-01-02", 2023);
    expect([b === a, c === a, [...c.entries()]]).toEqual([true, false, [...a.entries()]]);
  });
});

describe("values state", () => {
  it("of a scope changes with a write inside it and not with one outside; the whole years' state changes with both", async () => {
    const db = h.database.db;
    const tree = await loadTree(db);
    const d1 = { scope: "d-01", ids: tree.subtree("d-01").map((u) => u.id) };
    const bump = async (unitId: string) => {
      const row = (
        await db
          .select()
          .from(indicatorValues)
          .where(and(eq(indicatorValues.unitId, unitId), eq(indicatorValues.year, 2022)))
      )[0]!;
      await db
        .update(indicatorValues)
        .set({ version: sql`${indicatorValues.version} + 1` })
        .where(eq(indicatorValues.id, row.id));
      await sync(); // written straight into the database: wait for its notification, as another instance would
    };
    const s0 = [await valuesState(db, [2022], d1), await valuesState(db, [2022])];
    await bump("c-02-01");
    const s1 = [await valuesState(db, [2022], d1), await valuesState(db, [2022])];
    await bump("c-01-06");
    const s2 = [await valuesState(db, [2022], d1), await valuesState(db, [2022])];
    expect([s1[0] === s0[0], s1[1] === s0[1], s2[0] === s1[0], s2[1] === s1[1]]).toEqual([true, false, false, false]);
  });
});

describe("commune evaluation cache", () => {
  it("answers 304 to its ETag, and after a PUT of the commune's values a new ETag with the new result", async () => {
    const url = "/v1/units/c-01-07/evaluation?year=2024";
    const first = await tinh.request(url);
    const r1 = (await first.json()) as { criteria: { id: string; status: string }[] };
    const etag = first.headers.get("etag")!;
    const same = await tinh.request(url, { headers: { "if-none-match": etag } });
    const cur = await tinh.request("/v1/units/c-01-07/values/2024");
    const v = (await cur.json()) as { values: Record<string, unknown>; inputs: Record<string, number> };
    const was = r1.criteria.find((c) => c.id === "2")!.status;
    const patch = was === "met" ? { "2.1": 0 } : { "2.1": 100, "2.2": 100, "2.3": 100, "2.4": 100 };
    const put = await tinh.request(
      "/v1/units/c-01-07/values/2024",
      json("PUT", { values: { ...v.values, ...patch }, inputs: v.inputs }, { "if-match": cur.headers.get("etag")! }),
    );
    const after = await tinh.request(url, { headers: { "if-none-match": etag } });
    const r2 = (await after.json()) as { criteria: { id: string; status: string }[] };
    expect([
      first.status,
      same.status,
      put.status,
      after.status,
      after.headers.get("etag") !== etag,
      r2.criteria.find((c) => c.id === "2")!.status,
    ]).toEqual([200, 304, 200, 200, true, was === "met" ? "not_met" : "met"]);
  });
});

describe("ranking inputs state of a scope", () => {
  it("changes with an OCOP product of a commune in the scope (or of an ancestor), not with one elsewhere", async () => {
    const db = h.database.db;
    const tree = await loadTree(db);
    const d1 = scopeUnits(tree, "d-01");
    const s0 = await rankingInputsState(db, d1);
    await db.insert(ocopProducts).values({ id: "ocop-scope-elsewhere", unitId: "c-02-03", year: 2024, data: {} });
    await sync(); // written straight into the database: wait for its notification, as another instance would
    const s1 = await rankingInputsState(db, d1);
    await db.insert(ocopProducts).values({ id: "ocop-scope-inside", unitId: "c-01-03", year: 2024, data: {} });
    await sync(); // written straight into the database: wait for its notification, as another instance would
    const s2 = await rankingInputsState(db, d1);
    await db.insert(ocopProducts).values({ id: "ocop-scope-ancestor", unitId: "p-demo", year: 2024, data: {} });
    await sync(); // written straight into the database: wait for its notification, as another instance would
    const s3 = await rankingInputsState(db, d1);
    expect([d1.ids.includes("p-demo"), d1.ids.includes("c-01-03"), d1.ids.includes("c-02-03"), s1 === s0, s2 === s1, s3 === s2]).toEqual([
      true,
      true,
      false,
      true,
      false,
      false,
    ]);
  });
});
