/**
 * The office's narrative parts of a progress report, stored per unit and report period (versioned,
 * audited): read back with core's schema, for the narrative routes and the report.
 */
import { type ReportNarrative, ReportNarrativeSchema } from "@ntm/core";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { reportNarratives } from "../db/schema.js";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import { ApiError } from "../http/problem.js";

export type NarrativeRow = typeof reportNarratives.$inferSelect;

/**
 * The stored row of a unit's narrative for a period, when any.
 * @example
 * const row = await narrativeRow(db, "d-01", "2025S1");
 */
export async function narrativeRow(db: Db, unitId: string, period: string): Promise<NarrativeRow | undefined> {
  const t = reportNarratives;
  return (
    await db
      .select()
      .from(t)
      .where(and(eq(t.unitId, unitId), eq(t.period, period)))
      .limit(1)
  )[0];
}

/**
 * Core's narrative of a stored row (parsed with core's schema, never cast).
 * @example
 * narrativeOf(row).shortcomings // ["Giải ngân chậm"]
 */
export function narrativeOf(row: Pick<NarrativeRow, "id" | "data">): ReportNarrative {
  const r = ReportNarrativeSchema.safeParse(row.data);
  if (!r.success) throw new Error(`stored report narrative ${row.id} does not parse: ${r.error.message}`);
  return r.data;
}

/**
 * The stored narrative of a unit and period, or an empty one (the report then shows its placeholders).
 * @example
 * const { shortcomings, causes, directions, recommendations } = await loadNarrative(db, "d-01", "2025S1");
 */
export async function loadNarrative(db: Db, unitId: string, period: string): Promise<ReportNarrative> {
  const row = await narrativeRow(db, unitId, period);
  return row ? narrativeOf(row) : { shortcomings: [], causes: [], directions: [], recommendations: [] };
}

/**
 * Creates or updates a unit's narrative for a period inside one transaction: an update of the version
 * read (`cur`), or a create that does nothing on a concurrent twin; either race is a 412. Audited.
 */
export async function saveNarrative(
  db: Db,
  user: Principal,
  unitId: string,
  period: string,
  data: ReportNarrative,
  cur: NarrativeRow | undefined,
  at: Date,
): Promise<NarrativeRow> {
  const t = reportNarratives;
  return db.transaction(async (tx) => {
    const out = cur
      ? (
          await tx
            .update(t)
            .set({ data, version: cur.version + 1, updatedAt: at, updatedBy: user.username })
            .where(and(eq(t.id, cur.id), eq(t.version, cur.version)))
            .returning()
        )[0]
      : (
          await tx
            .insert(t)
            .values({ id: `narrative-${unitId}-${period}`, unitId, period, data, updatedBy: user.username })
            .onConflictDoNothing()
            .returning()
        )[0];
    if (!out) throw new ApiError("precondition_failed", "Dữ liệu vừa bị thay đổi / changed concurrently");
    await writeAudit(tx, user, {
      action: cur ? "report_narrative.update" : "report_narrative.create",
      entityType: "report_narrative",
      entityId: out.id,
      unitId,
      before: cur ? { data: cur.data, version: cur.version } : null,
      after: { data, version: out.version },
    });
    return out;
  });
}
