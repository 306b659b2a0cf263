import type { Issue } from "../../errors/index.js";
import { parsePeriod } from "../../period/index.js";
import { TASK_PROGRESS_STATUS_LABELS, type TaskProgress, type TaskProgressStatus } from "../../plan/taskProgress/index.js";
import type { IsoDate, JsonPath } from "../../schemas/common.js";
import { columnLetter } from "../../units/_lib/unitRows.js";
import {
  type RecordCell,
  type RecordFileSpec,
  type RecordRowIssue,
  type RecordTable,
  compact,
  readWith,
  templateOf,
  writeWith,
} from "../_lib/columns.js";
import { issueMessage } from "../_lib/messages.js";

/** What a progress row reports, as the progress route takes it (the deadline aside: it is the task's, read-only here). */
export type TaskProgressReport = Omit<TaskProgress, "deadline">;

/**
 * A row of a plan's task progress file: the task's code, its read-only title, lead organisations and
 * deadline (shown, never read back), and the progress reported (absent: the row reports nothing).
 */
export interface TaskProgressRowInput {
  code: string;
  title?: string;
  lead?: string;
  deadline?: IsoDate;
  progress?: TaskProgressReport;
}

const PATHS: Readonly<Record<string, string>> = {
  code: "code",
  status: "status",
  percentDone: "percent_done",
  result: "result",
  evidence: "evidence",
  period: "period",
};
const READ_ONLY = "chỉ để đọc (khi nhập không dùng)";
const PROGRESS_KEYS = ["status", "percent_done", "result", "evidence", "period"] as const;
const dmy = (iso: string) => `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function checkProgress(p: Partial<TaskProgressReport>): Issue[] {
  const issues: Issue[] = [];
  const need = (key: keyof TaskProgressReport, en: string) => {
    if (p[key] === undefined) issues.push({ code: "record_file.required", path: [key], message: `${en} is required` });
  };
  need("status", "the status");
  need("result", "the result");
  need("period", "the period");
  const pct = p.percentDone;
  if (pct !== undefined && (pct < 0 || pct > 100))
    issues.push({
      code: "task_progress.percent_out_of_range",
      path: ["percentDone"],
      message: "the share done is 0–100",
      params: { input: pct },
    });
  else if (pct !== undefined && p.status === "done" && pct !== 100)
    issues.push({
      code: "task_progress.done_not_full",
      path: ["percentDone"],
      message: "a done task is 100% done",
      params: { input: pct },
    });
  if (p.period !== undefined && !parsePeriod(p.period).ok)
    issues.push({ code: "period.invalid", path: ["period"], message: "not a period", params: { text: p.period } });
  if (p.result !== undefined && p.result.length > 4000)
    issues.push({ code: "task_progress.too_long", path: ["result"], message: "too long", params: { max: 4000 } });
  if (p.evidence !== undefined && p.evidence.length > 2000)
    issues.push({ code: "task_progress.too_long", path: ["evidence"], message: "too long", params: { max: 2000 } });
  return issues;
}

/** A plan's task progress file (tiến độ thực hiện nhiệm vụ). */
export const TASK_PROGRESS_FILE: RecordFileSpec<TaskProgressRowInput> = {
  kind: "taskProgress",
  unitColumn: "code",
  columns: [
    { key: "code", vi: "Mã nhiệm vụ", type: "text", required: true, hint: "mã nhiệm vụ trong kế hoạch (không sửa)" },
    { key: "title", vi: "Nhiệm vụ", type: "text", hint: READ_ONLY },
    { key: "lead", vi: "Cơ quan chủ trì", type: "text", hint: READ_ONLY },
    { key: "deadline", vi: "Hạn hoàn thành", type: "text", hint: `${READ_ONLY}, dd/mm/yyyy` },
    { key: "status", vi: "Tình trạng", type: "code", labels: TASK_PROGRESS_STATUS_LABELS, hint: "một trong" },
    { key: "percent_done", vi: "Tỷ lệ hoàn thành (%)", type: "int", hint: "số nguyên 0–100; đã hoàn thành là 100" },
    { key: "result", vi: "Kết quả thực hiện", type: "text", hint: "kết quả đạt được (bắt buộc khi cập nhật)" },
    { key: "evidence", vi: "Minh chứng", type: "text", hint: "số văn bản, biên bản, đường dẫn (không bắt buộc)" },
    { key: "period", vi: "Kỳ báo cáo", type: "text", hint: "2025, 2025S1, 2025Q3 hoặc 2025-05 (bắt buộc khi cập nhật)" },
  ],
  build: (v) => {
    // A row with no progress cell filled reports nothing (the template lists every task).
    if (PROGRESS_KEYS.every((k) => v[k] === undefined)) return { code: v.code as string };
    const progress = compact<TaskProgressReport>({
      status: v.status as TaskProgressStatus | undefined,
      percentDone: v.percent_done as number | undefined,
      result: v.result as string | undefined,
      evidence: v.evidence as string | undefined,
      period: v.period === undefined ? undefined : String(v.period),
    });
    return { code: v.code as string, progress };
  },
  check: (input) => (input.progress ? checkProgress(input.progress) : []),
  columnOf: (path: JsonPath) => PATHS[String(path[0])],
  valuesOf: (t) => [
    {
      code: t.code,
      title: t.title,
      lead: t.lead,
      deadline: t.deadline ? dmy(t.deadline) : undefined,
      status: t.progress?.status,
      percent_done: t.progress?.percentDone,
      result: t.progress?.result,
      evidence: t.progress?.evidence,
      period: t.progress?.period,
    },
  ],
};

/** A task of the plan as the progress file sees it: its code and its stored progress (null: none yet). */
export interface PlanTaskProgress {
  code: string;
  title?: string;
  lead?: string;
  progress: TaskProgress | null;
}

/** What a progress file asks: the changed tasks' new progress, how many rows change nothing, every problem. */
export interface TaskProgressRowsRead {
  /** Each task whose progress the file changes, the stored deadline kept. */
  updates: { row: number; code: string; progress: TaskProgress }[];
  /** Rows that report nothing or the progress already stored. */
  unchanged: number;
  /** Data rows read (note and empty rows aside). */
  rows: number;
  issues: RecordRowIssue[];
}

const same = (a: TaskProgressReport, b: TaskProgress | null) =>
  b !== null &&
  a.status === b.status &&
  a.result === b.result &&
  a.period === b.period &&
  a.percentDone === b.percentDone &&
  a.evidence === b.evidence;

/**
 * Reads a plan's task progress file against the plan's tasks: every row checked (status by code or
 * Vietnamese name, "Đang thực hiện"; % done a whole number 0–100, 100 when done; result and period
 * required when a row reports; the task code one of the plan's, once), the read-only columns ignored;
 * the updates keep each task's stored deadline. Rows that report nothing, or what is stored, are
 * unchanged.
 * @example
 * readTaskProgressRows({ header: ["Mã nhiệm vụ", "Tình trạng", "Kết quả thực hiện", "Kỳ báo cáo"],
 *   rows: [{ row: 3, cells: ["II.1", "Đang thực hiện", "Đã khảo sát", "2025S1"] }] },
 *   [{ code: "II.1", progress: null }]).updates[0]?.progress.status // "in_progress"
 */
export function readTaskProgressRows(table: RecordTable, tasks: readonly PlanTaskProgress[]): TaskProgressRowsRead {
  const read = readWith(TASK_PROGRESS_FILE, table);
  const issues = [...read.issues];
  const byCode = new Map(tasks.map((t) => [t.code, t]));
  const firstRow = new Map<string, number>();
  const letter = read.letters.code ?? columnLetter(0);
  const header = TASK_PROGRESS_FILE.columns[0]!.vi;
  const issue = (row: number, code: string, params: Record<string, unknown>) =>
    issues.push({ row, column: letter, header, code, params, message: issueMessage(code, params) });
  const updates: TaskProgressRowsRead["updates"] = [];
  let unchanged = 0;
  for (const r of read.rows) {
    const task = byCode.get(r.input.code);
    const first = firstRow.get(r.input.code);
    if (!task) issue(r.row, "task_progress.unknown_task", { code: r.input.code });
    else if (first !== undefined) issue(r.row, "task_progress.duplicate_task", { code: r.input.code, firstRow: first });
    else firstRow.set(r.input.code, r.row);
    if (!task || first !== undefined) continue;
    const p = r.input.progress;
    if (!p || same(p, task.progress)) unchanged++;
    else
      updates.push({
        row: r.row,
        code: task.code,
        progress: { ...p, ...(task.progress?.deadline ? { deadline: task.progress.deadline } : {}) },
      });
  }
  return { updates, unchanged, rows: read.rows.length, issues };
}

/**
 * The progress file of a plan: the template's Vietnamese header, then one row per task with its code,
 * title, lead organisations and deadline (dd/mm/yyyy, read-only) and its current progress (status by
 * its Vietnamese name, % done, result, evidence, period). The template (`note: true`) has the note
 * row (starting with #, skipped on import) after the header; the export has none. Reading either back
 * with `readTaskProgressRows` changes nothing.
 * @example
 * writeTaskProgressRows([{ code: "II.1", title: "Quy hoạch", progress: { status: "done", result: "Xong", period: "2025", deadline: "2025-06-30" } }]).rows[0]
 * // ["II.1", "Quy hoạch", null, "30/06/2025", "Đã hoàn thành", null, "Xong", null, "2025"]
 */
export function writeTaskProgressRows(
  tasks: readonly PlanTaskProgress[],
  options: { note?: boolean } = {},
): { header: string[]; rows: RecordCell[][] } {
  const inputs = tasks.map((t) =>
    compact<TaskProgressRowInput>({
      code: t.code,
      title: t.title,
      lead: t.lead,
      deadline: t.progress?.deadline,
      progress: t.progress ? compact<TaskProgressReport>({ ...t.progress, deadline: undefined }) : undefined,
    }),
  );
  const { header, rows } = writeWith(TASK_PROGRESS_FILE, inputs);
  return { header, rows: options.note ? [...templateOf(TASK_PROGRESS_FILE as RecordFileSpec<unknown>).rows, ...rows] : rows };
}
