/**
 * The record files' shape and the one generic reader every record kind runs: columns found by their
 * Vietnamese header (as the template writes it) or English key, cells read by type (Vietnamese
 * numbers through core's `parseVietnameseNumber`, dd/mm/yyyy dates, codes or their Vietnamese names),
 * then the record checked by its area's core validator; every problem a row issue naming the row, the
 * column letter and the header. Private to recordFiles/.
 */
import type { Issue } from "../../errors/index.js";
import { parseVietnameseNumber } from "../../cells/parseVietnameseNumber/index.js";
import type { JsonPath, LocalizedText } from "../../schemas/common.js";
import { columnLetter, readDate } from "../../units/_lib/unitRows.js";
import { issueMessage } from "./messages.js";

/** The record kinds a file can hold. */
export type RecordFileKind = "ocop" | "resources" | "housing" | "inspections" | "steering";
/** A cell as a file gives it: text from CSV, a typed value from XLSX. */
export type RecordCell = string | number | boolean | null;
/** A table as read from a file: its header and data rows with their 1-based row numbers. */
export interface RecordTable {
  header: readonly string[];
  rows: readonly { row: number; cells: readonly RecordCell[] }[];
}
/** A problem at a row and column of the file (row 1 and column "—" for the file as a whole). */
export interface RecordRowIssue {
  row: number;
  /** The column letter ("C"), or "—". */
  column: string;
  /** The column's header as the template writes it (Vietnamese). */
  header: string;
  code: string;
  params: Record<string, unknown>;
  message: LocalizedText;
}
/** What a reader gives back: the rows it read (the record's input, as the create route takes it) and every problem. */
export interface RecordRowsRead<T> {
  rows: { row: number; input: T }[];
  issues: RecordRowIssue[];
  /** The file's column letter of each column key found. */
  letters: Readonly<Record<string, string>>;
}

/** How a cell is read. */
export type ColumnType = "text" | "number" | "int" | "amount" | "date" | "code" | "list";

/** One column of a record file. */
export interface RecordColumn {
  /** English key, accepted as a header too ("commune_code"). */
  key: string;
  /** The header as the template writes it ("Mã xã"). */
  vi: string;
  type: ColumnType;
  required?: boolean;
  /** Codes and their names, for `code` columns. */
  labels?: Readonly<Record<string, LocalizedText>>;
  /** What to write, for the template's note row (Vietnamese). */
  hint: string;
  /**
   * The cell may hold one value per line (Alt+Enter in Excel), optionally numbered "1." "2)", for
   * the several items of one row (an inspection's recommendations); read as an array, one entry per
   * line. Every such column of a row has one line (it applies to every item) or the same number.
   */
  perLine?: boolean;
  /**
   * For a `list` of codes (a steering member's communes): written on one line separated by "; "
   * ("c-01-01; c-01-02"), which the reader splits on ";"; free-text lists are written numbered, one per line.
   */
  inline?: boolean;
}

/**
 * Files of values kept per existing thing rather than records of a list: a plan's task progress (tiến
 * độ nhiệm vụ) and a district's scoring inputs per commune (số liệu chấm điểm).
 */
export type RecordSheetKind = "taskProgress" | "scoringInputs";

/** A record kind's file: its columns, how a row's values become the input, and the core check. */
export interface RecordFileSpec<T> {
  kind: RecordFileKind | RecordSheetKind;
  columns: readonly RecordColumn[];
  /** The key of the column naming the record's unit (scope is checked on it). */
  unitColumn: string;
  /** The input of a row from its read values (absent keys: empty cells). */
  build: (values: Readonly<Record<string, unknown>>) => T;
  /** Core's check of the input (its validator's issues, paths into the record). */
  check: (input: T) => Issue[];
  /** The column key an issue path points at. */
  columnOf: (path: JsonPath) => string | undefined;
  /**
   * The inverse of `build`: the values of the file row(s) that read back as the input, keyed by column
   * (codes as codes, dates yyyy-mm-dd, lists as arrays; absent: an empty cell).
   */
  valuesOf: (input: T) => readonly Readonly<Record<string, unknown>>[];
}

