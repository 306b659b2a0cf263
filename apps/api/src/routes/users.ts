import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { AppEnv } from "../context.js";
import { apiTokens, sessions, users } from "../db/schema.js";
import { writeAudit } from "../audit.js";
import { revokeTokensOf } from "../auth/session.js";
import { hashPassword, randomSecret, sha256 } from "../auth/crypto.js";
import { authorizeAccount, authorizeGlobal, requireUser } from "../http/guard.js";
import { type Role, isWithin } from "../auth/policy.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { IdParam, RoleSchema, UserSchema } from "../http/schemas.js";

type UserRow = typeof users.$inferSelect;
/**
 * A user row without secrets.
 * @example
 * userOut(row) // { id, username, displayName, role, scopeUnitId, active }
 */
export function userOut(u: UserRow): z.infer<typeof UserSchema> {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role as z.infer<typeof RoleSchema>, scopeUnitId: u.scopeUnitId, active: u.active };
}

const NewUserSchema = z
  .object({
    username: z.string().regex(/^[a-z0-9._-]{2,50}$/, "2–50 ký tự a-z 0-9 . _ - / 2–50 characters a-z 0-9 . _ -"),
    displayName: z.string().min(1).max(200),
    password: z.string().min(8, "mật khẩu ít nhất 8 ký tự / at least 8 characters").max(200),
    role: RoleSchema,
    scopeUnitId: z.string().min(1),
  })
  .openapi("NewUser");
const UserPatchSchema = z
  .object({ displayName: z.string().min(1).max(200), password: z.string().min(8).max(200), role: RoleSchema, scopeUnitId: z.string().min(1), active: z.boolean() })
  .partial()
  .openapi("UserPatch");

const TokenSchema = z
  .object({ id: z.string(), userId: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .openapi("ApiToken");

const listUsers = createRoute({ method: "get", path: "/users", tags: ["users"], summary: "Người dùng / Users (admin)", responses: { 200: { description: "Users", content: { "application/json": { schema: z.object({ items: z.array(UserSchema) }) } } }, ...problemResponses(401, 403) } });
const createUser = createRoute({
  method: "post",
  path: "/users",
  tags: ["users"],
  summary: "Tạo người dùng / Create a user (admin)",
  request: { body: { required: true, content: { "application/json": { schema: NewUserSchema } } } },
  responses: { 201: { description: "Created", content: { "application/json": { schema: UserSchema } } }, ...problemResponses(400, 401, 403, 404, 409, 422) },
});
const patchUser = createRoute({
  method: "patch",
  path: "/users/{id}",
  tags: ["users"],
  summary: "Sửa người dùng / Change a user's role, scope, password or active flag (admin); deactivating ends their sessions, a password reset also revokes their API tokens",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: UserPatchSchema } } } },
  responses: { 200: { description: "Updated", content: { "application/json": { schema: UserSchema } } }, ...problemResponses(400, 401, 403, 404, 422) },
});
const listTokens = createRoute({ method: "get", path: "/tokens", tags: ["tokens"], summary: "Mã truy cập API / API tokens (own; all for admin)", responses: { 200: { description: "Tokens", content: { "application/json": { schema: z.object({ items: z.array(TokenSchema) }) } } }, ...problemResponses(401) } });
const createToken = createRoute({
  method: "post",
  path: "/tokens",
  tags: ["tokens"],
  summary: "Tạo mã truy cập API / Create an API token (the secret is shown once)",
  request: { body: { required: true, content: { "application/json": { schema: z.object({ name: z.string().min(1).max(100), userId: z.string().optional().openapi({ description: "admin only: create for another user" }) }).openapi("NewApiToken") } } } },
  responses: { 201: { description: "Created", content: { "application/json": { schema: TokenSchema.extend({ token: z.string() }).openapi("ApiTokenSecret") } } }, ...problemResponses(400, 401, 403, 404, 422) },
});
const revokeToken = createRoute({
  method: "delete",
  path: "/tokens/{id}",
  tags: ["tokens"],
  summary: "Thu hồi mã truy cập / Revoke an API token",
  request: { params: IdParam },
  responses: { 204: { description: "Revoked" }, ...problemResponses(401, 403, 404) },
});

function tokenOut(t: typeof apiTokens.$inferSelect): z.infer<typeof TokenSchema> {
  return { id: t.id, userId: t.userId, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null };
}

/**
 * Users (admin) and API tokens.
 * @example
 * v1.route("/", userRoutes());
 */
