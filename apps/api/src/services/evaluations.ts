/**
 * The evaluation service: loads the facts an evaluation or a roll-up needs (values, the previous
 * year's classification for 18.2), calls @ntm/core (the tier ladder, `evaluateWithClassification`,
 * `withChildStatuses`, `rollupStanding`, `summariseRollup`) and caches the answers by content.
 * Routes parse, authorise and shape; they never decide a result.
 */
import {
  type Classification182,
  type UnitValues,
  type CompiledPack,
  type EvaluationResult,
  type IncomeVs2020Check,
  type PackCoverage,
  type Reason,
  type RollupStanding,
  type TargetCheck,
  type TierCounts,
  evaluateUnit,
  evaluateWithClassification,
  rollupStanding,
  summariseRollup,
  withChildStatuses,
} from "@ntm/core";
import { ApiError } from "../http/problem.js";
import { type LoadedPacks, tierLadder } from "./packs.js";
import { type ReasonOut, reasonsOut } from "../http/common.js";
import { classificationsOf } from "./rankings.js";
import { loadDocRows, subtreeDocs, unitValuesDoc } from "../values.js";
import type { Db } from "../db/index.js";
import type { UnitRow, UnitTree } from "../units.js";
import {
  type CachedJson,
  ContentCache,
  LineCache,
  RANKING_INPUT_TABLES,
  VALUES_TABLES,
  cachedJson,
  cachedJsonOffThread,
  freshReads,
  perDatabase,
  rankingInputsState,
  scopeUnits,
  valuesState,
  yieldToEventLoop,
} from "../cache.js";
import { Memo, changeFeedOf } from "../db/changes.js";

/** One commune's line of a roll-up: core's standing with the unit's name, parent and flags. */
export type RollupLine = Omit<RollupStanding, "unitId"> & { unitId: string; name: string; parentId: string | null; flags: string[] };

/** A commune with no pack adopted for the year: counted apart, never as not met. */
export interface NoPackCommune {
  unitId: string;
  name: string;
  parentId: string | null;
  reasons: ReasonOut[];
}

/** The roll-up contract (see RollupSchema in http/evaluationSchemas.ts). */
export interface Rollup {
  unitId: string;
  year: number;
  /** The standard pack of the ladder most communes use; null when no commune has one. */
  packId: string | null;
  ladder: { packId: string; tier: string }[];
  example: boolean;
  coverage: PackCoverage | null;
  communes: RollupLine[];
  countsByTier: TierCounts;
  /** Communes that cannot be judged yet (chưa có số liệu, chưa rõ ngưỡng): not in countsByTier, never failures. */
  undetermined: { missing: number; unknown_threshold: number };
  noPack: { count: number; communes: NoPackCommune[] };
  targets: TargetCheck[];
  incomeVs2020: IncomeVs2020Check;
}

/** The answer for a unit-year with no adopted pack: never a verdict, the reason instead. */
export interface NoPack {
  unitId: string;
  year: number;
  status: "no_pack";
  reasons: ReasonOut[];
}

/**
 * The no-pack answer of a unit-year from core's reason (selectPack's `pack.not_adopted` or `pack.outside_effective`).
 * @example
 * noPack("c-01-01", 2026, reason).status // "no_pack"
 */
export function noPack(unitId: string, year: number, reason: Reason): NoPack {
  return { unitId, year, status: "no_pack", reasons: reasonsOut([reason]) };
}

/**
 * The compiled pack of an id, or a 404 problem.
 * @example
 * packOr404(packs, "vn.commune-ntm.2021-2025").pack.tier // "standard"
 */
