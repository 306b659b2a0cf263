/**
 * The ranking routes: GET the annual ranking of the communes below a unit, GET/PUT the scoring scheme
 * (validated by core `parseScoringScheme`) and the entered scoring inputs. The ranking is computed by
 * the ranking service (services/rankings.ts), which loads the facts and calls @ntm/core.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type RankedLevel, type Reason, CLASSIFICATION_LEVEL_LABELS, ScoringInputsSchema, enteredInputReasons } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { authorize } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { loadPacks } from "../services/packs.js";
import { computeRanking, noPackCommunes, schemeFor } from "../services/rankings.js";
import { computeSubjectRanking, reviewDay, subjectSchemeFor } from "../services/subjectRankings.js";
import { ReasonOutSchema, readIfMatch, reasonsOut, setEtag } from "../http/common.js";
import { enteredInputsOf, loadScoringInputs, saveScoringInputs, saveScoringScheme } from "../services/scoring.js";

const Localized = z.object({ vi: z.string(), en: z.string() });
const levelLabel = (l: RankedLevel) => CLASSIFICATION_LEVEL_LABELS[l] ?? { vi: l, en: l };

const KindParam = z
  .enum(["unit", "organisation", "person"])
  .default("unit")
  .openapi({
    param: { name: "kind", in: "query" },
    description: "Đối tượng / subject kind: unit (communes), organisation, person",
  });
const CandidateOut = z.object({ unitId: z.string(), name: z.string(), rank: z.number().int(), reasons: z.array(ReasonOutSchema) });

const RankingOutSchema = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    kind: z.enum(["unit", "organisation", "person"]),
    classificationBasis: z.object({ basis: z.string(), verified: z.boolean() }),
    regime: z.object({ id: z.string(), bands: z.record(z.string(), z.unknown()), quota: z.record(z.string(), z.unknown()) }),
    scheme: z.object({
      id: z.string(),
      version: z.string(),
      isDefault: z.boolean(),
      verified: z.boolean(),
      definedAt: z.string().nullable(),
    }),
    rows: z.array(
      z.object({
        rank: z.number().int(),
        unitId: z.string(),
        name: z.string(),
        score: z.number(),
        level: z.string().openapi({
          description:
            'The classification level, or "incomplete_data" when the commune lacks scoring inputs (no level is given; see dataComplete)',
        }),
        levelLabel: Localized,
        bandLevel: z.string(),
        dataComplete: z.boolean().openapi({
          description:
            "False when a scheme component has no value (or a ratio no denominator): the score is provisional, no level is given, and the commune is neither commended nor criticised for missing data",
        }),
        missingInputs: z.array(z.object({ component: z.string(), field: z.string() })),
        criteriaMet: z.number().int(),
        criteriaLost: z.number().int(),
        components: z.array(
          z.object({
            id: z.string(),
            value: z.number().nullable(),
            points: z.number(),
            capped: z.boolean(),
            reasons: z.array(ReasonOutSchema),
          }),
        ),
        inputs: z.record(z.string(), z.number()),
        reasons: z.array(ReasonOutSchema),
        responsibleFor: z.array(z.string()).openapi({ description: "Organisations and persons: the communes it answers for" }),
        facts: z.array(ReasonOutSchema).openapi({ description: "Organisations and persons: how its facts were read (tasks, communes)" }),
        entered: z.array(ReasonOutSchema).openapi({
          description:
            "Communes: the scoring inputs entered by hand (core enteredInputReasons): each field's value, its evidence, who saved it, when, and the version; `ranking.entered_none` when none were entered",
        }),
      }),
    ),
    quota: z.array(
      z.object({
        group: z.string(),
        candidates: z.number().int(),
        kept: z.number().int(),
        good: z.number().int(),
        moved: z.array(z.string()),
      }),
    ),
    commendations: z.array(CandidateOut),
    criticisms: z.array(CandidateOut),
    reasons: z.array(ReasonOutSchema),
    noPack: z.array(z.object({ unitId: z.string(), name: z.string(), reasons: z.array(ReasonOutSchema) })).openapi({
      description: "Communes with no pack adopted for the year (Chưa áp dụng bộ tiêu chí): not ranked, never counted as not met",
    }),
  })
  .openapi("Ranking");

const SchemeOutSchema = z
  .object({
    unitId: z.string(),
    definedAt: z.string().nullable(),
    isDefault: z.boolean(),
    version: z.number().int(),
    scheme: z.record(z.string(), z.unknown()),
  })
  .openapi("ScoringSchemeRecord");

const getRanking = createRoute({
  method: "get",
  path: "/units/{id}/ranking",
  tags: ["ranking"],
  summary:
    "Đánh giá, xếp loại, xếp hạng hằng năm / Annual ranking of the communes, organisations or persons below a unit (core rankUnits, rankSubjects)",
  description:
    "Order: final class first, then score, then criteria met, fewer criteria lost, name in Vietnamese collation, id (the `ranking.order` reason). Classification by 366-QĐ/TW from 2025 and 124-QĐ/TW before, or the kind's scheme; caps and the excellent quota are applied by core with reasons; every row ends with why it has its class.",
  request: { params: IdParam, query: z.object({ year: YearParam, kind: KindParam }) },
  responses: {
    200: { description: "Ranking", content: { "application/json": { schema: RankingOutSchema } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

const getScheme = createRoute({
  method: "get",
  path: "/units/{id}/scoring-scheme",
  tags: ["ranking"],
  summary: "Thang điểm áp dụng / The scoring scheme that applies to a unit (own, inherited, or the default)",
  description:
    "kind=unit (default): the communes' scoring scheme (ScoringScheme). kind=organisation|person: the subject scheme (SubjectScheme: scoring, classification basis, bands, quota, caps).",
  request: { params: IdParam, query: z.object({ kind: KindParam }) },
  responses: {
    200: {
      description: "Scheme",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: SchemeOutSchema } },
    },
    ...problemResponses(401, 403, 404),
  },
});

const putScheme = createRoute({
  method: "put",
  path: "/units/{id}/scoring-scheme",
  tags: ["ranking"],
  summary: "Đặt thang điểm / Store a unit's scoring scheme (validated by core; 422 with paths; If-Match once one exists)",
  description:
    "kind=unit (default): a ScoringScheme. kind=organisation|person: a SubjectScheme of that kind (versioned per unit, audited).",
  request: {
    params: IdParam,
    query: z.object({ kind: KindParam }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.record(z.string(), z.unknown()).openapi("ScoringSchemeInput", {
            description:
              "A scoring scheme as @ntm/core's ScoringSchemeSchema (weights of non-penalty components add up to 100), or for kind=organisation|person a SubjectSchemeSchema",
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "Saved",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: SchemeOutSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

// Core's schema (evidence per field, at most SCORING_EVIDENCE_MAX characters); the service runs core's checkScoringInputs.
const InputsSchema = ScoringInputsSchema.extend({}).openapi("ScoringInputs", {
  description:
    'Entered scoring inputs; `evidence` names the source document of each field (e.g. "Báo cáo số 12/BC-UBND ngày 05/12/2025"). Checked by core checkScoringInputs: done ≤ assigned, on time ≤ done, exceeding ≤ done, met ≤ total, reports on time/overdue ≤ reports due, evidence only with its value.',
});
const InputsOut = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    version: z.number().int(),
    updatedBy: z.string().nullable().openapi({ description: "Username of who saved the inputs last" }),
    updatedByName: z
      .string()
      .nullable()
      .openapi({ description: 'Their display name, as screens show it ("dữ liệu mẫu" for the demo seed)' }),
    updatedAt: z
      .string()
      .nullable()
      .openapi({ description: "When the inputs were last saved (ISO 8601, Vietnamese time +07:00); null before the first save" }),
    inputs: InputsSchema,
  })
  .openapi("ScoringInputsRecord");
const InputsPath = z.object({ id: IdParam.shape.id, year: YearParam.openapi({ param: { name: "year", in: "path" } }) });

const getInputs = createRoute({
  method: "get",
  path: "/units/{id}/scoring-inputs/{year}",
  tags: ["ranking"],
  summary:
    "Số liệu chấm điểm nhập tay / Entered scoring inputs of a unit for a year (tasks, targets, reports, planned resources, discipline)",
  request: { params: InputsPath },
  responses: {
    200: {
      description: "Inputs (version 0 when none)",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: InputsOut } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

const putInputs = createRoute({
  method: "put",
  path: "/units/{id}/scoring-inputs/{year}",
  tags: ["ranking"],
  summary: "Nhập số liệu chấm điểm / Enter a unit's scoring inputs for a year (validated by core; If-Match once they exist)",
  request: { params: InputsPath, body: { required: true, content: { "application/json": { schema: InputsSchema } } } },
  responses: {
    200: {
      description: "Saved",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: InputsOut } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

/**
 * Ranking and scoring schemes.
 * @example
 * app.route("/", rankingRoutes());
 */
