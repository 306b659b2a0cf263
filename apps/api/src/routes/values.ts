import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { evaluationInput } from "../services/evaluations.js";
import { authorize } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { loadPacks } from "../services/packs.js";
import { etagOf } from "../values.js";
import {
  ValuesBodySchema,
  ValuesDocSchema,
  valuesOut,
  listValueYears,
  loadValuesRow,
  putValues as putUnitValues,
  valuesHistory,
  writePrecondition,
} from "../services/values.js";

const YearPath = z.object({ id: IdParam.shape.id, year: YearParam.openapi({ param: { name: "year", in: "path" } }) });

const listYears = createRoute({
  method: "get",
  path: "/units/{id}/values",
  tags: ["values"],
  summary: "Các năm đã có số liệu / Years with values for a unit",
  request: { params: IdParam },
  responses: {
    200: {
      description: "Years",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(z.object({ year: z.number().int(), version: z.number().int(), updatedAt: z.string() })) }),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const getValues = createRoute({
  method: "get",
  path: "/units/{id}/values/{year}",
  tags: ["values"],
  summary: "Số liệu chỉ tiêu của đơn vị trong năm / A unit's indicator values for a year (ETag = version)",
  request: { params: YearPath },
  responses: {
    200: {
      description: "Values (version 0 when empty)",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: ValuesDocSchema } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

const putValues = createRoute({
  method: "put",
  path: "/units/{id}/values/{year}",
  tags: ["values"],
  summary: "Ghi số liệu / Replace a unit's values for a year (If-Match required once values exist; stale → 412)",
  description: [
    "Validated by @ntm/core `validateValues` against the tier ladder of `pack` (default: the ladder adopted for the unit and year; with none, the values schema only); problems come back as 422 with JSON paths.",
    'Preconditions: to update, send `If-Match: "<version>"` (the ETag you read); a stale version → 412. To create, send `If-None-Match: *` (or `If-Match: "0"`, the version of absent values); if values exist → 412.',
    "Without either header the request also only creates, and answers 428 when values exist.",
    "Of concurrent creators of one unit-year exactly one succeeds; the others get 412 (or 428 without a header), never a lost update.",
    "A unit-year approved and locked by the level above (PUT /v1/units/{id}/values/{year}/lock) refuses the write: 409 problem+json saying who locked it and when.",
  ].join(" "),
  request: {
    params: YearPath,
    query: z.object({ pack: z.string().optional() }),
    headers: z.object({
      "if-match": z.string().optional(),
      "if-none-match": z.string().optional().openapi({ description: "* : create only (412 if values exist)" }),
    }),
    body: { required: true, content: { "application/json": { schema: ValuesBodySchema } } },
  },
  responses: {
    200: {
      description: "Saved",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: ValuesDocSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});

const CellValue = z.union([z.number(), z.boolean(), z.null()]);
const EvaluationInputSchema = z
  .object({
    doc: z.object({
      unit: z.object({ id: z.string(), name: z.string(), level: z.string() }).passthrough(),
      year: z.number().int(),
      values: z.record(z.string(), CellValue),
      inputs: z.record(z.string(), z.number()).optional(),
      notApplicable: z.array(z.string()).optional(),
      children: z.array(z.object({ unit: z.object({ id: z.string() }).passthrough(), values: z.record(z.string(), CellValue) })).optional(),
    }),
    classification: z.object({ year: z.number().int(), level: z.string() }).nullable(),
    ladder: z.array(z.string()),
    previousValues: z.record(z.string(), CellValue),
  })
  .openapi("EvaluationInput");

const evaluationInputRoute = createRoute({
  method: "get",
  path: "/units/{id}/values/{year}/evaluation-input",
  tags: ["values"],
  summary:
    "Dữ liệu để tự đánh giá trên máy / What a client needs to evaluate typed values as the API does (the values document with hamlets, 18.2 classification, adopted ladder, last year's values)",
  description:
    "The web app's data-entry preview runs @ntm/core `previewValuesChange` over this document and the packs of `ladder` (GET /v1/packs/{id}), so the badge and the tier change shown before saving are those the roll-up computes after.",
  request: { params: YearPath },
  responses: {
    200: { description: "Evaluation input", content: { "application/json": { schema: EvaluationInputSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

const HistoryEntrySchema = z
  .object({
    at: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    version: z.number().int().nullable(),
    changed: z
      .array(z.object({ key: z.string(), from: z.unknown(), to: z.unknown() }))
      .openapi({ description: "Indicators (and `input:` counts, `note:` evidence notes) whose value changed" }),
  })
  .openapi("ValuesHistoryEntry");

const history = createRoute({
  method: "get",
  path: "/units/{id}/values/{year}/history",
  tags: ["values"],
  summary: "Lịch sử sửa số liệu / Who changed a unit's values for a year, and what (newest first)",
  request: { params: YearPath },
  responses: {
    200: { description: "History", content: { "application/json": { schema: z.object({ items: z.array(HistoryEntrySchema) }) } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

/**
 * Indicator values per unit and year, with ETags.
 * @example
 * v1.route("/", valueRoutes());
 */
export function valueRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listYears, async (c) => {
    const { id } = c.req.valid("param");
    await authorize(c, "read", id);
    return c.json({ items: await listValueYears(c.get("deps").db, id) }, 200);
  });
  app.openapi(history, async (c) => {
    const { id, year } = c.req.valid("param");
    await authorize(c, "read", id);
    const items = await valuesHistory(c.get("deps").db, id, year);
    return c.json({ items }, 200);
  });
  app.openapi(evaluationInputRoute, (async (c: Context<AppEnv>) => {
    const id = c.req.param("id")!;
    const year = YearParam.parse(c.req.param("year"));
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    return c.json(await evaluationInput(db, tree, await loadPacks(db), tree.byId.get(id)!, year), 200);
  }) as never);
  app.openapi(getValues, async (c) => {
    const { id, year } = c.req.valid("param");
    await authorize(c, "read", id);
    const row = await loadValuesRow(c.get("deps").db, id, year);
    const out = valuesOut(id, year, row);
    c.header("ETag", etagOf(out.version));
    return c.json(out, 200);
  });
  app.openapi(putValues, async (c) => {
    const { id, year } = c.req.valid("param");
    const { user, tree } = await authorize(c, "values.write", id);
    const body = c.req.valid("json");
    const { db, now } = c.get("deps");
    const precondition = writePrecondition(c.req.header("if-match"), c.req.header("if-none-match"));
    const packId = c.req.valid("query").pack;
    const packs = await loadPacks(db);
    const row = await putUnitValues(db, packs, tree, user, tree.byId.get(id)!, year, body, precondition, packId, now());
    c.header("ETag", etagOf(row.version));
    return c.json(valuesOut(id, year, row), 200);
  });
  return app;
}
