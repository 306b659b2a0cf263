import {
  type AdoptionLevel,
  type CompiledPack,
  type CriteriaPack,
  type PackAdoption,
  type PackDocument,
  type PackRegistry,
  type Reason,
  type Tier,
  PackAdoptionSchema,
  PackDocumentSchema,
  compilePack,
  createPackRegistry,
  selectLadder,
  selectPack,
  shippedPacks,
} from "@ntm/core";
import { asc } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { packAdoptions, packs } from "../db/schema.js";
import { freshReads, perDatabase } from "../cache.js";
import { Memo, changeFeedOf } from "../db/changes.js";
import type { UnitTree } from "../units.js";
import { parseStored } from "./stored.js";

/**
 * Criteria packs and which of them applies (the pack service). Packs: shipped (from @ntm/core) and
 * uploaded (table `packs`). Which pack applies to a unit, level, tier and year is data: the stored
 * adoptions (table `pack_adoptions`), answered by core's `selectPack` / `selectLadder`. Both lists are
 * kept while the change feed reports no write to their table.
 */

/** Ids of the shipped packs (read-only, from @ntm/core). */
export const SHIPPED_PACK_IDS: ReadonlySet<string> = new Set(shippedPacks.map((p) => p.id));

/** The pack that applies, or why none does (core `selectPack`'s reason). */
export type PackChoice = { ok: true; compiled: CompiledPack; adoption: PackAdoption } | { ok: false; reason: Reason };
/** The tier ladder that applies (standard first), or why there is none. */
export type LadderChoice = { ok: true; ladder: CompiledPack[] } | { ok: false; reason: Reason };

export interface LoadedPacks {
  registry: PackRegistry;
  /** Uploaded pack ids, in upload order. */
  uploaded: string[];
  /** The stored adoptions, parsed with core's schema. */
  adoptions: readonly PackAdoption[];
  /** Identifies this set of packs and adoptions (changes when a pack is uploaded or an adoption written). */
  key: string;
  compiled(id: string): CompiledPack | undefined;
  /**
   * The pack adopted for a unit (at its own level) in a year, for a tier (standard by default).
   * `level` asks for another level in the unit's scope (a district's communes: "commune").
   */
  packFor(tree: UnitTree, unitId: string, year: number, tier?: Tier, level?: AdoptionLevel): PackChoice;
  /** The adopted tier ladder (standard → advanced → model → modern, up to the first gap) of a unit-year. */
  ladderFor(tree: UnitTree, unitId: string, year: number, level?: AdoptionLevel): LadderChoice;
}

const compiledCache = new WeakMap<CriteriaPack, CompiledPack>();
const packListMemo = perDatabase(() => new Memo<{ id: string; version: string; uploadedAt: Date }[]>(1));
const shippedRegistry = createPackRegistry();
const registryCache = new Map<string, { registry: PackRegistry; uploaded: string[] }>();

/**
 * Loads the packs and the adoptions: which pack applies to a unit-year is answered from the stored
 * adoptions (`packFor`, `ladderFor`). The registry: shipped packs plus the uploaded provincial packs from the database (in upload
 * order, so a pack may extend an earlier upload). A stored pack that no longer resolves is skipped.
 * @example
 * const packs = await loadPacks(db); packs.ladderFor(tree, "c-01-01", 2024) // { ok: true, ladder: [standard, advanced, model] }
 */
export async function loadPacks(db: Db): Promise<LoadedPacks> {
  const [base, adopted] = await Promise.all([loadRegistry(db), loadAdoptions(db)]);
  const key = `${base.key}#${adopted.key}`;
  const compiled = base.compiled;
  const lookup = (id: string) => base.registry.get(id);
  return {
    ...base,
    adoptions: adopted.list,
    key,
    packFor(tree, unitId, year, tier = "standard", level) {
      const lv = level ?? levelOf(tree, unitId);
      if (!lv) return { ok: false, reason: notAdopted(unitId, year, tier, tree.byId.get(unitId)?.level ?? "unknown") };
      const r = selectPack(adopted.list, { unitPath: unitPath(tree, unitId), level: lv, tier, year }, lookup);
      if (!r.ok) return r;
      const c = compiled(r.adoption.packId);
      return c
        ? { ok: true, compiled: c, adoption: r.adoption }
        : {
            ok: false,
            reason: {
              code: "pack.not_adopted",
              path: ["year"],
              params: { year, level: lv, tier, unitId, missingPackId: r.adoption.packId },
            },
          };
    },
    ladderFor(tree, unitId, year, level) {
      const lv = level ?? levelOf(tree, unitId);
      if (!lv) return { ok: false, reason: notAdopted(unitId, year, "standard", tree.byId.get(unitId)?.level ?? "unknown") };
      const { rungs, adopted: run } = selectLadder(adopted.list, { unitPath: unitPath(tree, unitId), level: lv, year }, lookup);
      const ladder: CompiledPack[] = [];
      for (const a of run) {
        const c = compiled(a.packId);
        if (!c) break;
        ladder.push(c);
      }
      const first = rungs[0]!;
      if (ladder.length === 0)
        return {
          ok: false,
          reason: first.ok
            ? {
                code: "pack.not_adopted",
                path: ["year"],
                params: { year, level: lv, tier: "standard", unitId, missingPackId: first.adoption.packId },
              }
            : first.reason,
        };
      return { ok: true, ladder };
    },
  };
}

/** The adoption level of a unit (commune, hamlet, district); undefined for a province (no pack is adopted for it). */
function levelOf(tree: UnitTree, unitId: string): "commune" | "hamlet" | "district" | undefined {
  const level = tree.byId.get(unitId)?.level;
  return level === "commune" || level === "hamlet" || level === "district" ? level : undefined;
}

