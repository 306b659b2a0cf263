/**
 * Steering-committee members (thành viên Ban Chỉ đạo, plan II.3) and the communes each supports:
 * list, read, create, patch and delete (If-Match: 428 without, 412 stale), each write checked by
 * @ntm/core (`validateSteeringMember`, the communes under the committee's unit), scoped by the policy's
 * `plan.write` on the committee's unit and audited; coverage of a unit's communes on a date (core
 * `steeringCoverage`). A commune reads the members assigned to it.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type SteeringMember, SteeringMemberSchema, inTerm } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { recordImportRoutes } from "../http/recordImportRoutes.js";
import { IsoDateField, ReasonOutSchema, metaOf, readableUnits, reasonsOut, requireVersion, setEtag, vnDate } from "../http/common.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { IdParam } from "../http/schemas.js";
import { can } from "../auth/policy.js";
import type { UnitTree } from "../units.js";
import { loadTree } from "../units.js";
import {
  STEERING_WRITER,
  type SteeringRow,
  checkedMember,
  coverageOf,
  createMember,
  deleteMember,
  memberOf,
  rowInputOf,
  steeringRow,
  steeringRows,
  updateMember,
  visibleIn,
} from "../services/steering.js";

export const SteeringMemberBodySchema = SteeringMemberSchema.omit({ id: true }).openapi("SteeringMemberInput");
const Clearable = z.string().nullable().optional().openapi({ description: "null clears the field" });
export const SteeringMemberPatchSchema = SteeringMemberSchema.omit({ id: true })
  .partial()
  .extend({ phone: Clearable, termEnd: Clearable, note: Clearable })
  .openapi("SteeringMemberPatch");

const NamedUnit = z.object({ unitId: z.string(), name: z.string() });
const ItemSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    data: SteeringMemberSchema.extend({}).openapi("SteeringMember"),
    communes: z.array(NamedUnit).openapi({ description: "The supported communes with their names, in the member's order" }),
    active: z.boolean().openapi({ description: "The term covers `asOf` (core `inTerm`)" }),
  })
  .openapi("SteeringMemberItem");
const ListSchema = z.object({ asOf: z.string(), unitId: z.string(), items: z.array(ItemSchema) }).openapi("SteeringMemberList");
const CoverageSchema = z
  .object({
    asOf: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    communes: z.array(
      NamedUnit.extend({ members: z.array(z.object({ id: z.string(), fullName: z.string(), role: z.string(), position: z.string() })) }),
    ),
    unsupported: z.array(NamedUnit),
    reasons: z.array(ReasonOutSchema),
  })
  .openapi("SteeringCoverage");
const AsOf = IsoDateField.optional().openapi({ description: "The day terms are checked on (default: today in Vietnam)" });
const Saved = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: "string" as const } } },
  content: { "application/json": { schema: ItemSchema } },
});
const TAG = ["steering"];

const listRoute = createRoute({
  method: "get",
  path: "/steering-members",
  tags: TAG,
  summary: "Thành viên Ban Chỉ đạo và xã phụ trách / Steering committee members and the communes each supports",
  request: {
    query: z.object({
      unitId: z
        .string()
        .optional()
        .openapi({ description: "A unit subtree (default: your scope); a commune sees the members assigned to it" }),
      asOf: AsOf,
    }),
  },
  responses: {
    200: { description: "Members", content: { "application/json": { schema: ListSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});
const coverageRoute = createRoute({
  method: "get",
  path: "/steering-members/coverage",
  tags: TAG,
  summary: "Xã chưa có thành viên Ban Chỉ đạo phụ trách / Communes of a unit with and without a supporting member",
  request: { query: z.object({ districtId: z.string().min(1).openapi({ example: "d-01" }), asOf: AsOf }) },
  responses: {
    200: { description: "Coverage", content: { "application/json": { schema: CoverageSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});
const getRoute = createRoute({
  method: "get",
  path: "/steering-members/{id}",
  tags: TAG,
  summary: "Một thành viên Ban Chỉ đạo / One member",
  request: { params: IdParam, query: z.object({ asOf: AsOf }) },
  responses: { 200: Saved("The member"), ...problemResponses(401, 403, 404, 422) },
});
const createMemberRoute = createRoute({
  method: "post",
  path: "/steering-members",
  tags: TAG,
  summary: "Thêm thành viên Ban Chỉ đạo / Add a member (checked by @ntm/core)",
  request: { body: { required: true, content: { "application/json": { schema: SteeringMemberBodySchema } } } },
  responses: { 201: Saved("Created"), ...problemResponses(400, 401, 403, 404, 422) },
});
const patchRoute = createRoute({
  method: "patch",
  path: "/steering-members/{id}",
  tags: TAG,
  summary: "Sửa thành viên Ban Chỉ đạo / Change some fields (If-Match required; stale → 412)",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: SteeringMemberPatchSchema } } } },
  responses: { 200: Saved("Saved"), ...problemResponses(400, 401, 403, 404, 412, 422, 428) },
});
const deleteRoute = createRoute({
  method: "delete",
  path: "/steering-members/{id}",
  tags: TAG,
  summary: "Xóa thành viên Ban Chỉ đạo / Delete a member (If-Match required; stale → 412)",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...problemResponses(401, 403, 404, 412, 428) },
});

const nameOf = (tree: UnitTree, id: string) => tree.byId.get(id)?.name ?? id;

function itemOf(tree: UnitTree, row: SteeringRow, asOf: string) {
  const m = memberOf(row);
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: nameOf(tree, row.unitId),
    ...metaOf(row),
    data: m,
    communes: m.communeUnitIds.map((id) => ({ unitId: id, name: nameOf(tree, id) })),
    active: inTerm(m, asOf),
  };
}

/** Merges a patch into a member: `null` clears an optional field, an absent key keeps it. */
function patched(cur: SteeringMember, patch: z.infer<typeof SteeringMemberPatchSchema>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...cur };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * GET/POST /v1/steering-members, GET /v1/steering-members/coverage, GET /v1/steering-members/template,
 * GET /v1/steering-members/export, POST /v1/steering-members/import, GET/PATCH/DELETE /v1/steering-members/{id}.
 * @example
 * app.route("/", steeringRoutes());
 */
