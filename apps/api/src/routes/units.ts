import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  CommuneGroupSchema,
  type Issue,
  KNOWN_UNIT_FLAGS,
  RegionCodeSchema,
  type UnitLevel,
  UnitLevelSchema,
  type UnitPlacementInput,
  checkUnitPlacement,
  unitParentNotFound,
} from "@ntm/core";
import { and, eq, max, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { AppEnv } from "../context.js";
import { type Principal, type UnitChange, canChangeUnit } from "../auth/policy.js";
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
} from "../db/schema.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, issuesToFields, problemResponses } from "../http/problem.js";
import { IdParam, type UnitNode, UnitNodeSchema, UnitRecordSchema, UnitSchema } from "../http/schemas.js";
import { unitOut, unitRecordOut } from "../http/shapes.js";
import { UNIT_ID_PATTERN } from "../http/schemas.js";
import { type UnitRow, type UnitTree, invalidateTree, loadTree, unitRowOf } from "../units.js";
import { etagOf, parseEtag } from "../values.js";

function nodeOf(tree: UnitTree, u: UnitRow): UnitNode {
  return { ...unitOut(u), children: tree.children(u.id).map((c) => nodeOf(tree, c)) };
}

// ---- Writing units: input schemas ----

const UnitIdSchema = z
  .string()
  .max(64, "mã đơn vị tối đa 64 ký tự / a unit id has at most 64 characters")
  .regex(
    UNIT_ID_PATTERN,
    "mã đơn vị chỉ gồm chữ thường, chữ số và dấu gạch nối, ví dụ c-01-11 / a unit id has lowercase letters, digits and hyphens only, e.g. c-01-11",
  )
  .openapi({ example: "c-01-11" });

/** The fields a write may set; each is validated against @ntm/core's unit enums. */
const unitFields = {
  name: z.string().trim().min(1, "tên không được để trống / the name is required").max(200),
  parentId: z.string().min(1).nullable().openapi({ description: "Đơn vị cấp trên; null cho tỉnh / the parent unit; null for a province" }),
  region: RegionCodeSchema.nullable().openapi({ description: "Vùng (QĐ 318/QĐ-TTg) / region code" }),
  communeGroup: CommuneGroupSchema.nullable().openapi({
    description: "Nhóm xã 1–3 (QĐ 51/2025/QĐ-TTg), chỉ cho xã / commune group 1–3, communes only",
  }),
  flags: z.array(z.enum(KNOWN_UNIT_FLAGS)).openapi({ description: `Đặc điểm đơn vị / unit flags: ${KNOWN_UNIT_FLAGS.join(", ")}` }),
  sort: z.number().int().min(0).max(1_000_000).openapi({ description: "Thứ tự giữa các đơn vị cùng cấp / position among siblings" }),
};

/** The body of POST /v1/units. */
export const NewUnitSchema = z
  .object({
    id: UnitIdSchema,
    level: UnitLevelSchema,
    name: unitFields.name,
    parentId: unitFields.parentId.optional(),
    region: unitFields.region.optional().openapi({ description: "Bỏ trống: lấy vùng của đơn vị cấp trên / omitted: the parent's region" }),
    communeGroup: unitFields.communeGroup.optional(),
    flags: unitFields.flags.optional(),
    sort: unitFields.sort.optional().openapi({ description: "Bỏ trống: sau đơn vị cùng cấp cuối cùng / omitted: after the last sibling" }),
  })
  .strict()
  .openapi("NewUnit");
export type NewUnit = z.infer<typeof NewUnitSchema>;

/** The body of PATCH /v1/units/{id}: only the fields to change; `level` and `id` cannot change. */
export const UnitPatchSchema = z.object(unitFields).partial().strict().openapi("UnitPatch", {
  description:
    "Đổi tên, vùng, nhóm xã, đặc điểm, thứ tự hoặc chuyển sang đơn vị cấp trên khác (cấp không đổi được) / rename, set region, commune group, flags or sort, or move under another parent (the level cannot change)",
});
export type UnitPatch = z.infer<typeof UnitPatchSchema>;

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

