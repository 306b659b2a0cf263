/**
 * Annual evaluation, classification and ranking of the communes below a unit (@ntm/core `rankUnits`)
 * with the default scoring scheme or a stored one (the nearest ancestor's), and GET/PUT of the scheme
 * (validated by core `parseScoringScheme`). Inputs are assembled from the database: evaluations
 * (criteria met, tier reached), year-over-year changes, OCOP counts, contributions, inspection findings
 * and revocations. Values the database does not hold (task counts, programme targets, planned
 * resources, commune reports) are left out and the scores say so in their reasons; a commune that
 * lacks any scheme input gets no level (`dataComplete: false`, level "incomplete_data") and is never
 * proposed for commendation or criticism on missing data (core `rankUnits`). Indicator 18.2 of each
 * commune is taken from (or checked against) its classification of the previous year ({@link classificationsOf}).
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  type EvaluationResult, type RankedLevel, type Ranking, type RankingUnit, type ScoringScheme, CLASSIFICATION_LEVEL_LABELS, DEFAULT_SCORING_SCHEME,
  RESOURCE_SOURCES, RankingUnitSchema, compareYears, countOcopByCommune, parseDong, parseScoringScheme, rankUnits, zodIssues,
  type Reason,
} from "@ntm/core";
import { and, eq } from "drizzle-orm";
import type { AppEnv } from "../context.js";
import type { Db } from "../db/index.js";
import { dossiers, scoring } from "../db/schema.js";
import { writeAudit } from "../audit.js";
import { authorize } from "../http/guard.js";
import { ApiError, issuesToFields, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { type LoadedPacks, loadPacks } from "../services/packs.js";
import { type Classification182, evaluateLadder } from "../evaluate.js";
import type { UnitTree } from "../units.js";
import { subtreeDocs } from "../values.js";
import { ContentCache, perDatabase, rankingDataState, scopeUnits } from "../cache.js";
import { ReasonOutSchema, checkVersion, readIfMatch, reasonsOut, setEtag } from "./common.js";
import { loadOcop } from "./ocop.js";
import { loadContributions } from "./resources.js";
import { loadInspections } from "./inspections.js";

const TIER_POINTS = { standard: 1, advanced: 2, model: 3, modern: 3 } as const;

/** The id of a unit's stored scoring scheme row. */
const schemeRowId = (unitId: string) => `scheme:${unitId}`;
/** The id of a unit's entered scoring inputs for a year. */
const inputsRowId = (unitId: string, year: number) => `inputs:${unitId}:${year}`;

/**
 * What the evaluating level enters for a unit and year because the database cannot derive it: task
 * counts (366-QĐ/TW conditions), programme targets met, reports on time, the planned resources (whole
 * đồng, as a string) and discipline. Stored in the `scoring` table.
 */
export interface ScoringInputsData {
  tasks?: { assigned: number; done: number; onTime: number; exceeding: number };
  programmeTargetsMet?: number;
  programmeTargetsTotal?: number;
  reportsOnTime?: number;
  reportsTotal?: number;
  reportsOverdue?: number;
  resourcesPlanned?: string;
  discipline?: { disciplined: boolean; selfCorrected: boolean };
}

/**
 * The ranking fields of entered inputs (scheme field names), with the planned money as a number for the ratio.
 * @example
 * enteredValues({ programmeTargetsMet: 4, programmeTargetsTotal: 5 }) // { programme_targets_met: 4, programme_targets_total: 5 }
 */
export function enteredValues(d: ScoringInputsData): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (k: string, v: number | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  put("programme_targets_met", d.programmeTargetsMet);
  put("programme_targets_total", d.programmeTargetsTotal);
  put("reports_on_time", d.reportsOnTime);
  put("reports_total", d.reportsTotal);
  put("reports_overdue", d.reportsOverdue);
  if (d.resourcesPlanned !== undefined) out.resources_planned = Number(BigInt(d.resourcesPlanned));
  return out;
}

/**
 * The scheme that applies to a unit: its own stored one, else the nearest ancestor's, else core's
 * DEFAULT_SCORING_SCHEME (labelled a default, not law).
 * @example
 * const { scheme, definedAt } = await schemeFor(db, tree, "d-01"); definedAt // null → default
 */
