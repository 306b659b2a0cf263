import type { Issue } from "../../errors/index.js";
import { checkScoringInputs } from "../../ranking/checkScoringInputs/index.js";
import {
  SCORING_INPUT_FIELDS,
  SCORING_INPUT_LABELS,
  type ScoringInputField,
  type ScoringInputs,
  TASK_COUNT_LABELS,
} from "../../ranking/scoringInputs/index.js";
import type { JsonPath } from "../../schemas/common.js";
import {
  type RecordCell,
  type RecordColumn,
  type RecordFileSpec,
  type RecordRowIssue,
  type RecordTable,
  readWith,
  templateOf,
  writeWith,
} from "../_lib/columns.js";
import { issueMessage } from "../_lib/messages.js";

/** A row of a scoring inputs file: the commune, the year (optional column) and its inputs. */
export interface ScoringInputRowInput {
  unitId: string;
  year?: number;
  inputs: ScoringInputs;
}

/** Discipline in the year as one cell: none, yes, or yes but found and corrected by the unit itself. */
const DISCIPLINE_LABELS = {
  none: { vi: "Không", en: "None" },
  yes: { vi: "Có", en: "Yes" },
  self_corrected: { vi: "Có, tự phát hiện và khắc phục", en: "Yes, found and corrected by the unit itself" },
} as const;

const TASK_KEYS = { assigned: "tasks_assigned", done: "tasks_done", onTime: "tasks_on_time", exceeding: "tasks_exceeding" } as const;
/** The value column of each field other than tasks, by the field. */
const VALUE_COLUMN: Readonly<Record<Exclude<ScoringInputField, "tasks">, string>> = {
  programmeTargetsMet: "programme_targets_met",
  programmeTargetsTotal: "programme_targets_total",
  reportsOnTime: "reports_on_time",
  reportsTotal: "reports_total",
  reportsOverdue: "reports_overdue",
  resourcesPlanned: "resources_planned",
  discipline: "discipline",
};
const evidenceKey = (f: ScoringInputField) => `evidence_${f}`;
const evidenceColumn = (f: ScoringInputField): RecordColumn => ({
  key: evidenceKey(f),
  vi: `Minh chứng: ${SCORING_INPUT_LABELS[f].vi.replace(/ \(đồng\)$/, "")}`,
  type: "text",
  hint: "văn bản nguồn, ví dụ Báo cáo số 12/BC-UBND ngày 05/12/2025",
});

function columnsOf(): RecordColumn[] {
  const cols: RecordColumn[] = [
    { key: "unit_code", vi: "Mã xã", type: "text", required: true, hint: "mã đơn vị của xã (không sửa)" },
    { key: "unit_name", vi: "Tên xã", type: "text", hint: "chỉ để đọc (khi nhập không dùng)" },
    { key: "year", vi: "Năm", type: "int", hint: "năm chấm điểm; phải đúng năm đang nhập" },
  ];
  for (const f of SCORING_INPUT_FIELDS) {
    if (f === "tasks")
      for (const [k, col] of Object.entries(TASK_KEYS))
        cols.push({
          key: col,
          vi: TASK_COUNT_LABELS[k as keyof typeof TASK_KEYS].vi,
          type: "int",
          hint: "số nguyên; nhập đủ 4 cột nhiệm vụ hoặc để trống cả 4",
        });
    else if (f === "discipline")
      cols.push({ key: "discipline", vi: SCORING_INPUT_LABELS[f].vi, type: "code", labels: DISCIPLINE_LABELS, hint: "một trong" });
    else if (f === "resourcesPlanned")
      cols.push({ key: VALUE_COLUMN[f], vi: SCORING_INPUT_LABELS[f].vi, type: "amount", hint: "đồng, số nguyên (1.250.000.000)" });
    else cols.push({ key: VALUE_COLUMN[f], vi: SCORING_INPUT_LABELS[f].vi, type: "int", hint: "số nguyên" });
    cols.push(evidenceColumn(f));
  }
  return cols;
}

