/**
 * The change feed: how a process knows, without asking the database on every request, that nothing
 * it computed from has changed.
 *
 * Migration 0002 puts a statement trigger on every table a cache reads; each writing statement calls
 * `pg_notify('ntm_changes', <table>)`, delivered to every listener when the transaction commits. Each
 * process listens (PGlite: on its own connection, delivered before the commit's promise resolves;
 * PostgreSQL: one dedicated connection per process) and moves a per-table stamp forward. A {@link Memo}
 * entry remembers the stamp of the tables it read; while the stamp has not moved it is served without
 * a query.
 *
 * Consistency: a process sees its own and another instance's writes by the next request: PGlite
 * delivers a commit's notifications before its promise resolves, and on PostgreSQL a /v1 request
 * first waits for {@link ChangeFeed.fresh} (a sync marker sent after it arrived has come back through
 * the channel, so every notification committed before has too; one marker serves a whole batch of
 * requests). Only the tables written are invalidated, never everything: {@link ChangeFeed.bumpAll} is
 * for the feed coming back up (and for writes while it is down). Writes themselves never rely on
 * it: they check versions (If-Match) inside their transaction. While the listening connection is down
 * the feed is not `live` and every memo is bypassed (each request validates against the database, as
 * without a feed); when it is back every entry is dropped, since notifications may have been missed.
 */

/** The channel the triggers of migration 0002 notify. */
export const CHANGE_CHANNEL = "ntm_changes";

/** Payload prefix of the markers {@link ChangeFeed.sync} sends through the channel. */
const SYNC_PREFIX = "sync:";

/**
 * Per-table change stamps of one database, moved by notifications.
 * @example
 * const feed = new ChangeFeed(); feed.setLive(true);
 * const s = feed.stamp(["units"]); feed.changed("units"); feed.stamp(["units"]) > s // true
 */
export class ChangeFeed {
  private seq = 0;
  private allAt = 0;
  private readonly tableAt = new Map<string, number>();
  private readonly waiters = new Map<string, () => void>();
  private liveNow = false;
  private lostHook: ((why: string) => void) | undefined;
  private markerInFlight: Promise<boolean> | undefined;
  private nextMarker: Promise<boolean> | undefined;
  private sendVia: ((payload: string) => Promise<void>) | undefined;
  /** How many notifications were received (for tests and logs). */
  received = 0;
  /** How many sync markers were sent (for tests and logs). */
  markersSent = 0;

  /**
   * @param sendSync Sends a sync marker through the channel (the PostgreSQL feed); absent when
   *   notifications arrive before a write's promise resolves (PGlite), where there is nothing to wait for.
   */
  constructor(private readonly sendSync?: (payload: string) => Promise<void>) {}

  /**
   * True when a commit's notifications are received before its promise resolves (PGlite: no marker
   * to wait for), so a write has moved the stamps of exactly the tables it touched by the time it returns.
   */
  get synchronous(): boolean {
    return this.sendSync === undefined;
  }

  /** True while notifications are being received: memos may be trusted. */
  get live(): boolean {
    return this.liveNow;
  }

  /**
   * Marks the feed up or down. Coming up drops everything (notifications may have been missed);
   * going down releases the callers waiting for a marker.
   */
  setLive(live: boolean): void {
    if (live && !this.liveNow) this.bumpAll();
    this.liveNow = live;
    if (!live) {
      // Markers sent on a connection that is gone never come back; their callers need not wait:
      // memos are bypassed while the feed is down, and all dropped when it comes back.
      const waiting = [...this.waiters.values()];
      this.waiters.clear();
      for (const release of waiting) release();
    }
  }

  /**
   * Sends markers through `send` rather than the constructor's sender while set (startPgFeed: the
   * listening connection itself, which no request queues behind, unlike the pool); `undefined`
   * goes back to the constructor's.
   */
  sendThrough(send: ((payload: string) => Promise<void>) | undefined): void {
    this.sendVia = send;
  }

  /**
   * Registers what to do when a sync marker does not come back (startPgFeed drops the listening
   * connection and opens a new one, so the feed comes back live).
   */
  onLost(hook: (why: string) => void): void {
    this.lostHook = hook;
  }

  /** Records a notification: `table` was written (or a sync marker arrived). */
  changed(payload: string): void {
    this.received++;
    if (payload.startsWith(SYNC_PREFIX)) {
      this.waiters.get(payload)?.();
      this.waiters.delete(payload);
      return;
    }
    this.tableAt.set(payload, ++this.seq);
  }

