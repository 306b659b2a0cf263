/**
 * Response caches that stay correct across several instances of a stateless server.
 *
 * Nothing here is trusted blindly: every entry is keyed on the content of the data it was computed
 * from (a cheap state query against the database, the unit tree's content hash and the packs' content
 * key), so a write made through any instance (or straight into the database) changes the key and the
 * next request recomputes. The state queries themselves are kept between requests only while the
 * change feed (src/db/changes.ts) reports no write to their tables; without a live feed every request
 * runs them.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip, gzipSync } from "node:zlib";
import { type SQL, and, count, inArray, max, sql, sum } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Context } from "hono";
import type { Db } from "./db/index.js";
import type { UnitTree } from "./units.js";
import { commendations, contributions, disciplines, dossiers, indicatorValues, inspections, ocopProducts, scoring } from "./db/schema.js";
import { Memo, changeFeedOf } from "./db/changes.js";

/** A computed value with its JSON bytes, a gzip copy (made on first use) and a strong ETag. */
export interface CachedJson<T> {
  value: T;
  /** The UTF-8 JSON body. */
  body: Buffer;
  /** Strong ETag: a hash of the body. */
  etag: string;
  gzip(): Buffer;
}

/**
 * Wraps a value as a cached JSON response body (serialised once, ETag from the bytes).
 * @example
 * const e = cachedJson({ ok: true }); e.etag // '"…"' ; e.body.toString() // '{"ok":true}'
 */
export function cachedJson<T>(value: T): CachedJson<T> {
  const body = Buffer.from(JSON.stringify(value), "utf8");
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  let gz: Buffer | undefined;
  return { value, body, etag, gzip: () => (gz ??= gzipSync(body, { level: 6 })) };
}

const gzipAsync = promisify(gzip);

/**
 * {@link cachedJson} for large bodies (a roll-up of 1,000 communes is 371 KiB): the gzip copy is made
 * at once on libuv's thread pool, so the event loop keeps serving other requests meanwhile.
 * @example
 * const e = await cachedJsonOffThread(rollup); e.gzip() // already made, no work on this thread
 */
export async function cachedJsonOffThread<T>(value: T): Promise<CachedJson<T>> {
  const body = Buffer.from(JSON.stringify(value), "utf8");
  const [gz] = await Promise.all([gzipAsync(body, { level: 6 }), yieldToEventLoop()]);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { value, body, etag, gzip: () => gz };
}

/**
 * Lets the event loop run what is waiting (I/O, timers: /healthz, the database queue's refusals)
 * before a long computation goes on.
 * @example
 * for (const [i, x] of items.entries()) { if (i % 100 === 99) await yieldToEventLoop(); work(x); }
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A small per-process map from content keys to computed results, with single flight: requests that
 * miss on the same key while it is being computed await the same promise instead of recomputing.
 * The oldest entry is dropped beyond `capacity`. A failed computation is not cached.
 * @example
 * const cache = new ContentCache<number>(8);
 * await cache.get("k", async () => 42) // 42, computed once
 */
export class ContentCache<T> {
  private readonly entries = new Map<string, T>();
  private readonly inflight = new Map<string, Promise<T>>();
  /** How many times a value was computed (a miss that was not joined to an in-flight computation). */
  computations = 0;

  constructor(private readonly capacity = 64) {}

  /** The value of `key`, computing it once when absent (concurrent callers share the computation). */
  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh recency so a busy key is not evicted by rarer ones.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return Promise.resolve(hit);
    }
    const running = this.inflight.get(key);
    if (running) return running;
    this.computations++;
    const p = compute().then(
      (v) => {
        this.inflight.delete(key);
        if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, v);
        return v;
      },
      (e: unknown) => {
        this.inflight.delete(key);
        throw e;
      },
    );
    this.inflight.set(key, p);
    return p;
  }

  /** Number of cached entries. */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * A synchronous map from content keys to small computed values (a roll-up's line per commune), the
 * oldest entry dropped beyond `capacity`. Only for values that are pure functions of their key.
 * @example
 * const lines = new LineCache<number>(2); lines.set("a", 1); lines.get("a") // 1
 */
export class LineCache<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly capacity: number) {}
  get(key: string): T | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: T): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
  get size(): number {
    return this.entries.size;
  }
}

/**
 * One ContentCache per database (tests open several databases in one process).
 * @example
 * const rollups = perDatabase(() => new ContentCache<CachedJson<Rollup>>(32)); rollups(db).get(key, compute)
 */
export function perDatabase<C extends object>(make: () => C): (db: Db) => C {
  const byDb = new WeakMap<Db, C>();
  return (db) => {
    let c = byDb.get(db);
    if (!c) byDb.set(db, (c = make()));
    return c;
  };
}

