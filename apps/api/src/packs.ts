import { type CompiledPack, type CriteriaPack, type PackRegistry, compilePack, createPackRegistry, shippedPacks } from "@ntm/core";
import { asc } from "drizzle-orm";
import type { Db } from "./db/index.js";
import { packs } from "./db/schema.js";
import { freshReads, perDatabase } from "./cache.js";
import { Memo, changeFeedOf } from "./db/changes.js";

/** Ids of the shipped packs (read-only, from @ntm/core). */
export const SHIPPED_PACK_IDS: ReadonlySet<string> = new Set(shippedPacks.map((p) => p.id));

/** The default commune pack of the demo and the tier ladder evaluated in roll-ups. */
export const DEMO_PACK_ID = "example.province-demo.2021-2025";
/** The national district pack, used for district evaluations by default. */
export const DISTRICT_PACK_ID = "vn.district-ntm.2021-2025";

export interface LoadedPacks {
  registry: PackRegistry;
  /** Uploaded pack ids, in upload order. */
  uploaded: string[];
  /** Identifies this set of packs (changes when a pack is uploaded). */
  key: string;
  compiled(id: string): CompiledPack | undefined;
}

const compiledCache = new WeakMap<CriteriaPack, CompiledPack>();
const packListMemo = perDatabase(() => new Memo<{ id: string; version: string; uploadedAt: Date }[]>(1));
const shippedRegistry = createPackRegistry();
const registryCache = new Map<string, { registry: PackRegistry; uploaded: string[] }>();

/**
 * Loads the registry: shipped packs plus the uploaded provincial packs from the database (in upload
 * order, so a pack may extend an earlier upload). A stored pack that no longer resolves is skipped.
 * @example
 * const { registry } = await loadPacks(db); registry.get("example.province-demo.2021-2025")
 */
export async function loadPacks(db: Db): Promise<LoadedPacks> {
  // Kept while the change feed reports no write to `packs`, read on every request otherwise (an
  // upload through any instance is seen at once); concurrent requests share fresh reads.
  const rows = await packListMemo(db).get(changeFeedOf(db), "packs-list", ["packs"], () =>
    freshReads(db).read("packs-list", () => db.select({ id: packs.id, version: packs.version, uploadedAt: packs.uploadedAt }).from(packs).orderBy(asc(packs.uploadedAt), asc(packs.id))),
  );
  // Cached by the list of uploads (content-addressed), so several instances stay consistent.
  const key = rows.map((r) => `${r.id}@${r.version}@${r.uploadedAt.getTime()}`).join("|");
  let entry = registryCache.get(key);
  if (!entry) {
    const registry = rows.length === 0 ? shippedRegistry : createPackRegistry();
    const uploaded: string[] = [];
    if (rows.length) for (const r of await db.select().from(packs).orderBy(asc(packs.uploadedAt), asc(packs.id))) if (registry.add(r.doc).ok) uploaded.push(r.id);
    entry = { registry, uploaded };
    if (registryCache.size > 16) registryCache.clear();
    registryCache.set(key, entry);
  }
  const { registry, uploaded } = entry;
  return {
    registry,
    uploaded,
    key,
    compiled(id) {
      const p = registry.get(id);
      if (!p) return undefined;
      let c = compiledCache.get(p);
      if (!c) {
        c = compilePack(p);
        compiledCache.set(p, c);
      }
      return c;
    },
  };
}

// The tier ladder of a commune pack (standard → advanced → model, through `nextTier`) is core's rule.
export { tierLadder } from "@ntm/core";