export async function schemeFor(db: Db, tree: UnitTree, unitId: string): Promise<{ scheme: ScoringScheme; definedAt: string | null; version: number }> {
  const rows = await db.select().from(scoring).where(eq(scoring.year, 0));
  const byUnit = new Map(rows.filter((r) => r.id === schemeRowId(r.unitId)).map((r) => [r.unitId, r]));
  for (let u: string | undefined = unitId; u; u = tree.parentOf(u)) {
    const r = byUnit.get(u);
    if (r) return { scheme: (r.data as { scheme: ScoringScheme }).scheme, definedAt: u, version: r.version };
  }
  return { scheme: DEFAULT_SCORING_SCHEME, definedAt: null, version: 0 };
}

/**
 * The classification of the communes in a scope for a year: the level each gets in its parent
 * district's ranking (that district's scheme; `derive182: false`, so no loop). The inputs are loaded
 * once for the scope (a commune's scope is its parent), then each district is ranked on its own.
 * A commune whose ranking data is incomplete has none. Used for indicator 18.2 of the FOLLOWING year
 * (see `withClassification182` in ../evaluate.ts).
 * @example
 * (await classificationsOf(db, tree, packs, "d-01", 2024)).get("c-01-01") // { year: 2024, level: "good" }
 */
export async function classificationsOf(db: Db, tree: UnitTree, packs: LoadedPacks, scopeId: string, year: number): Promise<Map<string, Classification182>> {
  const scope = tree.byId.get(scopeId)?.level === "commune" ? (tree.parentOf(scopeId) ?? scopeId) : scopeId;
  // Cached per process on the content of everything the ranking reads (validated on every call).
  const key = `${tree.stamp}|${packs.key}|${scope}|${year}|${await rankingDataState(db, year, scopeUnits(tree, scope))}`;
  return classificationCache(db).get(key, () => classificationsUncached(db, tree, packs, scope, year));
}

const classificationCache = perDatabase(() => new ContentCache<Map<string, Classification182>>(128));

async function classificationsUncached(db: Db, tree: UnitTree, packs: LoadedPacks, scope: string, year: number): Promise<Map<string, Classification182>> {
  const units = await rankingInput(db, tree, packs, scope, year, { derive182: false });
  const byParent = new Map<string, RankingUnit[]>();
  for (const u of units) {
    const p = tree.parentOf(u.unitId) ?? "";
    byParent.set(p, [...(byParent.get(p) ?? []), u]);
  }
  const out = new Map<string, Classification182>();
  for (const [parent, group] of byParent) {
    const { scheme } = await schemeFor(db, tree, parent || scope);
    const r = rankUnits({ units: group }, scheme, year);
    if (!r.ok) continue; // input assembled from the database: a failure would already fail the ranking itself
    for (const row of r.value.rows) if (row.level !== "incomplete_data") out.set(row.unitId, { year, level: row.level });
  }
  return out;
}

/**
 * The ranking input of the communes below a unit for a year, assembled from the database. Indicator
 * 18.2 is taken from (or checked against) each commune's classification of the previous year unless
 * `derive182` is false. (The previous year's own evaluation, used for criteria gained and lost, is not.)
 * @example
 * const units = await rankingInput(db, tree, packs, "d-01", 2025); units[0].values.criteria_met
 */