const PATH_COLUMN: Readonly<Record<string, string>> = Object.fromEntries([...Object.entries(VALUE_COLUMN), ["tasks", TASK_KEYS.assigned]]);

/** Whole đồng as digits: "1.250.000" and 1250000 read the same. */
const digits = (v: unknown): string => (typeof v === "number" ? String(v) : String(v).replace(/\./g, "").trim());

/** A district's scoring inputs file (số liệu chấm điểm của các xã). */
export const SCORING_INPUT_FILE: RecordFileSpec<ScoringInputRowInput> = {
  kind: "scoringInputs",
  unitColumn: "unit_code",
  columns: columnsOf(),
  build: (v) => {
    const inputs: Record<string, unknown> = {};
    const counts = Object.entries(TASK_KEYS).filter(([, col]) => v[col] !== undefined);
    if (counts.length) inputs.tasks = Object.fromEntries(counts.map(([k, col]) => [k, v[col]]));
    for (const [f, col] of Object.entries(VALUE_COLUMN)) {
      if (v[col] === undefined) continue;
      if (f === "resourcesPlanned") inputs[f] = digits(v[col]);
      else if (f === "discipline") inputs[f] = { disciplined: v[col] !== "none", selfCorrected: v[col] === "self_corrected" };
      else inputs[f] = v[col];
    }
    const evidence = Object.fromEntries(
      SCORING_INPUT_FIELDS.filter((f) => v[evidenceKey(f)] !== undefined).map((f) => [f, v[evidenceKey(f)]]),
    );
    if (Object.keys(evidence).length) inputs.evidence = evidence;
    return { unitId: v.unit_code as string, ...(v.year === undefined ? {} : { year: v.year as number }), inputs: inputs as ScoringInputs };
  },
  check: (input) => {
    // The four task counts go together: name each one missing rather than the shape.
    const t = input.inputs.tasks as Partial<Record<keyof typeof TASK_KEYS, number>> | undefined;
    const missing: Issue[] = t
      ? (Object.keys(TASK_KEYS) as (keyof typeof TASK_KEYS)[])
          .filter((k) => t[k] === undefined)
          .map((k) => ({ code: "record_file.required", path: ["tasks", k], message: `tasks.${k} is required with the other task counts` }))
      : [];
    if (missing.length) return missing;
    const r = checkScoringInputs(input.inputs);
    return r.ok ? [] : r.issues;
  },
  columnOf: (path: JsonPath) => {
    const [head, sub] = path.map(String);
    if (head === "tasks" && sub && sub in TASK_KEYS) return TASK_KEYS[sub as keyof typeof TASK_KEYS];
    if (head === "evidence" && sub) return evidenceKey(sub as ScoringInputField);
    return head === undefined ? undefined : PATH_COLUMN[head];
  },
  valuesOf: (r) => {
    const i = r.inputs;
    const values: Record<string, unknown> = { unit_code: r.unitId, year: r.year };
    if (i.tasks) for (const [k, col] of Object.entries(TASK_KEYS)) values[col] = i.tasks[k as keyof typeof TASK_KEYS];
    for (const [f, col] of Object.entries(VALUE_COLUMN)) {
      const v = i[f as keyof ScoringInputs];
      if (v === undefined) continue;
      if (f === "discipline") {
        const d = v as { disciplined: boolean; selfCorrected: boolean };
        values[col] = !d.disciplined ? "none" : d.selfCorrected ? "self_corrected" : "yes";
      } else values[col] = v;
    }
    for (const f of SCORING_INPUT_FIELDS) values[evidenceKey(f)] = i.evidence?.[f];
    return [values];
  },
};

/** A commune of the district as the scoring file sees it: its id, name and stored inputs (null: none). */
export interface CommuneScoringInputs {
  unitId: string;
  name: string;
  inputs: ScoringInputs | null;
}

/** What a scoring inputs file asks: the communes whose inputs change, how many rows change nothing, every problem. */
export interface ScoringInputRowsRead {
  updates: { row: number; unitId: string; inputs: ScoringInputs }[];
  unchanged: number;
  rows: number;
  issues: RecordRowIssue[];
}

