import { type Issue, type Result, fail, ok } from "../../errors/index.js";
import { isCalendarDate } from "../../ocop/_lib/calendarDate.js";
import { COMMENDATION_FORMS, DECISION_LEVELS, DISCIPLINE_FORMS, EMULATION_SUBJECT_KINDS } from "../labels.js";
import type { Commendation, Discipline } from "../schema.js";
import { validateCommendation } from "../validateCommendation/index.js";
import { validateDiscipline } from "../validateDiscipline/index.js";

/** Which records a table holds. */
export type EmulationTableKind = "commendations" | "disciplines";
/** A cell as a file gives it. */
type Cell = string | number | boolean | null;
type Labels = Readonly<Record<string, { vi: string; en: string }>>;

interface Column {
  header: string;
  /** Where the value goes in the record. */
  path: readonly string[];
  type: "text" | "date" | "int" | "code";
  labels?: Labels;
}

const common = (forms: Labels): Column[] => [
  { header: "unit_id", path: ["unitId"], type: "text" },
  { header: "form", path: ["form"], type: "code", labels: forms },
  { header: "form_text", path: ["formText"], type: "text" },
  { header: "level", path: ["level"], type: "code", labels: DECISION_LEVELS },
  { header: "issuer", path: ["issuer"], type: "text" },
  { header: "decision_number", path: ["decision", "number"], type: "text" },
  { header: "decision_date", path: ["decision", "date"], type: "date" },
  { header: "subject_kind", path: ["subject", "kind"], type: "code", labels: EMULATION_SUBJECT_KINDS },
  { header: "subject_id", path: ["subject", "id"], type: "text" },
  { header: "subject_name", path: ["subject", "name"], type: "text" },
];

/**
 * The columns of the commendation and discipline files (import and export share them; codes or their
 * Vietnamese names in code columns, dates dd/mm/yyyy).
 * @example
 * EMULATION_TABLE_COLUMNS.commendations.map((c) => c.header).at(-1) // "achievement"
 */
export const EMULATION_TABLE_COLUMNS: Readonly<Record<EmulationTableKind, readonly Column[]>> = {
  commendations: [...common(COMMENDATION_FORMS), { header: "achievement", path: ["achievement"], type: "text" }],
  disciplines: [
    ...common(DISCIPLINE_FORMS),
    { header: "reason", path: ["reason"], type: "text" },
    { header: "inspection_id", path: ["finding", "inspectionId"], type: "text" },
    { header: "finding_no", path: ["finding", "findingIndex"], type: "int" },
  ],
};

const get = (o: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);
const put = (o: Record<string, unknown>, path: readonly string[], v: unknown) => {
  let at = o;
  for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[path.at(-1)!] = v;
};
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Records as file rows (export): the header and one row per record, dates dd/mm/yyyy, finding numbers from 1.
 * @example
 * emulationRecordsToRows("commendations", [c]).rows[0]?.[6] // "19/05/2025"
 */
export function emulationRecordsToRows(
  kind: EmulationTableKind,
  records: readonly (Commendation | Discipline)[],
): { header: string[]; rows: Cell[][] } {
  const cols = EMULATION_TABLE_COLUMNS[kind];
  return {
    header: cols.map((c) => c.header),
    rows: records.map((r) =>
      cols.map((c) => {
        const v = get(r, c.path);
        if (v === undefined || v === null) return null;
        if (c.type === "date") return dmy(String(v));
        if (c.header === "finding_no") return Number(v) + 1;
        return v as Cell;
      }),
    ),
  };
}

