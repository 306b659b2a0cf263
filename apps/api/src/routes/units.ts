import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { unitParentNotFound, ROLE_LABELS } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { type Principal, type UnitChange, canChangeUnit } from "../auth/policy.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { IdParam, type UnitNode, UnitNodeSchema, UnitRecordSchema, UnitSchema } from "../http/schemas.js";
import { unitOut, unitRecordOut } from "../http/shapes.js";
import { NewUnitSchema, UnitPatchSchema } from "../http/unitSchemas.js";
import { createUnit, deleteUnit, freshUnit, refuse, updateUnit } from "../services/units.js";
import { type UnitRow, type UnitTree, invalidateTree, loadTree } from "../units.js";
import { etagOf, parseEtag } from "../values.js";

function nodeOf(tree: UnitTree, u: UnitRow): UnitNode {
  return { ...unitOut(u), children: tree.children(u.id).map((c) => nodeOf(tree, c)) };
}

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
      `Vai trò "${ROLE_LABELS[user.role].vi}" (phạm vi ${user.scopeUnitId}) không được ${what.vi} / the role "${ROLE_LABELS[user.role].en}" scoped to ${user.scopeUnitId} may not ${what.en}`,
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
    const row = (await freshUnit(c.get("deps").db, id)) ?? tree.byId.get(id)!;
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
