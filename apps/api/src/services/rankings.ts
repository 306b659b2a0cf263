/**
 * The ranking service: loads the facts a year's ranking reads (values of this year and the last,
 * OCOP products, contributions, inspections, entered scoring inputs, dossiers, the scheme that
 * applies) and calls @ntm/core (`rankingUnitsFromFacts`, `classifyGroups`, `rankUnits`). Values the
 * database does not hold are left out and the scores say so in their reasons; a commune that lacks
 * any scheme input gets no level. Indicator 18.2 of each commune is taken from (or checked against)
 * its classification of the previous year ({@link classificationsOf}).
 */
import {
  type Classification182,
  type Ranking,
  type Reason,
  type RankingUnit,
  type ScoringInputs,
  type ScoringScheme,
  CandidateRecordsSchema,
  ClassificationLevelSchema,
  mergeCandidateRecords,
  DEFAULT_SCORING_SCHEME,
  ScoringInputsSchema,
  ScoringSchemeSchema,
  classifyGroups,
  rankUnits,
  rankingUnitsFromFacts,
} from "@ntm/core";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/index.js";
import { dossiers, scoring, storedClassifications } from "../db/schema.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import type { LoadedPacks } from "./packs.js";
import { emulationRecordsFor } from "./emulationRecords.js";
import type { UnitTree } from "../units.js";
import { subtreeDocs } from "../values.js";
import { ContentCache, perDatabase, rankingDataState, scopeUnits } from "../cache.js";
import { loadContributionsOf, loadInspections, loadOcop } from "./records.js";
import { dossierTransitionsOf } from "./dossiers.js";
import { parseStored } from "./stored.js";

/** What the evaluating level enters for a unit and year (core's ScoringInputs), stored in the `scoring` table. */
export type ScoringInputsData = ScoringInputs;

/** The id of a unit's stored scoring scheme row. */
export const schemeRowId = (unitId: string) => `scheme:${unitId}`;
/** The id of a unit's entered scoring inputs for a year. */
export const inputsRowId = (unitId: string, year: number) => `inputs:${unitId}:${year}`;

type ScoringRow = typeof scoring.$inferSelect;
const StoredSchemeSchema = z.object({ scheme: ScoringSchemeSchema });

/**
 * The scheme stored in a scheme row, parsed with core's schema.
 * @example
 * storedSchemeOf(row).components.length // 5
 */
export function storedSchemeOf(row: Pick<ScoringRow, "id" | "data">): ScoringScheme {
  return parseStored(StoredSchemeSchema, row.data, { table: "scoring", id: row.id, column: "data" }).scheme;
}

/**
 * The scoring inputs stored in an inputs row, parsed with core's schema.
 * @example
 * scoringInputsOf(row).tasks?.total // 12
 */
export function scoringInputsOf(row: Pick<ScoringRow, "id" | "data">): ScoringInputsData {
  return parseStored(ScoringInputsSchema, row.data, { table: "scoring", id: row.id, column: "data" });
}

/**
 * The scheme that applies to a unit: its own stored one, else the nearest ancestor's, else core's
 * DEFAULT_SCORING_SCHEME (labelled a default, not law).
 * @example
 * const { scheme, definedAt } = await schemeFor(db, tree, "d-01"); definedAt // null → default
 */
export async function schemeFor(
  db: Db,
  tree: UnitTree,
  unitId: string,
): Promise<{ scheme: ScoringScheme; definedAt: string | null; version: number }> {
  const rows = await db.select().from(scoring).where(eq(scoring.year, 0));
  const byUnit = new Map(rows.filter((r) => r.id === schemeRowId(r.unitId)).map((r) => [r.unitId, r]));
  for (let u: string | undefined = unitId; u; u = tree.parentOf(u)) {
    const r = byUnit.get(u);
    if (r) return { scheme: storedSchemeOf(r), definedAt: u, version: r.version };
  }
  return { scheme: DEFAULT_SCORING_SCHEME, definedAt: null, version: 0 };
}

/**
 * The classification of the communes in a scope for a year: the level each gets in its parent
 * district's ranking (that district's scheme; `derive182: false`, so no loop), by core
 * `classifyGroups`. A commune's scope is its parent. Used for indicator 18.2 of the FOLLOWING year
 * (core `withClassification182`).
 * @example
 * (await classificationsOf(db, tree, packs, "d-01", 2024)).get("c-01-01") // { year: 2024, level: "good" }
 */
