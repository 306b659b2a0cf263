/**
 * The unit import service: reading a unit tree file's table into @ntm/core's import plan
 * (`readUnitRows`, `planUnitImport`), the policy question each step asks, the template's example rows,
 * and writing a checked plan in one transaction (created and updated units, recomputed paths, one
 * audit entry per unit and one for the file). The import route parses, authorises each step
 * (auth/policy's canChangeUnit) and calls these.
 */
import { type StoredUnit, UNIT_COLUMNS, type UnitImportStep, planUnitImport, readUnitRows } from "@ntm/core";
import { asc, eq, sql } from "drizzle-orm";
import type { Principal, UnitChange } from "../auth/policy.js";
import { type Tx, writeAudit } from "../audit.js";
import type { Db } from "../db/index.js";
import { units } from "../db/schema.js";
import { ApiError, type ProblemField } from "../http/problem.js";
import type { Cell, Table } from "../transfer/table.js";
import { type UnitRow, type UnitTree, invalidateTree } from "../units.js";

export /** The template's rows: notes, the caller's province (or an example one) and an example tree under it, as of the 2025 reform. */
function unitTemplateRows(tree: UnitTree, user: Principal): Cell[][] {
  const scope = tree.byId.get(user.scopeUnitId);
  const p = scope?.level === "province" ? { id: scope.id, name: scope.name } : { id: "p-vi-du", name: "Tỉnh Ví Dụ" };
  const id = (s: string) => `${p.id}-${s}`;
  const row = (
    code: string,
    name: string,
    level: string,
    parent: string | null,
    extra: Partial<Record<(typeof UNIT_COLUMNS)[number], string>> = {},
  ): Cell[] =>
    UNIT_COLUMNS.map((col) =>
      col === "code" ? code : col === "name" ? name : col === "level" ? level : col === "parent_code" ? parent : (extra[col] ?? null),
    );
  return [
    [
      "# Mẫu cây đơn vị hành chính. Các dòng bắt đầu bằng # là ghi chú, không được nhập. Thay các dòng ví dụ bằng đơn vị của tỉnh. / Unit tree template: rows starting with # are notes; replace the example rows with your province's units.",
    ],
    ["# code: mã đơn vị (chữ thường, số, gạch nối); level: tỉnh | huyện | xã | thôn; parent_code: mã cấp trên (trống cho tỉnh)."],
    [
      "# Từ 01/7/2025: xã trực thuộc tỉnh; huyện giữ làm lịch sử với ended_on (ngày kết thúc). Xã sáp nhập ghi merged_from (các mã cũ, cách nhau bởi ;) và effective_from (ngày hiệu lực).",
    ],
    [
      "# region: TDMNPB | DBSH | BTB | DHNTB | TN | DNB | DBSCL; commune_group: 1 | 2 | 3; flags: especiallyDifficult; safeZone; merged2025. Ngày: dd/mm/yyyy hoặc yyyy-mm-dd.",
    ],
    row(p.id, p.name, "tỉnh", null),
    row(id("h01"), "Huyện Cũ (ví dụ)", "huyện", p.id, { ended_on: "30/06/2025" }),
    row(id("x01"), "Xã Cũ A (ví dụ)", "xã", id("h01"), { ended_on: "30/06/2025" }),
    row(id("x02"), "Xã Cũ B (ví dụ)", "xã", id("h01"), { ended_on: "30/06/2025" }),
    row(id("x10"), "Xã Hợp Nhất (ví dụ)", "xã", p.id, {
      flags: "merged2025",
      effective_from: "01/07/2025",
      merged_from: `${id("x01")};${id("x02")}`,
    }),
    row(id("x10-t01"), "Thôn Một (ví dụ)", "thôn", id("x10")),
    row(id("x11"), "Xã Hai (ví dụ)", "xã", p.id),
    row(id("x11-t01"), "Thôn Đông (ví dụ)", "thôn", id("x11")),
  ];
}

function stored(rows: readonly UnitRow[]): Map<string, StoredUnit> {
  return new Map(
    rows.map((u) => [
      u.id,
      {
        id: u.id,
        name: u.name,
        level: u.level,
        parentId: u.parentId,
        region: u.region,
        communeGroup: u.communeGroup,
        flags: u.flags,
        effectiveFrom: u.effectiveFrom,
        endedOn: u.endedOn,
        mergedFrom: u.mergedFrom,
      },
    ]),
  );
}

/** The first unit already stored on the way up from `id` (itself included) in the tree after the import; null at the top. */
function anchorOf(id: string | null, steps: readonly UnitImportStep[], tree: UnitTree): string | null {
  const fileParent = new Map(steps.map((s) => [s.row.id, s.row.parentId]));
  for (let cur = id, guard = 0; cur !== null && guard < 64; guard++) {
    if (tree.has(cur)) return cur;
    cur = fileParent.get(cur) ?? null;
  }
  return null;
}

