/**
 * The account service: loading, creating and changing users and API tokens inside one transaction
 * each, with the audit entry and the end of a person's access (sessions deleted, API tokens revoked)
 * when they are deactivated or their password changes. The user routes parse, authorise
 * (auth/guard's authorizeAccount, core canAssignRole) and call these.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { type Tx, writeAudit } from "../audit.js";
import { hashPassword, randomSecret, sha256 } from "../auth/crypto.js";
import { type Principal, type Role, isWithin } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { apiTokens, sessions, users } from "../db/schema.js";
import { ApiError } from "../http/problem.js";
import { userOut } from "../http/shapes.js";
import type { UnitTree } from "../units.js";

export type UserRow = typeof users.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;

/** A user by id, or a 404 naming it. */
export async function loadUser(db: Db, id: string): Promise<UserRow> {
  const cur = (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];
  if (!cur) throw new ApiError("not_found", `Không có người dùng ${id} / user not found`);
  return cur;
}

/** A user by id, or undefined. */
export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];
}

/** The users whose scope lies in `scope`'s subtree, by username, optionally filtered by role and active flag. */
export async function listUsersWithin(
  db: Db,
  tree: UnitTree,
  scope: string,
  filter: { role?: Role | undefined; active?: "true" | "false" | undefined },
): Promise<UserRow[]> {
  const rows = await db.select().from(users).orderBy(asc(users.username));
  return rows.filter(
    (u) =>
      tree.has(u.scopeUnitId) &&
      isWithin(tree, u.scopeUnitId, scope) &&
      (!filter.role || u.role === filter.role) &&
      (!filter.active || String(u.active) === filter.active),
  );
}

/** Ends every session of a user and revokes their API tokens, in the caller's transaction. */
async function endAccess(tx: Tx, userId: string, at: Date): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return { sessionsEnded: ended.length, tokensRevoked: revoked.length };
}

/** Sets a new password (or a generated temporary one, returned once), ends the user's access, audits. */
export async function resetUserPassword(
  db: Db,
  user: Principal,
  cur: UserRow,
  password: string | undefined,
  at: Date,
): Promise<{ user: ReturnType<typeof userOut>; sessionsEnded: number; tokensRevoked: number; temporaryPassword: string | null }> {
  const temporary = password === undefined ? randomSecret(9) : null;
  const passwordHash = await hashPassword(password ?? temporary!);
  const out = await db.transaction(async (tx) => {
    const [r] = await tx.update(users).set({ passwordHash }).where(eq(users.id, cur.id)).returning();
    const ended = await endAccess(tx, cur.id, at);
    await writeAudit(tx, user, {
      action: "user.reset_password",
      entityType: "user",
      entityId: cur.id,
      unitId: cur.scopeUnitId,
      before: userOut(cur),
      after: { ...userOut(r!), passwordChanged: true, ...ended },
    });
    return { user: userOut(r!), ...ended };
  });
  return { ...out, temporaryPassword: temporary };
}

/** Deactivates a user (never oneself: 422), ends their access, audits. */
export async function deactivateUser(db: Db, user: Principal, cur: UserRow, at: Date): Promise<UserRow> {
  if (cur.id === user.id)
    throw new ApiError("invalid_input", "Không tự khoá tài khoản của mình / you cannot deactivate yourself", [
      { path: "id", message: "your own account" },
    ]);
  return db.transaction(async (tx) => {
    const [r] = await tx.update(users).set({ active: false }).where(eq(users.id, cur.id)).returning();
    const ended = await endAccess(tx, cur.id, at);
    await writeAudit(tx, user, {
      action: "user.deactivate",
      entityType: "user",
      entityId: cur.id,
      unitId: cur.scopeUnitId,
      before: userOut(cur),
      after: { ...userOut(r!), ...ended },
    });
    return r!;
  });
}

