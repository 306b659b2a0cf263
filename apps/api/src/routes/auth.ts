import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../context.js";
import { clientAddress } from "../http/clientAddress.js";
import { SESSION_COOKIE, SESSION_TTL_MS, isSecureRequest } from "../auth/session.js";
import { changeOwnPassword, endSession, signIn } from "../services/auth.js";

export {
  LOGIN_BASE_DELAY_MS,
  LOGIN_FREE_ATTEMPTS,
  LOGIN_IP_LIMIT,
  LOGIN_MAX_DELAY_MS,
  LOGIN_WINDOW_MS,
  loginDelayMs,
} from "../services/auth.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { requireUser } from "../http/guard.js";
import { UserSchema } from "../http/schemas.js";

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
    const r = await signIn(db, username, password, ip, now());
    if (r.kind === "throttled") {
      c.header("Retry-After", String(r.seconds));
      throw new ApiError(
        "too_many_requests",
        `Quá nhiều lần đăng nhập sai, thử lại sau ${r.seconds} giây / too many sign-in attempts, try again in ${r.seconds} s`,
      );
    }
    const { user, secret, csrfToken } = r;
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
    await changeOwnPassword(db, u, currentPassword, newPassword, c.get("sessionId"), now());
    return c.body(null, 204);
  });
  app.openapi(logout, async (c) => {
    const id = c.get("sessionId");
    if (id) await endSession(c.get("deps").db, id);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  });
  return app;
}
