/**
 * The unit tree from a spreadsheet (CSV/XLSX): reading the rows, and planning what an import creates,
 * updates or leaves unchanged against the stored tree. Pure: no database. Where a unit may sit is
 * @ntm/core's checkUnitPlacement; this module adds the file-level checks (duplicate codes, missing
 * parents, cycles across rows, history dates, merged-from links) and says every problem in Vietnamese
 * first, at its row and column.
 */
import { CommuneGroupSchema, KNOWN_UNIT_FLAGS, RegionCodeSchema, type UnitLevel, checkUnitPlacement } from "@ntm/core";
import type { Cell, Table } from "./table.js";
import { columnLetter } from "./table.js";
import type { RowIssue } from "./importValues.js";

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
const ALIASES: Readonly<Record<UnitColumn, readonly string[]>> = {
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
const LEVEL_WORDS: Readonly<Record<string, UnitLevel>> = {
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
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

const text = (c: Cell | undefined): string => (c === null || c === undefined ? "" : String(c).trim());
const norm = (s: string) => s.normalize("NFC").trim().toLowerCase();

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

const list = (raw: string) =>
  raw
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads the unit rows of a table: finds the columns by header (English or Vietnamese names), skips
 * rows whose first cell starts with `#` (the template's notes), and checks each cell against core's
 * schemas. Every problem is a row issue with the column letter; rows with problems are left out.
 * @example
 * readUnitsTable(parseCsv("code,name,level,parent_code\np-1,Tỉnh A,tỉnh,\n")).rows[0] // { row: 2, id: "p-1", level: "province", parentId: null, ... }
 */
export function readUnitsTable(table: Table): { rows: UnitImportRow[]; issues: RowIssue[]; letters: ColumnLetters } {
  const issues: RowIssue[] = [];
  const at = new Map<UnitColumn, number>();
  table.header.forEach((h, i) => {
    const k = norm(h).replace(/\s*\(.*\)$/, "");
    const col = UNIT_COLUMNS.find((c) => c === k || ALIASES[c].includes(k));
    if (col && !at.has(col)) at.set(col, i);
  });
  for (const required of ["code", "name", "level"] as const)
    if (!at.has(required))
      issues.push({
        row: 1,
        column: "—",
        message: `thiếu cột "${required}" (${ALIASES[required][0]}) ở dòng tiêu đề / the header has no "${required}" column`,
      });
  const letters = Object.fromEntries(UNIT_COLUMNS.map((c, i) => [c, columnLetter(at.get(c) ?? i)])) as ColumnLetters;
  if (issues.length) return { rows: [], issues, letters };
  const rows: UnitImportRow[] = [];
  const firstRow = new Map<string, number>();
  for (const r of table.rows) {
    if (text(r.cells[0]).startsWith("#")) continue;
    const cell = (c: UnitColumn) => (at.has(c) ? text(r.cells[at.get(c)!]) : "");
    const col = (c: UnitColumn) => letters[c];
    const bad = (c: UnitColumn, message: string) => issues.push({ row: r.row, column: col(c), message });
    const before = issues.length;
    const id = cell("code");
    if (!id) bad("code", "thiếu mã đơn vị / the unit code is missing");
    else if (id.length > 64 || !CODE.test(id))
      bad(
        "code",
        `mã "${id}" chỉ gồm chữ thường, chữ số và dấu gạch nối, tối đa 64 ký tự / a code has lowercase letters, digits and hyphens, at most 64 characters`,
      );
    else if (firstRow.has(id))
      bad("code", `mã "${id}" đã có ở dòng ${firstRow.get(id)} / code "${id}" is already on row ${firstRow.get(id)}`);
    else firstRow.set(id, r.row);
    const name = cell("name");
    if (!name) bad("name", "thiếu tên đơn vị / the name is missing");
    else if (name.length > 200) bad("name", "tên tối đa 200 ký tự / the name has at most 200 characters");
    const level = LEVEL_WORDS[norm(cell("level"))];
    if (!level)
      bad("level", `cấp "${cell("level")}" không hợp lệ: tỉnh, huyện, xã hoặc thôn (province, district, commune, hamlet) / unknown level`);
    const parentId = cell("parent_code") || null;
    if (parentId !== null && !CODE.test(parentId)) bad("parent_code", `mã cấp trên "${parentId}" không hợp lệ / invalid parent code`);
    const regionRaw = cell("region").toUpperCase();
    const region = regionRaw ? RegionCodeSchema.safeParse(regionRaw) : undefined;
    if (region && !region.success)
      bad("region", `vùng "${regionRaw}" không hợp lệ: ${RegionCodeSchema.options.join(", ")} / unknown region`);
    const groupRaw = cell("commune_group");
    const group = groupRaw ? CommuneGroupSchema.safeParse(Number(groupRaw)) : undefined;
    if (group && !group.success) bad("commune_group", `nhóm xã "${groupRaw}" phải là 1, 2 hoặc 3 / the commune group is 1, 2 or 3`);
    const flags = list(cell("flags"));
    for (const f of flags)
      if (!(KNOWN_UNIT_FLAGS as readonly string[]).includes(f))
        bad("flags", `đặc điểm "${f}" không có; dùng ${KNOWN_UNIT_FLAGS.join(", ")} / unknown flag`);
    const effectiveFrom = readDate(cell("effective_from"));
    if (effectiveFrom === undefined)
      bad("effective_from", `ngày "${cell("effective_from")}" không hợp lệ: dd/mm/yyyy hoặc yyyy-mm-dd / not a date`);
    const endedOn = readDate(cell("ended_on"));
    if (endedOn === undefined) bad("ended_on", `ngày "${cell("ended_on")}" không hợp lệ: dd/mm/yyyy hoặc yyyy-mm-dd / not a date`);
    if (effectiveFrom && endedOn && endedOn < effectiveFrom)
      bad("ended_on", `ngày kết thúc ${endedOn} trước ngày hiệu lực ${effectiveFrom} / ends before it takes effect`);
    const mergedFrom = list(cell("merged_from"));
    for (const m of mergedFrom) if (!CODE.test(m)) bad("merged_from", `mã "${m}" không hợp lệ / invalid code`);
    if (id && mergedFrom.includes(id)) bad("merged_from", "đơn vị không thể sáp nhập từ chính nó / a unit cannot be merged from itself");
    if (level === "district" && !endedOn)
      bad(
        "ended_on",
        "huyện đã kết thúc hoạt động từ 01/7/2025 (chính quyền hai cấp): cần ngày kết thúc để giữ làm lịch sử / districts ended on 1/7/2025 (two-tier government): give the date it ended, kept for history",
      );
    if (issues.length > before || !level) continue;
    rows.push({
      row: r.row,
      id,
      name,
      level,
      parentId,
      region: region?.success ? region.data : null,
      communeGroup: group?.success ? group.data : null,
      flags,
      effectiveFrom: effectiveFrom ?? null,
      endedOn: endedOn ?? null,
      mergedFrom,
    });
  }
  if (!rows.length && !issues.length)
    issues.push({ row: 1, column: "—", message: "tệp không có dòng đơn vị nào / the file has no unit rows" });
  return { rows, issues, letters };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Plans an import against the stored units: each row is created, updated (listing the fields that
 * change) or unchanged, matched by code. Refuses (as row issues) a code given twice, a level change,
 * an unknown parent or merged-from code, a placement core's checkUnitPlacement refuses, and a cycle.
 * Steps come parents first, so they can be applied in order.
 * @example
 * planUnitImport(rows, new Map()).steps.map((s) => s.kind) // ["create", "create", ...]
 */
export function planUnitImport(
  rows: readonly UnitImportRow[],
  stored: ReadonlyMap<string, StoredUnit>,
  letters: ColumnLetters = TEMPLATE_LETTERS,
): { steps: UnitImportStep[]; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const byId = new Map<string, UnitImportRow>();
  for (const r of rows) {
    const first = byId.get(r.id);
    if (first)
      issues.push({
        row: r.row,
        column: letters.code,
        message: `mã "${r.id}" đã có ở dòng ${first.row} / code "${r.id}" is already on row ${first.row}`,
      });
    else byId.set(r.id, r);
  }
  // The tree after the import: stored units, with the file's rows over them.
  const levelOf = (id: string) => (byId.get(id)?.level ?? stored.get(id)?.level) as UnitLevel | undefined;
  const parentOf = (id: string) => (byId.has(id) ? byId.get(id)!.parentId : (stored.get(id)?.parentId ?? null));
  const lineage = (id: string): string[] | undefined => {
    const out: string[] = [];
    for (let cur: string | null = id; cur !== null; cur = parentOf(cur)) {
      if (out.includes(cur) || out.length > 64) return undefined;
      out.unshift(cur);
    }
    return out;
  };
  const steps: UnitImportStep[] = [];
  for (const r of byId.values()) {
    const cur = stored.get(r.id);
    if (cur && cur.level !== r.level) {
      issues.push({
        row: r.row,
        column: letters.level,
        message: `không đổi được cấp của "${r.id}" (${cur.level} → ${r.level}); tạo mã mới và ghi "sáp nhập từ" / the level of an existing unit cannot change; create a new code and list it in merged_from`,
      });
      continue;
    }
    const parentLevel = r.parentId === null ? undefined : levelOf(r.parentId);
    if (r.parentId !== null && !parentLevel) {
      issues.push({
        row: r.row,
        column: letters.parent_code,
        message: `không có đơn vị cấp trên "${r.parentId}" trong tệp hay trên hệ thống / parent "${r.parentId}" is neither in the file nor stored`,
      });
      continue;
    }
    const parentLineage = r.parentId === null ? [] : lineage(r.parentId);
    if (!parentLineage || parentLineage.includes(r.id)) {
      issues.push({
        row: r.row,
        column: letters.parent_code,
        message: `"${r.id}" nằm dưới chính nó (vòng lặp cấp trên) / "${r.id}" would sit under itself (a parent cycle)`,
      });
      continue;
    }
    const moving = !cur || cur.parentId !== r.parentId;
    const placement = checkUnitPlacement({
      unit: { id: r.id, level: r.level, communeGroup: r.communeGroup, flags: r.flags },
      change: !cur ? "create" : moving ? "move" : "edit",
      parentId: r.parentId,
      parent: r.parentId === null ? undefined : { id: r.parentId, level: parentLevel!, lineage: parentLineage },
    });
    for (const p of placement)
      issues.push({
        row: r.row,
        column: p.path[0] === "communeGroup" ? letters.commune_group : p.path[0] === "flags" ? letters.flags : letters.parent_code,
        message: p.message,
      });
    for (const m of r.mergedFrom)
      if (!byId.has(m) && !stored.has(m))
        issues.push({
          row: r.row,
          column: letters.merged_from,
          message: `không có đơn vị "${m}" để ghi là sáp nhập từ / merged-from unit "${m}" is neither in the file nor stored`,
        });
    if (placement.length) continue;
    if (!cur) steps.push({ kind: "create", row: r });
    else {
      const changed = COMPARED_FIELDS.filter((f) => !same(r[f], cur[f]));
      steps.push(changed.length ? { kind: "update", row: r, changed } : { kind: "unchanged", row: r });
    }
  }
  // Parents first: by depth in the tree after the import.
  const depth = (id: string) => lineage(id)?.length ?? 0;
  steps.sort((a, b) => depth(a.row.id) - depth(b.row.id) || a.row.row - b.row.row);
  return { steps, issues: issues.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column)) };
}
