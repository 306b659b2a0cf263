/**
 * The emulation records the annual ranking reads: commendations and discipline on record for a year
 * (core `recordsBySubject`), as candidate records of the subjects of one kind (core
 * `emulationCandidateRecords`): a commendation on record is a recorded outstanding achievement.
 */
import {
  type CandidateRecords,
  CommendationSchema,
  DisciplineSchema,
  type EmulationSubject,
  emulationCandidateRecords,
  mergeCandidateRecords,
  recordsBySubject,
} from "@ntm/core";
import { eq } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { commendations, disciplines } from "../db/schema.js";
import { parseStored } from "./stored.js";

/**
 * Candidate records from the commendations and discipline decided in `year`, for subjects of `kind`,
 * keyed by subject id. Stored rows are parsed with core's schemas
 * (`parseStored`: a bad row answers `stored_data_invalid` naming the table, row and JSON path).
 * @example
 * const byId = await emulationRecordsFor(db, 2025, "unit"); byId["c-01-01"]?.achievements
 */
export async function emulationRecordsFor(db: Db, year: number, kind: EmulationSubject["kind"]): Promise<Record<string, CandidateRecords>> {
  const [cRows, dRows] = await Promise.all([
    db.select().from(commendations).where(eq(commendations.year, year)),
    db.select().from(disciplines).where(eq(disciplines.year, year)),
  ]);
  const parsedC = cRows.map((r) =>
    parseStored(CommendationSchema, { ...(r.data as object), id: r.id }, { table: "commendations", id: r.id, column: "data" }),
  );
  const parsedD = dRows.map((r) =>
    parseStored(DisciplineSchema, { ...(r.data as object), id: r.id }, { table: "disciplines", id: r.id, column: "data" }),
  );
  return emulationCandidateRecords(recordsBySubject(parsedC, parsedD, { year }), kind);
}

/**
 * Adds the emulation records of the year to candidate records keyed by subject id.
 * @example
 * const all = withEmulationRecords(seedRecords, await emulationRecordsFor(db, 2025, "organisation"));
 */
export function withEmulationRecords(
  records: Readonly<Record<string, CandidateRecords>>,
  emulation: Readonly<Record<string, CandidateRecords>>,
): Record<string, CandidateRecords> {
  const out: Record<string, CandidateRecords> = { ...records };
  for (const [id, r] of Object.entries(emulation)) out[id] = mergeCandidateRecords(out[id], r) ?? r;
  return out;
}