/** Creates a user (409 when the username is taken), audited. */
export async function createUser(
  db: Db,
  user: Principal,
  body: { username: string; displayName: string; password: string; role: Role; scopeUnitId: string },
): Promise<UserRow> {
  if ((await db.select({ id: users.id }).from(users).where(eq(users.username, body.username)).limit(1)).length)
    throw new ApiError("conflict", `Tên đăng nhập "${body.username}" đã có / username already taken`, [
      { path: "$.username", message: "already taken" },
    ]);
  const row = {
    id: randomUUID(),
    username: body.username,
    displayName: body.displayName,
    passwordHash: await hashPassword(body.password),
    role: body.role,
    scopeUnitId: body.scopeUnitId,
  };
  return db.transaction(async (tx) => {
    const [r] = await tx.insert(users).values(row).returning();
    await writeAudit(tx, user, {
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      unitId: row.scopeUnitId,
      after: userOut(r!),
    });
    return r!;
  });
}

/** The fields of a user patch. */
export interface UserPatch {
  displayName?: string | undefined;
  password?: string | undefined;
  role?: Role | undefined;
  scopeUnitId?: string | undefined;
  active?: boolean | undefined;
}

/**
 * Applies a patch to a user, audited. Deactivating ends the sessions and tokens; a password change
 * too (whoever knew the old password may hold one).
 */
export async function updateUser(db: Db, user: Principal, cur: UserRow, patch: UserPatch, at: Date): Promise<UserRow> {
  const { password, ...rest } = patch;
  const set: Partial<UserRow> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (password) set.passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [r] = await tx.update(users).set(set).where(eq(users.id, cur.id)).returning();
    const ended = patch.active === false || password ? await endAccess(tx, cur.id, at) : undefined;
    await writeAudit(tx, user, {
      action: "user.update",
      entityType: "user",
      entityId: cur.id,
      unitId: r!.scopeUnitId,
      before: userOut(cur),
      after: { ...userOut(r!), passwordChanged: Boolean(password), ...(ended ?? {}) },
    });
    return r!;
  });
}

/** API tokens by creation time: all of them, or one user's. */
export async function listTokens(db: Db, ownerId: string | null): Promise<TokenRow[]> {
  return ownerId === null
    ? db.select().from(apiTokens).orderBy(asc(apiTokens.createdAt))
    : db.select().from(apiTokens).where(eq(apiTokens.userId, ownerId)).orderBy(asc(apiTokens.createdAt));
}

/** An unrevoked API token by id, or a 404. */
export async function loadActiveToken(db: Db, id: string): Promise<TokenRow> {
  const cur = (
    await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .limit(1)
  )[0];
  if (!cur) throw new ApiError("not_found", "Không có mã truy cập / token not found");
  return cur;
}

/** Creates an API token for `ownerId`; the secret is returned once, only its hash is stored. Audited with `audit(row)`. */
export async function createApiToken(
  db: Db,
  user: Principal,
  ownerId: string,
  name: string,
  audit: (t: TokenRow) => unknown,
): Promise<{ row: TokenRow; secret: string }> {
  const secret = `ntm_${randomSecret()}`;
  const row = { id: randomUUID(), userId: ownerId, name, tokenHash: sha256(secret), prefix: secret.slice(0, 8) };
  const created = await db.transaction(async (tx) => {
    const [r] = await tx.insert(apiTokens).values(row).returning();
    await writeAudit(tx, user, { action: "token.create", entityType: "api_token", entityId: row.id, after: audit(r!) });
    return r!;
  });
  return { row: created, secret };
}

/** Revokes an API token, audited with `audit(row)` before and after. */
export async function revokeApiToken(db: Db, user: Principal, cur: TokenRow, at: Date, audit: (t: TokenRow) => unknown): Promise<void> {
  await db.transaction(async (tx) => {
    const [r] = await tx.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, cur.id)).returning();
    await writeAudit(tx, user, {
      action: "token.revoke",
      entityType: "api_token",
      entityId: cur.id,
      before: audit(cur),
      after: audit(r!),
    });
  });
}
