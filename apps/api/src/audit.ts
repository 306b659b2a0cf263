import type { Principal } from "./auth/policy.js";
import type { Db } from "./db/index.js";
import { auditLog } from "./db/schema.js";

/** A transaction or the database: audit entries are written in the same transaction as the change. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

/** What changed, for the append-only audit log. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends an audit entry (who, when, what, before, after) inside the caller's transaction.
 * @example
 * await db.transaction(async (tx) => { ...; await writeAudit(tx, user, { action: "values.update", entityType: "indicator_values", entityId: "c1/2024", before, after }); });
 */
export async function writeAudit(tx: Tx, actor: Principal | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorName: actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    unitId: entry.unitId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
