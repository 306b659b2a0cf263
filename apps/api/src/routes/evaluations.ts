import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type CompiledPack, type EvaluationResult, EvaluationResultSchema, PackCoverageSchema, QD263_TARGETS, type Reason, type Tier, type UnitValues, checkProgrammeTargets, compareYears, evaluateUnit, gapToNextTier } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { authorize } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { type LoadedPacks, loadPacks, tierLadder } from "../services/packs.js";
import { type Classification182, type LadderResult, evaluateLadder, evaluateWithClassification } from "../evaluate.js";
import { ReasonOutSchema, reasonsOut } from "../domain/common.js";
import { classificationsOf } from "../domain/rankings.js";
import { loadDocRows, subtreeDocs, unitValuesDoc } from "../values.js";
import type { Db } from "../db/index.js";
import type { UnitRow, UnitTree } from "../units.js";
import { type CachedJson, ContentCache, LineCache, RANKING_INPUT_TABLES, VALUES_TABLES, cachedJson, perDatabase, rankingInputsState, scopeUnits, sendCachedJson, valuesState } from "../cache.js";
import { Memo, changeFeedOf } from "../db/changes.js";

const EvalQuery = z.object({ year: YearParam, pack: z.string().optional().openapi({ description: "Default: the pack adopted for the unit's scope, level and year (GET /v1/pack-adoptions); without one the answer is `status: \"no_pack\"`" }) });

/** The answer for a unit-year with no adopted pack: never a verdict, the reason instead. */
export const NoPackSchema = z
  .object({ unitId: z.string(), year: z.number().int(), status: z.literal("no_pack"), reasons: z.array(ReasonOutSchema) })
  .openapi("NoPack", { description: "Chưa áp dụng bộ tiêu chí cho năm này / no criteria pack adopted for this unit and year (core selectPack's reason)" });
export type NoPack = z.infer<typeof NoPackSchema>;

/** The no-pack answer of a unit-year from core's reason. */
function noPack(unitId: string, year: number, reason: Reason): NoPack {
  return { unitId, year, status: "no_pack", reasons: reasonsOut([reason]) };
}

const NoPackCommuneSchema = z.object({ unitId: z.string(), name: z.string(), parentId: z.string().nullable(), reasons: z.array(ReasonOutSchema) });

const CommuneRollupSchema = z
  .object({
    unitId: z.string(),
    name: z.string(),
    parentId: z.string().nullable(),
    flags: z.array(z.string()),
    status: z.enum(["met", "not_met", "indeterminate"]),
    criteriaMet: z.number().int(),
    criteriaTotal: z.number().int(),
    tierReached: z.enum(["standard", "advanced", "model", "modern"]).nullable(),
    revoke: z.boolean(),
    criteria: z.record(z.string(), z.enum(["met", "not_met", "indeterminate"])).openapi({ description: "Criterion id → status (for a heat map)" }),
  })
  .openapi("CommuneRollup");

const IncomeVs2020Schema = z
  .object({
    available: z.boolean(),
    met: z.boolean().nullable(),
    current: z.number().nullable().openapi({ description: "Average of the communes' indicator 10 for the year (million đồng/person/year, unweighted mean, to the đồng)" }),
    baseline2020: z.number().nullable(),
    required: z.number().nullable(),
    communes: z.object({ current: z.number().int(), baseline2020: z.number().int() }).openapi({ description: "How many communes had a value in each year" }),
    reasons: z.array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), params: z.record(z.string(), z.unknown()) })),
  })
  .openapi("IncomeVs2020", { description: "QĐ 263 target: rural income ≥ 1.5 × 2020 by 2025 (core checkProgrammeTargets). Unavailable (met null) when a year has no indicator 10 values." });