function readCell(c: Column, raw: Cell): { value?: unknown; problem?: string } {
  const text = raw === null ? "" : String(raw).trim();
  if (text === "") return {};
  if (c.type === "date") {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const iso = m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : text;
    return isCalendarDate(iso) ? { value: iso } : { problem: `"${text}" không phải ngày dd/mm/yyyy / is not a dd/mm/yyyy date` };
  }
  if (c.type === "int") {
    if (!/^\d+$/.test(text) || Number(text) < 1) return { problem: `"${text}" không phải số thứ tự từ 1 / is not a number from 1` };
    return { value: Number(text) - 1 };
  }
  if (c.type === "code" && c.labels) {
    if (text in c.labels) return { value: text };
    const byName = Object.entries(c.labels).find(
      ([, l]) => l.vi.toLowerCase() === text.toLowerCase() || l.en.toLowerCase() === text.toLowerCase(),
    );
    return byName ? { value: byName[0] } : { problem: `"${text}": cần một trong / expected one of ${Object.keys(c.labels).join(", ")}` };
  }
  return { value: text };
}

/**
 * Records from file rows (import), all or nothing: every cell read (codes or their names, dd/mm/yyyy
 * dates), every row validated by core; issues name the file's row number and the column. Ids are
 * placeholders (`row-N`): the store gives the real ones. Unknown columns are refused; the subject id
 * defaults to the unit and the subject kind to "unit".
 * @example
 * emulationRecordsFromRows("commendations", { header: [...], rows: [{ row: 2, cells: [...] }] }) // { ok: true, value: [{ id: "row-2", ... }] }
 */
export function emulationRecordsFromRows(
  kind: EmulationTableKind,
  table: { header: readonly string[]; rows: readonly { row: number; cells: readonly Cell[] }[] },
): Result<(Commendation | Discipline)[]> {
  const cols = EMULATION_TABLE_COLUMNS[kind];
  const issues: Issue[] = [];
  const index = table.header.map((h) => cols.find((c) => c.header === h.trim().toLowerCase()));
  table.header.forEach((h, i) => {
    if (!index[i])
      issues.push({
        code: "emulation.unknown_column",
        path: [1, h],
        message: `cột không dùng / unknown column "${h}"`,
        params: { column: h },
      });
  });
  for (const c of cols)
    if (
      !["form_text", "inspection_id", "finding_no", "subject_id", "subject_kind", "decision_number"].includes(c.header) &&
      !index.includes(c)
    )
      issues.push({
        code: "emulation.missing_column",
        path: [1, c.header],
        message: `thiếu cột / missing column "${c.header}"`,
        params: { column: c.header },
      });
  if (issues.length > 0) return fail("invalid_input", issues);
  if (table.rows.length === 0)
    return fail("invalid_input", [{ code: "emulation.no_rows", path: [1, ""], message: "tệp không có dòng dữ liệu / no data rows" }]);
  const out: (Commendation | Discipline)[] = [];
  for (const { row, cells } of table.rows) {
    const rec: Record<string, unknown> = { id: `row-${row}` };
    const at = new Map<string, string>();
    const unreadable = new Set<string>();
    index.forEach((c, i) => {
      if (!c) return;
      at.set(c.path.join("."), c.header);
      const r = readCell(c, cells[i] ?? null);
      if (r.problem) {
        unreadable.add(c.header);
        issues.push({ code: "emulation.bad_cell", path: [row, c.header], message: r.problem });
      } else if (r.value !== undefined) put(rec, c.path, r.value);
    });
    const subject = (rec.subject ?? {}) as Record<string, unknown>;
    rec.subject = { kind: subject.kind ?? "unit", id: subject.id ?? rec.unitId, name: subject.name };
    const v = kind === "commendations" ? validateCommendation(rec) : validateDiscipline(rec);
    if (!v.ok)
      for (const i of v.issues) {
        const key = i.path.map(String).join(".");
        const column = at.get(key) ?? [...at.entries()].find(([p]) => key.startsWith(p) || p.startsWith(key))?.[1] ?? key;
        // A cell that could not be read is named once, not again as missing.
        if (!unreadable.has(column)) issues.push({ ...i, path: [row, column] });
      }
    else out.push(v.value);
  }
  return issues.length > 0 ? fail("invalid_input", issues) : ok(out);
}
