/**
 * Grassroots democracy (plan II.5, quy chế dân chủ ở cơ sở): public consultations on NTM matters per
 * commune and year, validated by @ntm/core (`validateConsultation`), summarised per commune and year
 * (`summariseConsultations`), and, for a recognition dossier, the consultations that back its
 * satisfaction figure (`surveyBacking`). No required satisfaction share is applied here: the
 * recognition workflow's configuration holds it with its provenance.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { ConsultationSchema, summariseConsultations, validateConsultation } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { consultations } from "../db/schema.js";
import { ReasonOutSchema, jsonSafe, reasonsOut } from "../http/common.js";
import { authorize } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { recordRoutes } from "../http/recordRoutes.js";
import { IdParam } from "../http/schemas.js";
import { consultationOf, dossierSurveyBacking, loadDossierRow } from "../services/consultations.js";

export const ConsultationBodySchema = ConsultationSchema.omit({ id: true }).openapi("ConsultationInput");

const CommuneSummary = z.object({
  communeUnitId: z.string(),
  year: z.number().int(),
  consultations: z.number().int(),
  participants: z.number().int(),
  respondents: z.number().int(),
  satisfied: z.number().int(),
  satisfactionPercent: z.number().nullable(),
  reasons: z.array(ReasonOutSchema),
});

const BackingSchema = z
  .object({
    dossierId: z.string(),
    recordedPercent: z.number().nullable(),
    consultations: z.array(ConsultationSchema.extend({}).openapi("Consultation")),
    respondents: z.number().int(),
    satisfied: z.number().int(),
    surveyedPercent: z.number().nullable(),
    status: z.enum(["backed", "not_backed", "differs", "not_surveyed"]),
    reasons: z.array(ReasonOutSchema),
    threshold: z.string().openapi({ description: "Where the required share lives (not applied here)" }),
  })
  .openapi("SurveyBacking");

const backing = createRoute({
  method: "get",
  path: "/dossiers/{id}/consultations",
  tags: ["consultations"],
  summary: "Các lần lấy ý kiến làm căn cứ tỷ lệ hài lòng của hồ sơ / Consultations backing a dossier's satisfaction figure",
  request: { params: IdParam },
  responses: {
    200: { description: "The backing", content: { "application/json": { schema: BackingSchema } } },
    ...problemResponses(401, 403, 404),
  },
});

/**
 * GET/POST /v1/consultations, PUT /v1/consultations/{id}, GET /v1/dossiers/{id}/consultations.
 * @example
 * app.route("/", consultationRoutes());
 */
export function consultationRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.route(
    "/",
    recordRoutes({
      tag: "consultations",
      entity: "consultation",
      path: "/consultations",
      label: "lấy ý kiến nhân dân / public consultation",
      table: consultations,
      writeAction: "values.write",
      body: ConsultationBodySchema,
      item: ConsultationSchema.extend({}).openapi("Consultation"),
      query: z.object({
        year: z.coerce.number().int().min(2000).max(2100).optional(),
        dossierId: z.string().optional().openapi({ description: "Only those backing this recognition dossier" }),
      }),
      summary: z.object({ consultations: z.number().int(), communes: z.array(CommuneSummary) }).openapi("ConsultationSummary"),
      validate: (body, id) => validateConsultation({ ...body, id }),
      unitOf: (x) => x.communeUnitId,
      toRow: (x) => ({ data: jsonSafe(x) as Record<string, unknown>, extra: { year: x.year } }),
      fromRow: consultationOf,
      itemOut: (_row, x) => ({ ...x }),
      filter: (x, _row, q) => (!q.year || x.year === q.year) && (!q.dossierId || x.dossierId === q.dossierId),
      summarise: (list) => ({
        consultations: list.length,
        communes: summariseConsultations(list).map((s) => ({ ...s, reasons: reasonsOut(s.reasons) })),
      }),
    }),
  );

  app.openapi(backing, async (c) => {
    const { id } = c.req.valid("param");
    const { db } = c.get("deps");
    const row = await loadDossierRow(db, id);
    await authorize(c, "read", row.unitId);
    const b = await dossierSurveyBacking(db, row);
    return c.json(
      {
        ...b,
        reasons: reasonsOut(b.reasons),
        threshold:
          "Tỷ lệ hài lòng tối thiểu do cấu hình quy trình công nhận quy định, kèm căn cứ pháp lý / the required share is the recognition workflow's configuration, with its legal basis",
      },
      200,
    );
  });
  return app;
}
