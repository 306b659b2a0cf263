import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../context.js";
import { sessions, users } from "../db/schema.js";
import { randomSecret, sha256, verifyPassword } from "../auth/crypto.js";
import { SESSION_COOKIE, SESSION_TTL_MS, clearRateLimit, hitRateLimit, isSecureRequest, peekRateLimit } from "../auth/session.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { requireUser } from "../http/guard.js";
import { UserSchema } from "../http/schemas.js";

/** Login attempts allowed per username (and per client address) in one window. */
export const LOGIN_LIMIT = 10;
export const LOGIN_IP_LIMIT = 50;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

const SessionSchema = z
  .object({ user: UserSchema, csrfToken: z.string().nullable().openapi({ description: "Send it back in the x-csrf-token header with every state-changing request made with the session cookie." }) })
  .openapi("Session");

const login = createRoute({
  method: "post",
  path: "/auth/login",
  tags: ["auth"],
  summary: "Đăng nhập / Sign in (sets an HttpOnly session cookie)",
  request: { body: { required: true, content: { "application/json": { schema: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).openapi("LoginRequest") } } } },
  responses: { 200: { description: "Signed in", content: { "application/json": { schema: SessionSchema } } }, ...problemResponses(400, 401, 422, 429) },
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

/** Sign-in, sign-out and the current user. */
export function authRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(login, async (c) => {
    const { db, now } = c.get("deps");
    const { username, password } = c.req.valid("json");
    const key = `login:${username.toLowerCase()}`;
    const ip = c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
    const t = now();
    const ipKey = `login-ip:${ip}`;
    // Every attempt counts per username (cleared on success); only failures count per address.
    const byUser = await hitRateLimit(db, key, LOGIN_WINDOW_MS, t);
    const byIp = await peekRateLimit(db, ipKey, LOGIN_WINDOW_MS, t);
    if (byUser > LOGIN_LIMIT || byIp >= LOGIN_IP_LIMIT) throw new ApiError("too_many_requests", "Quá nhiều lần đăng nhập sai, thử lại sau 15 phút / too many sign-in attempts, try again in 15 minutes");
    const user = (await db.select().from(users).where(eq(users.username, username)).limit(1))[0];
    if (!user || !user.active || !(await verifyPassword(password, user.passwordHash))) {
      await hitRateLimit(db, ipKey, LOGIN_WINDOW_MS, t);
      throw new ApiError("unauthenticated", "Sai tên đăng nhập hoặc mật khẩu / wrong username or password");
    }
    await clearRateLimit(db, key);
    const secret = randomSecret();
    const csrfToken = randomSecret(24);
    await db.insert(sessions).values({ id: sha256(secret), userId: user.id, csrfToken, expiresAt: new Date(t.getTime() + SESSION_TTL_MS) });
    setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: "Lax", path: "/", secure: isSecureRequest(c), maxAge: SESSION_TTL_MS / 1000 });
    const { passwordHash: _h, createdAt: _c, ...pub } = user;
    return c.json({ user: { ...pub, role: pub.role as z.infer<typeof UserSchema>["role"] }, csrfToken }, 200);
  });
  app.openapi(me, async (c) => {
    const u = requireUser(c);
    const row = (await c.get("deps").db.select().from(users).where(eq(users.id, u.id)).limit(1))[0];
    return c.json({ user: { ...u, active: row?.active ?? true }, csrfToken: c.get("csrfToken") }, 200);
  });
  app.openapi(logout, async (c) => {
    const id = c.get("sessionId");
    if (id) await c.get("deps").db.delete(sessions).where(eq(sessions.id, id));
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  });
  return app;
}
