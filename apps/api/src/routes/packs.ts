import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { CriteriaPackSchema, LocalizedTextSchema } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { packs } from "../db/schema.js";
import { writeAudit } from "../audit.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, issuesToFields, problemResponses } from "../http/problem.js";
import { IdParam } from "../http/schemas.js";
import { SHIPPED_PACK_IDS, loadPacks } from "../packs.js";

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
  })
  .openapi("PackSummary");

const list = createRoute({
  method: "get",
  path: "/packs",
  tags: ["packs"],
  summary: "Các bộ tiêu chí / Criteria packs (shipped and uploaded provincial packs)",
  responses: { 200: { description: "Packs", content: { "application/json": { schema: z.object({ items: z.array(PackSummarySchema) }) } } } },
});

const getOne = createRoute({
  method: "get",
  path: "/packs/{id}",
  tags: ["packs"],
  summary: "Một bộ tiêu chí (đã hợp nhất) / One pack, resolved (extends applied)",
  request: { params: IdParam },
  responses: { 200: { description: "Resolved pack", content: { "application/json": { schema: CriteriaPackSchema } } }, ...problemResponses(404) },
});

const upload = createRoute({
  method: "post",
  path: "/packs",
  tags: ["packs"],
  summary: "Tải lên bộ tiêu chí của tỉnh / Upload a provincial pack (validated by @ntm/core; 422 with JSON paths)",
  description: "Body: a pack document as written (complete, or `extends` a known pack with patches). Province officers and admins.",
  request: { body: { required: true, content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi({ description: "CriteriaPackDocument (see packJsonSchema in @ntm/core)" }) } } } },
  responses: { 201: { description: "Stored; the resolved pack", content: { "application/json": { schema: CriteriaPackSchema } } }, ...problemResponses(400, 401, 403, 409, 422) },
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
    const { db } = c.get("deps");
    const { registry } = await loadPacks(db);
    const r = registry.resolve(doc);
    if (!r.ok) throw new ApiError(r.kind, "Bộ tiêu chí không hợp lệ / invalid criteria pack", issuesToFields(r.issues));
    if (registry.get(r.value.id)) throw new ApiError("conflict", `Đã có bộ tiêu chí "${r.value.id}" / a pack with id "${r.value.id}" already exists`, [{ path: "$.id", message: "duplicate id" }]);
    await db.transaction(async (tx) => {
      await tx.insert(packs).values({ id: r.value.id, version: r.value.version, doc, uploadedBy: user.id });
      await writeAudit(tx, user, { action: "pack.upload", entityType: "pack", entityId: r.value.id, unitId: user.scopeUnitId, after: doc });
    });
    return c.json(r.value, 201);
  });
  return app;
}