function notAdopted(unitId: string, year: number, tier: Tier, level: string): Reason {
  return { code: "pack.not_adopted", path: ["year"], params: { year, level, tier, unitId } };
}

/**
 * Ancestor ids from the top down to the unit itself (core `selectPack`'s `unitPath`).
 * @example
 * unitPath(tree, "c-01-01") // ["p-demo", "d-01", "c-01-01"]
 */
export function unitPath(tree: UnitTree, unitId: string): string[] {
  const out: string[] = [];
  let cur: string | undefined = unitId;
  for (let guard = 0; cur !== undefined && guard < 64; guard++) {
    out.push(cur);
    cur = tree.parentOf(cur);
  }
  return out.reverse();
}

const adoptionMemo = perDatabase(() => new Memo<{ list: PackAdoption[]; key: string }>(1));

/** A stored bound ("2024" or "2026-02-15") as core has it (a year number or an ISO date). */
export const boundOf = (s: string): number | string => (/^\d{4}$/.test(s) ? Number(s) : s);

type AdoptionRow = typeof packAdoptions.$inferSelect;

/**
 * Core's adoption of a stored row (its columns parsed with core's `PackAdoptionSchema`).
 * @example
 * adoptionOf(row).from // 2021
 */
export function adoptionOf(r: AdoptionRow): PackAdoption {
  const value = {
    id: r.id,
    packId: r.packId,
    scopeUnitId: r.scopeUnitId,
    tier: r.tier,
    level: r.level,
    from: boundOf(r.periodFrom),
    ...(r.periodTo !== null ? { to: boundOf(r.periodTo) } : {}),
    version: r.version,
  };
  return parseStored(PackAdoptionSchema, value, { table: "pack_adoptions", id: r.id, column: "*" });
}

/**
 * An uploaded pack's stored document, parsed with core's `PackDocumentSchema` (the registry then
 * resolves and checks it).
 * @example
 * packDocOf(row).extends // "vn.commune-ntm.2021-2025"
 */
export function packDocOf(r: { id: string; doc: unknown }): PackDocument {
  return parseStored(PackDocumentSchema, r.doc, { table: "packs", id: r.id, column: "doc" });
}

/**
 * The stored adoptions, parsed with core's `PackAdoptionSchema` (kept while the change feed reports
 * no write to `pack_adoptions`).
 * @example
 * const { list } = await loadAdoptions(db); list[0].packId
 */
export async function loadAdoptions(db: Db): Promise<{ list: PackAdoption[]; key: string }> {
  return adoptionMemo(db).get(changeFeedOf(db), "adoptions", ["pack_adoptions"], () =>
    freshReads(db).read("adoptions", async () => {
      const rows = await db.select().from(packAdoptions).orderBy(asc(packAdoptions.createdAt), asc(packAdoptions.id));
      const list = rows.map(adoptionOf);
      return { list, key: list.map((a) => `${a.id}@${a.version}`).join("|") };
    }),
  );
}

/** Shipped plus uploaded packs (without adoptions). */
async function loadRegistry(db: Db): Promise<Omit<LoadedPacks, "adoptions" | "packFor" | "ladderFor">> {
  // Kept while the change feed reports no write to `packs`, read on every request otherwise (an
  // upload through any instance is seen at once); concurrent requests share fresh reads.
  const rows = await packListMemo(db).get(changeFeedOf(db), "packs-list", ["packs"], () =>
    freshReads(db).read("packs-list", () =>
      db
        .select({ id: packs.id, version: packs.version, uploadedAt: packs.uploadedAt })
        .from(packs)
        .orderBy(asc(packs.uploadedAt), asc(packs.id)),
    ),
  );
  // Cached by the list of uploads (content-addressed), so several instances stay consistent.
  const key = rows.map((r) => `${r.id}@${r.version}@${r.uploadedAt.getTime()}`).join("|");
  let entry = registryCache.get(key);
  if (!entry) {
    const registry = rows.length === 0 ? shippedRegistry : createPackRegistry();
    const uploaded: string[] = [];
    if (rows.length)
      for (const r of await db.select().from(packs).orderBy(asc(packs.uploadedAt), asc(packs.id)))
        if (registry.add(packDocOf(r)).ok) uploaded.push(r.id);
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

/** Which adoption each tier uses in a year, or why none applies. */
export type TierUsage = { ok: true; packId: string; adoptionId: string } | { ok: false; reason: Reason };

/**
 * What each tier of a unit uses in each year from `from` to `to` (core `selectLadder` over the
 * stored adoptions), at the unit's adoption level unless one is given (a province reads as commune).
 * @example
 * packUsageByYear(tree, packs, "p-demo", 2025, 2026)[1].tiers.standard // { ok: false, reason: { code: "pack.not_adopted", ... } }
 */
export function packUsageByYear(
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  from: number,
  to: number,
  level?: AdoptionLevel,
): { year: number; tiers: Record<string, TierUsage> }[] {
  const path = unitPath(tree, unitId);
  const unitLevel = tree.byId.get(unitId)?.level;
  const lvl = level ?? (unitLevel === "hamlet" || unitLevel === "district" ? unitLevel : "commune");
  const out: { year: number; tiers: Record<string, TierUsage> }[] = [];
  for (let year = from; year <= to; year++) {
    const { rungs } = selectLadder(packs.adoptions, { unitPath: path, level: lvl, year }, (id) => packs.registry.get(id));
    out.push({
      year,
      tiers: Object.fromEntries(
        rungs.map((r) => [
          r.tier,
          r.ok ? { ok: true as const, packId: r.adoption.packId, adoptionId: r.adoption.id } : { ok: false as const, reason: r.reason },
        ]),
      ),
    });
  }
  return out;
}
