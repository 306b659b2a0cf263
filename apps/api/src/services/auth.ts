/**
 * Sign-in, the own password change and sign-out as stored: throttling per (account, client address)
 * and per address, the constant-time answer for unknown users, sessions, and revoking the sessions and
 * API tokens a new password ends.
 */
import { eq, lt } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import { hashPassword, randomSecret, sha256, verifyPassword } from "../auth/crypto.js";
import type { Principal } from "../auth/policy.js";
import {
  SESSION_TTL_MS,
  clearRateLimit,
  giveBackRateLimit,
  hitRateLimit,
  readRateLimit,
  recordFailure,
  revokeTokensOf,
} from "../auth/session.js";
import type { Db } from "../db/index.js";
import { sessions, users } from "../db/schema.js";
import { ApiError } from "../http/problem.js";

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

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

type UserRow = typeof users.$inferSelect;

/**
 * Signs a user in from a client address: throttled (with the seconds to wait), or a new session
 * (its secret for the cookie and its CSRF token). Wrong and unknown credentials answer the same 401.
 * @example
 * const r = await signIn(db, "huyen", "huyen123", "203.0.113.7", new Date()); r.kind // "ok"
 */
export async function signIn(
  db: Db,
  username: string,
  password: string,
  ip: string,
  t: Date,
): Promise<{ kind: "throttled"; seconds: number } | { kind: "ok"; user: UserRow; secret: string; csrfToken: string }> {
  const pairKey = `login:${username.toLowerCase()}|${ip}`;
  const ipKey = `login-ip:${ip}`;
  // The address's counter takes every attempt at once (so parallel guesses count); a success gives it back.
  const byIp = await hitRateLimit(db, ipKey, LOGIN_WINDOW_MS, t);
  const pair = await readRateLimit(db, pairKey, LOGIN_WINDOW_MS, t);
  const waitMs = pair ? pair.since.getTime() + loginDelayMs(pair.count) - t.getTime() : 0;
  if (byIp > LOGIN_IP_LIMIT || waitMs > 0)
    return { kind: "throttled", seconds: Math.max(1, Math.ceil((byIp > LOGIN_IP_LIMIT ? LOGIN_WINDOW_MS : waitMs) / 1000)) };
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
  return { kind: "ok", user, secret, csrfToken };
}

/**
 * Changes the signed-in user's own password: checks the current one (422 naming the field), ends the
 * user's other sessions (the one in use is kept) and revokes their API tokens, audited.
 * @example
 * await changeOwnPassword(db, user, "old-pass", "new-pass-123", sessionId, new Date());
 */
export async function changeOwnPassword(
  db: Db,
  u: Principal,
  currentPassword: string,
  newPassword: string,
  keep: string | null | undefined,
  now: Date,
): Promise<void> {
  const row = (await db.select().from(users).where(eq(users.id, u.id)).limit(1))[0];
  if (!row || !(await verifyPassword(currentPassword, row.passwordHash)))
    throw new ApiError("invalid_input", "Mật khẩu hiện tại không đúng / the current password is wrong", [
      { path: "$.currentPassword", message: "wrong password" },
    ]);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, u.id));
    for (const sRow of await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, u.id)))
      if (sRow.id !== keep) await tx.delete(sessions).where(eq(sessions.id, sRow.id));
    // API tokens made with the old password end too (a new one takes a minute to make).
    const tokensRevoked = await revokeTokensOf(tx, u.id, now);
    await writeAudit(tx, u, {
      action: "user.password",
      entityType: "user",
      entityId: u.id,
      unitId: u.scopeUnitId,
      after: { passwordChanged: true, tokensRevoked },
    });
  });
}

/**
 * Ends a session (sign-out).
 * @example
 * await endSession(db, sessionId);
 */
export async function endSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}