export function userRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listUsers, async (c) => {
    const { user, tree } = await authorizeGlobal(c, "users.manage");
    const rows = await c.get("deps").db.select().from(users).orderBy(asc(users.username));
    // An admin sees every account; a province officer those scoped inside their province.
    const visible = user.role === "admin" ? rows : rows.filter((r) => isWithin(tree, r.scopeUnitId, user.scopeUnitId));
    return c.json({ items: visible.map(userOut) }, 200);
  });
  app.openapi(createUser, async (c) => {
    const body = c.req.valid("json");
    const { user } = await authorizeAccount(c, { role: body.role, scopeUnitId: body.scopeUnitId });
    const { db } = c.get("deps");
    if ((await db.select({ id: users.id }).from(users).where(eq(users.username, body.username)).limit(1)).length)
      throw new ApiError("conflict", `Tên đăng nhập "${body.username}" đã có / username already taken`, [{ path: "$.username", message: "already taken" }]);
    const row = { id: randomUUID(), username: body.username, displayName: body.displayName, passwordHash: await hashPassword(body.password), role: body.role, scopeUnitId: body.scopeUnitId };
    const created = await db.transaction(async (tx) => {
      const [r] = await tx.insert(users).values(row).returning();
      await writeAudit(tx, user, { action: "user.create", entityType: "user", entityId: row.id, unitId: row.scopeUnitId, after: userOut(r!) });
      return r!;
    });
    return c.json(userOut(created), 201);
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
        unknown.length ? unknown.map((k) => ({ path: `$[${JSON.stringify(k)}]`, code: "unknown_field", message: "trường không có trong UserPatch / not a field of UserPatch" })) : [{ path: "$", code: "empty_patch", message: "nothing to change" }],
      );
    }
    const cur = (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];
    if (!cur) throw new ApiError("not_found", `Không có người dùng ${id} / user not found`);
    const { user } = await authorizeAccount(c, { role: patch.role ?? (cur.role as Role), scopeUnitId: patch.scopeUnitId ?? cur.scopeUnitId }, { role: cur.role as Role, scopeUnitId: cur.scopeUnitId });
    const { password, ...rest } = patch;
    const set: Partial<UserRow> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (password) set.passwordHash = await hashPassword(password);
    const updated = await db.transaction(async (tx) => {
      const [r] = await tx.update(users).set(set).where(eq(users.id, id)).returning();
      if (patch.active === false || password) await tx.delete(sessions).where(eq(sessions.userId, id));
      // A password reset also revokes the user's API tokens: whoever knew the old password may hold one.
      const tokensRevoked = password ? await revokeTokensOf(tx, id, now()) : 0;
      await writeAudit(tx, user, { action: "user.update", entityType: "user", entityId: id, unitId: r!.scopeUnitId, before: userOut(cur), after: { ...userOut(r!), passwordChanged: Boolean(password), ...(password ? { tokensRevoked } : {}) } });
      return r!;
    });
    return c.json(userOut(updated), 200);
  });
  app.openapi(listTokens, async (c) => {
    const u = requireUser(c);
    const { db } = c.get("deps");
    const rows = u.role === "admin" ? await db.select().from(apiTokens).orderBy(asc(apiTokens.createdAt)) : await db.select().from(apiTokens).where(eq(apiTokens.userId, u.id)).orderBy(asc(apiTokens.createdAt));
    return c.json({ items: rows.map(tokenOut) }, 200);
  });
  app.openapi(createToken, async (c) => {
    const u = requireUser(c);
    const body = c.req.valid("json");
    const { db } = c.get("deps");
    let ownerId = u.id;
    if (body.userId && body.userId !== u.id) {
      await authorizeGlobal(c, "users.manage");
      const owner = (await db.select().from(users).where(eq(users.id, body.userId)).limit(1))[0];
      if (!owner) throw new ApiError("not_found", "Không có người dùng / user not found", [{ path: "$.userId", message: "unknown user" }]);
      await authorizeAccount(c, { role: owner.role as Role, scopeUnitId: owner.scopeUnitId });
      ownerId = body.userId;
    }
    const secret = `ntm_${randomSecret()}`;
    const row = { id: randomUUID(), userId: ownerId, name: body.name, tokenHash: sha256(secret), prefix: secret.slice(0, 8) };
    const created = await db.transaction(async (tx) => {
      const [r] = await tx.insert(apiTokens).values(row).returning();
      await writeAudit(tx, u, { action: "token.create", entityType: "api_token", entityId: row.id, after: tokenOut(r!) });
      return r!;
    });
    return c.json({ ...tokenOut(created), token: secret }, 201);
  });
  app.openapi(revokeToken, async (c) => {
    const u = requireUser(c);
    const { id } = c.req.valid("param");
    const { db, now } = c.get("deps");
    const cur = (await db.select().from(apiTokens).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).limit(1))[0];
    if (!cur) throw new ApiError("not_found", "Không có mã truy cập / token not found");
    if (cur.userId !== u.id) {
      await authorizeGlobal(c, "users.manage");
      const owner = (await db.select().from(users).where(eq(users.id, cur.userId)).limit(1))[0];
      if (owner) await authorizeAccount(c, { role: owner.role as Role, scopeUnitId: owner.scopeUnitId });
    }
    await db.transaction(async (tx) => {
      const [r] = await tx.update(apiTokens).set({ revokedAt: now() }).where(eq(apiTokens.id, id)).returning();
      await writeAudit(tx, u, { action: "token.revoke", entityType: "api_token", entityId: id, before: tokenOut(cur), after: tokenOut(r!) });
    });
    return c.body(null, 204);
  });
  return app;
}