const norm = (s: string) =>
  s
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/\s*\*$/, "");
const text = (c: RecordCell | undefined): string => (c === null || c === undefined ? "" : String(c).trim());
/** A line's leading "1." / "2)" / "-" numbering. */
const NUMBERING = /^\s*(?:\d{1,2}\s*[.)]|[-–•])\s+/;

/**
 * The lines of a per-line cell, without a leading "1." / "2)" / "-" numbering. Every line keeps its
 * place, an empty one too (the second recommendation has no date yet): a trailing empty line is an
 * item, so "05/06/2025⏎⏎" dates the first of three items only (dropping it would make one line, which
 * applies to all).
 */
const linesOf = (cell: RecordCell | undefined): string[] =>
  (cell === null || cell === undefined ? "" : String(cell)).split(/\r?\n/).map((l) => l.replace(NUMBERING, "").trim());

/**
 * The items of a free-text list cell (an inspection's findings): one per line, optionally numbered
 * "1." "2." (as the writer numbers them), a ";" inside an item kept; a cell of one unnumbered line
 * is split on ";" (the short form typed by hand: "Thiếu hồ sơ; Chậm tiến độ").
 */
function listItems(raw: string): string[] {
  const lines = raw.split(/\r?\n/);
  const byLine = lines.length > 1 || NUMBERING.test(raw);
  return (byLine ? lines.map((l) => l.replace(NUMBERING, "")) : raw.split(";")).map((s) => s.trim()).filter(Boolean);
}

function readCell(
  col: RecordColumn,
  raw: string,
  cell: RecordCell | undefined,
): { value: unknown } | { code: string; params: Record<string, unknown> } {
  switch (col.type) {
    case "text":
      return { value: raw };
    case "amount":
      return { value: raw };
    case "list":
      return { value: listItems(raw) };
    case "number":
    case "int": {
      // A spreadsheet's number cell is a number already ("72.125" is not 72 125).
      const n = typeof cell === "number" ? cell : parseVietnameseNumber(raw);
      if (n === undefined) return { code: "record_file.not_a_number", params: { input: raw } };
      if (col.type === "int" && !Number.isInteger(n)) return { code: "record_file.not_an_integer", params: { input: raw } };
      return { value: n };
    }
    case "date": {
      const d = readDate(raw);
      return d ? { value: d } : { code: "record_file.not_a_date", params: { input: raw } };
    }
    case "code": {
      const labels = col.labels ?? {};
      if (Object.hasOwn(labels, raw)) return { value: raw };
      const want = norm(raw);
      const hit = Object.entries(labels).find(([, l]) => norm(l.vi) === want || norm(l.en) === want);
      return hit
        ? { value: hit[0] }
        : { code: "record_file.unknown_code", params: { input: raw, allowed: Object.values(labels).map((l) => l.vi) } };
    }
  }
}

/** The marker before the first cell of the template's note row. */
const NOTE_MARK = "# ";
/** What the template's note row says of a column: its hint, and its codes' names. */
const noteOf = (c: RecordColumn) =>
  `${c.hint}${
    c.labels
      ? `: ${Object.values(c.labels)
          .map((l) => l.vi)
          .join("; ")}`
      : ""
  }`;

/** The header of the n-th (0-based) item of a per-line cell, when the cell holds several. */
const itemHeader = (header: string, n: number, of: number) => (of > 1 ? `${header}, mục ${n + 1}` : header);

/**
 * Reads a record file with a kind's spec: all rows, all problems (a row with a problem is left out).
 * @example
 * readWith(OCOP_FILE, { header: ["Tên sản phẩm", ...], rows: [{ row: 3, cells: [...] }] })
 */
