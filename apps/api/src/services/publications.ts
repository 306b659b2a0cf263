/**
 * Publication of results (công bố kết quả): which years of which subtrees the public may read, and
 * the audited writes that publish or withdraw them.
 */
import { and, asc, eq } from "drizzle-orm";
import { type Tx, writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { publications } from "../db/schema.js";
import { ApiError } from "../http/problem.js";
import { type UnitTree, loadTree } from "../units.js";

type PublicationRow = typeof publications.$inferSelect;

/**
 * True when results of `year` are published for the unit (on the unit or an ancestor).
 * @example
 * await isPublished(db, tree, "c01", 2024) // true after the province published 2024
 */
export async function isPublished(db: Db, tree: UnitTree, unitId: string, year: number): Promise<boolean> {
  const rows = await db.select().from(publications).where(eq(publications.year, year));
  const published = new Set(rows.map((r) => r.unitId));
  for (let u: string | undefined = unitId; u; u = tree.parentOf(u)) if (published.has(u)) return true;
  return false;
}

/**
 * The tree, when the unit's results of `year` are published (404 otherwise, as if the unit did not exist).
 * @example
 * const tree = await publishedTree(db, "c-01-01", 2024);
 */
export async function publishedTree(db: Db, id: string, year: number): Promise<UnitTree> {
  const tree = await loadTree(db);
  if (!tree.has(id) || !(await isPublished(db, tree, id, year)))
    throw new ApiError("not_found", `Chưa công bố kết quả năm ${year} cho đơn vị này / no published results for ${id} in ${year}`);
  return tree;
}

/**
 * The publications of units that exist, oldest year first.
 * @example
 * (await listPublished(db, tree))[0].year // 2024
 */
export async function listPublished(db: Db, tree: UnitTree): Promise<PublicationRow[]> {
  const rows = await db.select().from(publications).orderBy(asc(publications.year));
  return rows.filter((r) => tree.has(r.unitId));
}

/**
 * Publishes a year's results for a subtree (409 when already published). Audited.
 * @example
 * await publishResults(db, user, { unitId: "p-demo", year: 2024 });
 */
export async function publishResults(db: Db, user: Principal, body: { unitId: string; year: number }): Promise<PublicationRow> {
  const existing = await db
    .select()
    .from(publications)
    .where(and(eq(publications.unitId, body.unitId), eq(publications.year, body.year)))
    .limit(1);
  if (existing.length) throw new ApiError("conflict", "Đã công bố / already published");
  return db.transaction(async (tx: Tx) => {
    const [r] = await tx.insert(publications).values({ unitId: body.unitId, year: body.year, publishedBy: user.id }).returning();
    await writeAudit(tx, user, {
      action: "results.publish",
      entityType: "publication",
      entityId: `${body.unitId}/${body.year}`,
      unitId: body.unitId,
      after: body,
    });
    return r!;
  });
}

/**
 * Withdraws a year's published results for a unit (404 when not published). Audited.
 * @example
 * await withdrawResults(db, user, "p-demo", 2024);
 */
export async function withdrawResults(db: Db, user: Principal, id: string, year: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(publications)
      .where(and(eq(publications.unitId, id), eq(publications.year, year)))
      .returning();
    if (!gone)
      throw new ApiError("not_found", `Kết quả năm ${year} của ${id} chưa công bố / results for ${id} in ${year} are not published`);
    await writeAudit(tx, user, {
      action: "results.withdraw",
      entityType: "publication",
      entityId: `${id}/${year}`,
      unitId: id,
      before: { unitId: id, year, publishedAt: gone.publishedAt.toISOString(), publishedBy: gone.publishedBy },
      after: null,
    });
  });
}
