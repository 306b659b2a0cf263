import type { AdminUnit } from "@ntm/core";
import { createHash } from "node:crypto";
import { asc } from "drizzle-orm";
import { z } from "zod";
import type { UnitTreeView } from "./auth/policy.js";
import type { Db } from "./db/index.js";
import { units } from "./db/schema.js";
import { Memo, changeFeedOf } from "./db/changes.js";
import { parseStored } from "./services/stored.js";

export type UnitRow = typeof units.$inferSelect;

const UnitIdListSchema = z.array(z.string());

/**
 * A unit row with its jsonb columns (`flags`, `merged_from`) parsed as lists of strings.
 * @example
 * unitRowOf(row).mergedFrom // ["x-01", "x-02"]
 */
export function unitRowOf(row: UnitRow): UnitRow {
  parseStored(UnitIdListSchema, row.flags, { table: "units", id: row.id, column: "flags" });
  parseStored(UnitIdListSchema, row.mergedFrom, { table: "units", id: row.id, column: "merged_from" });
  return row;
}

/**
 * Converts a unit row to core's AdminUnit.
 * @example
 * toAdminUnit(row) // { id: "c01", name: "Xã An Phú", level: "commune", parentId: "d1", region: "DHNTB" }
 */
export function toAdminUnit(row: UnitRow): AdminUnit {
  const u: AdminUnit = { id: row.id, name: row.name, level: row.level as AdminUnit["level"] };
  if (row.parentId) u.parentId = row.parentId;
  if (row.region) u.region = row.region as NonNullable<AdminUnit["region"]>;
  if (row.communeGroup === 1 || row.communeGroup === 2 || row.communeGroup === 3) u.communeGroup = row.communeGroup;
  if (row.flags.length) u.flags = row.flags;
  return u;
}

/** The administrative tree loaded from the database (a few thousand rows at most per province). */
export class UnitTree implements UnitTreeView {
  readonly byId: ReadonlyMap<string, UnitRow>;
  readonly childrenOf: ReadonlyMap<string, UnitRow[]>;
  readonly roots: UnitRow[];
  /**
   * A hash of the rows' content: equal for trees loaded at different times (or by different instances)
   * from the same units, so caches keyed by it survive a reload that changed nothing.
   */
  readonly stamp: string;

  constructor(rows: readonly UnitRow[]) {
    this.stamp = createHash("sha256").update(JSON.stringify(rows)).digest("base64url").slice(0, 22);
    const byId = new Map<string, UnitRow>();
    const children = new Map<string, UnitRow[]>();
    const roots: UnitRow[] = [];
    for (const r of rows) byId.set(r.id, r);
    for (const r of rows) {
      if (r.parentId && byId.has(r.parentId)) {
        const list = children.get(r.parentId) ?? [];
        list.push(r);
        children.set(r.parentId, list);
      } else roots.push(r);
    }
    this.byId = byId;
    this.childrenOf = children;
    this.roots = roots;
  }

  parentOf(unitId: string): string | undefined {
    return this.byId.get(unitId)?.parentId ?? undefined;
  }

  has(unitId: string): boolean {
    return this.byId.has(unitId);
  }

  private readonly subtrees = new Map<string, readonly UnitRow[]>();

  /** The unit and everything below it, depth first (computed once per tree and unit; do not mutate). */
  subtree(unitId: string): readonly UnitRow[] {
    let hit = this.subtrees.get(unitId);
    if (!hit) this.subtrees.set(unitId, (hit = this.walkSubtree(unitId)));
    return hit;
  }

  private walkSubtree(unitId: string): UnitRow[] {
    const out: UnitRow[] = [];
    const walk = (id: string) => {
      const row = this.byId.get(id);
      if (!row) return;
      out.push(row);
      for (const c of this.childrenOf.get(id) ?? []) walk(c.id);
    };
    walk(unitId);
    return out;
  }

  /** Direct children of a unit. */
  children(unitId: string): UnitRow[] {
    return this.childrenOf.get(unitId) ?? [];
  }
}

/**
 * Without a live change feed each process keeps the tree for a few seconds (per database) instead of
 * reading thousands of rows on every request: a unit written elsewhere shows up within TREE_TTL_MS.
 * With a live feed (the default, src/db/changes.ts) the tree is kept until a write to `units` is
 * notified, so every instance sees a change at once.
 */
export const TREE_TTL_MS = 10_000;
const treeCache = new WeakMap<Db, { at: number; tree: UnitTree }>();
const treeMemo = new WeakMap<Db, Memo<UnitTree>>();

/**
 * Loads the unit tree (one query; kept while the change feed reports no write to `units`, or for
 * TREE_TTL_MS without a live feed).
 * @example
 * const tree = await loadTree(db); tree.subtree("p1").length
 */
export async function loadTree(db: Db): Promise<UnitTree> {
  const feed = changeFeedOf(db);
  if (feed.live) {
    let memo = treeMemo.get(db);
    if (!memo) treeMemo.set(db, (memo = new Memo<UnitTree>(1)));
    return memo.get(feed, "tree", ["units"], () => readTree(db, treeCache.get(db)?.tree));
  }
  const hit = treeCache.get(db);
  const now = Date.now();
  if (hit && now - hit.at < TREE_TTL_MS) return hit.tree;
  const tree = await readTree(db, hit?.tree);
  treeCache.set(db, { at: now, tree });
  return tree;
}

async function readTree(db: Db, previous: UnitTree | undefined): Promise<UnitTree> {
  const rows = (await db.select().from(units).orderBy(asc(units.sort), asc(units.id))).map(unitRowOf);
  const fresh = new UnitTree(rows);
  // Keep the same object when nothing changed (identity-keyed caches stay warm too).
  const tree = previous && previous.stamp === fresh.stamp ? previous : fresh;
  treeCache.set(db, { at: Date.now(), tree });
  return tree;
}

/**
 * Forgets the cached tree of a database (after units are written).
 * @example
 * await tx.insert(units).values(rows); invalidateTree(db);
 */
export function invalidateTree(db: Db): void {
  treeCache.delete(db);
  treeMemo.delete(db);
}
