import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  AdoptionBoundSchema,
  AdoptionLevelSchema,
  CriteriaPackSchema,
  formatReason,
  LocalizedTextSchema,
  PackCoverageSchema,
  provenanceCounts,
  type PackAdoption,
  TierSchema,
} from "@ntm/core";
import type { AppEnv } from "../context.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { IdParam } from "../http/schemas.js";
import { SHIPPED_PACK_IDS, loadPacks, packUsageByYear } from "../services/packs.js";
import { createAdoption, deleteAdoption, deletePack, getAdoption, updateAdoption, uploadPack } from "../services/packAdoptions.js";
import { can } from "../auth/policy.js";
import { readIfMatch, setEtag } from "../http/common.js";
import { loadTree } from "../units.js";
import type { Context } from "hono";

const PackSummarySchema = z
  .object({
    id: z.string(),
    version: z.string(),
    title: LocalizedTextSchema,
    level: z.string(),
    tier: z.string(),
    example: z.boolean(),
    shipped: z.boolean(),
    criteriaCount: z.number().int(),
    nextTier: z.string().nullable(),
    effective: z.object({ from: z.string(), to: z.string().optional() }),
    coverage: PackCoverageSchema.nullable(),
    provenance: z
      .object({ verified: z.number().int(), unverified: z.number().int(), unknown: z.number().int(), partlyUnknown: z.number().int() })
      .openapi({
        description:
          "Indicators whose threshold is verified law, unverified, or unknown (every value null); the three add up to the indicators. partlyUnknown: of the verified and unverified, those with some values unknown (a region or group). Core provenanceCounts.",
      }),
  })
  .openapi("PackSummary");

const AdoptionSchema = z
  .object({
    id: z.string(),
    packId: z.string(),
    scopeUnitId: z.string().nullable().openapi({ description: "A unit (its subtree), or null: the whole installation" }),
    tier: TierSchema,
    level: AdoptionLevelSchema,
    from: AdoptionBoundSchema,
    to: AdoptionBoundSchema.optional(),
    version: z.number().int(),
  })
  .openapi("PackAdoption");

const AdoptionBody = z
  .object({
    packId: z.string().min(1),
    scopeUnitId: z.string().min(1).nullable(),
    tier: TierSchema,
    level: AdoptionLevelSchema,
    from: AdoptionBoundSchema,
    to: AdoptionBoundSchema.optional(),
  })
  .strict()
  .openapi("PackAdoptionInput");

const AdoptionPatch = z
  .object({
    packId: z.string().min(1).optional(),
    tier: TierSchema.optional(),
    level: AdoptionLevelSchema.optional(),
    from: AdoptionBoundSchema.optional(),
    to: AdoptionBoundSchema.nullable().optional(),
  })
  .strict()
  .openapi("PackAdoptionPatch");

const YearUseSchema = z.object({
  year: z.number().int(),
  tiers: z.record(
    z.string(),
    z.object({ packId: z.string().nullable(), adoptionId: z.string().nullable(), reason: z.string().nullable() }),
  ),
});