export async function rankingInput(db: Db, tree: UnitTree, packs: LoadedPacks, unitId: string, year: number, options: { derive182?: boolean } = {}): Promise<RankingUnit[]> {
  const [all, prev] = await Promise.all([subtreeDocs(db, tree, unitId, year), subtreeDocs(db, tree, unitId, year - 1)]);
  // Each commune along the ladder adopted for it that year; a commune with none is not ranked (see noPackCommunes).
  const ladders = new Map(all.map((c) => [c.unit.id, packs.ladderFor(tree, c.unit.id, year)] as const));
  const cur = all.filter((c) => ladders.get(c.unit.id)!.ok);
  const prevById = new Map(prev.map((p) => [p.unit.id, p.doc]));
  const asOf = `${year}-12-31`;
  const communeIds = cur.map((c) => c.unit.id);
  const classes = options.derive182 === false ? new Map<string, Classification182>() : await classificationsOf(db, tree, packs, unitId, year - 1);
  const ocop = new Map(countOcopByCommune((await loadOcop(db)).filter((p) => communeIds.includes(p.communeUnitId)), asOf, { communeIds }).map((c) => [c.unitId, c.recognised]));
  const money = new Map<string, bigint>();
  for (const c of await loadContributions(db)) {
    if (c.period.year !== year || RESOURCE_SOURCES[c.source].measure !== "dong") continue;
    money.set(c.unitId, (money.get(c.unitId) ?? 0n) + c.amount);
  }
  const findings = new Map<string, number>();
  for (const s of await loadInspections(db)) {
    if (!s.record.date.startsWith(String(year))) continue;
    const unit = s.record.subject.kind === "unit" ? s.record.subject.id : s.unitId;
    findings.set(unit, (findings.get(unit) ?? 0) + s.record.findings.length);
  }
  const entered = new Map(
    (await db.select().from(scoring).where(eq(scoring.year, year))).filter((r) => r.id === inputsRowId(r.unitId, year)).map((r) => [r.unitId, r.data as ScoringInputsData]),
  );
  const revoked = new Set(
    (await db.select().from(dossiers)).filter((d) => (d.transitions as { action: string; at: string }[]).some((t) => t.action === "revoke" && t.at.startsWith(String(year)))).map((d) => d.unitId),
  );
  return cur.map(({ unit, doc }) => {
    const classification = classes.get(unit.id);
    const choice = ladders.get(unit.id)!;
    const ladder = choice.ok ? choice.ladder : [];
    const { results, tierReached } = evaluateLadder(ladder, doc, classification ? { classification } : {});
    const now: EvaluationResult = results[0]!;
    const before = prevById.get(unit.id);
    const change = before ? compareYears(evaluateLadder([ladder[0]!], before).results[0]!, now) : null;
    const e = entered.get(unit.id) ?? {};
    const values: Record<string, number> = {
      ...enteredValues(e),
      criteria_met: now.criteriaMet,
      criteria_total: now.criteriaTotal,
      tier_reached: tierReached ? TIER_POINTS[tierReached] : 0,
      ocop_products: ocop.get(unit.id) ?? 0,
      inspection_findings: findings.get(unit.id) ?? 0,
    };
    if (change) {
      values.criteria_gained = change.gained.length;
      values.criteria_lost = change.lost.length;
    }
    const m = money.get(unit.id);
    // Money as a number only for scoring (a ratio needs a planned amount the database does not hold).
    if (m !== undefined) values.resources_mobilised = Number(m);
    return { unitId: unit.id, name: unit.name, values, ...(e.tasks ? { tasks: e.tasks } : {}), ...(e.discipline ? { discipline: e.discipline } : {}), ...(revoked.has(unit.id) ? { recognitionRevoked: true } : {}) };
  });
}

/**
 * The communes below a unit with no pack adopted for the year (not ranked: "Chưa áp dụng bộ tiêu chí"), with the reason.
 * @example
 * noPackCommunes(tree, packs, "p-demo", 2026)[0].reasons[0].code // "pack.outside_effective"
 */
export function noPackCommunes(tree: UnitTree, packs: LoadedPacks, unitId: string, year: number): { unitId: string; name: string; reasons: Reason[] }[] {
  return tree
    .subtree(unitId)
    .filter((u) => u.level === "commune")
    .flatMap((u) => {
      const choice = packs.ladderFor(tree, u.id, year);
      return choice.ok ? [] : [{ unitId: u.id, name: u.name, reasons: [choice.reason] }];
    });
}

/**
 * Ranks the communes below a unit for a year with the scheme that applies there.
 * @example
 * const { ranking } = await computeRanking(db, tree, packs, "d-01", 2025); ranking.rows[0].rank // 1
 */
export async function computeRanking(db: Db, tree: UnitTree, packs: LoadedPacks, unitId: string, year: number, options: { derive182?: boolean } = {}): Promise<{ ranking: Ranking; units: RankingUnit[]; scheme: ScoringScheme; definedAt: string | null }> {
  const { scheme, definedAt } = await schemeFor(db, tree, unitId);
  const units = await rankingInput(db, tree, packs, unitId, year, options);
  const r = rankUnits({ units }, scheme, year);
  if (!r.ok) throw new ApiError(r.kind, "Không xếp hạng được / cannot rank", issuesToFields(r.issues));
  return { ranking: r.value, units, scheme, definedAt };
}

const Localized = z.object({ vi: z.string(), en: z.string() });
const levelLabel = (l: RankedLevel) => CLASSIFICATION_LEVEL_LABELS[l] ?? { vi: l, en: l };

