/**
 * Admission to the database: a bounded FIFO queue in front of the requests that use it.
 *
 * Why: embedded PGlite runs one query at a time, inside this process's only thread. Under more
 * clients than it can serve, every request used to start at once and share the database by turns,
 * so all of them slowed down together until clients timed out. Here at most `concurrency` requests
 * run; the next `maxQueued` wait in arrival order; a request that finds the queue full, or waits
 * longer than `maxWaitMs`, is refused at once (the caller answers 503 with Retry-After) before it
 * touched anything, so nothing is half written.
 *
 * Failure modes: a refused request did no work (safe to retry); a running request is never cut short.
 */

/** The limits of a {@link DbQueue}. */
export interface DbQueueOptions {
  /** Requests running at once (≥ 1). */
  readonly concurrency: number;
  /** Requests waiting at most (≥ 0); one more is refused at once. */
  readonly maxQueued: number;
  /** The longest wait in the queue, ms; a request still waiting then is refused. */
  readonly maxWaitMs: number;
  /** Seconds a refused client is asked to wait (the Retry-After header). */
  readonly retryAfterS: number;
}

/** Thrown by {@link DbQueue.run} when the request is refused: the queue is full or the wait too long. */
export class DatabaseBusyError extends Error {
  /** Why: "full" (no room in the queue) or "wait" (waited `maxWaitMs` without a turn). */
  readonly reason: "full" | "wait";
  readonly retryAfterS: number;
  constructor(reason: "full" | "wait", retryAfterS: number) {
    super(reason === "full" ? "the database queue is full" : "the wait for the database was too long");
    this.reason = reason;
    this.retryAfterS = retryAfterS;
  }
}

interface Waiter {
  readonly since: number;
  readonly start: () => void;
  readonly refuse: () => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * A bounded FIFO admission queue: `run(fn)` runs `fn` when a slot is free, or throws
 * {@link DatabaseBusyError} without running it.
 * @example
 * const queue = new DbQueue({ concurrency: 2, maxQueued: 32, maxWaitMs: 750, retryAfterS: 1 });
 * const rows = await queue.run(() => db.select().from(units));
 */
export class DbQueue {
  readonly options: DbQueueOptions;
  #running = 0;
  readonly #waiting: Waiter[] = [];
  #refused = 0;

  constructor(options: DbQueueOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
      throw new RangeError(`DbQueue: concurrency must be a whole number ≥ 1, got ${options.concurrency}`);
    if (!Number.isInteger(options.maxQueued) || options.maxQueued < 0)
      throw new RangeError(`DbQueue: maxQueued must be a whole number ≥ 0, got ${options.maxQueued}`);
    if (!(options.maxWaitMs > 0)) throw new RangeError(`DbQueue: maxWaitMs must be > 0, got ${options.maxWaitMs}`);
    if (!Number.isInteger(options.retryAfterS) || options.retryAfterS < 1)
      throw new RangeError(`DbQueue: retryAfterS must be a whole number ≥ 1, got ${options.retryAfterS}`);
    this.options = options;
  }

  /** Requests running, waiting, and refused so far. */
  get stats(): { running: number; waiting: number; refused: number } {
    return { running: this.#running, waiting: this.#waiting.length, refused: this.#refused };
  }

  /** Runs `fn` in its turn; throws DatabaseBusyError (without calling `fn`) when refused. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#running < this.options.concurrency) {
      this.#running++;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.options.maxQueued) {
      this.#refused++;
      return Promise.reject(new DatabaseBusyError("full", this.options.retryAfterS));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        since: performance.now(),
        // The slot passes straight from the releasing request to this one (#running unchanged).
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        refuse: () => {
          clearTimeout(waiter.timer);
          this.#refused++;
          reject(new DatabaseBusyError("wait", this.options.retryAfterS));
        },
        timer: setTimeout(() => {
          const i = this.#waiting.indexOf(waiter);
          if (i < 0) return;
          this.#waiting.splice(i, 1);
          waiter.refuse();
        }, this.options.maxWaitMs),
      };
      this.#waiting.push(waiter);
    });
  }

  #release(): void {
    // A timer is late when the thread was busy (PGlite runs in it): a waiter already past its
    // longest wait is refused here rather than started late.
    const now = performance.now();
    let next = this.#waiting.shift();
    while (next && now - next.since > this.options.maxWaitMs) {
      next.refuse();
      next = this.#waiting.shift();
    }
    if (!next) {
      this.#running--;
      return;
    }
    // The slot passes on in a later turn of the event loop, not in this microtask chain: otherwise
    // (PGlite runs in this thread, its queries resolve as microtasks) one request after another could
    // run without the loop ever reading sockets or firing timers, so new requests would be neither
    // queued nor refused and /healthz would stall for seconds.
    const handed = next;
    setImmediate(() => {
      if (performance.now() - handed.since > this.options.maxWaitMs) {
        handed.refuse();
        this.#release();
      } else handed.start();
    });
  }
}

/** The defaults per driver: PGlite serialises queries (a short queue); PostgreSQL has a pool of 10. */
export const DEFAULT_DB_QUEUE: Readonly<Record<"pglite" | "postgres", DbQueueOptions>> = {
  pglite: { concurrency: 2, maxQueued: 24, maxWaitMs: 750, retryAfterS: 1 },
  postgres: { concurrency: 20, maxQueued: 200, maxWaitMs: 2000, retryAfterS: 1 },
};

const ENV_KEYS = {
  concurrency: "NTM_DB_CONCURRENCY",
  maxQueued: "NTM_DB_QUEUE",
  maxWaitMs: "NTM_DB_QUEUE_WAIT_MS",
  retryAfterS: "NTM_DB_RETRY_AFTER_S",
} as const satisfies Record<keyof DbQueueOptions, string>;

/**
 * The queue's limits from the environment (NTM_DB_CONCURRENCY, NTM_DB_QUEUE, NTM_DB_QUEUE_WAIT_MS,
 * NTM_DB_RETRY_AFTER_S) over the driver's defaults; null when NTM_DB_QUEUE is "off". Throws a
 * message naming the variable when one is not a number.
 * @example
 * dbQueueOptionsFromEnv({ NTM_DB_QUEUE: "4" }, "pglite") // { concurrency: 2, maxQueued: 4, maxWaitMs: 750, retryAfterS: 1 }
 */
export function dbQueueOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  driver: "pglite" | "postgres",
): DbQueueOptions | null {
  if (env[ENV_KEYS.maxQueued] === "off") return null;
  const out: Record<keyof DbQueueOptions, number> = { ...DEFAULT_DB_QUEUE[driver] };
  for (const key of Object.keys(ENV_KEYS) as (keyof DbQueueOptions)[]) {
    const raw = env[ENV_KEYS[key]];
    if (raw === undefined || raw === "") continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0)
      throw new Error(`${ENV_KEYS[key]} phải là số ≥ 0 / ${ENV_KEYS[key]} must be a number ≥ 0, got "${raw}"`);
    out[key] = n;
  }
  return out;
}
