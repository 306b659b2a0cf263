/**
 * First run (khởi tạo lần đầu): on a database without an administrator, a one-time setup token lets
 * whoever can read the server's console (or the token file beside the data) create the first
 * administrator. Only the token's SHA-256 is stored, in the database, so several instances agree on
 * which links are valid; a token is spent by use, after SETUP_TOKEN_TTL_MS, or once any admin exists.
 */
import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Principal } from "./auth/policy.js";
import { hashPassword, randomSecret, sha256 } from "./auth/crypto.js";
import { writeAudit } from "./audit.js";
import type { Db } from "./db/index.js";
import { setupTokens, units, users } from "./db/schema.js";
import { ApiError } from "./http/problem.js";
import { invalidateTree } from "./units.js";

/** How long a setup link stays valid: 24 hours. */
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** The advisory lock that serialises setups (727001 migrations, 727002 unit writes). */
const SETUP_LOCK = 727003;

/** What POST /v1/setup (or `npm run setup`) creates: the first administrator and, on an empty tree, the province. */
export interface FirstAdmin {
  username: string;
  password: string;
  displayName: string;
  /** The province the administrator is scoped to; required while the unit tree is empty. */
  province?: { id: string; name: string } | undefined;
}

/**
 * True while no administrator exists (active or not): only then is setup possible.
 * @example
 * if (await needsSetup(db)) console.log("open the setup link");
 */
export async function needsSetup(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  return row === undefined;
}

/**
 * Issues a new setup token (valid SETUP_TOKEN_TTL_MS) and returns its secret; earlier unexpired tokens
 * stay valid, so a second instance starting does not break the link the first one printed.
 * @example
 * const token = await issueSetupToken(db, new Date()); // print `${base}/setup?token=${token}`
 */
export async function issueSetupToken(db: Db, now: Date): Promise<string> {
  const secret = randomSecret(24);
  await db.insert(setupTokens).values({ tokenHash: sha256(secret), expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS) });
  return secret;
}

/**
 * Creates the first administrator with a valid setup token, in one transaction: 409 once an admin
 * exists, 403 for an unknown, used or expired token (`$.token`), 422 when the tree is empty and no
 * province is given (`$.province`) or the province id is taken by another kind of unit. Spends every
 * outstanding token and writes the audit entry; on any error nothing is written.
 * @example
 * const admin = await completeSetup(db, token, { username: "quantri", password: "…", displayName: "Quản trị", province: { id: "p-26", name: "Tỉnh Vĩnh Phúc" } }, new Date());
 */
export async function completeSetup(db: Db, token: string, input: FirstAdmin, now: Date): Promise<typeof users.$inferSelect> {
  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
    if (admin)
      throw new ApiError(
        "conflict",
        "Hệ thống đã có quản trị viên; khởi tạo chỉ dùng được một lần / an administrator already exists; setup can be used only once",
      );
    const [valid] = await tx
      .select()
      .from(setupTokens)
      .where(and(eq(setupTokens.tokenHash, sha256(token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
      .limit(1);
    if (!valid)
      throw new ApiError(
        "forbidden",
        "Mã khởi tạo không đúng, đã dùng hoặc đã hết hạn (24 giờ); khởi động lại máy chủ để nhận mã mới / the setup token is wrong, used or expired (24 h); restart the server for a new one",
        [{ path: "$.token", message: "invalid, used or expired" }],
      );
    if ((await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1)).length)
      throw new ApiError("conflict", `Tên đăng nhập "${input.username}" đã có / username already taken`, [
        { path: "$.username", message: "already taken" },
      ]);
    const id = randomUUID();
    const actor: Principal = {
      id,
      username: input.username,
      displayName: input.displayName,
      role: "admin",
      scopeUnitId: input.province?.id ?? "",
    };
    const scopeUnitId = await provinceFor(tx as unknown as Db, input.province, actor);
    actor.scopeUnitId = scopeUnitId;
    const [row] = await tx
      .insert(users)
      .values({ id, username: input.username, displayName: input.displayName, passwordHash, role: "admin", scopeUnitId })
      .returning();
    await tx.update(setupTokens).set({ usedAt: now }).where(isNull(setupTokens.usedAt));
    await writeAudit(tx, actor, {
      action: "setup.first_admin",
      entityType: "user",
      entityId: id,
      unitId: scopeUnitId,
      after: { username: input.username, displayName: input.displayName, role: "admin", scopeUnitId, active: true },
    });
    return row!;
  });
  invalidateTree(db);
  return created;
}

/**
 * The administrator's scope: the given province (created when absent, checked to be a province when
 * present), else the first province in the tree; an empty tree needs one.
 */
async function provinceFor(tx: Db, province: FirstAdmin["province"], actor: Principal): Promise<string> {
  if (province) {
    const [cur] = await tx.select().from(units).where(eq(units.id, province.id)).limit(1);
    if (cur && cur.level !== "province")
      throw new ApiError(
        "invalid_input",
        `Mã "${province.id}" đã dùng cho một ${cur.level}, không phải tỉnh / "${province.id}" is a ${cur.level}, not a province`,
        [{ path: "$.province.id", message: "not a province" }],
      );
    if (!cur) {
      const [row] = await tx
        .insert(units)
        .values({ id: province.id, parentId: null, name: province.name, level: "province", path: `/${province.id}/` })
        .returning();
      await writeAudit(tx, actor, {
        action: "unit.create",
        entityType: "unit",
        entityId: province.id,
        unitId: province.id,
        before: null,
        after: row,
      });
    }
    return province.id;
  }
  const [first] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.level, "province"), isNull(units.parentId)))
    .limit(1);
  if (!first)
    throw new ApiError(
      "invalid_input",
      "Hệ thống chưa có đơn vị nào: cần mã và tên tỉnh / the unit tree is empty: give the province's id and name",
      [{ path: "$.province", message: "required while the unit tree is empty" }],
    );
  return first.id;
}
