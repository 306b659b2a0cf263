/**
 * Inspection and supervision records (kiểm tra, giám sát; plan III.5): records validated by
 * @ntm/core (`validateInspectionRecord`), written by the Inspection Committee in its scope (policy
 * `inspection.write`), summarised per subject (`summariseInspections`) with overdue recommendations
 * (`overdueRecommendations`) on a date.
 */
import { z } from "@hono/zod-openapi";
import { overdueRecommendations, summariseInspections, validateInspectionRecord } from "@ntm/core";
import { inspections } from "../db/schema.js";
import { ReasonOutSchema, reasonsOut } from "../http/common.js";
import { recordRoutes } from "../http/recordRoutes.js";
import { inspectionOf } from "../services/records.js";

const DateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected yyyy-mm-dd");

export const InspectionBodySchema = z
  .object({
    unitId: z
      .string()
      .min(1)
      .openapi({ description: "The unit the record is filed under (the inspected unit, or the unit of the inspected organisation)" }),
    subject: z.object({ kind: z.enum(["unit", "organisation"]), id: z.string().min(1), name: z.string().min(1) }),
    date: DateField,
    kind: z.enum(["inspection", "supervision"]),
    conductedBy: z.string().min(1).optional(),
    findings: z.array(z.string().min(1)),
    recommendations: z.array(
      z.object({
        id: z.string().min(1),
        text: z.string().min(1),
        responsible: z.string().min(1),
        dueDate: DateField,
        status: z.enum(["open", "in_progress", "done"]),
        doneOn: DateField.optional(),
        finding: z.number().int().min(0).optional().openapi({ description: "The finding (kết luận) it follows up: index in findings" }),
        remedy: z.string().min(1).optional().openapi({ description: "Việc khắc phục: what was done about it" }),
      }),
    ),
  })
  .openapi("InspectionInput");

const SummarySchema = z
  .object({
    records: z.number().int(),
    findings: z.number().int(),
    overdueRecommendations: z.array(
      z.object({
        recordId: z.string(),
        recommendationId: z.string(),
        subject: z.object({ kind: z.string(), id: z.string(), name: z.string() }),
        text: z.string(),
        responsible: z.string(),
        dueDate: z.string(),
        status: z.string(),
        daysOverdue: z.number().int(),
        reasons: z.array(ReasonOutSchema),
      }),
    ),
    subjects: z.array(
      z.object({
        subject: z.object({ kind: z.string(), id: z.string(), name: z.string() }),
        inspections: z.number().int(),
        supervisions: z.number().int(),
        lastDate: z.string(),
        findings: z.number().int(),
        recommendations: z.record(z.string(), z.number().int()),
        overdue: z.array(z.string()),
        reasons: z.array(ReasonOutSchema),
      }),
    ),
  })
  .openapi("InspectionSummary");

/**
 * The inspection routes (GET/POST /v1/inspections, PUT /v1/inspections/{id}).
 * @example
 * app.route("/", inspectionRoutes());
 */
export function inspectionRoutes() {
  return recordRoutes({
    tag: "inspections",
    entity: "inspection",
    path: "/inspections",
    label: "biên bản kiểm tra, giám sát / inspection record",
    table: inspections,
    writeAction: "inspection.write",
    body: InspectionBodySchema,
    item: InspectionBodySchema.extend({ id: z.string() }).openapi("InspectionRecord"),
    query: z.object({
      kind: z.enum(["inspection", "supervision"]).optional(),
      year: z.coerce.number().int().min(2000).max(2100).optional(),
    }),
    summary: SummarySchema,
    importKind: "inspections",
    validate: (body, id) => {
      const { unitId: _u, ...record } = body;
      const r = validateInspectionRecord({ ...record, id });
      return r.ok ? { ok: true as const, value: { unitId: body.unitId, record: r.value } } : r;
    },
    unitOf: (s) => s.unitId,
    toRow: (s) => ({ data: { ...s.record } as Record<string, unknown>, extra: { period: s.record.date.slice(0, 4) } }),
    fromRow: inspectionOf,
    itemOut: (_row, s) => ({ ...s.record, unitId: s.unitId }),
    computed: (s, { asOf }) => ({
      overdueRecommendations: overdueRecommendations([s.record], asOf).map((o) => ({
        recommendationId: o.recommendationId,
        dueDate: o.dueDate,
        daysOverdue: o.daysOverdue,
        reasons: reasonsOut(o.reasons),
      })),
    }),
    filter: (s, _row, q) => (!q.kind || s.record.kind === q.kind) && (!q.year || s.record.date.startsWith(String(q.year))),
    summarise: (values, { asOf }) => {
      const records = values.map((v) => v.record);
      return {
        records: records.length,
        findings: records.reduce((a, r) => a + r.findings.length, 0),
        overdueRecommendations: overdueRecommendations(records, asOf).map((o) => ({ ...o, reasons: reasonsOut(o.reasons) })),
        subjects: summariseInspections(records, asOf).map((s) => ({ ...s, reasons: reasonsOut(s.reasons) })),
      };
    },
  });
}
