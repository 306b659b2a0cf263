import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { eq, lt } from "drizzle-orm";
import type { AppEnv } from "../context.js";
import { clientAddress } from "../http/clientAddress.js";
import { sessions, users } from "../db/schema.js";
import { hashPassword, randomSecret, sha256, verifyPassword } from "../auth/crypto.js";
import { writeAudit } from "../audit.js";
import {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  clearRateLimit,
  giveBackRateLimit,
  hitRateLimit,
  isSecureRequest,
  readRateLimit,
  recordFailure,
  revokeTokensOf,
} from "../auth/session.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { requireUser } from "../http/guard.js";
import { UserSchema } from "../http/schemas.js";

/**
 * Sign-in throttling, per (account, client address) so that a stranger cannot lock a victim out from
 * elsewhere: the first LOGIN_FREE_ATTEMPTS failures are free, then each further attempt waits a delay
 * that doubles from LOGIN_BASE_DELAY_MS up to LOGIN_MAX_DELAY_MS. A looser per-address limit
 * (LOGIN_IP_LIMIT attempts in LOGIN_WINDOW_MS, successes given back) stops one address from guessing
 * across many accounts. Unknown usernames are throttled and answered exactly like known ones.
 */
export const LOGIN_FREE_ATTEMPTS = 5;
export const LOGIN_BASE_DELAY_MS = 1000;
export const LOGIN_MAX_DELAY_MS = 15 * 60 * 1000;
export const LOGIN_IP_LIMIT = 50;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * How long after the last failure the next sign-in attempt must wait, given the failures so far.
 * @example
 * loginDelayMs(4) // 0; loginDelayMs(5) // 1000; loginDelayMs(7) // 4000; loginDelayMs(40) // 900000
 */
export function loginDelayMs(failures: number): number {
  if (failures < LOGIN_FREE_ATTEMPTS) return 0;
  return Math.min(LOGIN_BASE_DELAY_MS * 2 ** Math.min(failures - LOGIN_FREE_ATTEMPTS, 30), LOGIN_MAX_DELAY_MS);
}

const SessionSchema = z
  .object({
    user: UserSchema,
    csrfToken: z
      .string()
      .nullable()
      .openapi({ description: "Send it back in the x-csrf-token header with every state-changing request made with the session cookie." }),
  })
  .openapi("Session");

const login = createRoute({
  method: "post",
  path: "/auth/login",
  tags: ["auth"],
  summary: "Đăng nhập / Sign in (sets an HttpOnly session cookie)",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).openapi("LoginRequest"),
        },
      },
    },
  },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: SessionSchema } } },
    ...problemResponses(400, 401, 422, 429),
  },
});

const me = createRoute({
  method: "get",
  path: "/auth/me",
  tags: ["auth"],
  summary: "Người dùng hiện tại / The signed-in user and the CSRF token",
  responses: { 200: { description: "The user", content: { "application/json": { schema: SessionSchema } } }, ...problemResponses(401) },
});

const logout = createRoute({
  method: "post",
  path: "/auth/logout",
  tags: ["auth"],
  summary: "Đăng xuất / Sign out (deletes the session)",
  responses: { 204: { description: "Signed out" }, ...problemResponses(403) },
});

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

const changePassword = createRoute({
  method: "post",
  path: "/auth/password",
  tags: ["auth"],
  summary: "Đổi mật khẩu / Change your own password (ends your other sessions and revokes your API tokens)",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              currentPassword: z.string().min(1).max(200),
              newPassword: z.string().min(8, "mật khẩu ít nhất 8 ký tự / at least 8 characters").max(200),
            })
            .openapi("PasswordChange"),
        },
      },
    },
  },
  responses: { 204: { description: "Changed" }, ...problemResponses(400, 401, 403, 422) },
});

/**
 * Sign-in, sign-out and the current user.
 * @example
 * v1.route("/", authRoutes());
 */
