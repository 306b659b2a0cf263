/** Reading the audit log: newest first, filtered by entity, a cursor and the units in scope. */
import { type SQL, and, desc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { auditLog } from "../db/schema.js";

/**
 * Audit entries, newest first: by entity type and id, before an entry id (the cursor), and only for
 * `units` when given (a user's scope), at most `limit`.
 * @example
 * const rows = await listAudit(db, { entityType: "indicator_values", units: ["c-01-01"], limit: 50 });
 */
export async function listAudit(
  db: Db,
  q: {
    entityType?: string | undefined;
    entityId?: string | undefined;
    before?: number | undefined;
    units?: string[] | undefined;
    limit: number;
  },
): Promise<(typeof auditLog.$inferSelect)[]> {
  const where: SQL[] = [];
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.before) where.push(lt(auditLog.id, q.before));
  if (q.units) where.push(inArray(auditLog.unitId, q.units));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
}