  /** Treats every table as changed (after this process's own writes, or when the feed comes back). */
  bumpAll(): void {
    this.allAt = ++this.seq;
  }

  /**
   * A number that moves whenever one of `tables` may have changed. Equal stamps mean no notification
   * for those tables arrived in between.
   */
  stamp(tables: readonly string[]): number {
    let s = this.allAt;
    for (const t of tables) s = Math.max(s, this.tableAt.get(t) ?? 0);
    return s;
  }

  /**
   * Resolves once every notification of transactions committed before the call has been received
   * (notifications reach a listener in commit order, so a marker sent now arrives after them).
   * Immediate when the feed delivers synchronously (PGlite) or is not live. Resolves false (and
   * takes the feed down) when the marker does not come back within `timeoutMs`.
   * @example
   * await db.insert(packs).values(row); await changeFeedOf(db).sync(); // now every memo knows
   */
  async sync(timeoutMs = 5000): Promise<boolean> {
    if (!this.sendSync || !this.liveNow) return true;
    const payload = `${SYNC_PREFIX}${process.pid}:${++this.seq}:${Math.random().toString(36).slice(2)}`;
    const arrived = new Promise<boolean>((resolve) => this.waiters.set(payload, () => resolve(true)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        // A marker that never came means the feed is not trustworthy: stop serving memos.
        if (this.waiters.delete(payload)) {
          this.setLive(false);
          this.lostHook?.("a sync marker did not come back");
        }
        resolve(false);
      }, timeoutMs);
    });
    this.markersSent++;
    try {
      await (this.sendVia ?? this.sendSync)(payload);
    } catch {
      // The database did not take the marker: nothing can be said about the feed; let the timeout decide.
    }
    const ok = await Promise.race([arrived, timeout]);
    clearTimeout(timer);
    return ok;
  }

  /**
   * Read-your-writes across instances: resolves once every notification of transactions committed
   * before the call has been received, like {@link sync}, but shared: a marker in flight covers the
   * callers that came before it was sent; callers arriving while it is in flight share the next one,
   * sent as soon as it is back. Under load that is about one NOTIFY round trip per batch of requests,
   * not one per request. Immediate on PGlite (synchronous delivery) and while the feed is down (memos
   * are bypassed then). Resolves false, and takes the feed down, when a marker is not back within
   * `timeoutMs`.
   * @example
   * await changeFeedOf(db).fresh(); // memos now reflect every write committed before this line
   */
  fresh(timeoutMs = 5000): Promise<boolean> {
    if (!this.sendSync || !this.liveNow) return Promise.resolve(true);
    if (!this.markerInFlight) return this.sendMarker(timeoutMs);
    // The marker in flight was sent before this call: it proves nothing about writes committed since.
    this.nextMarker ??= this.markerInFlight.then(() => {
      this.nextMarker = undefined;
      return this.sendMarker(timeoutMs);
    });
    return this.nextMarker;
  }

  private sendMarker(timeoutMs: number): Promise<boolean> {
    const marker: Promise<boolean> = this.sync(timeoutMs).finally(() => {
      if (this.markerInFlight === marker) this.markerInFlight = undefined;
    });
    this.markerInFlight = marker;
    return marker;
  }
}

const feeds = new WeakMap<object, ChangeFeed>();
/** A feed that is never live: databases opened without one (memos are then always bypassed). */
const NEVER_LIVE = new ChangeFeed();

/**
 * Attaches a feed to a database object (done by openDatabase).
 * @example
 * attachChangeFeed(db, feed)
 */
export function attachChangeFeed(db: object, feed: ChangeFeed): void {
  feeds.set(db, feed);
}

/**
 * The change feed of a database; a never-live feed when it has none.
 * @example
 * changeFeedOf(db).live // true once listening
 */
export function changeFeedOf(db: object): ChangeFeed {
  return feeds.get(db) ?? NEVER_LIVE;
}

/**
 * A small map of results validated against the change feed: an entry is served while none of the
 * tables it was computed from has changed since. The stamp is taken BEFORE computing, so a write
 * that commits during the computation leaves the entry already stale. Beyond `capacity` the oldest
 * entry is dropped. Results are only kept while the feed is live.
 * @example
 * const trees = new Memo<UnitTree>(4);
 * const tree = await trees.get(changeFeedOf(db), "tree", ["units"], () => readTree(db));
 */