export function readWith<T>(spec: RecordFileSpec<T>, table: RecordTable): RecordRowsRead<T> {
  const issues: RecordRowIssue[] = [];
  const issue = (row: number, column: string, header: string, code: string, params: Record<string, unknown>, en?: string) =>
    issues.push({ row, column, header, code, params, message: issueMessage(code, params, en) });
  const at = new Map<string, number>();
  table.header.forEach((h, i) => {
    const k = norm(h);
    if (k === "") return;
    const col = spec.columns.find((c) => norm(c.vi) === k || c.key === k || norm(c.vi.replace(/\s*\(.*\)$/, "")) === k);
    if (!col) issue(1, columnLetter(i), h, "record_file.unknown_column", { header: h });
    else if (at.has(col.key)) issue(1, columnLetter(i), h, "record_file.duplicate_column", { header: h });
    else at.set(col.key, i);
  });
  for (const c of spec.columns)
    if (c.required && !at.has(c.key)) issue(1, "—", c.vi, "record_file.missing_column", { header: c.vi, key: c.key });
  const letters = Object.fromEntries([...at].map(([k, i]) => [k, columnLetter(i)]));
  if (issues.length) return { rows: [], issues, letters };
  // A column the file does not have is named by its header only ("—": no letter to point at).
  const letter = (key: string) => (at.has(key) ? columnLetter(at.get(key)!) : "—");
  const headerOf = (key: string) => spec.columns.find((c) => c.key === key)?.vi ?? key;
  const rows: { row: number; input: T }[] = [];
  // The template's note row: its first column holds that column's note behind the "# " marker, exactly
  // as the template writes it; a value that merely starts with "#" ("#1 Mật ong") is data.
  const first = spec.columns[0]!;
  const firstAt = at.get(first.key);
  const noteMark = norm(NOTE_MARK + noteOf(first));
  const isNoteRow = (cells: readonly RecordCell[]) => firstAt !== undefined && norm(text(cells[firstAt])) === noteMark;
  for (const r of table.rows) {
    if (isNoteRow(r.cells) || r.cells.every((c) => text(c) === "")) continue;
    const before = issues.length;
    const values: Record<string, unknown> = {};
    for (const col of spec.columns) {
      const i = at.get(col.key);
      const raw = i === undefined ? "" : text(r.cells[i]);
      if (raw === "") {
        if (col.required) issue(r.row, letter(col.key), col.vi, "record_file.required", { header: col.vi });
        continue;
      }
      if (col.perLine) {
        const lines = linesOf(r.cells[i!]);
        const read = lines.map((l) => (l === "" ? { value: undefined } : readCell(col, l, l)));
        read.forEach((x, n) => {
          if (!("value" in x)) {
            const header = itemHeader(col.vi, n, lines.length);
            issue(r.row, letter(col.key), header, x.code, { header, ...x.params });
          }
        });
        values[col.key] = read.map((x) => ("value" in x ? x.value : undefined));
        continue;
      }
      const read = readCell(col, raw, i === undefined ? undefined : r.cells[i]);
      if ("value" in read) values[col.key] = read.value;
      else issue(r.row, letter(col.key), col.vi, read.code, { header: col.vi, ...read.params });
    }
    // Per-line columns: one line for all items, or one per item.
    const counts = spec.columns
      .filter((c) => c.perLine && Array.isArray(values[c.key]))
      .map((c) => [c, (values[c.key] as unknown[]).length] as const);
    const items = Math.max(0, ...counts.map(([, n]) => n));
    for (const [c, n] of counts)
      if (n !== 1 && n !== items) issue(r.row, letter(c.key), c.vi, "record_file.line_count", { header: c.vi, lines: n, expected: items });
    if (issues.length > before) continue;
    const input = spec.build(values);
    const found = spec.check(input);
    for (const i of found) {
      const key = spec.columnOf(i.path) ?? spec.columns[0]!.key;
      // An issue of the n-th item of a per-line column names the item ("Kiến nghị, mục 2").
      const n = typeof i.path[1] === "number" && spec.columns.find((c) => c.key === key)?.perLine ? i.path[1] : undefined;
      const header = n === undefined || items < 2 ? headerOf(key) : itemHeader(headerOf(key), n, items);
      issue(r.row, letter(key), header, i.code, { header, ...(i.params ?? {}) }, i.message);
    }
    if (!found.length) rows.push({ row: r.row, input });
  }
  if (!rows.length && !issues.length) issue(1, "—", "", "record_file.no_rows", {});
  return { rows, issues, letters };
}

