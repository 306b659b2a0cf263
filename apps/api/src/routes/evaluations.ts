import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { EvaluationResultSchema, compareYears, gapToNextTier } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { authorize } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { NoPackSchema, RollupSchema, TrendSchema } from "../http/evaluationSchemas.js";
import { loadPacks } from "../services/packs.js";
import { cachedRollup, cachedUnitEvaluation, choosePack, computeTrend, evaluateOne, noPack, packOr404 } from "../services/evaluations.js";
import { sendCachedJson } from "../cache.js";

const EvalQuery = z.object({
  year: YearParam,
  pack: z.string().optional().openapi({
    description:
      'Default: the pack adopted for the unit\'s scope, level and year (GET /v1/pack-adoptions); without one the answer is `status: "no_pack"`',
  }),
});

const evaluation = createRoute({
  method: "get",
  path: "/units/{id}/evaluation",
  tags: ["evaluations"],
  summary: "Đánh giá đơn vị theo bộ tiêu chí / Evaluate a unit against a pack for a year (includes the revocation check)",
  request: { params: IdParam, query: EvalQuery },
  responses: {
    200: {
      description:
        'The evaluation (core\'s result contract), or `status: "no_pack"` with the reason when no pack is adopted for the unit and year',
      content: { "application/json": { schema: z.union([EvaluationResultSchema, NoPackSchema]) } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

const gap = createRoute({
  method: "get",
  path: "/units/{id}/gap",
  tags: ["evaluations"],
  summary: "Khoảng cách tới hạng tiếp theo / What is missing for the next tier",
  request: { params: IdParam, query: EvalQuery },
  responses: {
    200: { description: "Gap", content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi("TierGap") } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

const rollup = createRoute({
  method: "get",
  path: "/units/{id}/rollup",
  tags: ["evaluations"],
  summary: "Tổng hợp các xã trong địa bàn / Roll-up of every commune below a unit: statuses, tiers, heat map, programme targets",
  request: { params: IdParam, query: EvalQuery },
  responses: {
    200: { description: "Roll-up", content: { "application/json": { schema: RollupSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

const YoySchema = z
  .object({
    unitId: z.string(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    gained: z.array(z.object({ criterionId: z.string(), from: z.string(), to: z.string() })),
    lost: z.array(z.object({ criterionId: z.string(), from: z.string(), to: z.string() })),
    other: z.array(z.object({ criterionId: z.string(), from: z.string(), to: z.string() })),
    criteriaMetDelta: z.number().int(),
    statusFrom: z.string(),
    statusTo: z.string(),
  })
  .openapi("YearOverYear");

const changes = createRoute({
  method: "get",
  path: "/units/{id}/changes",
  tags: ["evaluations"],
  summary: "Thay đổi so với năm trước / Criteria gained and lost since the previous year",
  request: { params: IdParam, query: EvalQuery },
  responses: {
    200: {
      description: 'Year over year, or `status: "no_pack"` for the year with no adopted pack',
      content: { "application/json": { schema: z.union([YoySchema, NoPackSchema]) } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

const trend = createRoute({
  method: "get",
  path: "/units/{id}/trend",
  tags: ["evaluations"],
  summary: "Diễn biến qua các năm / Year-by-year tiers of a commune, or counts by tier of a subtree",
  request: { params: IdParam, query: z.object({ from: YearParam, to: YearParam, pack: z.string().optional() }) },
  responses: {
    200: { description: "Trend", content: { "application/json": { schema: TrendSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

/**
 * Evaluations computed by @ntm/core.
 * @example
 * v1.route("/", evaluationRoutes());
 */
export function evaluationRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(evaluation, async (c) => {
    const { id } = c.req.valid("param");
    const { year, pack } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    const packs = await loadPacks(db);
    const unit = tree.byId.get(id)!;
    const chosen = choosePack(tree, packs, unit, year, pack);
    if (!chosen.ok) return c.json(noPack(id, year, chosen.reason), 200);
    const compiled = chosen.compiled;
    // A unit's own evaluation is sent from the content cache (ETag, gzip, 304); a district's roll-up evaluation is computed.
    if (compiled.pack.level === "commune" || unit.level !== "district")
      return sendCachedJson(c, await cachedUnitEvaluation(db, tree, packs, unit, year, compiled)) as never;
    return c.json(await evaluateOne(db, tree, packs, id, year, pack), 200);
  });
  app.openapi(gap, async (c) => {
    const { id } = c.req.valid("param");
    const { year, pack } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const packs = await loadPacks(c.get("deps").db);
    const r = await evaluateOne(c.get("deps").db, tree, packs, id, year, pack);
    if (r.status === "no_pack") return c.json(r as unknown as Record<string, unknown>, 200);
    return c.json({ ...gapToNextTier(r) } as Record<string, unknown>, 200);
  });
  app.openapi(rollup, async (c) => {
    const { id } = c.req.valid("param");
    const { year, pack } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const packs = await loadPacks(c.get("deps").db);
    if (pack !== undefined) packOr404(packs, pack);
    return sendCachedJson(c, await cachedRollup(c.get("deps").db, tree, packs, id, year, pack)) as never;
  });
  app.openapi(trend, async (c) => {
    const { id } = c.req.valid("param");
    const { from, to, pack } = c.req.valid("query");
    if (to < from || to - from > 15)
      throw new ApiError("invalid_input", "Khoảng năm không hợp lệ (tối đa 16 năm) / invalid year range (at most 16 years)", [
        { path: "query.to", message: "to must be ≥ from and within 15 years" },
      ]);
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    const packs = await loadPacks(db);
    if (pack !== undefined) packOr404(packs, pack);
    const years = await computeTrend(db, tree, packs, id, from, to, pack);
    return c.json({ unitId: id, packId: pack ?? null, years }, 200);
  });
  app.openapi(changes, async (c) => {
    const { id } = c.req.valid("param");
    const { year, pack } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    const packs = await loadPacks(db);
    const [prev, cur] = [await evaluateOne(db, tree, packs, id, year - 1, pack), await evaluateOne(db, tree, packs, id, year, pack)];
    // Without a pack for either year there is nothing to compare: the no-pack answer says which.
    if (prev.status === "no_pack") return c.json(prev, 200);
    if (cur.status === "no_pack") return c.json(cur, 200);
    return c.json(compareYears(prev, cur), 200);
  });
  return app;
}