export class Memo<T> {
  private readonly entries = new Map<string, { stamp: number; value: T }>();
  /** How many times `compute` ran (for tests). */
  computations = 0;

  constructor(private readonly capacity = 256) {}

  async get(feed: ChangeFeed, key: string, tables: readonly string[], compute: () => Promise<T>): Promise<T> {
    if (!feed.live) {
      this.computations++;
      return compute();
    }
    const stamp = feed.stamp(tables);
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) return hit.value;
    this.computations++;
    const value = await compute();
    if (feed.live) {
      this.entries.delete(key);
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { stamp, value });
    }
    return value;
  }

  /** The value kept for `key` if it is still valid, without computing. */
  peek(feed: ChangeFeed, key: string, tables: readonly string[]): T | undefined {
    if (!feed.live) return undefined;
    const hit = this.entries.get(key);
    return hit && hit.stamp === feed.stamp(tables) ? hit.value : undefined;
  }

  /** Number of entries kept. */
  get size(): number {
    return this.entries.size;
  }
}

/** What openDatabase needs to run a PostgreSQL feed: a way to open a dedicated listening client. */
export interface PgListenClient {
  connect(): Promise<unknown>;
  query(sql: string, params?: unknown[]): Promise<unknown>;
  on(event: "notification", fn: (msg: { channel: string; payload?: string }) => void): unknown;
  on(event: "error", fn: (err: Error) => void): unknown;
  on(event: "end", fn: () => void): unknown;
  end(): Promise<void>;
}

/**
 * Runs a PostgreSQL change feed: one dedicated connection that LISTENs, reconnecting with backoff
 * (from `retryMs`, 100 ms by default, doubling up to 5 s) when it drops; the feed is not live
 * meanwhile. A heartbeat marker every `heartbeatMs` (10 s) must come back within 5 s, otherwise the
 * connection is treated as dead, so a silently broken connection is noticed within 15 s. Returns a
 * stop function.
 * @example
 * const stop = await startPgFeed(feed, () => new pg.Client({ connectionString }), (sql, p) => pool.query(sql, p));
 */
export async function startPgFeed(
  feed: ChangeFeed,
  newClient: () => PgListenClient,
  options: { retryMs?: number; heartbeatMs?: number; log?: (msg: string) => void } = {},
): Promise<() => Promise<void>> {
  const firstDelay = options.retryMs ?? 100;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const log = options.log ?? ((m: string) => console.error(m));
  let stopped = false;
  let client: PgListenClient | undefined;
  let dropClient: ((why: string) => void) | undefined;
  let delay = firstDelay;
  let timer: NodeJS.Timeout | undefined;
  // A connection can die without a word (a half-open TCP connection after a network fault): a marker
  // sent through the channel every heartbeatMs must come back, or the connection is dropped and opened again.
  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating || !client || stopped) return;
    beating = true;
    void feed
      .sync(Math.min(5000, heartbeatMs))
      .then((ok) => {
        if (!ok) dropClient?.("no heartbeat");
      })
      .finally(() => (beating = false));
  }, heartbeatMs);
  heartbeat.unref();
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = newClient();
    let down = false;
    const onDown = (why: string) => {
      if (down) return;
      down = true;
      feed.setLive(false);
      if (client === c) {
        client = undefined;
        dropClient = undefined;
        feed.sendThrough(undefined);
      }
      void c.end().catch(() => undefined);
      if (stopped) return;
      log(`[ntm] change feed lost (${why}); every request checks the database until it is back`);
      timer = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, Math.max(5000, firstDelay));
    };
    c.on("error", (e) => onDown(e.message));
    c.on("end", () => onDown("connection ended"));
    c.on("notification", (msg) => {
      if (msg.channel === CHANGE_CHANNEL && msg.payload) feed.changed(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (down || stopped) return;
      client = c;
      dropClient = onDown;
      delay = firstDelay;
      // A session hears its own NOTIFY, after every notification committed before it.
      feed.sendThrough(async (payload) => void (await c.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, payload])));
      feed.setLive(true);
    } catch (e) {
      onDown(e instanceof Error ? e.message : String(e));
    }
  };
  feed.onLost((why) => dropClient?.(why));
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(heartbeat);
    feed.setLive(false);
    await client?.end().catch(() => undefined);
  };
}