const RankingOutSchema = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    regime: z.object({ id: z.string(), bands: z.record(z.string(), z.unknown()), quota: z.record(z.string(), z.unknown()) }),
    scheme: z.object({ id: z.string(), version: z.string(), isDefault: z.boolean(), verified: z.boolean(), definedAt: z.string().nullable() }),
    rows: z.array(
      z.object({
        rank: z.number().int(),
        unitId: z.string(),
        name: z.string(),
        score: z.number(),
        level: z.string().openapi({ description: 'The classification level, or "incomplete_data" when the commune lacks scoring inputs (no level is given; see dataComplete)' }),
        levelLabel: Localized,
        bandLevel: z.string(),
        dataComplete: z.boolean().openapi({ description: "False when a scheme component has no value (or a ratio no denominator): the score is provisional, no level is given, and the commune is neither commended nor criticised for missing data" }),
        missingInputs: z.array(z.object({ component: z.string(), field: z.string() })),
        criteriaMet: z.number().int(),
        criteriaLost: z.number().int(),
        components: z.array(z.object({ id: z.string(), value: z.number().nullable(), points: z.number(), capped: z.boolean(), reasons: z.array(ReasonOutSchema) })),
        inputs: z.record(z.string(), z.number()),
        reasons: z.array(ReasonOutSchema),
      }),
    ),
    quota: z.array(z.object({ group: z.string(), candidates: z.number().int(), kept: z.number().int(), good: z.number().int(), moved: z.array(z.string()) })),
    commendations: z.array(z.object({ unitId: z.string(), rank: z.number().int(), reasons: z.array(ReasonOutSchema) })),
    criticisms: z.array(z.object({ unitId: z.string(), rank: z.number().int(), reasons: z.array(ReasonOutSchema) })),
    reasons: z.array(ReasonOutSchema),
    noPack: z.array(z.object({ unitId: z.string(), name: z.string(), reasons: z.array(ReasonOutSchema) })).openapi({ description: "Communes with no pack adopted for the year (Chưa áp dụng bộ tiêu chí): not ranked, never counted as not met" }),
  })
  .openapi("Ranking");

const SchemeOutSchema = z
  .object({ unitId: z.string(), definedAt: z.string().nullable(), isDefault: z.boolean(), version: z.number().int(), scheme: z.record(z.string(), z.unknown()) })
  .openapi("ScoringSchemeRecord");

const getRanking = createRoute({
  method: "get",
  path: "/units/{id}/ranking",
  tags: ["ranking"],
  summary: "Xếp hạng các xã trong địa bàn / Annual ranking of the communes below a unit (core rankUnits)",
  description: "Deterministic order: score desc, criteria met desc, fewer criteria lost, unit id. Classification by 366-QĐ/TW from 2025 and 124-QĐ/TW before; the excellent quota and caps are applied by core with reasons.",
  request: { params: IdParam, query: z.object({ year: YearParam }) },
  responses: { 200: { description: "Ranking", content: { "application/json": { schema: RankingOutSchema } } }, ...problemResponses(401, 403, 404, 422) },
});

const getScheme = createRoute({
  method: "get",
  path: "/units/{id}/scoring-scheme",
  tags: ["ranking"],
  summary: "Thang điểm áp dụng / The scoring scheme that applies to a unit (own, inherited, or the default)",
  request: { params: IdParam },
  responses: { 200: { description: "Scheme", headers: { ETag: { schema: { type: "string" } } }, content: { "application/json": { schema: SchemeOutSchema } } }, ...problemResponses(401, 403, 404) },
});

const putScheme = createRoute({
  method: "put",
  path: "/units/{id}/scoring-scheme",
  tags: ["ranking"],
  summary: "Đặt thang điểm / Store a unit's scoring scheme (validated by core; 422 with paths; If-Match once one exists)",
  request: { params: IdParam, body: { required: true, content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi("ScoringSchemeInput", { description: "A scoring scheme as @ntm/core's ScoringSchemeSchema (weights of non-penalty components add up to 100)" }) } } } },
  responses: { 200: { description: "Saved", headers: { ETag: { schema: { type: "string" } } }, content: { "application/json": { schema: SchemeOutSchema } } }, ...problemResponses(400, 401, 403, 404, 412, 422, 428) },
});

const Count = z.number().int().min(0);
const InputsSchema = z
  .object({
    tasks: z.object({ assigned: Count, done: Count, onTime: Count, exceeding: Count }).strict().optional(),
    programmeTargetsMet: Count.optional(),
    programmeTargetsTotal: Count.optional(),
    reportsOnTime: Count.optional(),
    reportsTotal: Count.optional(),
    reportsOverdue: Count.optional(),
    resourcesPlanned: z.string().regex(/^\d+$/, "whole đồng as digits").optional().openapi({ example: "5000000000" }),
    discipline: z.object({ disciplined: z.boolean(), selfCorrected: z.boolean() }).strict().optional(),
  })
  .strict()
  .openapi("ScoringInputs");
