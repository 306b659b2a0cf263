/**
 * Read-your-writes across instances for /v1: before a request runs, every notification of a write
 * committed (through any instance) before it arrived has reached this process, so no memo it
 * serves is older than the request (see ChangeFeed.fresh in src/db/changes.ts).
 */
import type { MiddlewareHandler } from "hono";
import type { Db } from "../db/index.js";
import { changeFeedOf } from "../db/changes.js";
import type { AppEnv } from "../context.js";

/** How long a request waits for its sync marker before the feed is taken down (memos bypassed). */
const FRESH_TIMEOUT_MS = 5000;

/**
 * Waits for the change feed to catch up with the request's arrival: a shared NOTIFY round trip on a
 * PostgreSQL feed, nothing on PGlite or while the feed is down.
 * @example
 * v1.use("*", seeWritesOfOtherInstances(db));
 */
export function seeWritesOfOtherInstances(db: Db): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    const feed = changeFeedOf(db);
    if (feed.live) await feed.fresh(FRESH_TIMEOUT_MS);
    await next();
  };
}