/**
 * The header and the template's note row of a spec: Vietnamese headers (required ones marked `*`),
 * and a row saying what each column takes, its first cell marked "# " (the reader skips this row only
 * when its first column's cell is that very note, never a value that starts with "#").
 * @example
 * templateOf(OCOP_FILE).header[0] // "Tên sản phẩm *"
 */
export function templateOf(spec: RecordFileSpec<unknown>): { header: string[]; rows: RecordCell[][] } {
  return {
    header: spec.columns.map((c) => (c.required ? `${c.vi} *` : c.vi)),
    rows: [spec.columns.map((c, i) => `${i === 0 ? NOTE_MARK : ""}${noteOf(c)}`)],
  };
}

const dmyOf = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

/** The cell a column's value is written as, so that `readWith` reads the value back. */
function writeCell(col: RecordColumn, value: unknown): RecordCell {
  if (col.perLine && Array.isArray(value)) {
    // One line per item, the way the reader takes them back (an empty line keeps an item's place).
    const lines = value.map((v) => {
      const cell = writeCell({ ...col, perLine: false }, v);
      return cell === null ? "" : String(cell);
    });
    return lines.every((l) => l === "") ? null : lines.join("\n");
  }
  if (value === undefined || value === null || value === "") return null;
  switch (col.type) {
    case "date":
      return dmyOf(String(value));
    case "code":
      return col.labels && Object.hasOwn(col.labels, String(value)) ? col.labels[String(value)]!.vi : String(value);
    case "list":
      // Numbered, one item per line: the reader splits such a cell on line breaks only, so an item keeps its ";".
      if (!Array.isArray(value)) return String(value);
      if (value.length === 0) return null;
      // Codes on one line when the reader splits them back the same (no item holds ";", a line break or a numbering).
      if (col.inline && value.every((v) => !/[;\r\n]/.test(String(v)) && !NUMBERING.test(String(v)))) return value.map(String).join("; ");
      return value.map((v, i) => `${i + 1}. ${String(v)}`).join("\n");
    case "number":
    case "int":
      return typeof value === "number" ? value : String(value);
    case "amount": {
      // Whole đồng as a number cell (a spreadsheet sums it); anything else as written.
      const s = String(value);
      return /^(0|[1-9]\d*)$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : s;
    }
    case "text":
      return String(value);
  }
}

/**
 * The rows of stored records in a spec's file: the template's header, then each record's row(s), the
 * column `unit_name` (if the spec has it) filled from `unitNames` by the record's unit code.
 * @example
 * writeWith(HOUSE_FILE, [{ communeUnitId: "x-01", status: "temporary" }], { "x-01": "Xã An Phú" }).rows[0]
 * // ["x-01", null, null, "Nhà tạm", null, null, "Xã An Phú"]
 */
export function writeWith<T>(
  spec: RecordFileSpec<T>,
  inputs: readonly T[],
  unitNames: Readonly<Record<string, string>> = {},
): { header: string[]; rows: RecordCell[][] } {
  const rows = inputs.flatMap((input) =>
    spec.valuesOf(input).map((values) => {
      const unit = values[spec.unitColumn];
      const named: Readonly<Record<string, unknown>> = {
        ...values,
        unit_name: values.unit_name ?? (typeof unit === "string" ? unitNames[unit] : undefined),
      };
      return spec.columns.map((c) => writeCell(c, named[c.key]));
    }),
  );
  return { header: templateOf(spec as RecordFileSpec<unknown>).header, rows };
}

/** Drops undefined fields (the create routes' optional fields are absent, never undefined). */
export function compact<T>(o: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
