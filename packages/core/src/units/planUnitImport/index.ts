import type { UnitLevel } from "../../schemas/unit.js";
import { checkUnitPlacement } from "../checkUnitPlacement/index.js";
import {
  COMPARED_FIELDS,
  type ColumnLetters,
  type StoredUnit,
  TEMPLATE_LETTERS,
  type UnitImportRow,
  type UnitImportStep,
  type UnitRowIssue,
} from "../_lib/unitRows.js";

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
): { steps: UnitImportStep[]; issues: UnitRowIssue[] } {
  const issues: UnitRowIssue[] = [];
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