/** The unweighted mean of the communes' indicator "10" (income) values, rounded to the đồng; null when none. */
function averageIncome(docs: readonly { doc: UnitValues }[]): { mean: number | null; n: number } {
  const xs = docs.map((d) => d.doc.values["10"]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return { mean: xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e6) / 1e6 : null, n: xs.length };
}

/**
 * The income-versus-2020 target of a subtree: core's check on the average indicator 10 of the year and
 * of 2020, or "unavailable" with a reason when either year has no value (no baseline is assumed).
 */
function incomeVs2020(current: readonly { doc: UnitValues }[], base: readonly { doc: UnitValues }[], year: number): z.infer<typeof IncomeVs2020Schema> {
  const cur = averageIncome(current);
  const b = averageIncome(base);
  const communes = { current: cur.n, baseline2020: b.n };
  if (cur.mean === null || b.mean === null) {
    const reasons: Reason[] = [{ code: "target.income_unavailable", path: ["incomeVs2020"], params: { year: cur.mean === null ? year : 2020, source: QD263_TARGETS.source } }];
    return { available: false, met: null, current: cur.mean, baseline2020: b.mean, required: null, communes, reasons };
  }
  const check = checkProgrammeTargets([], QD263_TARGETS, { income: { baseline2020: b.mean, current: cur.mean } }).find((t) => t.id === "income_vs_2020")!;
  return { available: true, met: check.met, current: cur.mean, baseline2020: b.mean, required: check.required, communes, reasons: check.reasons };
}

export const RollupSchema = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    packId: z.string().nullable().openapi({ description: "The standard pack of the ladder most communes use (null when no commune has one)" }),
    ladder: z.array(z.object({ packId: z.string(), tier: z.string() })),
    example: z.boolean(),
    coverage: PackCoverageSchema.nullable(),
    communes: z.array(CommuneRollupSchema),
    countsByTier: z.object({ none: z.number().int(), standard: z.number().int(), advanced: z.number().int(), model: z.number().int() }),
    noPack: z.object({ count: z.number().int(), communes: z.array(NoPackCommuneSchema) }).openapi({ description: "Communes with no pack adopted for the year: Chưa áp dụng bộ tiêu chí, counted apart (never as not met) and not in `communes`" }),
    targets: z.array(z.object({ id: z.string(), met: z.boolean(), actual: z.number(), required: z.number(), reasons: z.array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), params: z.record(z.string(), z.unknown()) })) })),
    incomeVs2020: IncomeVs2020Schema,
  })
  .openapi("Rollup");
export type Rollup = z.infer<typeof RollupSchema>;

/**
 * Evaluates every commune of a subtree along the tier ladder and summarises (the roll-up contract).
 * @example
 * const r = await computeRollup(db, tree, packs, "p-demo", 2024); r.countsByTier.standard
 */
export async function computeRollup(db: Db, tree: UnitTree, packs: LoadedPacks, unitId: string, year: number, packId?: string): Promise<Rollup> {
  return (await cachedRollup(db, tree, packs, unitId, year, packId)).value;
}

/**
 * The roll-up with its serialised body and ETag, from the per-process cache when the data is unchanged.
 * The key is the content: the unit tree's hash, the packs' key and the state of the year's values
 * (and 2020's, the income baseline) read from the database on every call, so a write through any
 * instance is seen at once. Concurrent misses on one key share one computation.
 * @example
 * const e = await cachedRollup(db, tree, packs, "p-demo", 2024); e.etag
 */
export async function cachedRollup(db: Db, tree: UnitTree, packs: LoadedPacks, unitId: string, year: number, packId?: string): Promise<CachedJson<Rollup>> {
  const scope = scopeUnits(tree, unitId);
  const [values, domain] = await Promise.all([valuesState(db, [year, year - 1, year - 2, 2020], scope), rankingInputsState(db, scope)]);
  const key = `${tree.stamp}|${packs.key}|${unitId}|${year}|${packId ?? "adopted"}|${values}|${domain}`;
  return rollupCache(db).get(key, async () => cachedJson(await computeRollupUncached(db, tree, packs, unitId, year, packId)));
}

