/**
 * The unit service: creating, changing, moving and deleting administrative units inside the caller's
 * transaction, with @ntm/core's placement rules (`checkUnitPlacement`), paths, references that block
 * a delete, versions and audit entries. The unit routes authorise (auth/policy's canChangeUnit) and
 * call these.
 */
import { type Issue, type UnitLevel, type UnitPlacementInput, checkUnitPlacement } from "@ntm/core";
import { and, eq, max, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { type Tx, writeAudit } from "../audit.js";
import {
  contributions,
  dossiers,
  housing,
  indicatorValues,
  inspections,
  ocopProducts,
  plans,
  publications,
  reportSubmissions,
  scoring,
  tasks,
  units,
  users,
  emulationMovements,
  commendations,
  disciplines,
  consultations,
  reportNarratives,
  valuesLocks,
} from "../db/schema.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import { unitRecordOut } from "../http/shapes.js";
import type { NewUnit, UnitPatch } from "../http/unitSchemas.js";
import { type UnitRow, unitRowOf } from "../units.js";

// ---- Writing units: the rules (@ntm/core's checkUnitPlacement) ----

/** The parent as the placement rules see it: its lineage (ids from the top down to it) read from its stored path. */
function placedUnder(parent: Pick<UnitRow, "id" | "level" | "path"> | undefined): UnitPlacementInput["parent"] {
  return parent && { id: parent.id, level: parent.level as UnitLevel, lineage: parent.path.split("/").filter(Boolean) };
}

// ---- Writing units: transactions ----

/** What the audit log keeps of a unit. */
function snapshot(u: UnitRow) {
  return { ...unitRecordOut(u), path: u.path };
}

/** The advisory lock key that serialises unit writes (db/index.ts uses 727001 for migrations). */
const UNIT_WRITES_LOCK = 727002;

/**
 * Unit writes are rare, so they run one at a time (a lock held until the transaction ends): a move
 * re-paths from paths no concurrent move can change underneath it, and create/delete cannot race.
 */
async function serialiseUnitWrites(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${UNIT_WRITES_LOCK})`);
}

async function readUnit(tx: Tx, id: string, lock: "update" | "share"): Promise<UnitRow | undefined> {
  const row = (await tx.select().from(units).where(eq(units.id, id)).for(lock).limit(1))[0];
  return row && unitRowOf(row);
}

/**
 * Throws 422 with the issues' JSON paths when there are any.
 * @example
 * refuse([unitParentNotFound("d-99")]) // throws invalid_input naming $.parentId
 */
export function refuse(issues: Issue[]): void {
  if (issues.length) throw new ApiError("invalid_input", "Đơn vị không hợp lệ / invalid unit", issuesToFields(issues));
}

/**
 * Creates a unit inside the caller's transaction: checks it against its parent (read and share-locked
 * here), computes its path, refuses an id that exists (409) and writes the audit entry.
 * @example
 * await db.transaction((tx) => createUnit(tx, user, { id: "c-01-11", level: "commune", name: "Xã Mới", parentId: "d-01" }));
 */
export async function createUnit(tx: Tx, user: Principal, body: NewUnit): Promise<UnitRow> {
  await serialiseUnitWrites(tx);
  const parentId = body.parentId ?? null;
  const parent = parentId === null ? undefined : await readUnit(tx, parentId, "share");
  const flags = body.flags ?? [];
  refuse(
    checkUnitPlacement({
      unit: { id: body.id, level: body.level, communeGroup: body.communeGroup ?? null, flags },
      change: "create",
      parentId,
      parent: placedUnder(parent),
    }),
  );
  const [last] = await tx
    .select({ sort: max(units.sort) })
    .from(units)
    .where(parentId === null ? sql`${units.parentId} is null` : eq(units.parentId, parentId));
  const row = {
    id: body.id,
    parentId,
    name: body.name,
    level: body.level,
    region: body.region === undefined ? (parent?.region ?? null) : body.region,
    communeGroup: body.communeGroup ?? null,
    flags,
    path: `${parent?.path ?? "/"}${body.id}/`,
    sort: body.sort ?? (last?.sort === null || last?.sort === undefined ? 0 : last.sort + 1),
    version: 1,
  };
  const [created] = await tx.insert(units).values(row).onConflictDoNothing().returning();
  if (!created)
    throw new ApiError("conflict", `Mã đơn vị "${body.id}" đã có / unit id "${body.id}" already exists`, [
      { path: "$.id", message: "already exists", code: "unit.id_taken" },
    ]);
  await writeAudit(tx, user, {
    action: "unit.create",
    entityType: "unit",
    entityId: created.id,
    unitId: created.id,
    before: null,
    after: snapshot(created),
  });
  return created;
}

function checkVersion(cur: UnitRow | undefined, id: string, expected: number): UnitRow {
  if (!cur) throw new ApiError("not_found", `Không tìm thấy đơn vị / Unit "${id}" not found`);
  if (cur.version !== expected)
    throw new ApiError(
      "precondition_failed",
      `Đơn vị đã được người khác sửa (phiên bản hiện tại ${cur.version}, bạn gửi ${expected}); tải lại rồi sửa / unit changed since you loaded it (current version ${cur.version}, If-Match ${expected})`,
    );
  return cur;
}

/**
 * Changes a unit inside the caller's transaction when its version is `expected` (else 412). A new
 * parent re-paths the unit's whole subtree; only the moved unit's version goes up.
 * @example
 * await db.transaction((tx) => updateUnit(tx, user, "c-01-11", { parentId: "p-demo" }, 3));
 */
export async function updateUnit(
  tx: Tx,
  user: Principal,
  id: string,
  patch: UnitPatch,
  expected: number,
): Promise<{ row: UnitRow; moved: number }> {
  await serialiseUnitWrites(tx);
  const cur = checkVersion(await readUnit(tx, id, "update"), id, expected);
  const parentId = patch.parentId === undefined ? cur.parentId : patch.parentId;
  const placing = parentId !== cur.parentId;
  const parent = placing && parentId !== null ? await readUnit(tx, parentId, "share") : undefined;
  const next = {
    name: patch.name ?? cur.name,
    region: patch.region === undefined ? cur.region : patch.region,
    communeGroup: patch.communeGroup === undefined ? cur.communeGroup : patch.communeGroup,
    flags: patch.flags ?? cur.flags,
    sort: patch.sort ?? cur.sort,
  };
  refuse(
    checkUnitPlacement({
      unit: { id, level: cur.level as UnitLevel, communeGroup: next.communeGroup, flags: next.flags },
      change: placing ? "move" : "edit",
      parentId,
      parent: placedUnder(parent),
    }),
  );
  const path = placing ? `${parent?.path ?? "/"}${id}/` : cur.path;
  let moved = 0;
  if (placing) {
    const below = sql`starts_with(${units.path}, ${cur.path}) and ${units.id} <> ${id}`;
    // The path is derived, not edited: descendants keep their version (an edit of a hamlet stays valid).
    moved = (
      await tx
        .update(units)
        .set({ path: sql`${path} || substr(${units.path}, ${cur.path.length + 1})` })
        .where(below)
        .returning({ id: units.id })
    ).length;
  }
  const [row] = await tx
    .update(units)
    .set({ ...next, parentId, path, version: cur.version + 1 })
    .where(and(eq(units.id, id), eq(units.version, cur.version)))
    .returning();
  if (!row) throw new ApiError("precondition_failed", "Đơn vị vừa bị thay đổi / unit changed concurrently");
  await writeAudit(tx, user, {
    action: placing ? "unit.move" : "unit.update",
    entityType: "unit",
    entityId: id,
    unitId: id,
    before: snapshot(cur),
    after: placing ? { ...snapshot(row), descendantsRepathed: moved } : snapshot(row),
  });
  return { row, moved };
}

/** What may still refer to a unit; a unit is deleted only when none of these does. */
const UNIT_REFERENCES: readonly { key: string; label: { vi: string; en: string }; table: PgTable; column: AnyPgColumn }[] = [
  { key: "units", label: { vi: "đơn vị cấp dưới", en: "child units" }, table: units, column: units.parentId },
  {
    key: "indicator_values",
    label: { vi: "bản số liệu chỉ tiêu", en: "indicator value records" },
    table: indicatorValues,
    column: indicatorValues.unitId,
  },
  { key: "publications", label: { vi: "lần công bố kết quả", en: "publications" }, table: publications, column: publications.unitId },
  { key: "users", label: { vi: "người dùng", en: "users scoped to it" }, table: users, column: users.scopeUnitId },
  { key: "plans", label: { vi: "kế hoạch", en: "plans" }, table: plans, column: plans.unitId },
  { key: "tasks", label: { vi: "nhiệm vụ", en: "tasks" }, table: tasks, column: tasks.unitId },
  {
    key: "report_submissions",
    label: { vi: "báo cáo", en: "report submissions" },
    table: reportSubmissions,
    column: reportSubmissions.unitId,
  },
  { key: "dossiers", label: { vi: "hồ sơ công nhận", en: "recognition dossiers" }, table: dossiers, column: dossiers.unitId },
  { key: "scoring", label: { vi: "kết quả chấm điểm", en: "scoring results" }, table: scoring, column: scoring.unitId },
  { key: "ocop_products", label: { vi: "sản phẩm OCOP", en: "OCOP products" }, table: ocopProducts, column: ocopProducts.unitId },
  {
    key: "contributions",
    label: { vi: "khoản đóng góp nguồn lực", en: "contributions" },
    table: contributions,
    column: contributions.unitId,
  },
  { key: "housing", label: { vi: "hồ sơ nhà ở", en: "housing records" }, table: housing, column: housing.unitId },
  { key: "inspections", label: { vi: "cuộc kiểm tra", en: "inspections" }, table: inspections, column: inspections.unitId },
  {
    key: "emulation_movements",
    label: { vi: "phong trào thi đua", en: "emulation movements" },
    table: emulationMovements,
    column: emulationMovements.unitId,
  },
  { key: "commendations", label: { vi: "khen thưởng", en: "commendations" }, table: commendations, column: commendations.unitId },
  {
    key: "disciplines",
    label: { vi: "phê bình, kỷ luật", en: "criticism and discipline" },
    table: disciplines,
    column: disciplines.unitId,
  },
  {
    key: "consultations",
    label: { vi: "lấy ý kiến nhân dân", en: "public consultations" },
    table: consultations,
    column: consultations.unitId,
  },
  {
    key: "report_narratives",
    label: { vi: "nhận định báo cáo", en: "report narratives" },
    table: reportNarratives,
    column: reportNarratives.unitId,
  },
  { key: "values_locks", label: { vi: "khóa số liệu", en: "value locks" }, table: valuesLocks, column: valuesLocks.unitId },
];

/**
 * Counts what still refers to a unit (child units and data rows), in one query; only non-zero counts.
 * @example
 * await unitReferences(tx, "d-01") // [{ key: "units", count: 10, label }, { key: "indicator_values", count: 5, label }]
 */
export async function unitReferences(tx: Tx, id: string): Promise<{ key: string; count: number; label: { vi: string; en: string } }[]> {
  const parts = UNIT_REFERENCES.map((r) => sql`(select count(*) from ${r.table} where ${r.column} = ${id})::int`);
  const [row] = await tx
    .select({ counts: sql<number[]>`array[${sql.join(parts, sql`, `)}]` })
    .from(units)
    .where(eq(units.id, id));
  return UNIT_REFERENCES.map((r, i) => ({ key: r.key, label: r.label, count: Number(row?.counts[i] ?? 0) })).filter((r) => r.count > 0);
}

/**
 * Deletes a unit inside the caller's transaction when its version is `expected` (else 412) and nothing
 * refers to it any more (else 409 listing what does).
 * @example
 * await db.transaction((tx) => deleteUnit(tx, user, "c-01-11", 2));
 */
export async function deleteUnit(tx: Tx, user: Principal, id: string, expected: number): Promise<void> {
  await serialiseUnitWrites(tx);
  const cur = checkVersion(await readUnit(tx, id, "update"), id, expected);
  const refs = await unitReferences(tx, id);
  if (refs.length) {
    const vi = refs.map((r) => `${r.count} ${r.label.vi}`).join(", ");
    const en = refs.map((r) => `${r.count} ${r.label.en}`).join(", ");
    throw new ApiError(
      "conflict",
      `Không xoá được đơn vị ${id}: còn ${vi} gắn với đơn vị này / unit ${id} cannot be deleted: ${en} still refer to it`,
      refs.map((r) => ({ path: "$", code: `unit.referenced_by.${r.key}`, message: `${r.count} ${r.label.vi} / ${r.count} ${r.label.en}` })),
    );
  }
  await tx.delete(units).where(and(eq(units.id, id), eq(units.version, cur.version)));
  await writeAudit(tx, user, {
    action: "unit.delete",
    entityType: "unit",
    entityId: id,
    unitId: cur.parentId,
    before: snapshot(cur),
    after: null,
  });
}

// ---- Routes ----

/**
 * A unit's row read fresh from the database (its version is the ETag a write is checked against), or
 * undefined when it is not stored.
 * @example
 * (await freshUnit(db, "c-01-01"))?.version // 3
 */
export async function freshUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const row = (await db.select().from(units).where(eq(units.id, id)).limit(1))[0];
  return row && unitRowOf(row);
}
