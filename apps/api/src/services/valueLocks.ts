/**
 * Approval (locking) of submitted values: the level above locks a unit-year once it has checked it,
 * and a locked unit-year refuses every write (values PUT, imports) with a 409 problem in Vietnamese
 * until it is unlocked. Who may lock is core's policy (`values.approve`, the level above).
 */
import { and, eq, inArray } from "drizzle-orm";
import { formatDate } from "@ntm/core";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { indicatorValues, valuesLocks } from "../db/schema.js";
import { type Tx, writeAudit } from "../audit.js";
import { ApiError } from "../http/problem.js";
import { checkVersion } from "../http/common.js";

export type ValuesLock = typeof valuesLocks.$inferSelect;

/**
 * The locks of some units for a year, by unit id.
 * @example
 * (await locksOf(db, ["c-01-01"], 2024)).get("c-01-01")?.lockedBy // "huyen"
 */
export async function locksOf(db: Tx, unitIds: readonly string[], year: number): Promise<Map<string, ValuesLock>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(valuesLocks)
    .where(and(eq(valuesLocks.year, year), inArray(valuesLocks.unitId, [...unitIds])));
  return new Map(rows.map((r) => [r.unitId, r]));
}

/**
 * Why a locked unit-year refuses a write, in Vietnamese first.
 * @example
 * lockedMessage("Xã An Lộc", 2024, lock) // "Số liệu năm 2024 của Xã An Lộc đã được Cán bộ NTM Huyện An Hòa duyệt và khóa ngày 05/03/2025; …"
 */
export function lockedMessage(unitName: string, year: number, lock: ValuesLock): string {
  const who = lock.lockedByName ?? lock.lockedBy;
  const day = formatDate(lock.lockedAt.toISOString().slice(0, 10), "vi");
  return `Số liệu năm ${year} của ${unitName} đã được ${who} duyệt và khóa ngày ${day}; muốn sửa, đề nghị cấp trên mở khóa / the ${year} values of ${unitName} were approved and locked by ${who}; ask the level above to unlock them`;
}

/**
 * Refuses a write to a locked unit-year (409), inside the writer's transaction.
 * @example
 * await db.transaction(async (tx) => { await assertUnlocked(tx, "c-01-01", "Xã An Lộc", 2024); … });
 */
export async function assertUnlocked(tx: Tx, unitId: string, unitName: string, year: number): Promise<void> {
  const lock = (await locksOf(tx, [unitId], year)).get(unitId);
  if (lock) throw new ApiError("conflict", lockedMessage(unitName, year, lock), [{ path: "$.year", message: "locked" }]);
}

/**
 * The version an approval decision is taken on: the unit-year's values version (0 when nothing is
 * entered). It is the lock's ETag: approving or unlocking says which values the officer checked, and
 * values changed since are a 412.
 * @example
 * await valuesVersionOf(db, "c-01-01", 2024) // 3
 */
export async function valuesVersionOf(db: Tx, unitId: string, year: number): Promise<number> {
  const row = (
    await db
      .select({ version: indicatorValues.version })
      .from(indicatorValues)
      .where(and(eq(indicatorValues.unitId, unitId), eq(indicatorValues.year, year)))
      .limit(1)
  )[0];
  return row?.version ?? 0;
}

/**
 * Locks (approves) a unit-year, audited, when its values are still at the version the officer checked
 * (412 otherwise); locking a locked unit-year changes nothing and answers it.
 * @example
 * await lockValues(db, user, "c-01-01", 2024, new Date(), 3);
 */
export async function lockValues(db: Db, user: Principal, unitId: string, year: number, now: Date, expected: number): Promise<ValuesLock> {
  return db.transaction(async (tx) => {
    checkVersion(expected, await valuesVersionOf(tx, unitId, year));
    const cur = (await locksOf(tx, [unitId], year)).get(unitId);
    if (cur) return cur;
    const row = (
      await tx
        .insert(valuesLocks)
        .values({ unitId, year, lockedBy: user.username, lockedByName: user.displayName, lockedAt: now })
        .onConflictDoNothing()
        .returning()
    )[0];
    const lock = row ?? (await locksOf(tx, [unitId], year)).get(unitId)!;
    if (row)
      await writeAudit(tx, user, {
        action: "values.lock",
        entityType: "values_lock",
        entityId: `${unitId}/${year}`,
        unitId,
        before: null,
        after: { lockedBy: row.lockedBy, lockedAt: row.lockedAt.toISOString() },
      });
    return lock;
  });
}

/**
 * Unlocks a unit-year, audited, when its values are at the version the officer saw (412 otherwise);
 * false when it was not locked.
 * @example
 * await unlockValues(db, user, "c-01-01", 2024, 3) // true
 */
export async function unlockValues(db: Db, user: Principal, unitId: string, year: number, expected: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    checkVersion(expected, await valuesVersionOf(tx, unitId, year));
    const gone = await tx
      .delete(valuesLocks)
      .where(and(eq(valuesLocks.unitId, unitId), eq(valuesLocks.year, year)))
      .returning();
    const was = gone[0];
    if (!was) return false;
    await writeAudit(tx, user, {
      action: "values.unlock",
      entityType: "values_lock",
      entityId: `${unitId}/${year}`,
      unitId,
      before: { lockedBy: was.lockedBy, lockedAt: was.lockedAt.toISOString() },
      after: null,
    });
    return true;
  });
}