export function authRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(login, async (c) => {
    const { db, now } = c.get("deps");
    const { username, password } = c.req.valid("json");
    const ip = clientAddress(c);
    const t = now();
    const pairKey = `login:${username.toLowerCase()}|${ip}`;
    const ipKey = `login-ip:${ip}`;
    // The address's counter takes every attempt at once (so parallel guesses count); a success gives it back.
    const byIp = await hitRateLimit(db, ipKey, LOGIN_WINDOW_MS, t);
    const pair = await readRateLimit(db, pairKey, LOGIN_WINDOW_MS, t);
    const waitMs = pair ? pair.since.getTime() + loginDelayMs(pair.count) - t.getTime() : 0;
    if (byIp > LOGIN_IP_LIMIT || waitMs > 0) {
      const seconds = Math.max(1, Math.ceil((byIp > LOGIN_IP_LIMIT ? LOGIN_WINDOW_MS : waitMs) / 1000));
      c.header("Retry-After", String(seconds));
      throw new ApiError(
        "too_many_requests",
        `Quá nhiều lần đăng nhập sai, thử lại sau ${seconds} giây / too many sign-in attempts, try again in ${seconds} s`,
      );
    }
    const user = (await db.select().from(users).where(eq(users.username, username)).limit(1))[0];
    // An unknown user costs the same scrypt work, so timing does not reveal which usernames exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !user.active || !valid) {
      await recordFailure(db, pairKey, LOGIN_WINDOW_MS, t);
      throw new ApiError("unauthenticated", "Sai tên đăng nhập hoặc mật khẩu / wrong username or password");
    }
    await clearRateLimit(db, pairKey);
    await giveBackRateLimit(db, ipKey);
    await db.delete(sessions).where(lt(sessions.expiresAt, t));
    const secret = randomSecret();
    const csrfToken = randomSecret(24);
    await db.insert(sessions).values({ id: sha256(secret), userId: user.id, csrfToken, expiresAt: new Date(t.getTime() + SESSION_TTL_MS) });
    setCookie(c, SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      secure: isSecureRequest(c),
      maxAge: SESSION_TTL_MS / 1000,
    });
    const { passwordHash: _h, createdAt: _c, ...pub } = user;
    return c.json({ user: { ...pub, role: pub.role as z.infer<typeof UserSchema>["role"] }, csrfToken }, 200);
  });
  app.openapi(me, async (c) => {
    // The auth middleware admits active users only.
    return c.json({ user: { ...requireUser(c), active: true }, csrfToken: c.get("csrfToken") }, 200);
  });
  app.openapi(changePassword, async (c) => {
    const u = requireUser(c);
    const { currentPassword, newPassword } = c.req.valid("json");
    const { db, now } = c.get("deps");
    const row = (await db.select().from(users).where(eq(users.id, u.id)).limit(1))[0];
    if (!row || !(await verifyPassword(currentPassword, row.passwordHash)))
      throw new ApiError("invalid_input", "Mật khẩu hiện tại không đúng / the current password is wrong", [
        { path: "$.currentPassword", message: "wrong password" },
      ]);
    const passwordHash = await hashPassword(newPassword);
    const keep = c.get("sessionId");
    await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, u.id));
      for (const sRow of await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, u.id)))
        if (sRow.id !== keep) await tx.delete(sessions).where(eq(sessions.id, sRow.id));
      // API tokens made with the old password end too (a new one takes a minute to make).
      const tokensRevoked = await revokeTokensOf(tx, u.id, now());
      await writeAudit(tx, u, {
        action: "user.password",
        entityType: "user",
        entityId: u.id,
        unitId: u.scopeUnitId,
        after: { passwordChanged: true, tokensRevoked },
      });
    });
    return c.body(null, 204);
  });
  app.openapi(logout, async (c) => {
    const id = c.get("sessionId");
    if (id) await c.get("deps").db.delete(sessions).where(eq(sessions.id, id));
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  });
  return app;
}