const rollupCache = perDatabase(() => new ContentCache<CachedJson<Rollup>>(32));

type RollupLine = Rollup["communes"][number];

/** One commune's line of a roll-up: its ladder evaluated (standard → advanced → model), first miss stops. */
function rollupLine(ladder: readonly CompiledPack[], unit: UnitRow, doc: UnitValues, classification: Classification182 | undefined): RollupLine {
  const { results, tierReached } = evaluateLadder(ladder, doc, { stopAtFirstMiss: true, ...(classification ? { classification } : {}) });
  const base = results[0]!;
  return {
    unitId: unit.id,
    name: unit.name,
    parentId: unit.parentId,
    flags: unit.flags,
    status: base.status,
    criteriaMet: base.criteriaMet,
    criteriaTotal: base.criteriaTotal,
    tierReached,
    revoke: base.revocation?.revoke ?? false,
    criteria: Object.fromEntries(base.criteria.map((cr) => [cr.id, cr.status])),
  };
}

/** Roll-up lines by content key (see computeRollupUncached), the oldest dropped beyond capacity (exported for tests). */
export const rollupCommuneCache = perDatabase(() => new LineCache<RollupLine>(20_000));

/** The ladder each commune is evaluated along: the one of an explicit `?pack=`, or the one adopted for it that year. */
function ladderOf(tree: UnitTree, packs: LoadedPacks, unitId: string, year: number, packId: string | undefined): { ok: true; ladder: CompiledPack[] } | { ok: false; reason: Reason } {
  if (packId === undefined) return packs.ladderFor(tree, unitId, year);
  return { ok: true, ladder: tierLadder(packs.registry, packId).map((p) => packs.compiled(p.id)!) };
}

async function computeRollupUncached(db: Db, tree: UnitTree, packs: LoadedPacks, unitId: string, year: number, packId: string | undefined): Promise<Rollup> {
  const [all, docs2020, classes] = await Promise.all([subtreeDocs(db, tree, unitId, year), subtreeDocs(db, tree, unitId, 2020), classificationsOf(db, tree, packs, unitId, year - 1)]);
  const counts = { none: 0, standard: 0, advanced: 0, model: 0 };
  const cache = rollupCommuneCache(db);
  const ladders = new Map(all.map(({ unit }) => [unit.id, ladderOf(tree, packs, unit.id, year, packId)] as const));
  const noPackCommunes: Rollup["noPack"]["communes"] = [];
  const docs = all.filter(({ unit }) => {
    const l = ladders.get(unit.id)!;
    if (!l.ok) noPackCommunes.push({ unitId: unit.id, name: unit.name, parentId: unit.parentId, reasons: reasonsOut([l.reason]) });
    return l.ok;
  });
  // The ladder most communes use names the roll-up (one, unless a subtree spans provinces with their own packs).
  const usage = new Map<string, { n: number; ladder: CompiledPack[] }>();
  for (const { unit } of docs) {
    const l = ladders.get(unit.id)! as { ok: true; ladder: CompiledPack[] };
    const id = l.ladder.map((p) => p.pack.id).join(">");
    const u = usage.get(id) ?? { n: 0, ladder: l.ladder };
    u.n++;
    usage.set(id, u);
  }
  const main = [...usage.values()].sort((a, b) => b.n - a.n)[0]?.ladder ?? [];
  const communes = docs.map(({ unit, doc, rows }) => {
    const ladder = (ladders.get(unit.id)! as { ok: true; ladder: CompiledPack[] }).ladder;
    // Indicator 18.2 from the previous year's classification (see withClassification182).
    const classification = classes.get(unit.id);
    // A commune whose rows, classification, tree and packs are unchanged keeps its line: after one
    // write only that commune is evaluated again.
    const key = `${tree.stamp}|${packs.key}|${ladder.map((p) => p.pack.id).join(">")}|${year}|${unit.id}|${rows}|${classification ? `${classification.year}:${classification.level}` : "-"}`;
    const kept = cache.get(key);
    if (kept) return kept;
    const line = rollupLine(ladder, unit, doc, classification);
    cache.set(key, line);
    return line;
  });
  for (const c of communes) {
    if (c.tierReached === "standard" || c.tierReached === "advanced" || c.tierReached === "model") counts[c.tierReached]++;
    else counts.none++;
  }
  const targets = checkProgrammeTargets(communes.map((c) => ({ unitId: c.unitId, tier: c.tierReached, criteriaMet: c.criteriaMet })));
  return {
    unitId,
    year,
    packId: main[0]?.pack.id ?? null,
    ladder: main.map((p) => ({ packId: p.pack.id, tier: p.pack.tier })),
    example: [...usage.values()].some((u) => u.ladder.some((p) => p.pack.example === true)),
    coverage: main[0]?.pack.coverage ?? null,
    communes,
    countsByTier: counts,
    noPack: { count: noPackCommunes.length, communes: noPackCommunes },
    targets,
    incomeVs2020: incomeVs2020(docs, docs2020, year),
  };
}

