import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { EvaluationResultSchema } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { authorize } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { IdParam, UnitSchema, YearParam } from "../http/schemas.js";
import { loadPacks } from "../services/packs.js";
import { loadTree } from "../units.js";
import { unitOut } from "../http/shapes.js";
import { NoPackSchema, RollupSchema } from "../http/evaluationSchemas.js";
import { computeRollup, evaluateOne } from "../services/evaluations.js";
import { listPublished, publishResults, publishedTree, withdrawResults } from "../services/publications.js";

const PublicationSchema = z.object({ unitId: z.string(), year: z.number().int(), publishedAt: z.string() }).openapi("Publication");

const publish = createRoute({
  method: "post",
  path: "/publications",
  tags: ["public"],
  summary: "Công bố kết quả một năm / Publish a year's results for a subtree (province officer, admin)",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({ unitId: z.string().min(1), year: z.number().int().min(2000).max(2100) }).openapi("NewPublication"),
        },
      },
    },
  },
  responses: {
    201: { description: "Published", content: { "application/json": { schema: PublicationSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});
const withdraw = createRoute({
  method: "delete",
  path: "/publications/{id}/{year}",
  tags: ["public"],
  summary: "Rút lại công bố / Withdraw a year's published results for a unit (province officer, admin; audited)",
  request: { params: IdParam.extend({ year: YearParam.openapi({ param: { name: "year", in: "path" } }) }) },
  responses: { 204: { description: "Withdrawn" }, ...problemResponses(401, 403, 404, 422) },
});
const listPublications = createRoute({
  method: "get",
  path: "/public/publications",
  tags: ["public"],
  summary: "Các kết quả đã công bố / Published results (no sign-in)",
  responses: {
    200: {
      description: "Publications",
      content: { "application/json": { schema: z.object({ items: z.array(PublicationSchema.extend({ unit: UnitSchema })) }) } },
    },
  },
});
const publicEvaluation = createRoute({
  method: "get",
  path: "/public/units/{id}/evaluation",
  tags: ["public"],
  summary: "Kết quả đã công bố của một xã / A published evaluation (no sign-in)",
  request: { params: IdParam, query: z.object({ year: YearParam }) },
  responses: {
    200: {
      description: 'Evaluation, or `status: "no_pack"` when no pack is adopted for the year',
      content: { "application/json": { schema: z.union([EvaluationResultSchema, NoPackSchema]) } },
    },
    ...problemResponses(404, 422),
  },
});
const publicRollup = createRoute({
  method: "get",
  path: "/public/units/{id}/rollup",
  tags: ["public"],
  summary: "Tổng hợp đã công bố / A published roll-up (no sign-in)",
  request: { params: IdParam, query: z.object({ year: YearParam }) },
  responses: { 200: { description: "Roll-up", content: { "application/json": { schema: RollupSchema } } }, ...problemResponses(404, 422) },
});

/**
 * Publication of results and the public (unauthenticated) read routes.
 * @example
 * v1.route("/", publicRoutes());
 */
export function publicRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(publish, async (c) => {
    const body = c.req.valid("json");
    const { user } = await authorize(c, "results.publish", body.unitId);
    const row = await publishResults(c.get("deps").db, user, body);
    return c.json({ unitId: row.unitId, year: row.year, publishedAt: row.publishedAt.toISOString() }, 201);
  });
  app.openapi(withdraw, async (c) => {
    const { id, year } = c.req.valid("param");
    const { user } = await authorize(c, "results.publish", id);
    await withdrawResults(c.get("deps").db, user, id, year);
    return c.body(null, 204);
  });
  app.openapi(listPublications, async (c) => {
    const { db } = c.get("deps");
    const tree = await loadTree(db);
    const items = (await listPublished(db, tree)).map((r) => ({
      unitId: r.unitId,
      year: r.year,
      publishedAt: r.publishedAt.toISOString(),
      unit: unitOut(tree.byId.get(r.unitId)!),
    }));
    return c.json({ items }, 200);
  });
  app.openapi(publicEvaluation, async (c) => {
    const { id } = c.req.valid("param");
    const { year } = c.req.valid("query");
    const { db } = c.get("deps");
    const tree = await publishedTree(db, id, year);
    return c.json(await evaluateOne(db, tree, await loadPacks(db), id, year), 200);
  });
  app.openapi(publicRollup, async (c) => {
    const { id } = c.req.valid("param");
    const { year } = c.req.valid("query");
    const { db } = c.get("deps");
    const tree = await publishedTree(db, id, year);
    return c.json(await computeRollup(db, tree, await loadPacks(db), id, year), 200);
  });
  return app;
}