export async function classificationsOf(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  scopeId: string,
  year: number,
): Promise<Map<string, Classification182>> {
  const scope = tree.byId.get(scopeId)?.level === "commune" ? (tree.parentOf(scopeId) ?? scopeId) : scopeId;
  // Cached per process on the content of everything the ranking reads (validated on every call).
  const key = `${tree.stamp}|${packs.key}|${scope}|${year}|${await rankingDataState(db, year, scopeUnits(tree, scope))}`;
  return classificationCache(db).get(key, () =>
    storedOrComputed(db, scope, year, key, () => classificationsUncached(db, tree, packs, scope, year)),
  );
}

const classificationCache = perDatabase(() => new ContentCache<Map<string, Classification182>>(128));

/** What a stored classification holds: `[unitId, level]` per classified commune. */
const StoredClassificationSchema = z.array(z.tuple([z.string(), ClassificationLevelSchema]));

/**
 * The identity of the code that computes a classification: a hash of @ntm/core's built modules and of
 * this module's file (the API bundle when built), so a stored classification is not served by a
 * build that would compute it differently. Computed once per process.
 */
const codeFingerprint = (() => {
  let value: string | undefined;
  return () => {
    if (value !== undefined) return value;
    const hash = createHash("sha256");
    // Core is built one file per module: hash every module of its build (about 1 MB), not just the entry.
    const coreDir = dirname(createRequire(import.meta.url).resolve("@ntm/core"));
    const coreFiles = readdirSync(coreDir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".cjs") || f.endsWith(".js"))
      .sort();
    for (const file of [...coreFiles.map((f) => join(coreDir, f)), fileURLToPath(import.meta.url)]) hash.update(readFileSync(file));
    value = hash.digest("base64url").slice(0, 16);
    return value;
  };
})();

/**
 * The stored classification of a scope-year when it was computed from the same content (`key`, with
 * the code's fingerprint); otherwise computes it and stores it for the next process. Storing is best
 * effort: a database that refuses the write (read-only) still gets the computed answer.
 */
async function storedOrComputed(
  db: Db,
  scope: string,
  year: number,
  key: string,
  compute: () => Promise<Map<string, Classification182>>,
): Promise<Map<string, Classification182>> {
  const stamp = `${codeFingerprint()}|${key}`;
  const at = and(eq(storedClassifications.scopeId, scope), eq(storedClassifications.year, year));
  const [row] = await db.select({ key: storedClassifications.key, data: storedClassifications.data }).from(storedClassifications).where(at);
  if (row?.key === stamp) {
    const levels = parseStored(StoredClassificationSchema, row.data, {
      table: "stored_classifications",
      id: `${scope}:${year}`,
      column: "data",
    });
    return new Map(levels.map(([unitId, level]) => [unitId, { year, level }]));
  }
  const computed = await compute();
  const data = [...computed].map(([unitId, c]) => [unitId, c.level]);
  await db
    .insert(storedClassifications)
    .values({ scopeId: scope, year, key: stamp, data })
    .onConflictDoUpdate({
      target: [storedClassifications.scopeId, storedClassifications.year],
      set: { key: stamp, data, computedAt: sql`now()` },
    })
    .catch(() => undefined);
  return computed;
}

async function classificationsUncached(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  scope: string,
  year: number,
): Promise<Map<string, Classification182>> {
  const units = await rankingInput(db, tree, packs, scope, year, { derive182: false });
  const byParent = new Map<string, RankingUnit[]>();
  for (const u of units) {
    const p = tree.parentOf(u.unitId) ?? "";
    byParent.set(p, [...(byParent.get(p) ?? []), u]);
  }
  const groups = await Promise.all(
    [...byParent].map(async ([parent, group]) => ({ scheme: (await schemeFor(db, tree, parent || scope)).scheme, units: group })),
  );
  return classifyGroups(groups, year);
}

/**
 * The ranking input of the communes below a unit for a year: the stored facts, loaded here, turned
 * into inputs by core `rankingUnitsFromFacts`. Indicator 18.2 is taken from (or checked against)
 * each commune's classification of the previous year unless `derive182` is false.
 * @example
 * const units = await rankingInput(db, tree, packs, "d-01", 2025); units[0].values.criteria_met
 */
