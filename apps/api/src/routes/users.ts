import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { authorize, authorizeAccount, authorizeGlobal, requireUser } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { DisplayNameSchema, IdParam, NewPasswordSchema, RoleSchema, UserSchema, UsernameSchema } from "../http/schemas.js";
import { userOut } from "../http/shapes.js";
import { type Principal, ROLES, type Role } from "../auth/policy.js";
import { roleInfos } from "../auth/roles.js";
import {
  type TokenRow,
  type UserRow,
  createApiToken,
  createUser as insertUser,
  deactivateUser as deactivate,
  findUser,
  listUsersWithin,
  listTokens as tokensOf,
  loadActiveToken,
  loadUser,
  resetUserPassword,
  revokeApiToken,
  updateUser,
} from "../services/users.js";

const NewUserSchema = z
  .object({
    username: UsernameSchema,
    displayName: DisplayNameSchema,
    password: NewPasswordSchema,
    role: RoleSchema,
    scopeUnitId: z.string().min(1),
  })
  .openapi("NewUser");
const UserPatchSchema = z
  .object({
    displayName: DisplayNameSchema,
    password: NewPasswordSchema,
    role: RoleSchema,
    scopeUnitId: z.string().min(1),
    active: z.boolean(),
  })
  .partial()
  .openapi("UserPatch");

const TokenSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

const listUsers = createRoute({
  method: "get",
  path: "/users",
  tags: ["users"],
  summary: "Người dùng trong phạm vi / Users scoped within a unit (admin; those with users.manage there)",
  request: {
    query: z.object({
      scope: z
        .string()
        .min(1)
        .optional()
        .openapi({ description: "Đơn vị gốc; mặc định phạm vi của bạn / the subtree root; default your own scope" }),
      role: RoleSchema.optional(),
      active: z.enum(["true", "false"]).optional(),
    }),
  },
  responses: {
    200: { description: "Users", content: { "application/json": { schema: z.object({ items: z.array(UserSchema) }) } } },
    ...problemResponses(401, 403, 404, 422),
  },
});
const RoleInfoSchema = z.object({ id: RoleSchema, label: z.object({ vi: z.string(), en: z.string() }) }).openapi("RoleInfo");
const listRoles = createRoute({
  method: "get",
  path: "/roles",
  tags: ["users"],
  summary: "Các vai trò / Roles with their Vietnamese and English names",
  responses: {
    200: { description: "Roles", content: { "application/json": { schema: z.object({ items: z.array(RoleInfoSchema) }) } } },
    ...problemResponses(401),
  },
});
const resetPassword = createRoute({
  method: "post",
  path: "/users/{id}/reset-password",
  tags: ["users"],
  summary: "Đặt lại mật khẩu / Reset a user's password: ends all their sessions and revokes their API tokens",
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              password: NewPasswordSchema.optional().openapi({
                description: "Bỏ trống: tạo mật khẩu tạm, trả về một lần / omitted: a temporary password is generated and shown once",
              }),
            })
            .strict()
            .openapi("PasswordReset"),
        },
      },
    },
  },
  responses: {
    200: {
      description: "Reset",
      content: {
        "application/json": {
          schema: z
            .object({
              user: UserSchema,
              temporaryPassword: z.string().nullable(),
              sessionsEnded: z.number().int(),
              tokensRevoked: z.number().int(),
            })
            .openapi("PasswordResetResult"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 422),
  },
});
const deactivateUser = createRoute({
  method: "post",
  path: "/users/{id}/deactivate",
  tags: ["users"],
  summary: "Khoá tài khoản / Deactivate a user: ends their sessions and revokes their API tokens",
  request: { params: IdParam },
  responses: {
    200: { description: "Deactivated", content: { "application/json": { schema: UserSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});
const createUser = createRoute({
  method: "post",
  path: "/users",
  tags: ["users"],
  summary: "Tạo người dùng / Create a user (admin)",
  request: { body: { required: true, content: { "application/json": { schema: NewUserSchema } } } },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: UserSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});
const patchUser = createRoute({
  method: "patch",
  path: "/users/{id}",
  tags: ["users"],
  summary: "Sửa người dùng / Change a user's role, scope, password or active flag (admin); deactivating ends their sessions",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: UserPatchSchema } } } },
  responses: {
    200: { description: "Updated", content: { "application/json": { schema: UserSchema } } },
    ...problemResponses(400, 401, 403, 404, 422),
  },
});
const listTokens = createRoute({
  method: "get",
  path: "/tokens",
  tags: ["tokens"],
  summary: "Mã truy cập API / API tokens (own; all for admin)",
  responses: {
    200: { description: "Tokens", content: { "application/json": { schema: z.object({ items: z.array(TokenSchema) }) } } },
    ...problemResponses(401),
  },
});
const createToken = createRoute({
  method: "post",
  path: "/tokens",
  tags: ["tokens"],
  summary: "Tạo mã truy cập API / Create an API token (the secret is shown once)",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              name: z.string().min(1).max(100),
              userId: z.string().optional().openapi({ description: "admin only: create for another user" }),
            })
            .openapi("NewApiToken"),
        },
      },
    },
  },
  responses: {
    201: {
      description: "Created",
      content: { "application/json": { schema: TokenSchema.extend({ token: z.string() }).openapi("ApiTokenSecret") } },
    },
    ...problemResponses(400, 401, 403, 404, 422),
  },
});
const revokeToken = createRoute({
  method: "delete",
  path: "/tokens/{id}",
  tags: ["tokens"],
  summary: "Thu hồi mã truy cập / Revoke an API token",
  request: { params: IdParam },
  responses: { 204: { description: "Revoked" }, ...problemResponses(401, 403, 404) },
});