/** The policy's question for one step (unchanged rows need none). */
export function unitChangeOf(step: UnitImportStep, steps: readonly UnitImportStep[], tree: UnitTree): UnitChange | null {
  if (step.kind === "unchanged") return null;
  if (step.kind === "create") return { kind: "create", parentId: anchorOf(step.row.parentId, steps, tree) };
  const moved = step.changed.includes("parentId");
  return moved
    ? { kind: "move", unitId: step.row.id, parentId: anchorOf(step.row.parentId, steps, tree) }
    : { kind: "update", unitId: step.row.id };
}

/** Recomputes every unit's path from its parent after an import (descendants keep their version). */
async function repath(tx: Tx): Promise<void> {
  const all = await tx.select({ id: units.id, parentId: units.parentId, path: units.path }).from(units);
  const parent = new Map(all.map((u) => [u.id, u.parentId]));
  const pathOf = (id: string): string => {
    const ids: string[] = [];
    for (let cur: string | null | undefined = id; cur && ids.length < 64; cur = parent.get(cur)) ids.unshift(cur);
    return `/${ids.join("/")}/`;
  };
  for (const u of all) {
    const path = pathOf(u.id);
    if (path !== u.path) await tx.update(units).set({ path }).where(eq(units.id, u.id));
  }
}

async function apply(tx: Tx, user: Principal, steps: readonly UnitImportStep[], rows: number): Promise<void> {
  // The same lock as every unit write (routes/units.ts): unit writes run one at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
  const current = new Map((await tx.select().from(units).orderBy(asc(units.id))).map((u) => [u.id, u]));
  for (const s of steps) {
    const r = s.row;
    const fields = {
      name: r.name,
      parentId: r.parentId,
      region: r.region,
      communeGroup: r.communeGroup,
      flags: r.flags,
      effectiveFrom: r.effectiveFrom,
      endedOn: r.endedOn,
      mergedFrom: r.mergedFrom,
    };
    if (s.kind === "create") {
      const [row] = await tx
        .insert(units)
        .values({ id: r.id, level: r.level, ...fields, path: `/${r.id}/`, sort: r.row })
        .onConflictDoNothing()
        .returning();
      if (!row)
        throw new ApiError(
          "conflict",
          `Mã đơn vị "${r.id}" vừa được tạo bởi người khác; nhập lại / unit "${r.id}" was just created by someone else; import again`,
        );
      await writeAudit(tx, user, {
        action: "unit.import.create",
        entityType: "unit",
        entityId: r.id,
        unitId: r.id,
        before: null,
        after: row,
      });
    } else if (s.kind === "update") {
      const before = current.get(r.id)!;
      const [row] = await tx
        .update(units)
        .set({ ...fields, version: before.version + 1 })
        .where(eq(units.id, r.id))
        .returning();
      await writeAudit(tx, user, {
        action: "unit.import.update",
        entityType: "unit",
        entityId: r.id,
        unitId: r.id,
        before,
        after: { ...row, changed: s.changed },
      });
    }
  }
  await repath(tx);
  const count = (k: UnitImportStep["kind"]) => steps.filter((s) => s.kind === k).length;
  await writeAudit(tx, user, {
    action: "units.import",
    entityType: "units",
    entityId: user.scopeUnitId,
    unitId: user.scopeUnitId,
    after: { rows, created: count("create"), updated: count("update"), unchanged: count("unchanged") },
  });
}

/** A unit file's rows read and planned against the stored tree; a 422 naming every row and column at fault. */
export function planUnitFile(table: Table, tree: UnitTree): { rows: number; plan: ReturnType<typeof planUnitImport> } {
  const read = readUnitRows(table);
  const plan = planUnitImport(read.rows, stored([...tree.byId.values()]), read.letters);
  const issues = [...read.issues, ...plan.issues];
  if (issues.length) {
    const fields: ProblemField[] = issues
      .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
      .map((i) => ({ path: `row ${i.row}, column ${i.column}`, row: i.row, column: i.column, message: i.message }));
    throw new ApiError(
      "invalid_input",
      `Tệp có ${issues.length} lỗi; chưa ghi gì / the file has ${issues.length} problem(s); nothing was written`,
      fields,
    );
  }
  return { rows: read.rows.length, plan };
}

/** What an import did (or would do, on a dry run). */
export interface UnitImportReport {
  dryRun: boolean;
  rows: number;
  created: string[];
  updated: { id: string; fields: string[] }[];
  unchanged: string[];
}

/** Writes a checked plan unless it is a dry run or changes nothing, and reports it. */
export async function applyUnitImport(
  db: Db,
  user: Principal,
  steps: readonly UnitImportStep[],
  rows: number,
  dryRun: boolean,
): Promise<UnitImportReport> {
  const report = {
    dryRun,
    rows,
    created: steps.filter((s) => s.kind === "create").map((s) => s.row.id),
    updated: steps.flatMap((s) => (s.kind === "update" ? [{ id: s.row.id, fields: [...s.changed] }] : [])),
    unchanged: steps.filter((s) => s.kind === "unchanged").map((s) => s.row.id),
  };
  if (!report.dryRun && (report.created.length || report.updated.length)) {
    await db.transaction((tx) => apply(tx, user, steps, rows));
    invalidateTree(db);
  }
  return report;
}