export async function rankingInput(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  options: { derive182?: boolean } = {},
): Promise<RankingUnit[]> {
  const [all, prev] = await Promise.all([subtreeDocs(db, tree, unitId, year), subtreeDocs(db, tree, unitId, year - 1)]);
  // Each commune along the ladder adopted for it that year; a commune with none is not ranked (see noPackCommunes).
  const ladders = new Map(
    all.flatMap((c) => {
      const choice = packs.ladderFor(tree, c.unit.id, year);
      return choice.ok ? [[c.unit.id, choice.ladder] as const] : [];
    }),
  );
  const cur = all.filter((c) => ladders.has(c.unit.id));
  const prevById = new Map(prev.map((p) => [p.unit.id, p.doc]));
  const classes =
    options.derive182 === false ? new Map<string, Classification182>() : await classificationsOf(db, tree, packs, unitId, year - 1);
  const [ocopProducts, contributions, inspections, scoringRows, dossierRows] = await Promise.all([
    loadOcop(db),
    // Only the ranked communes' contributions of the year: the only ones rankingUnitsFromFacts counts.
    loadContributionsOf(
      db,
      cur.map((c) => c.unit.id),
      year,
    ),
    loadInspections(db),
    db.select().from(scoring).where(eq(scoring.year, year)),
    db.select().from(dossiers),
  ]);
  const entered = new Map(scoringRows.filter((r) => r.id === inputsRowId(r.unitId, year)).map((r) => [r.unitId, scoringInputsOf(r)]));
  return rankingUnitsFromFacts({
    year,
    ladder: [],
    communes: cur.map(({ unit, doc }) => ({
      doc: { ...doc, unit: { ...doc.unit, name: unit.name } },
      previous: prevById.get(unit.id),
      classification: classes.get(unit.id),
      ladder: ladders.get(unit.id)!,
    })),
    ocopProducts,
    contributions,
    inspections,
    entered,
    dossiers: dossierRows.map((d) => ({ unitId: d.unitId, transitions: dossierTransitionsOf(d) })),
  });
}

/**
 * The communes below a unit with no pack adopted for the year (not ranked: "Chưa áp dụng bộ tiêu chí"), with the reason.
 * @example
 * noPackCommunes(tree, packs, "p-demo", 2026)[0].reasons[0].code // "pack.outside_effective"
 */
export function noPackCommunes(
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
): { unitId: string; name: string; reasons: Reason[] }[] {
  return tree
    .subtree(unitId)
    .filter((u) => u.level === "commune")
    .flatMap((u) => {
      const choice = packs.ladderFor(tree, u.id, year);
      return choice.ok ? [] : [{ unitId: u.id, name: u.name, reasons: [choice.reason] }];
    });
}

/**
 * The units with their candidate records of the year (`records:<unitId>:<year>` rows: recorded
 * achievements, findings with deadlines), parsed with core's schema.
 * @example
 * const units = await withCandidateRecords(db, await rankingInput(db, tree, packs, "d-01", 2025), 2025);
 */
export async function withCandidateRecords(db: Db, units: RankingUnit[], year: number): Promise<RankingUnit[]> {
  const rows = await db.select().from(scoring).where(eq(scoring.year, year));
  const byId = new Map(rows.filter((r) => r.id.startsWith("records:")).map((r) => [r.id, r.data]));
  // Commendations on record in the year are recorded outstanding achievements of their communes.
  const emulation = await emulationRecordsFor(db, year, "unit");
  return units.map((u) => {
    const data = byId.get(`records:${u.unitId}:${year}`);
    const records = mergeCandidateRecords(data === undefined ? undefined : CandidateRecordsSchema.parse(data), emulation[u.unitId]);
    return records === undefined ? u : { ...u, records };
  });
}

/**
 * Ranks the communes below a unit for a year with the scheme that applies there.
 * @example
 * const { ranking } = await computeRanking(db, tree, packs, "d-01", 2025); ranking.rows[0].rank // 1
 */
export async function computeRanking(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  options: { derive182?: boolean } = {},
): Promise<{ ranking: Ranking; units: RankingUnit[]; scheme: ScoringScheme; definedAt: string | null }> {
  const { scheme, definedAt } = await schemeFor(db, tree, unitId);
  const units = await withCandidateRecords(db, await rankingInput(db, tree, packs, unitId, year, options), year);
  const r = rankUnits({ units }, scheme, year);
  if (!r.ok) throw new ApiError(r.kind, "Không xếp hạng được / cannot rank", issuesToFields(r.issues));
  return { ranking: r.value, units, scheme, definedAt };
}
