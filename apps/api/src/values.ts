import type { UnitValues } from "@ntm/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import { LineCache, pgTextArray, perDatabase } from "./cache.js";
import type { Db } from "./db/index.js";
import { indicatorValues } from "./db/schema.js";
import { checkStoredValues } from "./services/stored.js";
import { type UnitRow, type UnitTree, toAdminUnit } from "./units.js";

export type ValuesRow = typeof indicatorValues.$inferSelect;

/**
 * Loads the value rows of many units for one year, keyed by unit id (one query).
 * @example
 * const byUnit = await loadValues(db, ["c1", "c2"], 2024);
 */
export async function loadValues(db: Db, unitIds: readonly string[], year: number): Promise<Map<string, ValuesRow>> {
  const out = new Map<string, ValuesRow>();
  if (unitIds.length === 0) return out;
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.year, year), inArray(indicatorValues.unitId, [...unitIds])));
  for (const r of rows) out.set(r.unitId, checkStoredValues(r, r.id));
  return out;
}

/** The columns an evaluation reads of a value row (no notes, no who/when). */
export type DocRow = Pick<ValuesRow, "id" | "unitId" | "version" | "values" | "inputs" | "notApplicable">;

/**
 * Loads what evaluations read of the value rows of many units for one year (one query; fewer columns
 * than {@link loadValues}, which matters for a province of thousands of rows), keyed by unit id.
 * @example
 * const byUnit = await loadDocRows(db, ["c1", "c2"], 2024);
 */
export async function loadDocRows(db: Db, unitIds: readonly string[], year: number): Promise<Map<string, DocRow>> {
  const out = new Map<string, DocRow>();
  if (unitIds.length === 0) return out;
  // Raw SQL: a province is thousands of rows, and the ids go as one array parameter (not one each);
  // both drivers parse jsonb; bigint ids arrive as text. The jsonb columns get a cheap structural
  // check, not a zod parse (a zod parse costs ~10× more on a roll-up of 1,000 communes).
  const res = await db.execute(
    sql`select id, unit_id, version, values, inputs, not_applicable from indicator_values where year = ${year} and unit_id = any(${pgTextArray(unitIds)}::text[])`,
  );
  for (const r of (res as unknown as { rows: RawDocRow[] }).rows) {
    const id = Number(r.id);
    out.set(
      r.unit_id,
      checkStoredValues(
        { id, unitId: r.unit_id, version: r.version, values: r.values, inputs: r.inputs, notApplicable: r.not_applicable },
        id,
      ),
    );
  }
  return out;
}

/** Value rows kept between calls of {@link loadDocRowsFresh}, by `year|unitId` (a province's years fit). */
const keptDocRows = perDatabase(() => new LineCache<DocRow>(40_000));
/** How many full rows {@link loadDocRowsFresh} read from a database (for tests and profiling). */
export const docRowReloads = perDatabase(() => ({ rows: 0 }));

/**
 * {@link loadDocRows} for large subtrees read again and again (roll-ups after each write): one cheap
 * query for the rows' ids and versions, then the full rows of only those not kept from an earlier
 * call with the same id and version (every write bumps a row's version; a row deleted and created
 * again has a new id). A province of 1,000 communes after one write reloads one row, not thousands.
 * @example
 * const byUnit = await loadDocRowsFresh(db, tree.subtree("p-demo").map((u) => u.id), 2024);
 */