const listAdoptions = createRoute({
  method: "get",
  path: "/pack-adoptions",
  tags: ["packs"],
  summary: "Các quyết định áp dụng bộ tiêu chí / Pack adoptions (which pack applies to a scope, level, tier and period)",
  description: "With `unitId`, `level`, `from` and `to`: also `years`, what each year of each tier uses for that unit (core selectLadder).",
  request: {
    query: z.object({
      unitId: z.string().optional(),
      level: AdoptionLevelSchema.optional(),
      from: z.coerce.number().int().min(1900).max(2200).optional(),
      to: z.coerce.number().int().min(1900).max(2200).optional(),
    }),
  },
  responses: {
    200: {
      description: "Adoptions the user may see",
      content: { "application/json": { schema: z.object({ items: z.array(AdoptionSchema), years: z.array(YearUseSchema).optional() }) } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

const postAdoption = createRoute({
  method: "post",
  path: "/pack-adoptions",
  tags: ["packs"],
  summary: "Áp dụng bộ tiêu chí / Adopt a pack for a scope, level, tier and period (checked by core checkAdoption)",
  description:
    "Admin; a province officer within their scope (`packs.upload`). Installation-wide (scopeUnitId null): admin only. 409 for an overlap with another adoption of the same scope, level and tier; 422 for a pack of another level/tier or a period outside the pack's effective years.",
  request: { body: { required: true, content: { "application/json": { schema: AdoptionBody } } } },
  responses: {
    201: { description: "Stored", content: { "application/json": { schema: AdoptionSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const patchAdoption = createRoute({
  method: "patch",
  path: "/pack-adoptions/{id}",
  tags: ["packs"],
  summary: "Sửa quyết định áp dụng / Change an adoption (If-Match version required)",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: AdoptionPatch } } } },
  responses: {
    200: { description: "Changed", content: { "application/json": { schema: AdoptionSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});

const deleteAdoptionRoute = createRoute({
  method: "delete",
  path: "/pack-adoptions/{id}",
  tags: ["packs"],
  summary: "Huỷ quyết định áp dụng / Delete an adoption (If-Match version required)",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...problemResponses(401, 403, 404, 412, 422, 428) },
});

const deletePackRoute = createRoute({
  method: "delete",
  path: "/packs/{id}",
  tags: ["packs"],
  summary: "Xoá bộ tiêu chí đã tải lên / Delete an uploaded pack (409 when shipped, adopted or extended)",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...problemResponses(401, 403, 404, 409) },
});

/** Who may write an adoption of a scope: admin for the whole installation; `packs.upload` within scope otherwise. */
async function authorizeScope(c: Context<AppEnv>, scopeUnitId: string | null) {
  const user = requireUser(c);
  if (scopeUnitId === null) {
    if (user.role !== "admin")
      throw new ApiError(
        "forbidden",
        "Chỉ quản trị hệ thống được áp dụng bộ tiêu chí cho toàn hệ thống / only an admin may adopt a pack installation-wide",
        [{ path: "$.scopeUnitId", message: "installation-wide adoption needs admin" }],
      );
    return user;
  }
  return (await authorize(c, "packs.upload", scopeUnitId)).user;
}

/** The If-Match version (428 when absent). */
function ifMatch(c: Context<AppEnv>): number {
  const v = readIfMatch(c);
  if (v === undefined)
    throw new ApiError(
      "precondition_required",
      "Cần gửi If-Match (phiên bản của quyết định áp dụng) / send If-Match with the adoption's version",
    );
  return v;
}

const adoptionOut = (a: PackAdoption) => ({ ...a });

const list = createRoute({
  method: "get",
  path: "/packs",
  tags: ["packs"],
  summary: "Các bộ tiêu chí / Criteria packs (shipped and uploaded provincial packs)",
  responses: {
    200: { description: "Packs", content: { "application/json": { schema: z.object({ items: z.array(PackSummarySchema) }) } } },
  },
});

const getOne = createRoute({
  method: "get",
  path: "/packs/{id}",
  tags: ["packs"],
  summary: "Một bộ tiêu chí (đã hợp nhất) / One pack, resolved (extends applied)",
  request: { params: IdParam },
  responses: {
    200: { description: "Resolved pack", content: { "application/json": { schema: CriteriaPackSchema } } },
    ...problemResponses(404),
  },
});

const upload = createRoute({
  method: "post",
  path: "/packs",
  tags: ["packs"],
  summary: "Tải lên bộ tiêu chí của tỉnh / Upload a provincial pack (validated by @ntm/core; 422 with JSON paths)",
  description: "Body: a pack document as written (complete, or `extends` a known pack with patches). Province officers and admins.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.record(z.string(), z.unknown()).openapi({ description: "CriteriaPackDocument (see packJsonSchema in @ntm/core)" }),
        },
      },
    },
  },
  responses: {
    201: { description: "Stored; the resolved pack", content: { "application/json": { schema: CriteriaPackSchema } } },
    ...problemResponses(400, 401, 403, 409, 422),
  },
});

/**
 * Criteria packs: shipped (read-only) and uploaded.
 * @example
 * v1.route("/", packRoutes());
 */
export function packRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(list, async (c) => {
    const { registry } = await loadPacks(c.get("deps").db);
    const items = registry.list().map((p) => ({
      id: p.id,
      version: p.version,
      title: p.title,
      level: p.level,
      tier: p.tier,
      example: p.example === true,
      shipped: SHIPPED_PACK_IDS.has(p.id),
      criteriaCount: p.criteria.length,
      nextTier: p.nextTier ?? null,
      effective: p.effective,
      coverage: p.coverage ?? null,
      provenance: provenanceCounts(p),
    }));
    return c.json({ items }, 200);
  });
  app.openapi(getOne, async (c) => {
    const { id } = c.req.valid("param");
    const pack = (await loadPacks(c.get("deps").db)).registry.get(id);
    if (!pack) throw new ApiError("not_found", `Không có bộ tiêu chí "${id}" / pack "${id}" not found`);
    return c.json(pack, 200);
  });
  app.openapi(upload, async (c) => {
    const user = requireUser(c);
    await authorize(c, "packs.upload", user.scopeUnitId);
    const doc = c.req.valid("json");
    const pack = await uploadPack(c.get("deps").db, user, doc);
    return c.json(pack, 201);
  });
  app.openapi(deletePackRoute, async (c) => {
    const { id } = c.req.valid("param");
    const user = requireUser(c);
    await authorize(c, "packs.upload", user.scopeUnitId);
    await deletePack(c.get("deps").db, user, id);
    return c.body(null, 204);
  });
  app.openapi(listAdoptions, async (c) => {
    const user = requireUser(c);
    const q = c.req.valid("query");
    const { db } = c.get("deps");
    const [tree, packs] = await Promise.all([loadTree(db), loadPacks(db)]);
    const items = packs.adoptions.filter((a) => a.scopeUnitId === null || can(user, "read", a.scopeUnitId, tree)).map(adoptionOut);
    if (q.unitId === undefined || q.from === undefined || q.to === undefined) return c.json({ items }, 200);
    if (q.to < q.from || q.to - q.from > 30)
      throw new ApiError("invalid_input", "Khoảng năm không hợp lệ / invalid year range", [
        { path: "query.to", message: "to must be ≥ from and within 30 years" },
      ]);
    const { tree: t } = await authorize(c, "read", q.unitId);
    const years = packUsageByYear(t, packs, q.unitId, q.from, q.to, q.level).map(({ year, tiers }) => ({
      year,
      tiers: Object.fromEntries(
        Object.entries(tiers).map(([tier, r]) => [
          tier,
          r.ok
            ? { packId: r.packId, adoptionId: r.adoptionId, reason: null }
            : { packId: null, adoptionId: null, reason: formatReason(r.reason, "vi") },
        ]),
      ),
    }));
    return c.json({ items, years }, 200);
  });
  app.openapi(postAdoption, async (c) => {
    const body = c.req.valid("json");
    const user = await authorizeScope(c, body.scopeUnitId);
    const a = await createAdoption(c.get("deps").db, user, body);
    setEtag(c, a.version);
    return c.json(adoptionOut(a), 201);
  });
  app.openapi(patchAdoption, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("deps");
    const current = await getAdoption(db, id);
    const user = await authorizeScope(c, current.scopeUnitId);
    const a = await updateAdoption(db, user, id, ifMatch(c), c.req.valid("json"));
    setEtag(c, a.version);
    return c.json(adoptionOut(a), 200);
  });
  app.openapi(deleteAdoptionRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("deps");
    const current = await getAdoption(db, id);
    const user = await authorizeScope(c, current.scopeUnitId);
    await deleteAdoption(db, user, id, ifMatch(c));
    return c.body(null, 204);
  });
  return app;
}
