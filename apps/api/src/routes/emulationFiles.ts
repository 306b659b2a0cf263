/**
 * Commendation and discipline files: export (CSV or XLSX, the columns of @ntm/core's
 * `EMULATION_TABLE_COLUMNS`) and import, all or nothing — every row read and validated by core
 * (`emulationRecordsFromRows`), every row's unit within the writer's scope, a discipline's finding
 * among the stored inspections; any problem → 422 naming row and column, nothing written; otherwise one
 * transaction, one audit entry per record (services/emulationFiles.ts).
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type Commendation, type Discipline, type EmulationTableKind, emulationRecordsToRows } from "@ntm/core";
import type { AppEnv } from "../context.js";
import { can } from "../auth/policy.js";
import { readableUnits } from "../http/common.js";
import { authorize, requireUser } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { allRows } from "../services/records.js";
import { XLSX_TYPE, readRecordTable, sendRecordTable } from "../transfer/recordFiles.js";
import { EMULATION_FILE_AREAS, importEmulationFile } from "../services/emulationFiles.js";

const AREAS = EMULATION_FILE_AREAS;

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
      const ids = await importEmulationFile(
        db,
        user,
        kind,
        table,
        (unitId) => tree.has(unitId) && can(user, "values.write", unitId, tree),
        max,
      );
      return c.json({ imported: ids.length, ids }, 200);
    }) as never);
  }
  return app;
}