function packOr404(packs: LoadedPacks, id: string) {
  const compiled = packs.compiled(id);
  if (!compiled) throw new ApiError("not_found", `Không có bộ tiêu chí "${id}" / pack "${id}" not found`);
  return compiled;
}

/**
 * The pack a unit-year is evaluated against: an explicit `?pack=` (404 when unknown), else the one
 * adopted for the unit's scope, level and year (core selectPack), else why there is none.
 * @example
 * choosePack(tree, packs, tree.byId.get("c-01-01")!, 2026) // { ok: false, reason: { code: "pack.outside_effective", ... } }
 */
export function choosePack(tree: UnitTree, packs: LoadedPacks, unit: UnitRow, year: number, packId?: string): { ok: true; compiled: CompiledPack } | { ok: false; reason: Reason } {
  return packId === undefined ? packs.packFor(tree, unit.id, year) : { ok: true, compiled: packOr404(packs, packId) };
}

/**
 * Evaluates one unit for a year against a pack (values of the unit and its children); without an
 * adopted pack (and no explicit one), the no-pack answer with its reason.
 * @example
 * const r = await evaluateOne(db, tree, packs, "c-01-01", 2024); r.status
 */
export async function evaluateOne(db: Db, tree: UnitTree, packs: LoadedPacks, unitId: string, year: number, packId?: string): Promise<EvaluationResult | NoPack> {
  const unit = tree.byId.get(unitId)!;
  const chosen = choosePack(tree, packs, unit, year, packId);
  if (!chosen.ok) return noPack(unitId, year, chosen.reason);
  const compiled = chosen.compiled;
  if (compiled.pack.level === "commune" || unit.level !== "district") return (await cachedUnitEvaluation(db, tree, packs, unit, year, compiled)).value;
  // A district pack rolls up its communes' statuses: evaluate each commune (with its hamlets) along its adopted ladder first.
  const [communes, classes] = await Promise.all([subtreeDocs(db, tree, unitId, year), classificationsOf(db, tree, packs, unitId, year - 1)]);
  const own = await loadDocRows(db, [unitId], year);
  const doc = unitValuesDoc(tree, own, unit, year);
  doc.children = communes.map(({ doc: cd }) => {
    const classification = classes.get(cd.unit.id);
    const ladder = packs.ladderFor(tree, cd.unit.id, year);
    return { unit: cd.unit, values: cd.values, statuses: ladder.ok ? childStatuses(evaluateLadder(ladder.ladder, cd, classification ? { classification } : {})) : {} };
  });
  return evaluateUnit(compiled, doc);
}

