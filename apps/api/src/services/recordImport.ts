/**
 * The record import service (OCOP products, resources mobilised, housing, inspections, steering members): a file's table
 * read by @ntm/core (`readRecordRows`: Vietnamese headers, numbers and dates, every row checked by the
 * area's validator), every row's unit known and within the writer's scope, all problems at once (422 or
 * 403 naming row and column; nothing written), then, unless it is a dry run, every record inserted and
 * audited in one transaction, as the area's own create route writes it. The record routes' factory
 * (http/recordRoutes.ts) parses, authorises and calls this.
 */
import { randomUUID } from "node:crypto";
import {
  MESSAGES,
  RECORD_FILES,
  RECORD_FILE_MESSAGES,
  type RecordFileKind,
  type RecordRowIssue,
  type Result,
  readRecordRows,
} from "@ntm/core";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import type { housing } from "../db/schema.js";
import { ApiError, type ProblemField } from "../http/problem.js";
import type { Table } from "../transfer/table.js";
import type { UnitTree } from "../units.js";

/** How an area writes one record: the create route's own steps (see RecordSpec in http/recordRoutes.ts). */
export interface RecordWriter<T> {
  entity: string;
  /** The new records' id prefix (default: `entity`). */
  idPrefix?: string;
  table: unknown;
  /** Core's check of a row's input with the server-given id (the unit tree for checks against units). */
  validate: (body: never, id: string, tree: UnitTree) => Result<T>;
  verify?: ((value: T, db: Db) => Promise<Result<T>>) | undefined;
  unitOf: (value: T, body: never) => string;
  toRow: (value: T) => { data: Record<string, unknown>; extra: Record<string, unknown> };
}

/** What an import did, or on a dry run would do. */
export interface RecordImportReport {
  kind: RecordFileKind;
  dryRun: boolean;
  /** Data rows read (note rows and empty rows aside). */
  rows: number;
  /** Records written (0 on a dry run). */
  imported: number;
  ids: string[];
}

/** A record-file row issue as a problem+json field (row, column, the header on both sides). */
export const fieldOf = (i: {
  row: number;
  column: string;
  header: string;
  code: string;
  message: { vi: string; en: string };
}): ProblemField => ({
  path: `row ${i.row}, column ${i.column}`,
  row: i.row,
  column: i.column,
  code: i.code,
  // the header (the file's own words) on both sides, so either language names the column
  message: `${i.header ? `${i.header}: ` : ""}${i.message.vi} / ${i.header ? `${i.header}: ` : ""}${i.message.en}`,
});
const sorted = <I extends { row: number; column: string }>(issues: I[]) =>
  [...issues].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));

/**
 * Imports a record file all or nothing; on a dry run, checks everything and writes nothing.
 * @example
 * await importRecordFile(db, user, "ocop", ocopWriter, table, tree, (u) => can(user, "values.write", u, tree), { dryRun: false, maxErrors: 100 });
 */
export async function importRecordFile<T>(
  db: Db,
  user: Principal,
  kind: RecordFileKind,
  writer: RecordWriter<T>,
  table: Table,
  tree: UnitTree,
  mayWrite: (unitId: string) => boolean,
  opts: { dryRun: boolean; maxErrors: number },
): Promise<RecordImportReport> {
  const read = readRecordRows(kind, table);
  const issues: (RecordRowIssue | (Omit<RecordRowIssue, "params"> & { params?: unknown }))[] = [...read.issues];
  const checked: { row: number; id: string; value: T; unitId: string }[] = [];
  const spec = RECORD_FILES[kind];
  for (const r of read.rows) {
    const id = `${writer.idPrefix ?? writer.entity}-${randomUUID()}`;
    const v = writer.validate(r.input as never, id, tree);
    const value = v.ok && writer.verify ? await writer.verify(v.value, db) : v;
    if (!value.ok) {
      for (const i of value.issues) {
        // The issue's path names the column (a commune outside the committee's unit: "Xã phụ trách").
        const key = spec.columnOf(i.path);
        const header = spec.columns.find((c) => c.key === key)?.vi ?? "";
        const params = { header, ...(i.params ?? {}) };
        // The reader's own codes, then core's catalog (the areas' rule codes are worded there once).
        const own = RECORD_FILE_MESSAGES[i.code];
        const catalog = MESSAGES[i.code];
        const message = own
          ? { vi: own.vi(params), en: own.en(params) }
          : catalog
            ? { vi: catalog.vi(params, "vi"), en: catalog.en(params, "en") }
            : { vi: "dữ liệu không hợp lệ", en: i.message };
        issues.push({
          row: r.row,
          column: (key && read.letters[key]) ?? "—",
          header,
          code: i.code,
          message,
        });
      }
      continue;
    }
    checked.push({ row: r.row, id, value: value.value, unitId: writer.unitOf(value.value, r.input as never) });
  }
  const unitKey = spec.unitColumn;
  const unitColumn = read.letters[unitKey] ?? "—";
  const unitHeader = spec.columns.find((c) => c.key === unitKey)?.vi ?? "";
  const unknown = checked.filter((c) => !tree.has(c.unitId));
  for (const c of unknown)
    issues.push({
      row: c.row,
      column: unitColumn,
      header: unitHeader,
      code: "record_file.unknown_unit",
      message: { vi: `không có đơn vị mã "${c.unitId}"`, en: `no unit has the code "${c.unitId}"` },
    });
  if (issues.length)
    throw new ApiError(
      "invalid_input",
      `Tệp có ${issues.length} lỗi; chưa ghi gì / the file has ${issues.length} problem(s); nothing was written`,
      sorted(issues).slice(0, opts.maxErrors).map(fieldOf),
      issues.length,
    );
  const refused = checked.filter((c) => !mayWrite(c.unitId));
  if (refused.length)
    throw new ApiError(
      "forbidden",
      `Vai trò ${user.role} (phạm vi ${user.scopeUnitId}) không được ghi ${refused.length} dòng của tệp; chưa ghi gì / role ${user.role} scoped to ${user.scopeUnitId} may not write ${refused.length} row(s) of the file; nothing was written`,
      refused.slice(0, opts.maxErrors).map((c) =>
        fieldOf({
          row: c.row,
          column: unitColumn,
          header: unitHeader,
          code: "record_file.outside_scope",
          message: { vi: `đơn vị "${c.unitId}" ngoài phạm vi được ghi`, en: `unit "${c.unitId}" is outside the units you may write` },
        }),
      ),
      refused.length,
    );
  const report: RecordImportReport = { kind, dryRun: opts.dryRun, rows: read.rows.length, imported: 0, ids: [] };
  if (opts.dryRun) return report;
  const t = writer.table as typeof housing;
  await db.transaction(async (tx) => {
    for (const c of checked) {
      const { data, extra } = writer.toRow(c.value);
      await tx.insert(t).values({ id: c.id, unitId: c.unitId, data, updatedBy: user.username, ...extra } as typeof housing.$inferInsert);
      await writeAudit(tx, user, {
        action: `${writer.entity}.import`,
        entityType: writer.entity,
        entityId: c.id,
        unitId: c.unitId,
        before: null,
        after: { data, version: 1, row: c.row },
      });
    }
    await writeAudit(tx, user, {
      action: `${writer.entity}.import_file`,
      entityType: writer.entity,
      entityId: user.scopeUnitId,
      unitId: user.scopeUnitId,
      after: { kind, rows: read.rows.length, ids: checked.map((c) => c.id) },
    });
  });
  return { ...report, imported: checked.length, ids: checked.map((c) => c.id) };
}
