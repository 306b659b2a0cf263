/**
 * A district's scoring inputs as a file, one row per commune for a year: the template and export (core
 * `writeScoringInputRows`, each commune's stored inputs with their evidence), and the import — read by
 * core (`readScoringInputRows`: every row through `checkScoringInputs`, problems named by row and
 * column), every changed commune within the writer's scope (as the single PUT checks), then, unless it
 * is a dry run, every commune's inputs saved in one transaction over the version read (as the PUT
 * saves them, audited `scoring_inputs.put`), with one `scoring_inputs.import` entry for the file.
 */
import { type CommuneScoringInputs, type RecordCell, readScoringInputRows, writeScoringInputRows } from "@ntm/core";
import { inArray } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { scoring } from "../db/schema.js";
import { ApiError } from "../http/problem.js";
import type { Table } from "../transfer/table.js";
import type { UnitTree } from "../units.js";
import { fieldOf } from "./recordImport.js";
import { inputsRowId, scoringInputsOf } from "./rankings.js";
import { saveScoringRow } from "./scoring.js";

/** What a scoring inputs import did, or on a dry run would do. */
export interface ScoringInputsImportReport {
  unitId: string;
  year: number;
  dryRun: boolean;
  rows: number;
  updated: number;
  unchanged: number;
  /** The communes whose inputs change. */
  unitIds: string[];
}

/** The district's communes with their stored inputs for the year and the stored versions. */
async function communesOf(
  db: Db,
  tree: UnitTree,
  districtId: string,
  year: number,
): Promise<{ communes: CommuneScoringInputs[]; versions: Map<string, number> }> {
  const units = tree.subtree(districtId).filter((u) => u.level === "commune");
  const rows = units.length
    ? await db
        .select()
        .from(scoring)
        .where(
          inArray(
            scoring.id,
            units.map((u) => inputsRowId(u.id, year)),
          ),
        )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const versions = new Map<string, number>();
  const communes = units.map((u) => {
    const row = byId.get(inputsRowId(u.id, year));
    if (row) versions.set(u.id, row.version);
    return { unitId: u.id, name: u.name, inputs: row ? scoringInputsOf(row) : null };
  });
  return { communes, versions };
}

/**
 * The scoring inputs file of a district's communes for a year (template: with the note row).
 * @example
 * const { header, rows } = await scoringInputsFile(db, tree, "d-01", 2025, { note: true });
 */
export async function scoringInputsFile(
  db: Db,
  tree: UnitTree,
  districtId: string,
  year: number,
  options: { note: boolean },
): Promise<{ header: string[]; rows: RecordCell[][] }> {
  const { communes } = await communesOf(db, tree, districtId, year);
  return writeScoringInputRows(year, communes, options);
}

/**
 * Imports a district's scoring inputs file all or nothing; on a dry run, checks everything and writes nothing.
 * @example
 * await importScoringInputsFile(db, user, tree, "d-01", 2025, table, (u) => can(user, "plan.write", u, tree), { dryRun: true, maxErrors: 100 }, now);
 */
export async function importScoringInputsFile(
  db: Db,
  user: Principal,
  tree: UnitTree,
  districtId: string,
  year: number,
  table: Table,
  mayWrite: (unitId: string) => boolean,
  opts: { dryRun: boolean; maxErrors: number },
  at: Date,
): Promise<ScoringInputsImportReport> {
  const { communes, versions } = await communesOf(db, tree, districtId, year);
  const read = readScoringInputRows(table, { year, communes });
  const sorted = <I extends { row: number; column: string }>(issues: readonly I[]) =>
    [...issues].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  if (read.issues.length)
    throw new ApiError(
      "invalid_input",
      `Tệp có ${read.issues.length} lỗi; chưa ghi gì / the file has ${read.issues.length} problem(s); nothing was written`,
      sorted(read.issues).slice(0, opts.maxErrors).map(fieldOf),
      read.issues.length,
    );
  const refused = read.updates.filter((u) => !mayWrite(u.unitId));
  if (refused.length)
    throw new ApiError(
      "forbidden",
      `Vai trò ${user.role} (phạm vi ${user.scopeUnitId}) không được ghi ${refused.length} dòng của tệp; chưa ghi gì / role ${user.role} scoped to ${user.scopeUnitId} may not write ${refused.length} row(s) of the file; nothing was written`,
      refused.slice(0, opts.maxErrors).map((u) =>
        fieldOf({
          row: u.row,
          column: "A",
          header: "Mã xã",
          code: "record_file.outside_scope",
          message: { vi: `xã "${u.unitId}" ngoài phạm vi được ghi`, en: `commune "${u.unitId}" is outside the units you may write` },
        }),
      ),
      refused.length,
    );
  const unitIds = read.updates.map((u) => u.unitId);
  const report = { unitId: districtId, year, dryRun: opts.dryRun, rows: read.rows, unchanged: read.unchanged, unitIds };
  if (opts.dryRun) return { ...report, updated: 0 };
  await db.transaction(async (tx) => {
    for (const u of read.updates)
      await saveScoringRow(
        tx as unknown as Db,
        user,
        {
          id: inputsRowId(u.unitId, year),
          unitId: u.unitId,
          year,
          action: "scoring_inputs.put",
          entityType: "scoring_inputs",
          what: "Số liệu vừa bị thay đổi / inputs changed concurrently",
        },
        { ...u.inputs },
        versions.get(u.unitId) ?? 0,
        at,
      );
    await writeAudit(tx, user, {
      action: "scoring_inputs.import",
      entityType: "scoring_inputs",
      entityId: `${districtId}:${year}`,
      unitId: districtId,
      after: { year, rows: read.rows, updated: unitIds, unchanged: read.unchanged },
    });
  });
  return { ...report, updated: unitIds.length };
}
