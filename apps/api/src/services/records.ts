/**
 * Stored records read back as core's types (OCOP products, contributions, inspection records): the
 * loaders the services use. The record routes (domain/ocop.ts, resources.ts, inspections.ts) write
 * them and re-export these names.
 */
import { type Contribution, type InspectionRecord, type OcopProduct, parsePeriod } from "@ntm/core";
import { asc } from "drizzle-orm";
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

/**
 * All rows of a record table, ordered by id.
 * @example
 * const rows = await allRows(db, housing);
 */
export async function allRows(db: Db, table: AnyTable): Promise<RecordRow[]> {
  const t = table as typeof housing;
  return (await db.select().from(t).orderBy(asc(t.id))) as RecordRow[];
}

/** A contribution as stored: period and amount as text. */
export interface StoredContribution {
  period: string;
  source: Contribution["source"];
  amount: string;
  note?: string;
}

/**
 * Core's OCOP product of a stored row.
 * @example
 * ocopOf(row).stars // 4
 */
export function ocopOf(row: RecordRow): OcopProduct {
  return { ...(row.data as OcopProduct), id: row.id };
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
  const d = row.data as StoredContribution;
  const p = parsePeriod(d.period);
  if (!p.ok) throw new Error(`stored contribution ${row.id} has a bad period "${d.period}"`);
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
  return { unitId: row.unitId, record: { ...(row.data as InspectionRecord), id: row.id } };
}

/**
 * Every stored inspection record.
 * @example
 * const records = await loadInspections(db);
 */
export async function loadInspections(db: Db): Promise<StoredInspection[]> {
  return (await allRows(db, inspections)).map(inspectionOf);
}
