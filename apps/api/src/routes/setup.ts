import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { hitRateLimit } from "../auth/session.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { DisplayNameSchema, NewPasswordSchema, UserSchema, UsernameSchema } from "../http/schemas.js";
import { completeSetup, needsSetup } from "../setup.js";
import { clientAddress } from "../http/clientAddress.js";
import { UNIT_ID_PATTERN } from "../http/schemas.js";
import { userOut } from "../http/shapes.js";

/** Setup attempts allowed per client address (and in all) in one window. */
export const SETUP_LIMIT = 10;
export const SETUP_TOTAL_LIMIT = 100;
export const SETUP_WINDOW_MS = 15 * 60 * 1000;

const SetupRequestSchema = z
  .object({
    token: z.string().min(1, "cần mã khởi tạo / the setup token is required").max(200),
    username: UsernameSchema,
    password: NewPasswordSchema,
    displayName: DisplayNameSchema,
    province: z
      .object({
        id: z
          .string()
          .max(64)
          .regex(UNIT_ID_PATTERN, "mã đơn vị chỉ gồm chữ thường, chữ số và dấu gạch nối / lowercase letters, digits and hyphens only"),
        name: z.string().trim().min(1, "tên tỉnh không được để trống / the province name is required").max(200),
      })
      .optional()
      .openapi({
        description:
          "Tỉnh của quản trị viên; bắt buộc khi chưa có đơn vị nào / the administrator's province; required while the unit tree is empty",
      }),
  })
  .strict()
  .openapi("SetupRequest");

const setupStatus = createRoute({
  method: "get",
  path: "/setup",
  tags: ["setup"],
  summary: "Trạng thái khởi tạo / Whether the first administrator is still to be created (no sign-in)",
  responses: {
    200: { description: "Status", content: { "application/json": { schema: z.object({ needed: z.boolean() }).openapi("SetupStatus") } } },
  },
});

const postSetup = createRoute({
  method: "post",
  path: "/setup",
  tags: ["setup"],
  summary: "Tạo quản trị viên đầu tiên / Create the first administrator with the one-time setup token (no sign-in)",
  description:
    "Chỉ dùng được khi chưa có quản trị viên; mã khởi tạo in ra khi máy chủ khởi động, dùng một lần, hết hạn sau 24 giờ / usable only while no administrator exists; the token is printed at start, single use, expires after 24 h.",
  request: { body: { required: true, content: { "application/json": { schema: SetupRequestSchema } } } },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: UserSchema } } },
    ...problemResponses(400, 403, 409, 422, 429),
  },
});

/**
 * First run: GET /v1/setup (is setup needed?) and POST /v1/setup (create the first administrator).
 * @example
 * v1.route("/", setupRoutes());
 */
export function setupRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(setupStatus, async (c) => c.json({ needed: await needsSetup(c.get("deps").db) }, 200));
  app.openapi(postSetup, async (c) => {
    const { db, now } = c.get("deps");
    const body = c.req.valid("json");
    const t = now();
    // Every attempt counts, per address and in all: the token cannot be guessed by brute force.
    const byIp = await hitRateLimit(db, `setup-ip:${clientAddress(c)}`, SETUP_WINDOW_MS, t);
    const total = await hitRateLimit(db, "setup", SETUP_WINDOW_MS, t);
    if (byIp > SETUP_LIMIT || total > SETUP_TOTAL_LIMIT)
      throw new ApiError(
        "too_many_requests",
        "Quá nhiều lần thử khởi tạo, thử lại sau 15 phút / too many setup attempts, try again in 15 minutes",
      );
    const user = await completeSetup(
      db,
      body.token,
      { username: body.username, password: body.password, displayName: body.displayName, province: body.province },
      t,
    );
    return c.json(userOut(user), 201);
  });
  return app;
}