export function packOr404(packs: LoadedPacks, id: string): CompiledPack {
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
export function choosePack(
  tree: UnitTree,
  packs: LoadedPacks,
  unit: UnitRow,
  year: number,
  packId?: string,
): { ok: true; compiled: CompiledPack } | { ok: false; reason: Reason } {
  return packId === undefined ? packs.packFor(tree, unit.id, year) : { ok: true, compiled: packOr404(packs, packId) };
}

/** The ladder a commune is evaluated along: the one of an explicit `?pack=`, or the one adopted for it that year. */
function ladderOf(
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  packId: string | undefined,
): { ok: true; ladder: CompiledPack[] } | { ok: false; reason: Reason } {
  if (packId === undefined) return packs.ladderFor(tree, unitId, year);
  return { ok: true, ladder: tierLadder(packs.registry, packId).map((p) => packs.compiled(p.id)!) };
}

/**
 * Evaluates every commune of a subtree along its adopted tier ladder (or the ladder of `packId`) and
 * summarises (the roll-up contract); communes with no pack for the year are counted apart.
 * @example
 * const r = await computeRollup(db, tree, packs, "p-demo", 2024); r.countsByTier.standard
 */
export async function computeRollup(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  packId?: string,
): Promise<Rollup> {
  return (await cachedRollup(db, tree, packs, unitId, year, packId)).value;
}

/**
 * The roll-up with its serialised body and ETag, from the per-process cache when the data is unchanged.
 * The key is the content: the unit tree's hash, the packs' key and the state of the year's values
 * (and 2020's, the income baseline) read from the database on every call, so a write through any
 * instance is seen at once. Concurrent misses on one key share one computation, and concurrent
 * requests for one roll-up share runs (see FreshReads).
 * @example
 * const e = await cachedRollup(db, tree, packs, "p-demo", 2024); e.etag
 */
export async function cachedRollup(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  packId?: string,
): Promise<CachedJson<Rollup>> {
  const base = `${tree.stamp}|${packs.key}|${unitId}|${year}|${packId ?? "adopted"}`;
  // Under a stream of writes every request would find a new state and compute the roll-up again, all
  // at once. Instead a request joins the run queued after the one in progress (or starts one): it
  // still sees every write committed before it arrived, and at most two runs per roll-up are alive.
  return freshReads(db).read(`rollup:${base}`, async () => {
    const scope = scopeUnits(tree, unitId);
    const [values, domain] = await Promise.all([valuesState(db, [year, year - 1, year - 2, 2020], scope), rankingInputsState(db, scope)]);
    const key = `${base}|${values}|${domain}`;
    return rollupCache(db).get(key, async () => cachedJsonOffThread(await computeRollupUncached(db, tree, packs, unitId, year, packId)));
  });
}

const rollupCache = perDatabase(() => new ContentCache<CachedJson<Rollup>>(32));

/** Communes evaluated between two yields to the event loop in a roll-up. */
const ROLLUP_CHUNK = 50;

/** Roll-up lines by content key (see computeRollupUncached), the oldest dropped beyond capacity (exported for tests). */
export const rollupCommuneCache = perDatabase(() => new LineCache<RollupLine>(20_000));

/** Ladders of the communes of roll-ups by tree, packs, unit, year and explicit pack (see computeRollupUncached). */
const rollupLadderCache = perDatabase(() => new LineCache<ReturnType<typeof ladderOf>>(20_000));

async function computeRollupUncached(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  packId: string | undefined,
): Promise<Rollup> {
  const [all, docs2020, classes] = await Promise.all([
    subtreeDocs(db, tree, unitId, year),
    subtreeDocs(db, tree, unitId, 2020),
    classificationsOf(db, tree, packs, unitId, year - 1),
  ]);
  const cache = rollupCommuneCache(db);
  // A commune's ladder depends only on the tree, the packs and adoptions (packs.key) and the year: kept
  // between roll-ups, so the roll-up after a write does not select 1,000 ladders again.
  const kept = rollupLadderCache(db);
  const ladders = new Map(
    all.map(({ unit }) => {
      const key = `${tree.stamp}|${packs.key}|${unit.id}|${year}|${packId ?? ""}`;
      let l = kept.get(key);
      if (!l) kept.set(key, (l = ladderOf(tree, packs, unit.id, year, packId)));
      return [unit.id, l] as const;
    }),
  );
  const noPackCommunes: NoPackCommune[] = [];
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
  const rollupLineOf = (unit: UnitRow, doc: UnitValues, rows: string): RollupLine => {
    const ladder = (ladders.get(unit.id)! as { ok: true; ladder: CompiledPack[] }).ladder;
    // Indicator 18.2 from the previous year's classification (core withClassification182).
    const classification = classes.get(unit.id);
    // A commune whose rows, classification, tree and packs are unchanged keeps its line: after one
    // write only that commune is evaluated again.
    const key = `${tree.stamp}|${packs.key}|${ladder.map((p) => p.pack.id).join(">")}|${year}|${unit.id}|${rows}|${classification ? `${classification.year}:${classification.level}` : "-"}`;
    const kept = cache.get(key);
    if (kept) return kept;
    const line = rollupLine(unit, rollupStanding(ladder, doc, classification));
    cache.set(key, line);
    return line;
  };
  const communes: RollupLine[] = [];
  for (const { unit, doc, rows } of docs) {
    // Evaluating communes is the long stretch of a cold roll-up: let other requests in now and then.
    if (communes.length % ROLLUP_CHUNK === ROLLUP_CHUNK - 1) await yieldToEventLoop();
    communes.push(rollupLineOf(unit, doc, rows));
  }
  await yieldToEventLoop();
  const summary = summariseRollup(communes, { year, values: docs.map((d) => d.doc), values2020: docs2020.map((d) => d.doc) });
  await yieldToEventLoop();
  return {
    unitId,
    year,
    packId: main[0]?.pack.id ?? null,
    ladder: main.map((p) => ({ packId: p.pack.id, tier: p.pack.tier })),
    example: [...usage.values()].some((u) => u.ladder.some((p) => p.pack.example === true)),
    coverage: main[0]?.pack.coverage ?? null,
    communes,
    countsByTier: summary.countsByTier,
    undetermined: summary.undetermined,
    noPack: { count: noPackCommunes.length, communes: noPackCommunes },
    targets: summary.targets,
    incomeVs2020: summary.incomeVs2020,
  };
}

/** The roll-up line of a unit, in the contract's key order. */
function rollupLine(unit: UnitRow, s: RollupStanding): RollupLine {
  return {
    unitId: unit.id,
    name: unit.name,
    parentId: unit.parentId,
    flags: unit.flags,
    status: s.status,
    criteriaMet: s.criteriaMet,
    criteriaTotal: s.criteriaTotal,
    undetermined: s.undetermined,
    tierReached: s.tierReached,
    revoke: s.revoke,
    criteria: s.criteria,
  };
}

/**
 * Evaluates one unit for a year against a pack (values of the unit and its children); without an
 * adopted pack (and no explicit one), the no-pack answer with its reason. A district pack rolls up
 * its communes: each commune (with its hamlets, 18.2 from its classification) is evaluated along the
 * ladder adopted for it by core `withChildStatuses`; a commune with no pack gets no statuses.
 * @example
 * const r = await evaluateOne(db, tree, packs, "c-01-01", 2024); r.status
 */
export async function evaluateOne(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  packId?: string,
): Promise<EvaluationResult | NoPack> {
  const unit = tree.byId.get(unitId)!;
  const chosen = choosePack(tree, packs, unit, year, packId);
  if (!chosen.ok) return noPack(unitId, year, chosen.reason);
  const compiled = chosen.compiled;
  if (compiled.pack.level === "commune" || unit.level !== "district")
    return (await cachedUnitEvaluation(db, tree, packs, unit, year, compiled)).value;
  const [communes, classes, own] = await Promise.all([
    subtreeDocs(db, tree, unitId, year),
    classificationsOf(db, tree, packs, unitId, year - 1),
    loadDocRows(db, [unitId], year),
  ]);
  const base = unitValuesDoc(tree, own, unit, year);
  const children = communes.map(({ doc: cd }) => {
    const child = { unit: cd.unit, values: cd.values };
    const ladder = packs.ladderFor(tree, cd.unit.id, year);
    if (!ladder.ok) return { ...child, statuses: {} };
    return withChildStatuses({ ...base, children: [child] }, ladder.ladder, {
      childDocs: new Map([[cd.unit.id, cd]]),
      classifications: classes,
    }).children![0]!;
  });
  return evaluateUnit(compiled, { ...base, children });
}

/**
 * A unit's own evaluation (values of the unit and its children; for a commune, 18.2 from the previous
 * year's classification) with its serialised body and ETag. Cached per process on the content it is
 * computed from: the loaded rows' ids and versions (read on every call), the classification, the unit
 * tree's hash and the packs' key. The values and the classification are loaded in parallel.
 * @example
 * const e = await cachedUnitEvaluation(db, tree, packs, tree.byId.get("c-01-01")!, 2024, packs.compiled("vn.commune-ntm.2021-2025")!); e.value.status
 */
export async function cachedUnitEvaluation(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unit: UnitRow,
  year: number,
  compiled: CompiledPack,
): Promise<CachedJson<EvaluationResult>> {
  // While the change feed reports no write to what it reads, the last answer stands without a query.
  const memoKey = `${tree.stamp}|${packs.key}|${unit.id}|${year}|${compiled.pack.id}`;
  return evaluationMemo(db).get(changeFeedOf(db), memoKey, EVALUATION_TABLES, () =>
    unitEvaluationFromData(db, tree, packs, unit, year, compiled),
  );
}

/** What a unit's evaluation reads: its values, and the ranking inputs of its 18.2 classification. */
const EVALUATION_TABLES = [...new Set([...VALUES_TABLES, ...RANKING_INPUT_TABLES])];
const evaluationMemo = perDatabase(() => new Memo<CachedJson<EvaluationResult>>(1024));

async function unitEvaluationFromData(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unit: UnitRow,
  year: number,
  compiled: CompiledPack,
): Promise<CachedJson<EvaluationResult>> {
  const [byUnit, classes] = await Promise.all([
    loadDocRows(db, [unit.id, ...tree.children(unit.id).map((u) => u.id)], year),
    unit.level === "commune" ? classificationsOf(db, tree, packs, unit.id, year - 1) : undefined,
  ]);
  const classification = classes?.get(unit.id);
  const rows = [...byUnit.values()]
    .map((r) => `${r.id}.${r.version}`)
    .sort()
    .join(",");
  const key = `${tree.stamp}|${packs.key}|${unit.id}|${year}|${compiled.pack.id}|${rows}|${classification ? `${classification.year}:${classification.level}` : "-"}`;
  return evaluationCache(db).get(key, async () =>
    cachedJson(evaluateWithClassification(compiled, unitValuesDoc(tree, byUnit, unit, year), classification)),
  );
}

const evaluationCache = perDatabase(() => new ContentCache<CachedJson<EvaluationResult>>(256));

/** What the browser needs to evaluate a commune's typed values exactly as the API does. */
export interface EvaluationInput {
  /** The unit's values document as the evaluation reads it (with its hamlets as children). */
  doc: UnitValues;
  /** The previous year's classification that decides 18.2 (null when none). */
  classification: Classification182 | null;
  /** The pack ids of the ladder adopted for the unit and year (standard first); empty when none. */
  ladder: string[];
  /** The previous year's values (for core `valueJumps`). */
  previousValues: Record<string, number | boolean | null>;
}

/**
 * Loads the facts of a unit's evaluation for a year, for a client that runs core itself (the data-entry
 * preview: `previewValuesChange` over the same document, classification and ladder as the roll-up).
 * @example
 * const input = await evaluationInput(db, tree, packs, tree.byId.get("c-01-01")!, 2024);
 */
export async function evaluationInput(db: Db, tree: UnitTree, packs: LoadedPacks, unit: UnitRow, year: number): Promise<EvaluationInput> {
  const ids = [unit.id, ...tree.children(unit.id).map((u) => u.id)];
  const [byUnit, previous, classes] = await Promise.all([
    loadDocRows(db, ids, year),
    loadDocRows(db, [unit.id], year - 1),
    unit.level === "commune" ? classificationsOf(db, tree, packs, unit.id, year - 1) : undefined,
  ]);
  const ladder = packs.ladderFor(tree, unit.id, year);
  return {
    doc: unitValuesDoc(tree, byUnit, unit, year),
    classification: classes?.get(unit.id) ?? null,
    ladder: ladder.ok ? ladder.ladder.map((p) => p.pack.id) : [],
    previousValues: previous.get(unit.id)?.values ?? {},
  };
}
