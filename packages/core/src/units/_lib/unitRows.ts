/**
 * The unit-import file's shape, shared by readUnitRows and planUnitImport: its columns, a row as read,
 * a stored unit as compared, the issues at a row and column, and the date reading. Private to units/.
 */
import type { UnitLevel } from "../../schemas/unit.js";

/** A cell as read from a file: text from CSV, or a typed value from XLSX. */
export type UnitCell = string | number | boolean | null;
/** A table as read from a file: a header row and data rows with their 1-based row numbers. */
export interface UnitTable {
  header: string[];
  rows: { row: number; cells: UnitCell[] }[];
}
/** A problem at a row and column of the file (column "—" for the file as a whole), Vietnamese first. */
export interface UnitRowIssue {
  row: number;
  column: string;
  message: string;
}

/**
 * The spreadsheet letter of a 0-based column index.
 * @example
 * columnLetter(26) // "AA"
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The template's columns, in order: the header names an import reads (Vietnamese names are accepted too). */
export const UNIT_COLUMNS = [
  "code",
  "name",
  "level",
  "parent_code",
  "region",
  "commune_group",
  "flags",
  "effective_from",
  "ended_on",
  "merged_from",
] as const;
export type UnitColumn = (typeof UNIT_COLUMNS)[number];

/** Vietnamese header names accepted for each column (lower case, as written in the template's notes). */
export const ALIASES: Readonly<Record<UnitColumn, readonly string[]>> = {
  code: ["mã", "mã đơn vị", "ma", "id"],
  name: ["tên", "tên đơn vị", "ten"],
  level: ["cấp", "cap"],
  parent_code: ["mã cấp trên", "cấp trên", "parent", "parent_id"],
  region: ["vùng", "vung"],
  commune_group: ["nhóm xã", "nhom xa"],
  flags: ["đặc điểm", "dac diem"],
  effective_from: ["ngày hiệu lực", "hiệu lực từ"],
  ended_on: ["ngày kết thúc", "ngày chấm dứt"],
  merged_from: ["sáp nhập từ", "hợp nhất từ"],
};

/** Level words accepted in the `level` column (English ids and the usual Vietnamese names). */
export const LEVEL_WORDS: Readonly<Record<string, UnitLevel>> = {
  province: "province",
  tỉnh: "province",
  "thành phố trực thuộc trung ương": "province",
  district: "district",
  huyện: "district",
  quận: "district",
  "thị xã": "district",
  commune: "commune",
  xã: "commune",
  phường: "commune",
  "đặc khu": "commune",
  "thị trấn": "commune",
  hamlet: "hamlet",
  thôn: "hamlet",
  ấp: "hamlet",
  bản: "hamlet",
  "tổ dân phố": "hamlet",
  buôn: "hamlet",
};

/** Unit codes: lowercase letters, digits and single hyphens (the API's unit id rule). */
export const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One unit as read from a row. */
export interface UnitImportRow {
  row: number;
  id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  region: string | null;
  communeGroup: number | null;
  flags: string[];
  effectiveFrom: string | null;
  endedOn: string | null;
  mergedFrom: string[];
}

/** A stored unit, as the plan compares it. */
export interface StoredUnit {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  region: string | null;
  communeGroup: number | null;
  flags: string[];
  effectiveFrom: string | null;
  endedOn: string | null;
  mergedFrom: string[];
}

/** The fields an import compares and writes. */
export const COMPARED_FIELDS = ["name", "parentId", "region", "communeGroup", "flags", "effectiveFrom", "endedOn", "mergedFrom"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** The column letter of each template column in the file read (the template's own letters when absent). */
export type ColumnLetters = Readonly<Record<UnitColumn, string>>;

/** The template's column letters. */
export const TEMPLATE_LETTERS: ColumnLetters = Object.fromEntries(UNIT_COLUMNS.map((c, i) => [c, columnLetter(i)])) as ColumnLetters;

/** What an import does with one row. */
export type UnitImportStep =
  | { kind: "create"; row: UnitImportRow }
  | { kind: "update"; row: UnitImportRow; changed: ComparedField[] }
  | { kind: "unchanged"; row: UnitImportRow };

/**
 * Reads a date cell: `2025-07-01` or `01/7/2025` (day first, as written in Vietnam); empty → null.
 * @example
 * readDate("1/7/2025") // "2025-07-01"
 */
export function readDate(raw: string): string | null | undefined {
  if (!raw) return null;
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.slice(0, 10));
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
