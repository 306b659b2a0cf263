/**
 * The emulation record import service (commendations, criticism and discipline): a file's table read
 * and validated by core (`emulationRecordsFromRows`, `checkDisciplineFinding` against the stored
 * inspections), every row's unit checked with the caller's `mayWrite`, all problems at once (422,
 * nothing written), then every record inserted and audited in one transaction. The file routes
 * parse, authorise and call this.
 */
import { randomUUID } from "node:crypto";
import { type Discipline, type EmulationTableKind, checkDisciplineFinding, emulationRecordsFromRows } from "@ntm/core";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { commendations, disciplines } from "../db/schema.js";
import { jsonSafe } from "../http/common.js";
import { ApiError } from "../http/problem.js";
import { rowProblems } from "../transfer/recordFiles.js";
import type { Table } from "../transfer/table.js";
import { loadInspections } from "./records.js";

/** The stored table, audit entity and file name of each emulation record kind. */
export const EMULATION_FILE_AREAS = {
  commendations: { path: "/commendations", table: commendations, entity: "commendation", file: "khen-thuong" },
  disciplines: { path: "/disciplines", table: disciplines, entity: "discipline", file: "phe-binh-ky-luat" },
} as const;

/** Imports an emulation record file, all or nothing; answers the new records' ids. */
export async function importEmulationFile(
  db: Db,
  user: Principal,
  kind: EmulationTableKind,
  table: Table,
  mayWrite: (unitId: string) => boolean,
  maxErrors: number,
): Promise<string[]> {
  const area = EMULATION_FILE_AREAS[kind];
  const read = emulationRecordsFromRows(kind, table);
  const issues: { row: number; column: string; message: string }[] = read.ok
    ? []
    : read.issues.map((i) => ({ row: Number(i.path[0]), column: String(i.path[1] ?? ""), message: i.message }));
  const records = read.ok ? read.value : [];
  const inspections = kind === "disciplines" ? (await loadInspections(db)).map((s) => s.record) : [];
  // Every row's unit, read or not, is checked against the writer's scope: all problems at once.
  const unitCol = table.header.findIndex((h) => h.trim().toLowerCase() === "unit_id");
  for (const { row, cells } of unitCol < 0 ? [] : table.rows) {
    const unitId = String(cells[unitCol] ?? "").trim();
    if (unitId !== "" && !mayWrite(unitId))
      issues.push({ row, column: "unit_id", message: `Không được ghi cho đơn vị "${unitId}" / may not write for unit "${unitId}"` });
  }
  for (const r of records) {
    const row = Number(r.id.slice(4));
    if (kind === "disciplines") {
      const f = checkDisciplineFinding(r as Discipline, inspections);
      if (!f.ok)
        for (const i of f.issues)
          issues.push({ row, column: i.path.at(-1) === "findingIndex" ? "finding_no" : "inspection_id", message: i.message });
    }
  }
  if (issues.length > 0)
    throw new ApiError(
      "invalid_input",
      `Tệp có ${issues.length} lỗi; chưa ghi gì / the file has ${issues.length} problem(s); nothing was written`,
      rowProblems(issues, maxErrors),
      issues.length,
    );
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    for (const r of records) {
      const id = `${area.entity}-${randomUUID()}`;
      const data = jsonSafe({ ...r, id }) as Record<string, unknown>;
      await tx
        .insert(area.table)
        .values({ id, unitId: r.unitId, data, updatedBy: user.username, year: Number(r.decision.date.slice(0, 4)) });
      await writeAudit(tx, user, {
        action: `${area.entity}.import`,
        entityType: area.entity,
        entityId: id,
        unitId: r.unitId,
        before: null,
        after: { data, version: 1 },
      });
      ids.push(id);
    }
  });
  return ids;
}