/** Loads a user and checks the caller may manage people in that user's scope (404, 403). */
async function authorizeOn(c: Parameters<typeof requireUser>[0], id: string): Promise<{ user: Principal; cur: UserRow }> {
  const cur = await loadUser(c.get("deps").db, id);
  // Core's canAssignRole: people management on that scope, and only admins manage admins.
  const { user } = await authorizeAccount(c, { role: cur.role as Role, scopeUnitId: cur.scopeUnitId });
  return { user, cur };
}

function tokenOut(t: TokenRow): z.infer<typeof TokenSchema> {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Users (admin) and API tokens.
 * @example
 * v1.route("/", userRoutes());
 */
export function userRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoles, async (c) => {
    requireUser(c);
    return c.json({ items: roleInfos(ROLES) }, 200);
  });
  app.openapi(listUsers, async (c) => {
    const q = c.req.valid("query");
    const scope = q.scope ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "users.manage", scope);
    const items = await listUsersWithin(c.get("deps").db, tree, scope, { role: q.role, active: q.active });
    return c.json({ items: items.map(userOut) }, 200);
  });
  app.openapi(resetPassword, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const { user, cur } = await authorizeOn(c, id);
    const out = await resetUserPassword(db, user, cur, body.password, now());
    return c.json(out, 200);
  });
  app.openapi(deactivateUser, async (c) => {
    const { id } = c.req.valid("param");
    const { db, now } = c.get("deps");
    const { user, cur } = await authorizeOn(c, id);
    return c.json(userOut(await deactivate(db, user, cur, now())), 200);
  });
  app.openapi(createUser, async (c) => {
    const body = c.req.valid("json");
    const { user } = await authorizeAccount(c, { role: body.role, scopeUnitId: body.scopeUnitId });
    return c.json(userOut(await insertUser(c.get("deps").db, user, body)), 201);
  });
  app.openapi(patchUser, async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const { db, now } = c.get("deps");
    if (!Object.values(patch).some((v) => v !== undefined)) {
      const unknown = Object.keys(((await c.req.json()) as Record<string, unknown> | null) ?? {});
      throw new ApiError(
        "invalid_input",
        "Không có gì để sửa: gửi displayName, password, role, scopeUnitId hoặc active / nothing to change: send displayName, password, role, scopeUnitId or active",
        unknown.length
          ? unknown.map((k) => ({
              path: `$[${JSON.stringify(k)}]`,
              code: "unknown_field",
              message: "trường không có trong UserPatch / not a field of UserPatch",
            }))
          : [{ path: "$", code: "empty_patch", message: "nothing to change" }],
      );
    }
    const cur = await loadUser(db, id);
    // The user as they are and as they would be must both lie in the caller's reach (core canAssignRole).
    const { user } = await authorizeAccount(
      c,
      { role: patch.role ?? (cur.role as Role), scopeUnitId: patch.scopeUnitId ?? cur.scopeUnitId },
      { role: cur.role as Role, scopeUnitId: cur.scopeUnitId },
    );
    return c.json(userOut(await updateUser(db, user, cur, patch, now())), 200);
  });
  app.openapi(listTokens, async (c) => {
    const u = requireUser(c);
    const rows = await tokensOf(c.get("deps").db, u.role === "admin" ? null : u.id);
    return c.json({ items: rows.map(tokenOut) }, 200);
  });
  app.openapi(createToken, async (c) => {
    const u = requireUser(c);
    const body = c.req.valid("json");
    const { db } = c.get("deps");
    let ownerId = u.id;
    if (body.userId && body.userId !== u.id) {
      await authorizeGlobal(c, "users.manage");
      const owner = await findUser(db, body.userId);
      if (!owner) throw new ApiError("not_found", "Không có người dùng / user not found", [{ path: "$.userId", message: "unknown user" }]);
      await authorizeAccount(c, { role: owner.role as Role, scopeUnitId: owner.scopeUnitId });
      ownerId = body.userId;
    }
    const { row, secret } = await createApiToken(db, u, ownerId, body.name, tokenOut);
    return c.json({ ...tokenOut(row), token: secret }, 201);
  });
  app.openapi(revokeToken, async (c) => {
    const u = requireUser(c);
    const { id } = c.req.valid("param");
    const { db, now } = c.get("deps");
    const cur = await loadActiveToken(db, id);
    if (cur.userId !== u.id) {
      await authorizeGlobal(c, "users.manage");
      const owner = await findUser(db, cur.userId);
      if (owner) await authorizeAccount(c, { role: owner.role as Role, scopeUnitId: owner.scopeUnitId });
    }
    await revokeApiToken(db, u, cur, now(), tokenOut);
    return c.body(null, 204);
  });
  return app;
}
