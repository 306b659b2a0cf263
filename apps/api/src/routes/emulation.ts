/**
 * Emulation and discipline records (plan II.4): movements and campaigns, commendations given, and
 * criticism and discipline. Each is validated by @ntm/core (`validateMovement`, `validateCommendation`,
 * `validateDiscipline` and `checkDisciplineFinding` against the stored inspection records), filed under
 * a unit (scope and policy `values.write`), and listed with a summary; per subject, commendations and
 * discipline on record come from core's `recordsBySubject`, the input the annual ranking consumes.
 */
import { z } from "@hono/zod-openapi";
import {
  type Commendation,
  type Discipline,
  type EmulationMovement,
  CommendationSchema,
  DisciplineSchema,
  EmulationMovementSchema,
  checkDisciplineFinding,
  recordsBySubject,
  validateCommendation,
  validateDiscipline,
  validateMovement,
} from "@ntm/core";
import { commendations, disciplines, emulationMovements } from "../db/schema.js";
import { ReasonOutSchema, jsonSafe, reasonsOut } from "../http/common.js";
import { recordRoutes } from "../http/recordRoutes.js";
import type { RecordRow } from "../services/records.js";
import { loadInspections } from "../services/records.js";

export const MovementBodySchema = EmulationMovementSchema.omit({ id: true }).openapi("EmulationMovementInput");
export const CommendationBodySchema = CommendationSchema.omit({ id: true }).openapi("CommendationInput");
export const DisciplineBodySchema = DisciplineSchema.omit({ id: true }).openapi("DisciplineInput");

const SubjectKind = z.enum(["unit", "organisation", "person"]);
const YearQuery = z.coerce.number().int().min(2000).max(2100).optional().openapi({ description: "Year of the decision" });

const SubjectRecordSchema = z.object({
  subject: z.object({ kind: z.string(), id: z.string(), name: z.string() }),
  commendations: z.array(z.string()),
  disciplines: z.array(z.string()),
  reasons: z.array(ReasonOutSchema),
});

const RecordsSummarySchema = (name: string) =>
  z
    .object({
      records: z.number().int(),
      byForm: z.record(z.string(), z.number().int()),
      subjects: z.array(SubjectRecordSchema),
    })
    .openapi(name);

const of = <T>(row: RecordRow): T => ({ ...(row.data as T), id: row.id });
const yearOf = (date: string) => Number(date.slice(0, 4));
const countBy = <T>(values: readonly T[], key: (v: T) => string) => {
  const out: Record<string, number> = {};
  for (const v of values) out[key(v)] = (out[key(v)] ?? 0) + 1;
  return out;
};
const subjectsOut = (list: ReturnType<typeof recordsBySubject>) =>
  list.map((s) => ({
    subject: s.subject,
    commendations: s.outstanding.map((c) => c.id),
    disciplines: s.discipline.map((d) => d.id),
    reasons: reasonsOut(s.reasons),
  }));

/**
 * GET/POST /v1/emulation-movements, PUT /v1/emulation-movements/{id}.
 * @example
 * app.route("/", movementRoutes());
 */
export function movementRoutes() {
  return recordRoutes({
    tag: "emulation",
    entity: "emulation_movement",
    path: "/emulation-movements",
    label: "phong trào thi đua / emulation movement",
    table: emulationMovements,
    writeAction: "values.write",
    body: MovementBodySchema,
    item: EmulationMovementSchema.extend({}).openapi("EmulationMovement"),
    query: z.object({
      year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ description: "Movements running in the year" }),
      kind: z.enum(["movement", "campaign"]).optional(),
    }),
    summary: z
      .object({ movements: z.number().int(), participants: z.number().int(), pledges: z.number().int() })
      .openapi("EmulationMovementSummary"),
    validate: (body, id) => validateMovement({ ...body, id }),
    unitOf: (m) => m.unitId,
    toRow: (m) => ({ data: jsonSafe(m) as Record<string, unknown>, extra: { year: yearOf(m.period.from) } }),
    fromRow: (row) => of<EmulationMovement>(row),
    itemOut: (_row, m) => ({ ...m }),
    filter: (m, _row, q) =>
      (!q.kind || m.kind === q.kind) &&
      (!q.year || (yearOf(m.period.from) <= q.year && (m.period.to === undefined || yearOf(m.period.to) >= q.year))),
    summarise: (list) => ({
      movements: list.length,
      participants: list.reduce((a, m) => a + m.participants.length, 0),
      pledges: list.reduce((a, m) => a + m.pledges.length, 0),
    }),
  });
}

/**
 * GET/POST /v1/commendations, PUT /v1/commendations/{id}.
 * @example
 * app.route("/", commendationRoutes());
 */
export function commendationRoutes() {
  return recordRoutes({
    tag: "emulation",
    entity: "commendation",
    path: "/commendations",
    label: "khen thưởng / commendation",
    table: commendations,
    writeAction: "values.write",
    body: CommendationBodySchema,
    item: CommendationSchema.extend({}).openapi("Commendation"),
    query: z.object({ year: YearQuery, subjectKind: SubjectKind.optional(), form: CommendationSchema.shape.form.optional() }),
    summary: RecordsSummarySchema("CommendationSummary"),
    validate: (body, id) => validateCommendation({ ...body, id }),
    unitOf: (c) => c.unitId,
    toRow: (c) => ({ data: jsonSafe(c) as Record<string, unknown>, extra: { year: yearOf(c.decision.date) } }),
    fromRow: (row) => of<Commendation>(row),
    itemOut: (_row, c) => ({ ...c }),
    filter: (c, _row, q) =>
      (!q.year || yearOf(c.decision.date) === q.year) &&
      (!q.subjectKind || c.subject.kind === q.subjectKind) &&
      (!q.form || c.form === q.form),
    summarise: (list) => ({
      records: list.length,
      byForm: countBy(list, (c) => c.form),
      subjects: subjectsOut(recordsBySubject(list, [])),
    }),
  });
}

/**
 * GET/POST /v1/disciplines, PUT /v1/disciplines/{id}; a linked finding must exist among the stored
 * inspection records.
 * @example
 * app.route("/", disciplineRoutes());
 */
export function disciplineRoutes() {
  return recordRoutes({
    tag: "emulation",
    entity: "discipline",
    path: "/disciplines",
    label: "phê bình, kỷ luật / criticism or discipline",
    table: disciplines,
    writeAction: "values.write",
    body: DisciplineBodySchema,
    item: DisciplineSchema.extend({}).openapi("Discipline"),
    query: z.object({ year: YearQuery, subjectKind: SubjectKind.optional(), form: DisciplineSchema.shape.form.optional() }),
    summary: RecordsSummarySchema("DisciplineSummary"),
    validate: (body, id) => validateDiscipline({ ...body, id }),
    verify: async (d, db) =>
      checkDisciplineFinding(
        d,
        (await loadInspections(db)).map((s) => s.record),
      ),
    unitOf: (d) => d.unitId,
    toRow: (d) => ({ data: jsonSafe(d) as Record<string, unknown>, extra: { year: yearOf(d.decision.date) } }),
    fromRow: (row) => of<Discipline>(row),
    itemOut: (_row, d) => ({ ...d }),
    filter: (d, _row, q) =>
      (!q.year || yearOf(d.decision.date) === q.year) &&
      (!q.subjectKind || d.subject.kind === q.subjectKind) &&
      (!q.form || d.form === q.form),
    summarise: (list) => ({
      records: list.length,
      byForm: countBy(list, (d) => d.form),
      subjects: subjectsOut(recordsBySubject([], list)),
    }),
  });
}