/**
 * A unit's own evaluation (values of the unit and its children; for a commune, 18.2 from the previous
 * year's classification) with its serialised body and ETag. Cached per process on the content it is
 * computed from: the loaded rows' ids and versions (read on every call), the classification, the unit
 * tree's hash and the packs' key. The values and the classification are loaded in parallel.
 * @example
 * const e = await cachedUnitEvaluation(db, tree, packs, tree.byId.get("c-01-01")!, 2024, packs.compiled("vn.commune-ntm.2021-2025")!); e.value.status
 */
export async function cachedUnitEvaluation(db: Db, tree: UnitTree, packs: LoadedPacks, unit: UnitRow, year: number, compiled: CompiledPack): Promise<CachedJson<EvaluationResult>> {
  // While the change feed reports no write to what it reads, the last answer stands without a query.
  const memoKey = `${tree.stamp}|${packs.key}|${unit.id}|${year}|${compiled.pack.id}`;
  return evaluationMemo(db).get(changeFeedOf(db), memoKey, EVALUATION_TABLES, () => unitEvaluationFromData(db, tree, packs, unit, year, compiled));
}

/** What a unit's evaluation reads: its values, and the ranking inputs of its 18.2 classification. */
const EVALUATION_TABLES = [...new Set([...VALUES_TABLES, ...RANKING_INPUT_TABLES])];
const evaluationMemo = perDatabase(() => new Memo<CachedJson<EvaluationResult>>(1024));

async function unitEvaluationFromData(db: Db, tree: UnitTree, packs: LoadedPacks, unit: UnitRow, year: number, compiled: CompiledPack): Promise<CachedJson<EvaluationResult>> {
  const [byUnit, classes] = await Promise.all([
    loadDocRows(db, [unit.id, ...tree.children(unit.id).map((u) => u.id)], year),
    unit.level === "commune" ? classificationsOf(db, tree, packs, unit.id, year - 1) : undefined,
  ]);
  const classification = classes?.get(unit.id);
  const rows = [...byUnit.values()].map((r) => `${r.id}.${r.version}`).sort().join(",");
  const key = `${tree.stamp}|${packs.key}|${unit.id}|${year}|${compiled.pack.id}|${rows}|${classification ? `${classification.year}:${classification.level}` : "-"}`;
  return evaluationCache(db).get(key, async () => cachedJson(evaluateWithClassification(compiled, unitValuesDoc(tree, byUnit, unit, year), classification)));
}

const evaluationCache = perDatabase(() => new ContentCache<CachedJson<EvaluationResult>>(256));

/** Statuses by tier for a parent pack: a tier counts as met only when every lower tier is met too. */
function childStatuses(r: LadderResult): Partial<Record<Tier, "met" | "not_met" | "indeterminate">> {
  const out: Partial<Record<Tier, "met" | "not_met" | "indeterminate">> = {};
  let chain = true;
  for (const e of r.results) {
    out[e.tier] = chain ? e.status : e.status === "met" ? "not_met" : e.status;
    if (e.status !== "met") chain = false;
  }
  return out;
}

const evaluation = createRoute({
  method: "get",
  path: "/units/{id}/evaluation",
  tags: ["evaluations"],
  summary: "Đánh giá đơn vị theo bộ tiêu chí / Evaluate a unit against a pack for a year (includes the revocation check)",
  request: { params: IdParam, query: EvalQuery },
  responses: { 200: { description: "The evaluation (core's result contract), or `status: \"no_pack\"` with the reason when no pack is adopted for the unit and year", content: { "application/json": { schema: z.union([EvaluationResultSchema, NoPackSchema]) } } }, ...problemResponses(401, 403, 404, 422) },
});

const gap = createRoute({
  method: "get",
  path: "/units/{id}/gap",
  tags: ["evaluations"],
  summary: "Khoảng cách tới hạng tiếp theo / What is missing for the next tier",
  request: { params: IdParam, query: EvalQuery },
  responses: { 200: { description: "Gap", content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi("TierGap") } } }, ...problemResponses(401, 403, 404, 422) },
});

