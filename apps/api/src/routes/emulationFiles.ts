/**
 * Commendation and discipline files: export (CSV or XLSX, the columns of @ntm/core's
 * `EMULATION_TABLE_COLUMNS`) and import, all or nothing — every row read and validated by core
 * (`emulationRecordsFromRows`), every row's unit within the writer's scope, a discipline's finding
 * among the stored inspections; any problem → 422 naming row and column, nothing written; otherwise one
 * transaction, one audit entry per record.
 */
import { randomUUID } from "node:crypto";
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  type Commendation,
  type Discipline,
  type EmulationTableKind,
  checkDisciplineFinding,
  emulationRecordsFromRows,
  emulationRecordsToRows,
} from "@ntm/core";
import type { AppEnv } from "../context.js";
import { writeAudit } from "../audit.js";
import { can } from "../auth/policy.js";
import { commendations, disciplines } from "../db/schema.js";
import { jsonSafe, readableUnits } from "../http/common.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { allRows } from "../services/records.js";
import { loadInspections } from "../services/records.js";
import { XLSX_TYPE, readRecordTable, rowProblems, sendRecordTable } from "../transfer/recordFiles.js";

const AREAS = {
  commendations: { path: "/commendations", table: commendations, entity: "commendation", file: "khen-thuong" },
  disciplines: { path: "/disciplines", table: disciplines, entity: "discipline", file: "phe-binh-ky-luat" },
} as const;

const fileContent = { "text/csv": { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } };
const ImportReport = z.object({ imported: z.number().int(), ids: z.array(z.string()) }).openapi("RecordImportReport");

function routesOf(kind: EmulationTableKind) {
  const area = AREAS[kind];
  const exportRoute = createRoute({
    method: "get",
    path: `${area.path}/export`,
    tags: ["emulation"],
    summary: `Xuất tệp ${kind === "commendations" ? "khen thưởng" : "phê bình, kỷ luật"} (CSV/XLSX; nhập lại được) / Export (re-importable)`,
    request: {
      query: z.object({
        format: z.enum(["csv", "xlsx"]).default("csv"),
        unitId: z.string().optional(),
        year: z.coerce.number().int().min(2000).max(2100).optional(),
      }),
    },
    responses: { 200: { description: "The file", content: fileContent }, ...problemResponses(401, 403, 404, 422) },
  });
  const importRoute = createRoute({
    method: "post",
    path: `${area.path}/import`,
    tags: ["emulation"],
    summary: `Nhập tệp ${kind === "commendations" ? "khen thưởng" : "phê bình, kỷ luật"} (CSV/XLSX, tất cả hoặc không) / Import, all or nothing`,
    description:
      "The columns of the export (dates dd/mm/yyyy; codes or their Vietnamese names). Any bad row → 422 problem+json whose `errors` name row and column, and nothing is written.",
    request: { body: { required: true, content: fileContent } },
    responses: {
      200: { description: "Imported", content: { "application/json": { schema: ImportReport } } },
      ...problemResponses(400, 401, 403, 413, 422),
    },
  });
  return { exportRoute, importRoute };
}

/**
 * GET /v1/commendations/export, POST /v1/commendations/import, and the same for /v1/disciplines.
 * @example
 * app.route("/", emulationFileRoutes());
 */
export function emulationFileRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  for (const kind of ["commendations", "disciplines"] as const) {
    const area = AREAS[kind];
    const { exportRoute, importRoute } = routesOf(kind);

    app.openapi(exportRoute, (async (c: import("hono").Context<AppEnv>) => {
      const q = z
        .object({ format: z.enum(["csv", "xlsx"]).default("csv"), unitId: z.string().optional(), year: z.coerce.number().int().optional() })
        .parse(c.req.query());
      const { ids } = await readableUnits(c, q.unitId);
      const rows = (await allRows(c.get("deps").db, area.table)).filter((r) => ids.has(r.unitId));
      const records = rows
        .map((r) => ({ ...(r.data as Commendation | Discipline), id: r.id }))
        .filter((r) => q.year === undefined || Number(r.decision.date.slice(0, 4)) === q.year);
      const { header, rows: cells } = emulationRecordsToRows(kind, records);
      return sendRecordTable(c, q.format, area.file, header, cells);
    }) as never);

    app.openapi(importRoute, (async (c: import("hono").Context<AppEnv>) => {
      const { user, tree } = await authorize(c, "values.write", requireUser(c).scopeUnitId);
      const table = await readRecordTable(c);
      const { db } = c.get("deps");
      const max = c.get("deps").importLimits.maxErrors;
      const read = emulationRecordsFromRows(kind, table);
      const issues: { row: number; column: string; message: string }[] = read.ok
        ? []
        : read.issues.map((i) => ({ row: Number(i.path[0]), column: String(i.path[1] ?? ""), message: i.message }));
      const records = read.ok ? read.value : [];
      const inspections = kind === "disciplines" ? (await loadInspections(db)).map((s) => s.record) : [];
      // Every row's unit, read or not, is checked against the writer's scope: all problems at once.
      const unitCol = table.header.findIndex((h) => h.trim().toLowerCase() === "unit_id");
      for (const { row, cells } of unitCol < 0 ? [] : table.rows) {
        const unitId = String(cells[unitCol] ?? "").trim();
        if (unitId !== "" && (!tree.has(unitId) || !can(user, "values.write", unitId, tree)))
          issues.push({ row, column: "unit_id", message: `Không được ghi cho đơn vị "${unitId}" / may not write for unit "${unitId}"` });
      }
      for (const r of records) {
        const row = Number(r.id.slice(4));
        if (kind === "disciplines") {
          const f = checkDisciplineFinding(r as Discipline, inspections);
          if (!f.ok)
            for (const i of f.issues)
              issues.push({ row, column: i.path.at(-1) === "findingIndex" ? "finding_no" : "inspection_id", message: i.message });
        }
      }
      if (issues.length > 0)
        throw new ApiError(
          "invalid_input",
          `Tệp có ${issues.length} lỗi; chưa ghi gì / the file has ${issues.length} problem(s); nothing was written`,
          rowProblems(issues, max),
          issues.length,
        );
      const ids: string[] = [];
      await db.transaction(async (tx) => {
        for (const r of records) {
          const id = `${area.entity}-${randomUUID()}`;
          const data = jsonSafe({ ...r, id }) as Record<string, unknown>;
          await tx
            .insert(area.table)
            .values({ id, unitId: r.unitId, data, updatedBy: user.username, year: Number(r.decision.date.slice(0, 4)) });
          await writeAudit(tx, user, {
            action: `${area.entity}.import`,
            entityType: area.entity,
            entityId: id,
            unitId: r.unitId,
            before: null,
            after: { data, version: 1 },
          });
          ids.push(id);
        }
      });
      return c.json({ imported: ids.length, ids }, 200);
    }) as never);
  }
  return app;
}