/**
 * Shares database reads between concurrent requests without ever answering a request with a read
 * that started before it arrived: a caller joins the read that is queued to start after the running
 * one, or starts one. So every caller sees every write committed before its call (as if it had run
 * its own query), while a burst of N concurrent callers costs about two queries instead of N.
 * @example
 * const reads = new FreshReads(); await reads.read("packs", () => db.select().from(packs))
 */
export class FreshReads {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly queued = new Map<string, Promise<unknown>>();
  /** How many reads were started (for tests). */
  started = 0;

  read<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const q = this.queued.get(key);
    if (q) return q as Promise<T>;
    const running = this.running.get(key);
    if (!running) return this.start(key, fn);
    const next = running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.queued.delete(key);
        return this.start(key, fn);
      });
    this.queued.set(key, next);
    return next;
  }

  private start<T>(key: string, fn: () => Promise<T>): Promise<T> {
    this.started++;
    const p: Promise<T> = fn().finally(() => {
      if (this.running.get(key) === p) this.running.delete(key);
    });
    this.running.set(key, p);
    return p;
  }
}

/**
 * The FreshReads of a database.
 * @example
 * await freshReads(db).read("k", () => query())
 */
export const freshReads = perDatabase(() => new FreshReads());

/** Beyond this many units a state query reads the whole years (cheaper than a long id list). */
const SCOPED_STATE_MAX_UNITS = 2000;

/**
 * The content state of the indicator values of some years, read with one aggregate query: row count,
 * sum of versions and highest row id. Every write of values either bumps a row's version, inserts a
 * row (a new, higher id) or deletes one (the count drops), so equal states mean equal data. With
 * `units` (a scope such as a district's subtree) only those units' rows are read, through the
 * (unit_id, year) index; a scope of more than 2,000 units reads the whole years.
 * @example
 * await valuesState(db, [2024, 2020]) // "12000:12345:56789"
 * await valuesState(db, [2024], { scope: "d-01", ids: tree.subtree("d-01").map((u) => u.id) })
 */
export async function valuesState(db: Db, years: readonly number[], units?: { scope: string; ids: readonly string[] }): Promise<string> {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const scoped = units && units.ids.length <= SCOPED_STATE_MAX_UNITS ? units : undefined;
  const key = `values-state:${ys.join(",")}:${scoped ? `${scoped.scope}#${scoped.ids.length}` : "*"}`;
  // Kept while the feed reports no write to indicator_values; concurrent callers share fresh reads.
  return stateMemo(db).get(changeFeedOf(db), key, VALUES_TABLES, () =>
    freshReads(db).read(key, async () => {
      const where = scoped
        ? and(sql`${indicatorValues.unitId} = any(${pgTextArray(scoped.ids)}::text[])`, inArray(indicatorValues.year, ys))
        : inArray(indicatorValues.year, ys);
      const [s] = await db
        .select({ n: count(), v: sum(indicatorValues.version), m: max(indicatorValues.id) })
        .from(indicatorValues)
        .where(where);
      return `${s?.n ?? 0}:${s?.v ?? 0}:${s?.m ?? 0}`;
    }),
  );
}

/**
 * The change feed's names of the tables the state queries read (with `units`: a scope's ids come from
 * the tree).
 */
export const VALUES_TABLES = ["indicator_values", "units"] as const;
export const RANKING_INPUT_TABLES = [
  "scoring",
  "ocop_products",
  "contributions",
  "inspections",
  "dossiers",
  "commendations",
  "disciplines",
  "units",
] as const;
const stateMemo = perDatabase(() => new Memo<string>(512));

/**
 * Answers with a cached JSON body: 304 when `If-None-Match` carries its ETag, the gzip copy when the
 * client accepts gzip, the plain bytes otherwise. `Cache-Control: private, no-cache`: a client or
 * proxy may keep it but must revalidate (the data is per user scope and changes with every write).
 * @example
 * return sendCachedJson(c, await rollups(db).get(key, compute));
 */
export function sendCachedJson(c: Context, entry: CachedJson<unknown>): Response {
  const headers: Record<string, string> = {
    etag: entry.etag,
    "cache-control": "private, no-cache",
    vary: "accept-encoding, cookie, authorization",
  };
  if (etagMatches(c.req.header("if-none-match"), entry.etag)) return c.body(null, 304, headers);
  headers["content-type"] = "application/json";
  if (acceptsGzip(c.req.header("accept-encoding"))) {
    headers["content-encoding"] = "gzip";
    return c.body(entry.gzip() as Uint8Array<ArrayBuffer>, 200, headers);
  }
  return c.body(entry.body as Uint8Array<ArrayBuffer>, 200, headers);
}

