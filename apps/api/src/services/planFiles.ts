/**
 * A plan's task progress as a file: the tasks with their current progress (template and export, core
 * `writeTaskProgressRows`), and the import — the file read against the plan's tasks by core
 * (`readTaskProgressRows`: every problem named by row and column), then, unless it is a dry run, every
 * changed task's progress written in one transaction as the progress route writes it (version checked,
 * one `task.progress` audit entry per task, one `task.progress_import` entry for the file), or nothing.
 */
import { type PlanTaskProgress, type RecordCell, type TaskProgress, readTaskProgressRows, writeTaskProgressRows } from "@ntm/core";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import type { Db } from "../db/index.js";
import { ApiError } from "../http/problem.js";
import type { Table } from "../transfer/table.js";
import { type PlanRow, type TaskRow, planOf, taskDataOf } from "./planStore.js";
import { writeTaskProgress } from "./plans.js";
import { fieldOf } from "./recordImport.js";

/** What a progress import did, or on a dry run would do. */
export interface TaskProgressImportReport {
  planId: string;
  dryRun: boolean;
  /** Data rows read (note and empty rows aside). */
  rows: number;
  /** Tasks whose progress the file changes (written, unless a dry run). */
  updated: number;
  /** Rows that report nothing or what is stored. */
  unchanged: number;
  /** The codes of the tasks changed. */
  codes: string[];
}

/** The plan's tasks as the progress file sees them: code, Vietnamese title, lead organisations' names, progress. */
function tasksOf(row: PlanRow, taskRows: readonly TaskRow[]): (PlanTaskProgress & { taskRow: TaskRow })[] {
  const names = new Map(planOf(row, taskRows).assignees.map((a) => [a.id, a.name.vi]));
  return taskRows
    .map((t) => ({ t, d: taskDataOf(t) }))
    .sort((a, b) => a.d.order - b.d.order)
    .map(({ t, d }) => ({
      taskRow: t,
      code: d.task.code,
      title: d.task.title.vi,
      lead: d.task.lead.map((id) => names.get(id) ?? id).join("; "),
      progress: d.progress as TaskProgress | null,
    }));
}

/**
 * The plan's progress file: the template (a note row, then every task with its current progress) or the export.
 * @example
 * const { header, rows } = taskProgressFile(row, taskRows, { note: true });
 */
export function taskProgressFile(
  row: PlanRow,
  taskRows: readonly TaskRow[],
  options: { note: boolean },
): { header: string[]; rows: RecordCell[][] } {
  return writeTaskProgressRows(tasksOf(row, taskRows), options);
}

/**
 * Imports a plan's progress file all or nothing; on a dry run, checks everything and writes nothing.
 * @example
 * await importTaskProgressFile(db, user, loaded, table, { dryRun: true, maxErrors: 100 }, new Date());
 */
export async function importTaskProgressFile(
  db: Db,
  user: Principal,
  loaded: { row: PlanRow; taskRows: TaskRow[] },
  table: Table,
  opts: { dryRun: boolean; maxErrors: number },
  at: Date,
): Promise<TaskProgressImportReport> {
  const tasks = tasksOf(loaded.row, loaded.taskRows);
  const read = readTaskProgressRows(table, tasks);
  if (read.issues.length)
    throw new ApiError(
      "invalid_input",
      `Tệp có ${read.issues.length} lỗi; chưa ghi gì / the file has ${read.issues.length} problem(s); nothing was written`,
      [...read.issues]
        .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
        .slice(0, opts.maxErrors)
        .map(fieldOf),
      read.issues.length,
    );
  const codes = read.updates.map((u) => u.code);
  const report = { planId: loaded.row.id, dryRun: opts.dryRun, rows: read.rows, unchanged: read.unchanged, codes };
  if (opts.dryRun) return { ...report, updated: 0 };
  const byCode = new Map(tasks.map((t) => [t.code, t.taskRow]));
  await db.transaction(async (tx) => {
    for (const u of read.updates) await writeTaskProgress(tx, user, loaded.row, byCode.get(u.code)!, u.progress, at, { row: u.row });
    await writeAudit(tx, user, {
      action: "task.progress_import",
      entityType: "plan",
      entityId: loaded.row.id,
      unitId: loaded.row.unitId,
      after: { rows: read.rows, updated: codes, unchanged: read.unchanged },
    });
  });
  return { ...report, updated: codes.length };
}
