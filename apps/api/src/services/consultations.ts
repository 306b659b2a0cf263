/**
 * Public consultations as stored, and a dossier's survey backing: the consultations of the dossier's
 * commune weighed by core's `surveyBacking` against the dossier's satisfaction figure.
 */
import { type Consultation, surveyBacking } from "@ntm/core";
import { eq } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { consultations, dossiers } from "../db/schema.js";
import { ApiError } from "../http/problem.js";
import { toCoreDossier } from "./dossiers.js";
import { type RecordRow, allRows } from "./records.js";

/** A stored consultation row as core's record. */
export const consultationOf = (row: RecordRow): Consultation => ({ ...(row.data as Consultation), id: row.id });

/** A dossier's row by id, or a 404. */
export async function loadDossierRow(db: Db, id: string): Promise<typeof dossiers.$inferSelect> {
  const row = (await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1))[0];
  if (!row) throw new ApiError("not_found", `Không tìm thấy hồ sơ / dossier "${id}" not found`);
  return row;
}

/** How the commune's recorded consultations back a dossier's satisfaction figure (core surveyBacking). */
export async function dossierSurveyBacking(db: Db, row: typeof dossiers.$inferSelect): Promise<ReturnType<typeof surveyBacking>> {
  const dossier = toCoreDossier(row);
  const list = (await allRows(db, consultations)).map(consultationOf).filter((x) => x.communeUnitId === dossier.unitId);
  return surveyBacking(dossier, list);
}