/**
 * True when an If-None-Match header lists the ETag (or `*`); weak comparison, as RFC 9110 asks for GET.
 * @example
 * etagMatches('W/"a", "b"', '"b"') // true
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => {
    const s = t.trim();
    return s === "*" || s.replace(/^W\//, "") === bare;
  });
}

/**
 * True when an Accept-Encoding header accepts gzip (not with q=0).
 * @example
 * acceptsGzip("gzip, deflate, br") // true
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [name, ...params] = part.trim().split(";");
    if (name?.trim().toLowerCase() !== "gzip" && name?.trim() !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

type VersionedTable = PgTable & { version: PgColumn; updatedAt: PgColumn };

function tableState(t: VersionedTable & { unitId: PgColumn }, unitIds?: string): SQL {
  const where = unitIds === undefined ? sql`` : sql` where ${t.unitId} = any(${unitIds}::text[])`;
  return sql`(select count(*)::text || ':' || coalesce(sum(${t.version}), 0)::text || ':' || coalesce((extract(epoch from max(${t.updatedAt})) * 1000000)::bigint::text, '') from ${t}${where})`;
}

/**
 * The content state of the plan-domain tables a ranking (and so indicator 18.2's classification)
 * reads: scoring, OCOP products, contributions, inspections and dossiers; per table row count, sum of
 * versions and latest `updated_at`, in one query. With `units` (a scope's subtree and its ancestors,
 * see scopeUnits) scoring, OCOP products and contributions are read for those units only (through
 * their unit_id indexes); inspections and dossiers (small, and an inspection's subject may lie
 * outside its unit) are read whole. Writes through the API bump the version or `updated_at`; inserts
 * and deletes change the count; moving a record to another unit changes both scopes' counts.
 * @example
 * await rankingInputsState(db) // "3:3:1764400000000000|12:14:…|…"
 */
export async function rankingInputsState(db: Db, units?: { scope: string; ids: readonly string[] }): Promise<string> {
  const scoped = units && units.ids.length <= SCOPED_STATE_MAX_UNITS ? units : undefined;
  const key = `ranking-inputs-state:${scoped ? `${scoped.scope}#${scoped.ids.length}` : "*"}`;
  return stateMemo(db).get(changeFeedOf(db), key, RANKING_INPUT_TABLES, () =>
    freshReads(db).read(key, async () => {
      const ids = scoped ? pgTextArray(scoped.ids) : undefined;
      const parts: SQL[] = [
        tableState(scoring, ids),
        tableState(ocopProducts, ids),
        tableState(contributions, ids),
        tableState(inspections),
        tableState(dossiers),
        tableState(commendations),
        tableState(disciplines),
      ];
      const res = await db.execute(
        sql`select ${sql.join(
          parts.map((part, i) => sql`${part} as ${sql.raw(`s${i}`)}`),
          sql`, `,
        )}`,
      );
      const row = (res as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
      return parts.map((_, i) => String(row[`s${i}`] ?? "")).join("|");
    }),
  );
}

/**
 * A scope for the state queries: the unit's subtree and its ancestors (whose scoring schemes apply).
 * @example
 * scopeUnits(tree, "d-01") // { scope: "d-01", ids: ["d-01", "c-01-01", …, "p-demo"] }
 */
export function scopeUnits(tree: UnitTree, unitId: string): { scope: string; ids: readonly string[] } {
  let byUnit = scopesOf.get(tree);
  if (!byUnit) scopesOf.set(tree, (byUnit = new Map()));
  let hit = byUnit.get(unitId);
  if (!hit) {
    const ids = tree.subtree(unitId).map((u) => u.id);
    for (let p = tree.parentOf(unitId); p; p = tree.parentOf(p)) ids.push(p);
    byUnit.set(unitId, (hit = { scope: unitId, ids }));
  }
  return hit;
}

/** Scopes per tree (a tree never changes; a new tree is a new object). */
const scopesOf = new WeakMap<UnitTree, Map<string, { scope: string; ids: readonly string[] }>>();

/**
 * A PostgreSQL text[] literal: one bound parameter instead of one per id.
 * @example
 * sql`where unit_id = any(${pgTextArray(["c1", "c2"])}::text[])`
 */
export function pgTextArray(ids: readonly string[]): string {
  return `{${ids.map((id) => `"${id.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/**
 * Everything a ranking of a year reads, as one key: the values of the year and the year before, and
 * the plan-domain tables (see rankingInputsState); `units` limits the values to a scope (see valuesState).
 * @example
 * await rankingDataState(db, 2023, { scope: "d-01", ids: tree.subtree("d-01").map((u) => u.id) })
 */
export async function rankingDataState(db: Db, year: number, units?: { scope: string; ids: readonly string[] }): Promise<string> {
  const [values, domain] = await Promise.all([valuesState(db, [year, year - 1], units), rankingInputsState(db, units)]);
  return `${values}|${domain}`;
}
