import { CommuneGroupSchema, KNOWN_UNIT_FLAGS, RegionCodeSchema } from "../../schemas/unit.js";
import {
  ALIASES,
  CODE,
  type ColumnLetters,
  LEVEL_WORDS,
  UNIT_COLUMNS,
  type UnitCell,
  type UnitColumn,
  type UnitImportRow,
  type UnitRowIssue,
  type UnitTable,
  columnLetter,
  readDate,
} from "../_lib/unitRows.js";

const text = (c: UnitCell | undefined): string => (c === null || c === undefined ? "" : String(c).trim());
const norm = (s: string) => s.normalize("NFC").trim().toLowerCase();

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
 * readUnitRows({ header: ["code", "name", "level", "parent_code"], rows: [{ row: 2, cells: ["p-1", "Tỉnh A", "tỉnh", ""] }] }).rows[0]
 * // { row: 2, id: "p-1", level: "province", parentId: null, ... }
 */
export function readUnitRows(table: UnitTable): { rows: UnitImportRow[]; issues: UnitRowIssue[]; letters: ColumnLetters } {
  const issues: UnitRowIssue[] = [];
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