export function steeringRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  // The register as a file (template, export, import; scope as the create route: plan.write on the
  // committee's unit). Before /{id}: "template" and "export" are not member ids.
  app.route(
    "/",
    recordImportRoutes("steering", "plan.write", STEERING_WRITER, {
      query: z.object({
        unitId: z.string().optional().openapi({ description: "A unit subtree (default: your scope), as the list shows it" }),
      }),
      load: async (c, q) => {
        const { tree, ids, rootId } = await readableUnits(c, q.unitId as string | undefined);
        const members = (await steeringRows(c.get("deps").db)).map(memberOf).filter((m) => visibleIn(m, ids));
        return {
          rootName: nameOf(tree, rootId),
          records: members.map(rowInputOf),
          unitNames: Object.fromEntries([...tree.byId].map(([id, u]) => [id, u.name])),
        };
      },
    }),
  );

  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const { db, now } = c.get("deps");
    const { tree, ids, rootId } = await readableUnits(c, q.unitId);
    const asOf = q.asOf ?? vnDate(now());
    const items = (await steeringRows(db)).filter((r) => visibleIn(memberOf(r), ids)).map((r) => itemOf(tree, r, asOf));
    return c.json({ asOf, unitId: rootId, items }, 200);
  });

  // Before /{id}: "coverage" is not a member id.
  app.openapi(coverageRoute, async (c) => {
    const q = c.req.valid("query");
    const { db, now } = c.get("deps");
    const { tree, rootId } = await readableUnits(c, q.districtId);
    const asOf = q.asOf ?? vnDate(now());
    const { members, coverage } = await coverageOf(db, tree, rootId, asOf);
    const byId = new Map(members.map((m) => [m.id, m]));
    return c.json(
      {
        asOf,
        unitId: rootId,
        unitName: nameOf(tree, rootId),
        communes: coverage.communes.map((s) => ({
          unitId: s.unitId,
          name: s.name,
          members: s.memberIds.map((id) => {
            const m = byId.get(id)!;
            return { id, fullName: m.fullName, role: m.role, position: m.position };
          }),
        })),
        unsupported: coverage.unsupported.map((id) => ({ unitId: id, name: nameOf(tree, id) })),
        reasons: reasonsOut(coverage.reasons),
      },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const { db, now } = c.get("deps");
    const user = requireUser(c);
    const tree = await loadTree(db);
    const row = await steeringRow(db, id);
    const m = memberOf(row);
    if (![m.unitId, ...m.communeUnitIds].some((u) => tree.has(u) && can(user, "read", u, tree)))
      throw new ApiError("forbidden", `Không được xem thành viên Ban Chỉ đạo này / may not read steering committee member ${id}`);
    setEtag(c, row.version);
    return c.json(itemOf(tree, row, q.asOf ?? vnDate(now())), 200);
  });

  app.openapi(createMemberRoute, async (c) => {
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const { user, tree } = await authorize(c, "plan.write", body.unitId);
    const member = checkedMember(tree, { ...body, id: "new" });
    const row = await createMember(db, user, member);
    setEtag(c, row.version);
    return c.json(itemOf(tree, row, vnDate(now())), 201);
  });

  app.openapi(patchRoute, async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const { db, now } = c.get("deps");
    const cur = await steeringRow(db, id);
    await authorize(c, "plan.write", cur.unitId);
    requireVersion(c, cur.version);
    const next = patched(memberOf(cur), patch);
    const { user, tree } = await authorize(c, "plan.write", String(next.unitId));
    const row = await updateMember(db, user, cur, checkedMember(tree, next), now());
    setEtag(c, row.version);
    return c.json(itemOf(tree, row, vnDate(now())), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("deps");
    const cur = await steeringRow(db, id);
    const { user } = await authorize(c, "plan.write", cur.unitId);
    requireVersion(c, cur.version);
    await deleteMember(db, user, cur);
    return c.body(null, 204);
  });

  return app;
}