export function rankingRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(getRanking, async (c) => {
    const { id } = c.req.valid("param");
    const { year, kind } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const { db, now } = c.get("deps");
    const packs = await loadPacks(db);
    const r =
      kind === "unit"
        ? await computeRanking(db, tree, packs, id, year).then(({ ranking, units, definedAt }) => ({
            ranking: {
              ...ranking,
              kind,
              classificationBasis: { basis: ranking.regime.bands.basis, verified: ranking.regime.bands.verified },
            },
            inputs: new Map(units.map((u) => [u.unitId, u.values])),
            derived: new Map<string, { responsibleFor: string[]; reasons: Reason[] }>(),
            definedAt,
            noPack: noPackCommunes(tree, packs, id, year),
          }))
        : await computeSubjectRanking(db, tree, packs, id, year, kind, reviewDay(year, now())).then(({ ranking, subjects, definedAt }) => ({
            ranking,
            inputs: new Map(subjects.map((s) => [s.unit.unitId, s.unit.values])),
            derived: new Map(subjects.map((s) => [s.unit.unitId, s])),
            definedAt,
            noPack: [],
          }));
    const { ranking } = r;
    const entered =
      kind === "unit"
        ? await enteredInputsOf(
            db,
            ranking.rows.map((x) => x.unitId),
            year,
          )
        : new Map();
    const nameOf = new Map(ranking.rows.map((x) => [x.unitId, x.name ?? x.unitId]));
    const candidate = (x: { unitId: string; rank: number; reasons: Reason[] }) => ({
      unitId: x.unitId,
      name: nameOf.get(x.unitId) ?? x.unitId,
      rank: x.rank,
      reasons: reasonsOut(x.reasons),
    });
    return c.json(
      {
        unitId: id,
        year,
        kind: ranking.kind,
        classificationBasis: ranking.classificationBasis,
        regime: { id: ranking.regime.id, bands: { ...ranking.regime.bands }, quota: { ...ranking.regime.quota } },
        scheme: { ...ranking.scheme, definedAt: r.definedAt },
        rows: ranking.rows.map((x) => ({
          rank: x.rank,
          unitId: x.unitId,
          name: x.name ?? x.unitId,
          score: x.score,
          level: x.level,
          levelLabel: levelLabel(x.level),
          bandLevel: x.bandLevel,
          dataComplete: x.dataComplete,
          missingInputs: x.missingInputs,
          criteriaMet: x.criteriaMet,
          criteriaLost: x.criteriaLost,
          components: x.components.map((k) => ({
            id: k.id,
            value: k.value,
            points: k.points,
            capped: k.capped,
            reasons: reasonsOut(k.reasons),
          })),
          inputs: r.inputs.get(x.unitId) ?? {},
          reasons: reasonsOut(x.reasons),
          responsibleFor: r.derived.get(x.unitId)?.responsibleFor ?? [],
          facts: reasonsOut(r.derived.get(x.unitId)?.reasons ?? []),
          entered:
            kind === "unit"
              ? reasonsOut(
                  enteredInputReasons(
                    entered.get(x.unitId)?.inputs ?? {},
                    entered.get(x.unitId)?.entry ?? { version: 0, by: null, at: null },
                  ),
                )
              : [],
        })),
        quota: ranking.quota,
        commendations: ranking.commendations.map(candidate),
        criticisms: ranking.criticisms.map(candidate),
        reasons: reasonsOut(ranking.reasons),
        noPack: r.noPack.map((n) => ({ unitId: n.unitId, name: n.name, reasons: reasonsOut(n.reasons) })),
      },
      200,
    );
  });

  app.openapi(getScheme, async (c) => {
    const { id } = c.req.valid("param");
    const { kind } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const s = kind === "unit" ? await schemeFor(c.get("deps").db, tree, id) : await subjectSchemeFor(c.get("deps").db, tree, id, kind);
    setEtag(c, s.definedAt === id ? s.version : 0);
    return c.json(
      {
        unitId: id,
        definedAt: s.definedAt,
        isDefault: s.definedAt === null,
        version: s.definedAt === id ? s.version : 0,
        scheme: s.scheme as unknown as Record<string, unknown>,
      },
      200,
    );
  });

  app.openapi(putScheme, async (c) => {
    const { id } = c.req.valid("param");
    const { kind } = c.req.valid("query");
    const { user } = await authorize(c, "plan.write", id);
    const { db, now } = c.get("deps");
    const saved = await saveScoringScheme(db, user, id, c.req.valid("json"), readIfMatch(c), now(), kind);
    setEtag(c, saved.version);
    return c.json(
      { unitId: id, definedAt: id, isDefault: false, version: saved.version, scheme: saved.scheme as unknown as Record<string, unknown> },
      200,
    );
  });

  app.openapi(getInputs, async (c) => {
    const { id, year } = c.req.valid("param");
    await authorize(c, "read", id);
    const stored = await loadScoringInputs(c.get("deps").db, id, year);
    setEtag(c, stored.version);
    return c.json({ unitId: id, year, ...stored }, 200);
  });

  app.openapi(putInputs, async (c) => {
    const { id, year } = c.req.valid("param");
    const { user } = await authorize(c, "plan.write", id);
    const { db, now } = c.get("deps");
    const saved = await saveScoringInputs(db, user, id, year, c.req.valid("json"), readIfMatch(c), now());
    setEtag(c, saved.version);
    return c.json({ unitId: id, year, ...saved }, 200);
  });

  return app;
}
