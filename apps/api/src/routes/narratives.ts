/**
 * The narrative parts of the progress report (II hạn chế, nguyên nhân; III phương hướng; IV kiến nghị),
 * written by the office per unit and report period: GET, and PUT validated by @ntm/core
 * (`validateReportNarrative`), versioned with If-Match (creation: no If-Match or "0"), audited, policy
 * `plan.write` on the unit. The progress report (GET /v1/reports/progress.docx) prints what is stored.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { validateReportNarrative } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { checkVersion, readIfMatch, requireVersion, setEtag, unwrap } from "../http/common.js";
import { authorize, requireUser } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { narrativeOf, narrativeRow, saveNarrative } from "../services/narratives.js";

const Lines = z.array(z.string());
const NarrativeBody = z
  .object({
    shortcomings: Lines.openapi({ description: "II.1 Hạn chế, khuyết điểm: one paragraph per item" }),
    causes: Lines.openapi({ description: "II.2 Nguyên nhân" }),
    directions: Lines.openapi({ description: "III. Phương hướng, nhiệm vụ thời gian tới" }),
    recommendations: Lines.openapi({ description: "IV.3 Kiến nghị khác (besides commendation and criticism, which are computed)" }),
  })
  .openapi("ReportNarrativeInput");
const NarrativeOut = z
  .object({
    unitId: z.string(),
    period: z.string(),
    version: z.number().int().openapi({ description: "0 when nothing is stored yet" }),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    data: NarrativeBody,
  })
  .openapi("ReportNarrative");
const Query = z.object({
  period: z.string().openapi({ example: "2025S1" }),
  unitId: z.string().optional().openapi({ description: "The unit the report covers (default: your scope)" }),
});

const get = createRoute({
  method: "get",
  path: "/report-narratives",
  tags: ["reports"],
  summary: "Phần nhận định của báo cáo (II, III, IV) / The report's narrative parts for a unit and period",
  request: { query: Query },
  responses: {
    200: {
      description: "Stored or empty",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: NarrativeOut } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});
const put = createRoute({
  method: "put",
  path: "/report-narratives",
  tags: ["reports"],
  summary: 'Lưu phần nhận định của báo cáo / Save the narrative parts (If-Match; creation without it or with "0")',
  request: { query: Query, body: { required: true, content: { "application/json": { schema: NarrativeBody } } } },
  responses: {
    200: {
      description: "Saved",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: NarrativeOut } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

/**
 * GET/PUT /v1/report-narratives?period=&unitId=.
 * @example
 * app.route("/", narrativeRoutes());
 */
export function narrativeRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(get, async (c) => {
    const q = c.req.valid("query");
    const unitId = q.unitId ?? requireUser(c).scopeUnitId;
    await authorize(c, "read", unitId);
    const { db } = c.get("deps");
    const empty = { shortcomings: [], causes: [], directions: [], recommendations: [] };
    unwrap(validateReportNarrative(q.period, empty), "Kỳ báo cáo không hợp lệ / invalid period", ["query"]);
    const row = await narrativeRow(db, unitId, q.period);
    setEtag(c, row?.version ?? 0);
    return c.json(
      {
        unitId,
        period: q.period,
        version: row?.version ?? 0,
        updatedAt: row?.updatedAt.toISOString() ?? null,
        updatedBy: row?.updatedBy ?? null,
        data: row ? narrativeOf(row) : empty,
      },
      200,
    );
  });

  app.openapi(put, async (c) => {
    const q = c.req.valid("query");
    const unitId = q.unitId ?? requireUser(c).scopeUnitId;
    const { user } = await authorize(c, "plan.write", unitId);
    const { db, now } = c.get("deps");
    // The period is a query parameter: its problem is named there, the paragraphs' in the body.
    const checked = validateReportNarrative(q.period, c.req.valid("json"));
    const data = unwrap(
      checked.ok
        ? checked
        : { ...checked, issues: checked.issues.map((i) => (i.path[0] === "period" ? { ...i, path: ["query", "period"] } : i)) },
      "Phần nhận định không hợp lệ / invalid narrative",
    );
    const cur = await narrativeRow(db, unitId, q.period);
    if (cur) requireVersion(c, cur.version);
    else checkVersion(readIfMatch(c) ?? 0, 0);
    const row = await saveNarrative(db, user, unitId, q.period, data, cur, now());
    setEtag(c, row.version);
    return c.json(
      { unitId, period: q.period, version: row.version, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy, data },
      200,
    );
  });
  return app;
}