const rollup = createRoute({
  method: "get",
  path: "/units/{id}/rollup",
  tags: ["evaluations"],
  summary: "Tổng hợp các xã trong địa bàn / Roll-up of every commune below a unit: statuses, tiers, heat map, programme targets",
  request: { params: IdParam, query: EvalQuery },
  responses: { 200: { description: "Roll-up", content: { "application/json": { schema: RollupSchema } } }, ...problemResponses(401, 403, 404, 422) },
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
  responses: { 200: { description: "Year over year, or `status: \"no_pack\"` for the year with no adopted pack", content: { "application/json": { schema: z.union([YoySchema, NoPackSchema]) } } }, ...problemResponses(401, 403, 404, 422) },
});

export const TrendSchema = z
  .object({
    unitId: z.string(),
    packId: z.string().nullable().openapi({ description: "The pack asked for with ?pack=; null: each year uses the packs adopted for it" }),
    years: z.array(
      z.object({
        year: z.number().int(),
        packId: z.string().nullable().openapi({ description: "The standard pack most communes use that year (null: none adopted)" }),
        communes: z.number().int(),
        noPack: z.number().int().openapi({ description: "Communes with no pack adopted for the year (Chưa áp dụng bộ tiêu chí), not counted in countsByTier" }),
        countsByTier: z.object({ none: z.number().int(), standard: z.number().int(), advanced: z.number().int(), model: z.number().int() }),
        criteriaMet: z.number().int().nullable().openapi({ description: "For a commune: its criteria met; otherwise null" }),
        tierReached: z.enum(["standard", "advanced", "model", "modern"]).nullable().openapi({ description: "For a commune: its tier; otherwise null" }),
        revoke: z.boolean().nullable(),
      }),
    ),
  })
  .openapi("Trend");

const trend = createRoute({
  method: "get",
  path: "/units/{id}/trend",
  tags: ["evaluations"],
  summary: "Diễn biến qua các năm / Year-by-year tiers of a commune, or counts by tier of a subtree",
  request: { params: IdParam, query: z.object({ from: YearParam, to: YearParam, pack: z.string().optional() }) },
  responses: { 200: { description: "Trend", content: { "application/json": { schema: TrendSchema } } }, ...problemResponses(401, 403, 404, 422) },
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
    if (compiled.pack.level === "commune" || unit.level !== "district") return sendCachedJson(c, await cachedUnitEvaluation(db, tree, packs, unit, year, compiled)) as never;
    return c.json(await evaluateOne(db, tree, packs, id, year, pack), 200);
  });
  app.openapi(gap, async (c) => {
    const { id } = c.req.valid("param");
    const { year, pack } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const packs = await loadPacks(c.get("deps").db);
    const r = await evaluateOne(c.get("deps").db, tree, packs, id, year, pack);
    if (r.status === "no_pack") return c.json(r as Record<string, unknown>, 200);
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
    if (to < from || to - from > 15) throw new ApiError("invalid_input", "Khoảng năm không hợp lệ (tối đa 16 năm) / invalid year range (at most 16 years)", [{ path: "query.to", message: "to must be ≥ from and within 15 years" }]);
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    const packs = await loadPacks(db);
    if (pack !== undefined) packOr404(packs, pack);
    const isCommune = tree.byId.get(id)!.level === "commune";
    const years = [];
    for (let year = from; year <= to; year++) {
      const r = await computeRollup(db, tree, packs, id, year, pack);
      const own = isCommune ? r.communes[0] : undefined;
      years.push({ year, packId: r.packId, communes: r.communes.length, noPack: r.noPack.count, countsByTier: r.countsByTier, criteriaMet: own?.criteriaMet ?? null, tierReached: own?.tierReached ?? null, revoke: own ? own.revoke : null });
    }
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