const InputsOut = z.object({ unitId: z.string(), year: z.number().int(), version: z.number().int(), inputs: InputsSchema }).openapi("ScoringInputsRecord");
const InputsPath = z.object({ id: IdParam.shape.id, year: YearParam.openapi({ param: { name: "year", in: "path" } }) });

const getInputs = createRoute({
  method: "get",
  path: "/units/{id}/scoring-inputs/{year}",
  tags: ["ranking"],
  summary: "Số liệu chấm điểm nhập tay / Entered scoring inputs of a unit for a year (tasks, targets, reports, planned resources, discipline)",
  request: { params: InputsPath },
  responses: { 200: { description: "Inputs (version 0 when none)", headers: { ETag: { schema: { type: "string" } } }, content: { "application/json": { schema: InputsOut } } }, ...problemResponses(401, 403, 404, 422) },
});

const putInputs = createRoute({
  method: "put",
  path: "/units/{id}/scoring-inputs/{year}",
  tags: ["ranking"],
  summary: "Nhập số liệu chấm điểm / Enter a unit's scoring inputs for a year (validated by core; If-Match once they exist)",
  request: { params: InputsPath, body: { required: true, content: { "application/json": { schema: InputsSchema } } } },
  responses: { 200: { description: "Saved", headers: { ETag: { schema: { type: "string" } } }, content: { "application/json": { schema: InputsOut } } }, ...problemResponses(400, 401, 403, 404, 412, 422, 428) },
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
    const { year } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    const packs = await loadPacks(db);
    const { ranking, units, definedAt } = await computeRanking(db, tree, packs, id, year);
    const inputs = new Map(units.map((u) => [u.unitId, u.values]));
    return c.json(
      {
        unitId: id,
        year,
        regime: { id: ranking.regime.id, bands: { ...ranking.regime.bands }, quota: { ...ranking.regime.quota } },
        scheme: { ...ranking.scheme, definedAt },
        rows: ranking.rows.map((r) => ({
          rank: r.rank,
          unitId: r.unitId,
          name: r.name ?? r.unitId,
          score: r.score,
          level: r.level,
          levelLabel: levelLabel(r.level),
          bandLevel: r.bandLevel,
          dataComplete: r.dataComplete,
          missingInputs: r.missingInputs,
          criteriaMet: r.criteriaMet,
          criteriaLost: r.criteriaLost,
          components: r.components.map((k) => ({ id: k.id, value: k.value, points: k.points, capped: k.capped, reasons: reasonsOut(k.reasons) })),
          inputs: inputs.get(r.unitId) ?? {},
          reasons: reasonsOut(r.reasons),
        })),
        quota: ranking.quota,
        commendations: ranking.commendations.map((x) => ({ unitId: x.unitId, rank: x.rank, reasons: reasonsOut(x.reasons) })),
        criticisms: ranking.criticisms.map((x) => ({ unitId: x.unitId, rank: x.rank, reasons: reasonsOut(x.reasons) })),
        reasons: reasonsOut(ranking.reasons),
        noPack: noPackCommunes(tree, packs, id, year).map((n) => ({ unitId: n.unitId, name: n.name, reasons: reasonsOut(n.reasons) })),
      },
      200,
    );
  });

  app.openapi(getScheme, async (c) => {
    const { id } = c.req.valid("param");
    const { tree } = await authorize(c, "read", id);
    const s = await schemeFor(c.get("deps").db, tree, id);
    setEtag(c, s.definedAt === id ? s.version : 0);
    return c.json({ unitId: id, definedAt: s.definedAt, isDefault: s.definedAt === null, version: s.definedAt === id ? s.version : 0, scheme: s.scheme as unknown as Record<string, unknown> }, 200);
  });

  app.openapi(putScheme, async (c) => {
    const { id } = c.req.valid("param");
    const { user } = await authorize(c, "plan.write", id);
    const { db, now } = c.get("deps");
    const parsed = parseScoringScheme(c.req.valid("json"));
    if (!parsed.ok) throw new ApiError("invalid_input", "Thang điểm không hợp lệ / invalid scoring scheme", issuesToFields(parsed.issues));
    const expected = readIfMatch(c);
    const saved = await db.transaction(async (tx) => {
      const cur = (await tx.select().from(scoring).where(and(eq(scoring.id, schemeRowId(id)), eq(scoring.year, 0))).limit(1))[0];
      if (cur && expected === undefined) throw new ApiError("precondition_required", `Cần gửi If-Match (phiên bản hiện tại "${cur.version}") / send If-Match (current "${cur.version}")`);
      checkVersion(expected, cur?.version ?? 0);
      const data = { scheme: parsed.value };
      const out = cur
        ? (await tx.update(scoring).set({ data, version: cur.version + 1, updatedAt: now(), updatedBy: user.username }).where(and(eq(scoring.id, cur.id), eq(scoring.version, cur.version))).returning())[0]
        : (await tx.insert(scoring).values({ id: schemeRowId(id), unitId: id, year: 0, data, updatedBy: user.username }).returning())[0];
      if (!out) throw new ApiError("precondition_failed", "Thang điểm vừa bị thay đổi / scheme changed concurrently");
      await writeAudit(tx, user, { action: "scoring_scheme.put", entityType: "scoring_scheme", entityId: out.id, unitId: id, before: cur ? { data: cur.data, version: cur.version } : null, after: { data, version: out.version } });
      return out;
    });
    setEtag(c, saved.version);
    return c.json({ unitId: id, definedAt: id, isDefault: false, version: saved.version, scheme: parsed.value as unknown as Record<string, unknown> }, 200);
  });

  app.openapi(getInputs, async (c) => {
    const { id, year } = c.req.valid("param");
    await authorize(c, "read", id);
    const row = (await c.get("deps").db.select().from(scoring).where(eq(scoring.id, inputsRowId(id, year))).limit(1))[0];
    setEtag(c, row?.version ?? 0);
    return c.json({ unitId: id, year, version: row?.version ?? 0, inputs: (row?.data ?? {}) as ScoringInputsData }, 200);
  });

  app.openapi(putInputs, async (c) => {
    const { id, year } = c.req.valid("param");
    const { user } = await authorize(c, "plan.write", id);
    const body = c.req.valid("json") as ScoringInputsData;
    if (body.resourcesPlanned !== undefined) {
      const d = parseDong(body.resourcesPlanned, ["resourcesPlanned"]);
      if (!d.ok) throw new ApiError("invalid_input", "Số tiền không hợp lệ / invalid amount", issuesToFields(d.issues));
    }
    // Core decides what a ranking unit may hold (task counts consistent, finite values).
    const asUnit = RankingUnitSchema.safeParse({ unitId: id, values: enteredValues(body), ...(body.tasks ? { tasks: body.tasks } : {}), ...(body.discipline ? { discipline: body.discipline } : {}) });
    if (!asUnit.success) throw new ApiError("invalid_input", "Số liệu chấm điểm không hợp lệ / invalid scoring inputs", issuesToFields(zodIssues(asUnit.error)));
    const { db, now } = c.get("deps");
    const expected = readIfMatch(c);
    const saved = await db.transaction(async (tx) => {
      const cur = (await tx.select().from(scoring).where(eq(scoring.id, inputsRowId(id, year))).limit(1))[0];
      if (cur && expected === undefined) throw new ApiError("precondition_required", `Cần gửi If-Match (phiên bản hiện tại "${cur.version}") / send If-Match (current "${cur.version}")`);
      checkVersion(expected, cur?.version ?? 0);
      const data = { ...body };
      const out = cur
        ? (await tx.update(scoring).set({ data, version: cur.version + 1, updatedAt: now(), updatedBy: user.username }).where(and(eq(scoring.id, cur.id), eq(scoring.version, cur.version))).returning())[0]
        : (await tx.insert(scoring).values({ id: inputsRowId(id, year), unitId: id, year, data, updatedBy: user.username }).returning())[0];
      if (!out) throw new ApiError("precondition_failed", "Số liệu vừa bị thay đổi / inputs changed concurrently");
      await writeAudit(tx, user, { action: "scoring_inputs.put", entityType: "scoring_inputs", entityId: out.id, unitId: id, before: cur ? { data: cur.data, version: cur.version } : null, after: { data, version: out.version } });
      return out;
    });
    setEtag(c, saved.version);
    return c.json({ unitId: id, year, version: saved.version, inputs: saved.data as ScoringInputsData }, 200);
  });

  return app;
}
