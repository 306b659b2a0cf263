import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type StoredUnit, UNIT_COLUMNS, type UnitImportStep, planUnitImport, readUnitRows } from "@ntm/core";
import type { Context } from "hono";
import { asc, eq, sql } from "drizzle-orm";
import type { AppEnv } from "../context.js";
import { type Principal, type UnitChange, canChangeUnit } from "../auth/policy.js";
import { type Tx, writeAudit } from "../audit.js";
import { units } from "../db/schema.js";
import { requireUser } from "../http/guard.js";
import { ApiError, type ProblemField, problemResponses } from "../http/problem.js";
import { type Cell, type Table, parseCsv, parseXlsx, toCsv, toXlsx } from "../transfer/table.js";
import { type UnitRow, type UnitTree, invalidateTree, loadTree } from "../units.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FormatQuery = z.enum(["csv", "xlsx"]);

const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    created: z.array(z.string()),
    updated: z.array(z.object({ id: z.string(), fields: z.array(z.string()) })),
    unchanged: z.array(z.string()),
  })
  .openapi("UnitImportReport");

const template = createRoute({
  method: "get",
  path: "/units/template",
  tags: ["units"],
  summary: "Mẫu cây đơn vị hành chính / The unit tree template (CSV or XLSX), filled with an example under your province",
  request: { query: z.object({ format: FormatQuery.default("csv") }) },
  responses: {
    200: {
      description: "The template",
      content: { "text/csv": { schema: z.string() }, [XLSX]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problemResponses(401, 422),
  },
});

const importUnits = createRoute({
  method: "post",
  path: "/units/import",
  tags: ["units"],
  summary: "Nhập cây đơn vị từ CSV/XLSX / Import the unit tree (all or nothing; re-import updates by code)",
  description: [
    `Columns: ${UNIT_COLUMNS.join(", ")} (Vietnamese header names accepted). Rows whose first cell starts with # are notes.`,
    "Levels: tỉnh/province, huyện/district (historical: ended_on required), xã/phường/commune, thôn/hamlet. Since 1/7/2025 communes sit directly under the province; districts are kept for history.",
    "merged_from lists the codes a merged commune was formed from; effective_from and ended_on are dates (dd/mm/yyyy or yyyy-mm-dd).",
    "Any bad row → 422 problem+json listing row, column and message in Vietnamese and English; nothing is written. Otherwise one transaction, one audit entry per created or changed unit. dryRun=true reports without writing.",
  ].join(" "),
  request: {
    query: z.object({ format: FormatQuery.optional(), dryRun: z.enum(["true", "false"]).optional() }),
    body: { required: true, content: { "text/csv": { schema: z.string() }, [XLSX]: { schema: z.string().openapi({ format: "binary" }) } } },
  },
  responses: {
    200: { description: "Imported (or, with dryRun, what would be)", content: { "application/json": { schema: ImportReportSchema } } },
    ...problemResponses(400, 401, 403, 422),
  },
});

async function readTable(c: Context<AppEnv>, format: "csv" | "xlsx" | undefined): Promise<Table> {
  const fmt = format ?? ((c.req.header("content-type") ?? "").includes("spreadsheetml") ? "xlsx" : "csv");
  const body = await c.req.arrayBuffer();
  if (body.byteLength === 0) throw new ApiError("bad_request", "Tệp rỗng / the file is empty");
  if (fmt === "csv") return parseCsv(new TextDecoder("utf-8").decode(body));
  try {
    return await parseXlsx(body);
  } catch (e) {
    throw new ApiError("bad_request", `Không đọc được tệp XLSX / cannot read the .xlsx file: ${(e as Error).message}`);
  }
}

/** The template's rows: notes, the caller's province (or an example one) and an example tree under it, as of the 2025 reform. */
function templateRows(tree: UnitTree, user: Principal): Cell[][] {
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
function changeOf(step: UnitImportStep, steps: readonly UnitImportStep[], tree: UnitTree): UnitChange | null {
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

/**
 * The unit tree template and its import.
 * @example
 * v1.route("/", unitImportRoutes()); // before unitRoutes(): /units/template is not a unit id
 */
export function unitImportRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(template, (async (c: Context<AppEnv>) => {
    const user = requireUser(c);
    const format = FormatQuery.default("csv").parse(c.req.query("format") ?? "csv");
    const rows = templateRows(await loadTree(c.get("deps").db), user);
    const header = [...UNIT_COLUMNS];
    if (format === "csv")
      return c.body(toCsv(header, rows), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="mau-don-vi.csv"',
      });
    return c.body(await toXlsx("Đơn vị", header, rows), 200, {
      "content-type": XLSX,
      "content-disposition": 'attachment; filename="mau-don-vi.xlsx"',
    });
  }) as never);
  app.openapi(importUnits, (async (c: Context<AppEnv>) => {
    const user = requireUser(c);
    const q = z.object({ format: FormatQuery.optional(), dryRun: z.enum(["true", "false"]).optional() }).parse(c.req.query());
    const table = await readTable(c, q.format);
    const { db } = c.get("deps");
    const read = readUnitRows(table);
    const tree = await loadTree(db);
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
    const refused = plan.steps.filter((s) => {
      const change = changeOf(s, plan.steps, tree);
      return change !== null && !canChangeUnit(user, change, tree);
    });
    if (refused.length)
      throw new ApiError(
        "forbidden",
        `Vai trò ${user.role} (phạm vi ${user.scopeUnitId}) không được ghi ${refused.length} đơn vị trong tệp; chưa ghi gì / role ${user.role} scoped to ${user.scopeUnitId} may not write ${refused.length} unit(s) of the file; nothing was written`,
        refused.map((s) => ({
          path: `row ${s.row.row}`,
          row: s.row.row,
          message: `${s.row.id}: ngoài phạm vi được quản lý / outside the units you may manage`,
        })),
      );
    const report = {
      dryRun: q.dryRun === "true",
      rows: read.rows.length,
      created: plan.steps.filter((s) => s.kind === "create").map((s) => s.row.id),
      updated: plan.steps.flatMap((s) => (s.kind === "update" ? [{ id: s.row.id, fields: [...s.changed] }] : [])),
      unchanged: plan.steps.filter((s) => s.kind === "unchanged").map((s) => s.row.id),
    };
    if (!report.dryRun && (report.created.length || report.updated.length)) {
      await db.transaction((tx) => apply(tx, user, plan.steps, read.rows.length));
      invalidateTree(db);
    }
    return c.json(report, 200);
  }) as never);
  return app;
}
