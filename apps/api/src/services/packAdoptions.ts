/**
 * Writing pack adoptions and deleting uploaded packs: load what the rule needs, ask core
 * (`checkAdoption`), store with the audit entry in one transaction. Routes authorise and shape.
 */
import { randomUUID } from "node:crypto";
import { type CriteriaPack, type PackAdoption, type PackRegistry, checkAdoption } from "@ntm/core";
import { eq } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { packAdoptions, packs } from "../db/schema.js";
import { type Tx, writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import { checkVersion } from "../http/common.js";
import { SHIPPED_PACK_IDS, adoptionOf, loadPacks, packDocOf } from "./packs.js";

/** An adoption as written by a client (the id and version are the server's). */
export type AdoptionInput = Omit<PackAdoption, "id" | "version">;

const toRow = (a: PackAdoption, by: string) => ({
  id: a.id,
  packId: a.packId,
  scopeUnitId: a.scopeUnitId,
  tier: a.tier,
  level: a.level,
  periodFrom: String(a.from),
  periodTo: a.to === undefined ? null : String(a.to),
  version: a.version,
  updatedBy: by,
  updatedAt: new Date(),
});

async function storedAdoptions(tx: Tx): Promise<PackAdoption[]> {
  const rows = await tx.select().from(packAdoptions);
  return rows.map(adoptionOf);
}

/** Runs core's checkAdoption against the stored adoptions; 422 (bad fit) or 409 (overlap) with JSON paths. */
async function checked(registry: PackRegistry, tx: Tx, candidate: PackAdoption): Promise<void> {
  const r = checkAdoption(await storedAdoptions(tx), candidate, (id) => registry.get(id));
  if (!r.ok)
    throw new ApiError(
      r.kind,
      r.kind === "conflict"
        ? "Trùng thời gian với một quyết định áp dụng khác / overlaps another adoption"
        : "Không áp dụng được bộ tiêu chí / the adoption does not fit the pack",
      issuesToFields(r.issues),
    );
}

/**
 * Stores a new adoption (checked by core), audited.
 * @example
 * const a = await createAdoption(db, user, { packId: "p.x", scopeUnitId: "p-demo", level: "commune", tier: "standard", from: 2024, to: 2025 });
 */
export async function createAdoption(db: Db, user: Principal, input: AdoptionInput): Promise<PackAdoption> {
  const candidate: PackAdoption = { ...input, id: randomUUID(), version: 1 };
  // Packs are loaded before the transaction (on PGlite's one connection a read outside it would wait for it).
  const { registry } = await loadPacks(db);
  return db.transaction(async (tx) => {
    await checked(registry, tx, candidate);
    await tx.insert(packAdoptions).values(toRow(candidate, user.id));
    await writeAudit(tx, user, {
      action: "pack.adopt",
      entityType: "pack_adoption",
      entityId: candidate.id,
      unitId: candidate.scopeUnitId,
      after: candidate,
    });
    return candidate;
  });
}

/**
 * The stored adoption `id` (404 when none).
 * @example
 * const a = await getAdoption(db, "seed-commune-standard");
 */
export async function getAdoption(db: Db | Tx, id: string): Promise<PackAdoption> {
  const found = (await storedAdoptions(db)).find((a) => a.id === id);
  if (!found) throw new ApiError("not_found", `Không có quyết định áp dụng "${id}" / adoption "${id}" not found`);
  return found;
}

/**
 * Changes an adoption's pack, tier, level or period (If-Match version checked in the transaction), audited.
 * @example
 * await updateAdoption(db, user, "a-1", 1, { to: 2024 });
 */
export async function updateAdoption(
  db: Db,
  user: Principal,
  id: string,
  expected: number,
  patch: { [K in "packId" | "tier" | "level" | "from"]?: PackAdoption[K] | undefined } & { to?: PackAdoption["to"] | null },
): Promise<PackAdoption> {
  const { registry } = await loadPacks(db);
  return db.transaction(async (tx) => {
    const before = await getAdoption(tx, id);
    checkVersion(expected, before.version);
    const { to, ...rest } = patch;
    const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<PackAdoption>;
    const merged: PackAdoption = { ...before, ...given, version: before.version + 1 };
    const after: PackAdoption = to === null ? (({ to: _t, ...a }) => a)(merged) : to === undefined ? merged : { ...merged, to };
    await checked(registry, tx, after);
    await tx.update(packAdoptions).set(toRow(after, user.id)).where(eq(packAdoptions.id, id));
    await writeAudit(tx, user, {
      action: "pack.adoption_update",
      entityType: "pack_adoption",
      entityId: id,
      unitId: after.scopeUnitId,
      before,
      after,
    });
    return after;
  });
}

/**
 * Deletes an adoption (If-Match version checked), audited.
 * @example
 * await deleteAdoption(db, user, "a-1", 2);
 */
export async function deleteAdoption(db: Db, user: Principal, id: string, expected: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getAdoption(tx, id);
    checkVersion(expected, before.version);
    await tx.delete(packAdoptions).where(eq(packAdoptions.id, id));
    await writeAudit(tx, user, {
      action: "pack.adoption_delete",
      entityType: "pack_adoption",
      entityId: id,
      unitId: before.scopeUnitId,
      before,
    });
  });
}