export async function loadDocRowsFresh(db: Db, unitIds: readonly string[], year: number): Promise<Map<string, DocRow>> {
  const out = new Map<string, DocRow>();
  if (unitIds.length === 0) return out;
  const kept = keptDocRows(db);
  // Nothing (or little) kept yet, as in the first roll-up of a process: one query for the full rows,
  // not the versions first and then the same rows again.
  let keptCount = 0;
  for (const id of unitIds) if (kept.get(`${year}|${id}`)) keptCount++;
  if (keptCount * 2 < unitIds.length) {
    const loaded = await loadDocRows(db, unitIds, year);
    docRowReloads(db).rows += loaded.size;
    for (const [unitId, row] of loaded) kept.set(`${year}|${unitId}`, row);
    return loaded;
  }
  const res = await db.execute(
    sql`select id, unit_id, version from indicator_values where year = ${year} and unit_id = any(${pgTextArray(unitIds)}::text[])`,
  );
  const stale: string[] = [];
  for (const r of (res as unknown as { rows: Pick<RawDocRow, "id" | "unit_id" | "version">[] }).rows) {
    const hit = kept.get(`${year}|${r.unit_id}`);
    if (hit && hit.id === Number(r.id) && hit.version === r.version) out.set(r.unit_id, hit);
    else stale.push(r.unit_id);
  }
  if (stale.length === 0) return out;
  // Read after the versions: a row written in between comes with its newer version, kept as such.
  const loaded = await loadDocRows(db, stale, year);
  docRowReloads(db).rows += loaded.size;
  for (const [unitId, row] of loaded) {
    kept.set(`${year}|${unitId}`, row);
    out.set(unitId, row);
  }
  return out;
}

type RawDocRow = {
  id: string | number;
  unit_id: string;
  version: number;
  values: DocRow["values"];
  inputs: DocRow["inputs"];
  not_applicable: DocRow["notApplicable"];
};

/**
 * Builds core's UnitValues document for a unit: its own values and inputs, with its children's
 * values (hamlets of a commune) for derived indicators.
 * @example
 * const doc = unitValuesDoc(tree, byUnit, commune, 2024); evaluateUnit(compiled, doc)
 */
export function unitValuesDoc(tree: UnitTree, byUnit: ReadonlyMap<string, DocRow>, unit: UnitRow, year: number): UnitValues {
  const row = byUnit.get(unit.id);
  const doc: UnitValues = { unit: toAdminUnit(unit), year, values: row?.values ?? {} };
  if (row && Object.keys(row.inputs).length) doc.inputs = row.inputs;
  if (row?.notApplicable.length) doc.notApplicable = row.notApplicable;
  const children = tree.children(unit.id);
  if (children.length) doc.children = children.map((c) => ({ unit: toAdminUnit(c), values: byUnit.get(c.id)?.values ?? {} }));
  return doc;
}

/**
 * Loads and builds the documents of a unit's communes (or the unit itself when it is a commune) for a year.
 * @example
 * const docs = await subtreeDocs(db, tree, "p-demo", 2024); docs.length // 40
 */
export async function subtreeDocs(
  db: Db,
  tree: UnitTree,
  unitId: string,
  year: number,
): Promise<{ unit: UnitRow; doc: UnitValues; rows: string }[]> {
  const sub = tree.subtree(unitId);
  const byUnit = await loadDocRowsFresh(
    db,
    sub.map((u) => u.id),
    year,
  );
  return sub
    .filter((u) => u.level === "commune")
    .map((u) => ({ unit: u, doc: unitValuesDoc(tree, byUnit, u, year), rows: rowsKey(tree, byUnit, u) }));
}

/**
 * The identity of the value rows a unit's document is built from (its own row and its children's):
 * row id and version of each, so equal keys mean equal documents for the same tree.
 * @example
 * rowsKey(tree, byUnit, commune) // "812.3,813.1,-,815.2"
 */
export function rowsKey(tree: UnitTree, byUnit: ReadonlyMap<string, DocRow>, unit: UnitRow): string {
  const one = (id: string) => {
    const r = byUnit.get(id);
    return r ? `${r.id}.${r.version}` : "-";
  };
  return [one(unit.id), ...tree.children(unit.id).map((c) => one(c.id))].join(",");
}

/**
 * Parses an If-Match header value into a version number: `"3"`, `W/"3"` or `3`.
 * @example
 * parseEtag('"3"') // 3
 */
export function parseEtag(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m?.[1] !== undefined ? Number(m[1]) : Number.NaN;
}

/**
 * The ETag of a values version.
 * @example
 * etagOf(3) // '"3"'
 */
export function etagOf(version: number): string {
  return `"${version}"`;
}