function refuse(issues: Issue[]): void {
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

const listUnits = createRoute({
  method: "get",
  path: "/units",
  tags: ["units"],
  summary: "Danh sách đơn vị trong phạm vi / Units in the caller's scope (flat, depth first)",
  request: { query: z.object({ root: z.string().optional(), level: z.enum(["province", "district", "commune", "hamlet"]).optional() }) },
  responses: {
    200: { description: "Units", content: { "application/json": { schema: z.object({ items: z.array(UnitSchema) }) } } },
    ...problemResponses(401, 403, 404),
  },
});

const unitTree = createRoute({
  method: "get",
  path: "/units/tree",
  tags: ["units"],
  summary: "Cây đơn vị hành chính / The administrative tree from the caller's scope (or `root`)",
  request: { query: z.object({ root: z.string().optional() }) },
  responses: {
    200: { description: "Tree", content: { "application/json": { schema: UnitNodeSchema } } },
    ...problemResponses(401, 403, 404),
  },
});

const getUnit = createRoute({
  method: "get",
  path: "/units/{id}",
  tags: ["units"],
  summary: "Một đơn vị / One unit with its ancestors and children (ETag = version)",
  request: { params: IdParam },
  responses: {
    200: {
      description: "Unit",
      headers: { ETag: { schema: { type: "string" } } },
      content: {
        "application/json": {
          schema: z.object({ unit: UnitRecordSchema, ancestors: z.array(UnitSchema), children: z.array(UnitSchema) }).openapi("UnitDetail"),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const IfMatchHeaders = z.object({
  "if-match": z.string().optional().openapi({ description: "Phiên bản đã tải (ETag), bắt buộc / the version you loaded (ETag), required" }),
});
const written = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: "string" as const } } },
  content: { "application/json": { schema: UnitRecordSchema } },
});

const postUnit = createRoute({
  method: "post",
  path: "/units",
  tags: ["units"],
  summary: "Thêm đơn vị / Create a unit (admin; province officers inside their scope)",
  description:
    "Cấp và đơn vị cấp trên phải khớp: tỉnh ở cấp cao nhất, huyện dưới tỉnh, xã dưới huyện hoặc trực tiếp dưới tỉnh (chính quyền hai cấp), thôn dưới xã / the level must fit the parent: province at the top, district under a province, commune under a district or directly under a province (two-tier government), hamlet under a commune.",
  request: { body: { required: true, content: { "application/json": { schema: NewUnitSchema } } } },
  responses: { 201: written("Created"), ...problemResponses(400, 401, 403, 409, 422) },
});

const patchUnit = createRoute({
  method: "patch",
  path: "/units/{id}",
  tags: ["units"],
  summary: "Sửa hoặc chuyển đơn vị / Change or move a unit (If-Match required; stale → 412)",
  description:
    "Chuyển sang cấp trên khác cập nhật đường dẫn của cả cây con trong một giao dịch / a new parent re-paths the whole subtree in one transaction.",
  request: {
    params: IdParam,
    headers: IfMatchHeaders,
    body: { required: true, content: { "application/json": { schema: UnitPatchSchema } } },
  },
  responses: { 200: written("Updated"), ...problemResponses(400, 401, 403, 404, 412, 422, 428) },
});

const removeUnit = createRoute({
  method: "delete",
  path: "/units/{id}",
  tags: ["units"],
  summary: "Xoá đơn vị / Delete a unit with no children and no data (If-Match required; otherwise 409 saying what refers to it)",
  request: { params: IdParam, headers: IfMatchHeaders },
  responses: { 204: { description: "Deleted" }, ...problemResponses(401, 403, 404, 409, 412, 422, 428) },
});

/** The version a write was based on, from If-Match: 428 when missing, 422 when not a version. */
function requireIfMatch(c: Context<AppEnv>, id: string): number {
  const expected = parseEtag(c.req.header("if-match"));
  if (expected === undefined)
    throw new ApiError(
      "precondition_required",
      `Cần gửi If-Match (phiên bản đơn vị ${id} đã tải) / send If-Match with the version of unit ${id} you loaded`,
    );
  if (Number.isNaN(expected))
    throw new ApiError("invalid_input", 'If-Match phải là phiên bản, ví dụ "3" / If-Match must be a version such as "3"', [
      { path: "headers.if-match", message: "expected a version ETag" },
    ]);
  return expected;
}

function describeChange(change: UnitChange): { vi: string; en: string } {
  switch (change.kind) {
    case "create":
      return { vi: `thêm đơn vị dưới ${change.parentId ?? "cấp cao nhất"}`, en: `create a unit under ${change.parentId ?? "the top"}` };
    case "update":
      return { vi: `sửa đơn vị ${change.unitId}`, en: `change unit ${change.unitId}` };
    case "move":
      return {
        vi: `chuyển đơn vị ${change.unitId} sang ${change.parentId ?? "cấp cao nhất"}`,
        en: `move unit ${change.unitId} under ${change.parentId ?? "the top"}`,
      };
    case "delete":
      return { vi: `xoá đơn vị ${change.unitId}`, en: `delete unit ${change.unitId}` };
  }
}

/** Loads the tree and asks the policy about a change: 404 for an unknown unit, 422 for an unknown parent, 403 when not allowed. */
async function authorizeChange(c: Context<AppEnv>, change: UnitChange): Promise<Principal> {
  const user = requireUser(c);
  const tree = await loadTree(c.get("deps").db);
  if ("unitId" in change && !tree.has(change.unitId))
    throw new ApiError("not_found", `Không tìm thấy đơn vị / Unit "${change.unitId}" not found`);
  if ("parentId" in change && change.parentId !== null && !tree.has(change.parentId)) refuse([unitParentNotFound(change.parentId)]);
  if (!canChangeUnit(user, change, tree)) {
    const what = describeChange(change);
    throw new ApiError(
      "forbidden",
      `Vai trò ${user.role} (phạm vi ${user.scopeUnitId}) không được ${what.vi} / role ${user.role} scoped to ${user.scopeUnitId} may not ${what.en}`,
    );
  }
  return user;
}

/**
 * Administrative units: list, tree and one; create, change, move and delete.
 * @example
 * v1.route("/", unitRoutes());
 */
export function unitRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listUnits, async (c) => {
    const q = c.req.valid("query");
    const root = q.root ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", root);
    const items = tree
      .subtree(root)
      .filter((u) => !q.level || u.level === q.level)
      .map(unitOut);
    return c.json({ items }, 200);
  });
  app.openapi(unitTree, async (c) => {
    const root = c.req.valid("query").root ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", root);
    return c.json(nodeOf(tree, tree.byId.get(root)!), 200);
  });
  app.openapi(getUnit, async (c) => {
    const { id } = c.req.valid("param");
    const { tree } = await authorize(c, "read", id);
    // The unit itself is read fresh: its version is the ETag a write will be checked against.
    const fresh = (await c.get("deps").db.select().from(units).where(eq(units.id, id)).limit(1))[0];
    const row = fresh ? unitRowOf(fresh) : tree.byId.get(id)!;
    const ancestors: UnitRow[] = [];
    for (let p = tree.parentOf(id); p; p = tree.parentOf(p)) ancestors.unshift(tree.byId.get(p)!);
    c.header("ETag", etagOf(row.version));
    return c.json({ unit: unitRecordOut(row), ancestors: ancestors.map(unitOut), children: tree.children(id).map(unitOut) }, 200);
  });
  app.openapi(postUnit, async (c) => {
    const body = c.req.valid("json");
    const user = await authorizeChange(c, { kind: "create", parentId: body.parentId ?? null });
    const { db } = c.get("deps");
    const row = await db.transaction((tx) => createUnit(tx, user, body));
    invalidateTree(db);
    c.header("ETag", etagOf(row.version));
    c.header("Location", `/v1/units/${row.id}`);
    return c.json(unitRecordOut(row), 201);
  });
  app.openapi(patchUnit, async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const expected = requireIfMatch(c, id);
    if (Object.keys(patch).length === 0)
      throw new ApiError("invalid_input", "Không có gì để sửa / nothing to change", [
        { path: "$", message: "send at least one of name, parentId, region, communeGroup, flags, sort" },
      ]);
    const { db } = c.get("deps");
    const parentOf = (await loadTree(db)).byId.get(id)?.parentId ?? null;
    const user = await authorizeChange(
      c,
      patch.parentId !== undefined && patch.parentId !== parentOf
        ? { kind: "move", unitId: id, parentId: patch.parentId }
        : { kind: "update", unitId: id },
    );
    const { row } = await db.transaction((tx) => updateUnit(tx, user, id, patch, expected));
    invalidateTree(db);
    c.header("ETag", etagOf(row.version));
    return c.json(unitRecordOut(row), 200);
  });
  app.openapi(removeUnit, async (c) => {
    const { id } = c.req.valid("param");
    const expected = requireIfMatch(c, id);
    const user = await authorizeChange(c, { kind: "delete", unitId: id });
    const { db } = c.get("deps");
    await db.transaction((tx) => deleteUnit(tx, user, id, expected));
    invalidateTree(db);
    return c.body(null, 204);
  });
  return app;
}

export { loadTree };