/**
 * Stores an uploaded pack document once core's registry resolves it (422 with JSON paths otherwise;
 * 409 for an id already in use). Audited.
 * @example
 * const pack = await uploadPack(db, user, doc); pack.id // "vn-xx.commune-ntm.2021-2025"
 */
export async function uploadPack(db: Db, user: Principal, doc: unknown): Promise<CriteriaPack> {
  const { registry } = await loadPacks(db);
  const r = registry.resolve(doc);
  if (!r.ok) throw new ApiError(r.kind, "Bộ tiêu chí không hợp lệ / invalid criteria pack", issuesToFields(r.issues));
  if (registry.get(r.value.id))
    throw new ApiError("conflict", `Đã có bộ tiêu chí "${r.value.id}" / a pack with id "${r.value.id}" already exists`, [
      { path: "$.id", message: "duplicate id" },
    ]);
  await db.transaction(async (tx) => {
    await tx.insert(packs).values({ id: r.value.id, version: r.value.version, doc, uploadedBy: user.id });
    await writeAudit(tx, user, { action: "pack.upload", entityType: "pack", entityId: r.value.id, unitId: user.scopeUnitId, after: doc });
  });
  return r.value;
}

/**
 * Deletes an uploaded pack: 409 for a shipped pack, and for a pack in use by an adoption (naming
 * them) or extended by another uploaded pack; audited.
 * @example
 * await deletePack(db, user, "vn-xx.commune-ntm.2021-2025");
 */
export async function deletePack(db: Db, user: Principal, id: string): Promise<void> {
  if (SHIPPED_PACK_IDS.has(id))
    throw new ApiError("conflict", `Bộ tiêu chí "${id}" đi kèm phần mềm, không xoá được / pack "${id}" is shipped and cannot be deleted`, [
      { path: "$.id", message: "shipped pack", code: "pack.shipped" },
    ]);
  await db.transaction(async (tx) => {
    const row = (await tx.select().from(packs).where(eq(packs.id, id)))[0];
    if (!row) throw new ApiError("not_found", `Không có bộ tiêu chí "${id}" / pack "${id}" not found`);
    const using = (await storedAdoptions(tx)).filter((a) => a.packId === id);
    if (using.length) {
      const period = (a: PackAdoption) => `${a.from}–${a.to ?? "…"}`;
      throw new ApiError(
        "conflict",
        `Bộ tiêu chí "${id}" đang được áp dụng (${using.map((a) => a.id).join(", ")}); xoá các quyết định áp dụng trước / pack "${id}" is in use by adoption(s) ${using.map((a) => a.id).join(", ")}`,
        using.map((a, i) => ({
          path: `$.adoptions[${i}]`,
          message: `${a.id}: ${a.scopeUnitId ?? "toàn hệ thống / installation-wide"}, ${a.level}, ${a.tier}, ${period(a)}`,
          code: "pack.in_use",
        })),
      );
    }
    const children = (await tx.select({ id: packs.id, doc: packs.doc }).from(packs)).filter((p) => packDocOf(p).extends === id);
    if (children.length)
      throw new ApiError(
        "conflict",
        `Bộ tiêu chí "${id}" được kế thừa bởi ${children.map((p) => p.id).join(", ")} / pack "${id}" is extended by ${children.map((p) => p.id).join(", ")}`,
        children.map((p) => ({ path: "$.id", message: `extended by ${p.id}`, code: "pack.extended" })),
      );
    await tx.delete(packs).where(eq(packs.id, id));
    await writeAudit(tx, user, { action: "pack.delete", entityType: "pack", entityId: id, unitId: user.scopeUnitId, before: row.doc });
  });
}