/** The same JSON whatever the key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

/**
 * Reads a district's scoring inputs file for a year: every row checked by `checkScoringInputs` (done ≤
 * assigned, met ≤ total…, evidence only with its value), the four task counts together, money as
 * whole đồng ("1.250.000"), discipline by its Vietnamese words; the commune one of the district's,
 * once; a year column, when given, the year imported. A row with no value, or the stored inputs, is
 * unchanged. Each problem names row, column and header.
 * @example
 * readScoringInputRows({ header: ["Mã xã", "Số báo cáo đúng hạn", "Tổng số báo cáo phải nộp"], rows: [{ row: 3, cells: ["c-01", 5, 4] }] },
 *   { year: 2025, communes: [{ unitId: "c-01", name: "Xã A", inputs: null }] }).issues[0]?.code // "scoring_inputs.exceeds"
 */
export function readScoringInputRows(
  table: RecordTable,
  options: { year: number; communes: readonly CommuneScoringInputs[] },
): ScoringInputRowsRead {
  const read = readWith(SCORING_INPUT_FILE, table);
  const issues = [...read.issues];
  const byId = new Map(options.communes.map((c) => [c.unitId, c]));
  const firstRow = new Map<string, number>();
  const issue = (row: number, key: string, code: string, params: Record<string, unknown>) => {
    const header = SCORING_INPUT_FILE.columns.find((c) => c.key === key)!.vi;
    issues.push({ row, column: read.letters[key] ?? "—", header, code, params, message: issueMessage(code, { header, ...params }) });
  };
  const updates: ScoringInputRowsRead["updates"] = [];
  let unchanged = 0;
  for (const r of read.rows) {
    const { unitId, year, inputs } = r.input;
    const commune = byId.get(unitId);
    const first = firstRow.get(unitId);
    if (year !== undefined && year !== options.year) issue(r.row, "year", "scoring_file.year_mismatch", { year, expected: options.year });
    if (!commune) issue(r.row, "unit_code", "scoring_file.unknown_commune", { unitId });
    else if (first !== undefined) issue(r.row, "unit_code", "scoring_file.duplicate_commune", { unitId, firstRow: first });
    else firstRow.set(unitId, r.row);
    if (!commune || first !== undefined || (year !== undefined && year !== options.year)) continue;
    const checked = checkScoringInputs(inputs);
    const value = checked.ok ? checked.value : inputs;
    if (Object.keys(value).length === 0 || canonical(value) === canonical(commune.inputs ?? {})) unchanged++;
    else updates.push({ row: r.row, unitId, inputs: value });
  }
  return { updates, unchanged, rows: read.rows.length, issues };
}

/**
 * The scoring inputs file of a district's communes for a year: the template's Vietnamese header, then
 * one row per commune with its code, name (read-only), the year and its stored inputs with evidence
 * (money as whole đồng, discipline in words). With `note`, the template's note row first. Reading it
 * back with `readScoringInputRows` changes nothing.
 * @example
 * writeScoringInputRows(2025, [{ unitId: "c-01", name: "Xã A", inputs: { reportsOnTime: 4, reportsTotal: 5 } }]).rows[0]?.slice(0, 3)
 * // ["c-01", "Xã A", 2025]
 */
export function writeScoringInputRows(
  year: number,
  communes: readonly CommuneScoringInputs[],
  options: { note?: boolean } = {},
): { header: string[]; rows: RecordCell[][] } {
  const names = Object.fromEntries(communes.map((c) => [c.unitId, c.name]));
  const { header, rows } = writeWith(
    SCORING_INPUT_FILE,
    communes.map((c) => ({ unitId: c.unitId, year, inputs: c.inputs ?? {} })),
    names,
  );
  return { header, rows: options.note ? [...templateOf(SCORING_INPUT_FILE as RecordFileSpec<unknown>).rows, ...rows] : rows };
}
