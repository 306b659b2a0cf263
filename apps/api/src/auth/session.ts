import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { AppEnv } from "../context.js";
import type { Db } from "../db/index.js";
import type { Tx } from "../audit.js";
import { apiTokens, rateLimits, sessions, users } from "../db/schema.js";
import { Memo, changeFeedOf } from "../db/changes.js";
import { perDatabase } from "../cache.js";
import { ApiError } from "../http/problem.js";
import { sha256 } from "./crypto.js";
import type { Principal, Role } from "./policy.js";

export const SESSION_COOKIE = "ntm_session";
export const CSRF_HEADER = "x-csrf-token";
/** Session lifetime: a working day and a half. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function toPrincipal(u: typeof users.$inferSelect): Principal {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, scopeUnitId: u.scopeUnitId };
}

/**
 * True when the request arrived over TLS: directly, or behind a trusted proxy (TRUST_PROXY) that sets
 * X-Forwarded-Proto.
 * @example
 * isSecureRequest(c) // true behind an https proxy
 */
export function isSecureRequest(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  if (c.get("deps").trustProxy <= 0) return false;
  return c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

type TokenRow = { user: typeof users.$inferSelect; tokenId: string; lastUsedAt: Date | null };
type SessionRow = { user: typeof users.$inferSelect; csrf: string; expiresAt: Date };

/** The tables a session or token lookup reads (the change feed's table names). */
const TOKEN_TABLES = ["api_tokens", "users"] as const;
const SESSION_TABLES = ["sessions", "users"] as const;
/**
 * Lookups kept per process while the change feed says their tables are unchanged; a sign-out, a
 * revoked token or a deactivated user (through any instance) invalidates them. Unknown ids are kept
 * too (as null), so a bad cookie repeated does not cost a query each time.
 */
const tokenLookups = perDatabase(() => new Memo<TokenRow | null>(10_000));
const sessionLookups = perDatabase(() => new Memo<SessionRow | null>(10_000));

/**
 * Resolves the caller from a Bearer API token or the session cookie, and enforces the double-submit
 * CSRF token on state-changing cookie requests. Everything lives in the database (stateless server);
 * a lookup is reused while the change feed reports no write to its tables (src/db/changes.ts).
 * @example
 * app.use("/v1/*", authMiddleware());
 */
export function authMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, now } = c.get("deps");
    c.set("user", null);
    c.set("authVia", null);
    c.set("csrfToken", null);
    c.set("sessionId", null);
    const authz = c.req.header("authorization");
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      if (!m?.[1]) throw new ApiError("unauthenticated", "Authorization phải có dạng 'Bearer <token>' / expected 'Bearer <token>'");
      const hash = sha256(m[1]);
      const row = await tokenLookups(db).get(changeFeedOf(db), hash, TOKEN_TABLES, async () => {
        const rows = await db
          .select({ user: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
          .from(apiTokens)
          .innerJoin(users, eq(users.id, apiTokens.userId))
          .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), eq(users.active, true)))
          .limit(1);
        return rows[0] ?? null;
      });
      if (!row) throw new ApiError("unauthenticated", "Mã truy cập không hợp lệ hoặc đã thu hồi / invalid or revoked API token");
      // Record use at most once a minute: no write on every request of a busy integration.
      const t = now();
      if (!row.lastUsedAt || t.getTime() - row.lastUsedAt.getTime() > 60_000)
        await db.update(apiTokens).set({ lastUsedAt: t }).where(eq(apiTokens.id, row.tokenId));
      c.set("user", toPrincipal(row.user));
      c.set("authVia", "token");
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      const id = sha256(cookie);
      const found = await sessionLookups(db).get(changeFeedOf(db), id, SESSION_TABLES, async () => {
        const rows = await db
          .select({ user: users, csrf: sessions.csrfToken, expiresAt: sessions.expiresAt })
          .from(sessions)
          .innerJoin(users, eq(users.id, sessions.userId))
          .where(and(eq(sessions.id, id), eq(users.active, true)))
          .limit(1);
        return rows[0] ?? null;
      });
      // Expiry is checked against the request's clock, so a kept lookup expires on time.
      const row = found && found.expiresAt.getTime() > now().getTime() ? found : null;
      if (row) {
        c.set("user", toPrincipal(row.user));
        c.set("authVia", "cookie");
        c.set("csrfToken", row.csrf);
        c.set("sessionId", id);
        // Signing in again (a new session) does not need the old session's token.
        if (!SAFE_METHODS.has(c.req.method) && !c.req.path.endsWith("/auth/login") && c.req.header(CSRF_HEADER) !== row.csrf)
          throw new ApiError(
            "forbidden",
            `Thiếu hoặc sai mã CSRF (header ${CSRF_HEADER}) / missing or wrong CSRF token in the ${CSRF_HEADER} header`,
          );
      }
    }
    return next();
  };
}

/**
 * Counts one hit in a fixed window stored in the database and returns the count in the window.
 * @example
 * const n = await hitRateLimit(db, "login:admin", 15 * 60_000, new Date());
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - windowMs);
  const rows = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sqlCase(cutoff, "count"),
        windowStart: sqlCase(cutoff, "window", now),
      },
    })
    .returning({ count: rateLimits.count });
  return rows[0]?.count ?? 1;
}

function sqlCase(cutoff: Date, what: "count" | "window", now?: Date) {
  const c = cutoff.toISOString();
  return what === "count"
    ? sql`CASE WHEN ${rateLimits.windowStart} < ${c}::timestamptz THEN 1 ELSE ${rateLimits.count} + 1 END`
    : sql`CASE WHEN ${rateLimits.windowStart} < ${c}::timestamptz THEN ${now!.toISOString()}::timestamptz ELSE ${rateLimits.windowStart} END`;
}

/**
 * Clears a rate-limit counter (after a successful login).
 * @example
 * await clearRateLimit(db, "login:admin");
 */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/**
 * Counts one failure under `key` and stamps its time (the counter starts again after `windowMs`
 * without a failure): the state behind growing sign-in delays.
 * @example
 * await recordFailure(db, "login:admin|203.0.113.7", 15 * 60_000, new Date());
 */
export async function recordFailure(db: Db, key: string, windowMs: number, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} < ${cutoff}::timestamptz THEN 1 ELSE ${rateLimits.count} + 1 END`,
        windowStart: now,
      },
    });
}

/**
 * A failure counter and the time of its last failure, or undefined when absent or older than `windowMs`.
 * @example
 * await readRateLimit(db, "login:admin|203.0.113.7", 15 * 60_000, new Date()) // { count: 6, since: Date }
 */
export async function readRateLimit(db: Db, key: string, windowMs: number, now: Date): Promise<{ count: number; since: Date } | undefined> {
  const row = (await db.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1))[0];
  if (!row || row.windowStart.getTime() < now.getTime() - windowMs) return undefined;
  return { count: row.count, since: row.windowStart };
}

/**
 * Takes one hit back from a counter (a successful sign-in does not count against its address).
 * @example
 * await giveBackRateLimit(db, "login-ip:203.0.113.7");
 */
export async function giveBackRateLimit(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`GREATEST(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/**
 * Revokes every live API token of a user (on a password change or reset) and returns how many.
 * @example
 * await db.transaction((tx) => revokeTokensOf(tx, userId, new Date())) // 2
 */
export async function revokeTokensOf(tx: Tx, userId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}
