/**
 * Stored records read back as core's types (OCOP products, contributions, housing and inspection
 * records), each row's data parsed with core's schema (money stored as a string of whole đồng): the
 * loaders the services use. The record routes (routes/ocop.ts, resources.ts, housing.ts,
 * inspections.ts) write them.
 */
import {
  type Contribution,
  type House,
  HouseSchema,
  type InspectionRecord,
  InspectionRecordSchema,
  type OcopProduct,
  OcopProductSchema,
  PeriodStringSchema,
  ResourceSourceSchema,
  parsePeriod,
} from "@ntm/core";
import { and, asc, eq, sql } from "drizzle-orm";
import { pgTextArray } from "../cache.js";
import { z } from "zod";
import type { Db } from "../db/index.js";
import {
  type commendations,
  type consultations,
  contributions,
  type disciplines,
  type emulationMovements,
  type housing,
  inspections,
  ocopProducts,
} from "../db/schema.js";
import { parseStored, storedDataInvalid } from "./stored.js";

/** One stored row of a record table. */
export type RecordRow = {
  id: string;
  unitId: string;
  data: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
};

type AnyTable =
  | typeof housing
  | typeof ocopProducts
  | typeof contributions
  | typeof inspections
  | typeof emulationMovements
  | typeof commendations
  | typeof disciplines
  | typeof consultations;

const at = (table: string, row: RecordRow) => ({ table, id: row.id, column: "data" });
/** The row's data as an object to add the row id to (a non-object fails the schema with its own message). */
const asObject = (row: RecordRow): object => (row.data !== null && typeof row.data === "object" ? row.data : {});

/**
 * All rows of a record table, ordered by id.
 * @example
 * const rows = await allRows(db, housing);
 */
export async function allRows(db: Db, table: AnyTable): Promise<RecordRow[]> {
  const t = table as typeof housing;
  return (await db.select().from(t).orderBy(asc(t.id))) as RecordRow[];
}

/** Whole đồng (or m², days) stored as a decimal string. */
const StoredAmountSchema = z.string().regex(/^\d+$/, "expected a whole number as a string");

/** A contribution as stored: period and amount as text. */
export const StoredContributionSchema = z.object({
  period: PeriodStringSchema,
  source: ResourceSourceSchema,
  amount: StoredAmountSchema,
  note: z.string().optional(),
});
export type StoredContribution = z.infer<typeof StoredContributionSchema>;

/** A house as stored: core's house with its support as a string of whole đồng. */
const StoredHouseSchema = HouseSchema.extend({ supportAmount: StoredAmountSchema });

/**
 * Core's OCOP product of a stored row.
 * @example
 * ocopOf(row).stars // 4
 */
export function ocopOf(row: RecordRow): OcopProduct {
  return parseStored(OcopProductSchema, { ...asObject(row), id: row.id }, at("ocop_products", row));
}

/**
 * Every stored OCOP product.
 * @example
 * const products = await loadOcop(db);
 */
export async function loadOcop(db: Db): Promise<OcopProduct[]> {
  return (await allRows(db, ocopProducts)).map(ocopOf);
}

/**
 * Core's contribution of a stored row (amount back to a bigint).
 * @example
 * contributionOf(row).amount // 1250000000n
 */
export function contributionOf(row: RecordRow): Contribution {
  const d = parseStored(StoredContributionSchema, row.data, at("contributions", row));
  const p = parsePeriod(d.period);
  if (!p.ok) throw storedDataInvalid(at("contributions", row), ["period"], `bad period "${d.period}"`);
  return {
    id: row.id,
    unitId: row.unitId,
    period: p.value,
    source: d.source,
    amount: BigInt(d.amount),
    ...(d.note ? { note: d.note } : {}),
  };
}

/**
 * Every stored contribution.
 * @example
 * const all = await loadContributions(db);
 */
export async function loadContributions(db: Db): Promise<Contribution[]> {
  return (await allRows(db, contributions)).map(contributionOf);
}

/**
 * The stored contributions of some units in one year (the `year` column is the period's year), ordered
 * by id: what a ranking of those units reads, without loading the whole table (a province of 1,000
 * communes holds tens of thousands of rows).
 * @example
 * const rows = await loadContributionsOf(db, ["c-01-01", "c-01-02"], 2024);
 */
export async function loadContributionsOf(db: Db, unitIds: readonly string[], year: number): Promise<Contribution[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select()
    .from(contributions)
    .where(and(eq(contributions.year, year), sql`${contributions.unitId} = any(${pgTextArray(unitIds)}::text[])`))
    .orderBy(asc(contributions.id));
  return (rows as RecordRow[]).map(contributionOf);
}

/** A stored inspection record: core's record and the unit it is filed under. */
export interface StoredInspection {
  unitId: string;
  record: InspectionRecord;
}

/**
 * Core's record of a stored row.
 * @example
 * inspectionOf(row).record.recommendations.length // 2
 */
export function inspectionOf(row: RecordRow): StoredInspection {
  return { unitId: row.unitId, record: parseStored(InspectionRecordSchema, { ...asObject(row), id: row.id }, at("inspections", row)) };
}

/**
 * Every stored inspection record.
 * @example
 * const records = await loadInspections(db);
 */
export async function loadInspections(db: Db): Promise<StoredInspection[]> {
  return (await allRows(db, inspections)).map(inspectionOf);
}

/**
 * Core's house of a stored row (support back to a bigint).
 * @example
 * houseOf(row).supportAmount // 60000000n
 */
export function houseOf(row: RecordRow): House {
  const d = parseStored(StoredHouseSchema, { ...asObject(row), id: row.id }, at("housing", row));
  return { ...d, supportAmount: BigInt(d.supportAmount) };
}
