/**
 * Recognition dossiers as stored: the row's jsonb `data` to and from @ntm/core's dossier, and the
 * workflow configuration in force at a transition's time. Used by the dossier routes, the reports and
 * the seed.
 */
import {
  DossierStateSchema,
  DossierTierSchema,
  DossierTransitionSchema,
  type RecognitionConfig,
  type RecognitionDossier,
  RecognitionDossierSchema,
  TWO_TIER_FROM,
  addWorkingDays,
  createRecognitionConfig,
  defaultWorkCalendar,
} from "@ntm/core";
import { z } from "zod";
import { asc, eq } from "drizzle-orm";
import type { Tx } from "../audit.js";
import type { Db } from "../db/index.js";
import { dossiers } from "../db/schema.js";
import { ApiError } from "../http/problem.js";
import { parseStored } from "./stored.js";

export type DossierRow = typeof dossiers.$inferSelect;

/** The jsonb `data` of a dossier row: the dossier's fields besides the columns; money as a decimal string. */
export const DossierDataSchema = RecognitionDossierSchema.pick({
  level: true,
  packId: true,
  createdAt: true,
  documents: true,
  satisfactionPercent: true,
  councilVote: true,
}).extend({
  /** Whole đồng as a decimal string (never a float); null until declared. */
  capitalConstructionDebt: z.string().regex(/^\d+$/, "expected whole đồng as a string").nullable(),
});
export type DossierData = z.infer<typeof DossierDataSchema>;

const TransitionsSchema = z.array(DossierTransitionSchema);

/**
 * A dossier row's `data` parsed with its schema.
 * @example
 * dossierDataOf(row).packId // "vn.commune-ntm.2021-2025"
 */
export function dossierDataOf(row: Pick<DossierRow, "id" | "data">): DossierData {
  return parseStored(DossierDataSchema, row.data, { table: "dossiers", id: row.id, column: "data" });
}

/**
 * A dossier row's transitions (its history) parsed with core's schema.
 * @example
 * dossierTransitionsOf(row).at(-1)?.action // "recognise"
 */
export function dossierTransitionsOf(row: Pick<DossierRow, "id" | "transitions">): RecognitionDossier["history"] {
  return parseStored(TransitionsSchema, row.transitions, { table: "dossiers", id: row.id, column: "transitions" });
}

/**
 * Core's dossier from a row (the debt becomes a bigint).
 * @example
 * toCoreDossier(row).capitalConstructionDebt // 0n
 */
export function toCoreDossier(
  row: Pick<DossierRow, "id" | "unitId" | "year" | "tier" | "step" | "transitions" | "data">,
): RecognitionDossier {
  const d = dossierDataOf(row);
  const at = (column: string) => ({ table: "dossiers", id: row.id, column });
  return {
    id: row.id,
    unitId: row.unitId,
    level: d.level,
    tier: parseStored(DossierTierSchema, row.tier, at("tier")),
    packId: d.packId,
    year: row.year,
    state: parseStored(DossierStateSchema, row.step, at("step")),
    createdAt: d.createdAt,
    documents: d.documents,
    satisfactionPercent: d.satisfactionPercent,
    capitalConstructionDebt: d.capitalConstructionDebt === null ? null : BigInt(d.capitalConstructionDebt),
    councilVote: d.councilVote,
    history: dossierTransitionsOf(row),
  };
}

/**
 * The row columns of a core dossier (the debt as a decimal string).
 * @example
 * fromCoreDossier(dossier).data.capitalConstructionDebt // "0"
 */
export function fromCoreDossier(d: RecognitionDossier): {
  id: string;
  unitId: string;
  year: number;
  tier: string;
  step: string;
  transitions: RecognitionDossier["history"];
  data: DossierData;
} {
  return {
    id: d.id,
    unitId: d.unitId,
    year: d.year,
    tier: d.tier,
    step: d.state,
    transitions: d.history,
    data: {
      level: d.level,
      packId: d.packId,
      createdAt: d.createdAt,
      documents: d.documents,
      satisfactionPercent: d.satisfactionPercent,
      capitalConstructionDebt: d.capitalConstructionDebt === null ? null : d.capitalConstructionDebt.toString(),
      councilVote: d.councilVote,
    },
  };
}

const calendar = defaultWorkCalendar();
const CONFIGS = new Map<boolean, RecognitionConfig>();

/**
 * The workflow configuration for a transition at `at`: the Vietnamese working-day calendar for
 * deadlines; the district appraisal step before 01/7/2025 (two-tier government from then), kept for a
 * dossier the district already appraised so it can finish.
 * @example
 * configFor(dossier, "2025-08-01T09:00:00+07:00").districtAppraisal // false
 */
export function configFor(dossier: RecognitionDossier, at: string): RecognitionConfig {
  const districtAppraisal = at.slice(0, 10) < TWO_TIER_FROM || dossier.state === "appraised";
  let cfg = CONFIGS.get(districtAppraisal);
  if (!cfg) {
    cfg = createRecognitionConfig({ districtAppraisal, addWorkingDays: (date, n) => addWorkingDays(date, n, calendar) });
    CONFIGS.set(districtAppraisal, cfg);
  }
  return cfg;
}

/** A dossier's row by id, or a 404. */
export async function loadDossier(db: Db | Tx, id: string): Promise<DossierRow> {
  const row = (await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1))[0];
  if (!row) throw new ApiError("not_found", `Không tìm thấy hồ sơ / dossier "${id}" not found`);
  return row;
}

/** The dossiers of the units in `ids`, by year, unit and id, optionally of one state, year or tier. */
export async function listDossierRows(
  db: Db,
  ids: ReadonlySet<string>,
  q: { state?: string | undefined; year?: number | undefined; tier?: string | undefined },
): Promise<DossierRow[]> {
  const rows = await db.select().from(dossiers).orderBy(asc(dossiers.year), asc(dossiers.unitId), asc(dossiers.id));
  return rows.filter(
    (r) => ids.has(r.unitId) && (!q.state || r.step === q.state) && (!q.year || r.year === q.year) && (!q.tier || r.tier === q.tier),
  );
}
