import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, type ProblemField, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { loadPacks } from "../services/packs.js";
import { loadTree } from "../units.js";
import { loadValues } from "../values.js";
import { type Cell, type Table, parseXlsx, toCsv, toXlsx } from "../transfer/table.js";
import { checkXlsx, readBounded, readCsvBounded } from "../transfer/limits.js";
import { type RowIssue, readValuesTableAsync } from "../transfer/importValues.js";
import { planImport } from "../transfer/planImport.js";
import { saveValues } from "../services/values.js";
import { evaluationsExportTable, valuesExportTable } from "../services/transfer.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ImportQuery = z.object({
  year: YearParam.optional().openapi({ description: "Year for rows without a year column" }),
  pack: z
    .string()
    .optional()
    .openapi({ description: "Pack whose tier ladder validates commune values (default: the ladder adopted for each unit and year)" }),
  format: z.enum(["csv", "xlsx"]).optional().openapi({ description: "Overrides the Content-Type" }),
});
const ImportReportSchema = z
  .object({
    layout: z.enum(["long", "wide"]),
    rows: z.number().int(),
    unitYears: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
  })
  .openapi("ImportReport");

const importValues = createRoute({
  method: "post",
  path: "/values/import",
  tags: ["values"],
  summary: "Nhập số liệu hàng loạt từ CSV/XLSX / Bulk import of indicator values (all or nothing)",
  description: [
    "Send the file as the request body (Content-Type text/csv or the .xlsx type). Two layouts:",
    "long — columns unit_id, year, indicator, value (one row per unit × indicator; an empty value means 'not reported');",
    "wide — columns unit_id, year, then one column per indicator id (one row per unit; an empty cell leaves the stored value unchanged; name/level and #-columns are ignored).",
    "`input:<name>` (column or indicator) sets a raw count for derived indicators, e.g. input:households.",
    "Values: numbers (decimal comma allowed: 16,5), Đạt/Không, x. Imported values are merged into the stored ones and validated by @ntm/core.",
    "Any bad row → 422 problem+json whose `errors` list row, column and message (the first 100; `errorCount` has the total), and NOTHING is written. Otherwise everything is written in one transaction with one audit entry per unit-year.",
    "Limits (server settings): 10 MiB per file (NTM_IMPORT_MAX_BYTES), 100,000 data rows (NTM_IMPORT_MAX_ROWS), an .xlsx unpacking to at most 50 MiB (NTM_IMPORT_MAX_XLSX_BYTES); past one → 413 at once, nothing written.",
  ].join(" "),
  request: {
    query: ImportQuery,
    body: { required: true, content: { "text/csv": { schema: z.string() }, [XLSX]: { schema: z.string().openapi({ format: "binary" }) } } },
  },
  responses: {
    200: { description: "Imported", content: { "application/json": { schema: ImportReportSchema } } },
    ...problemResponses(400, 401, 403, 412, 413, 422),
  },
});

const ExportQuery = z.object({ year: YearParam, format: z.enum(["csv", "xlsx"]).default("csv"), pack: z.string().optional() });
const fileResponse = {
  description: "The file",
  content: { "text/csv": { schema: z.string() }, [XLSX]: { schema: z.string().openapi({ format: "binary" }) } },
};

const exportValues = createRoute({
  method: "get",
  path: "/units/{id}/export/values",
  tags: ["values"],
  summary: "Xuất số liệu các xã / Export commune values of a subtree (wide layout; re-importable)",
  request: { params: IdParam, query: ExportQuery },
  responses: { 200: fileResponse, ...problemResponses(401, 403, 404, 422) },
});
const exportEvaluations = createRoute({
  method: "get",
  path: "/units/{id}/export/evaluations",
  tags: ["evaluations"],
  summary: "Xuất kết quả đánh giá / Export the roll-up of a subtree (one row per commune)",
  request: { params: IdParam, query: ExportQuery },
  responses: { 200: fileResponse, ...problemResponses(401, 403, 404, 422) },
});

/** Reads the import within the limits: CSV parsed as it streams in, an .xlsx measured before it is parsed. */
async function readTable(c: Context<AppEnv>, format: "csv" | "xlsx" | undefined): Promise<Table> {
  const type = c.req.header("content-type") ?? "";
  const fmt = format ?? (type.includes("spreadsheetml") ? "xlsx" : "csv");
  const limits = c.get("deps").importLimits;
  const empty = () => new ApiError("bad_request", "Tệp rỗng / the file is empty");
  if (fmt === "csv") {
    const { table, bytes } = await readCsvBounded(c.req.raw, limits);
    if (bytes === 0) throw empty();
    return table;
  }
  const body = await readBounded(c.req.raw, limits.maxBytes);
  if (body.byteLength === 0) throw empty();
  checkXlsx(body, limits);
  try {
    return await parseXlsx(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new ApiError("bad_request", `Không đọc được tệp XLSX / cannot read the .xlsx file: ${(e as Error).message}`);
  }
}

/** The first `max` problems by row and column (the answer stays small however bad the file). */
function rowFields(issues: readonly RowIssue[], max: number): ProblemField[] {
  return [...issues]
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
    .slice(0, max)
    .map((i) => ({ path: `row ${i.row}, column ${i.column}`, row: i.row, column: i.column, message: i.message }));
}

async function sendTable(c: Context<AppEnv>, format: "csv" | "xlsx", name: string, header: string[], rows: Cell[][]): Promise<Response> {
  if (format === "csv")
    return c.body(toCsv(header, rows), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
    });
  return c.body(await toXlsx(name, header, rows), 200, {
    "content-type": XLSX,
    "content-disposition": `attachment; filename="${name}.xlsx"`,
  });
}

/**
 * Bulk import and CSV/XLSX exports.
 * @example
 * v1.route("/", transferRoutes());
 */
export function transferRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(importValues, (async (c: Context<AppEnv>) => {
    const { user } = await authorize(c, "values.write", requireUser(c).scopeUnitId);
    const q = ImportQuery.parse(c.req.query());
    const table = await readTable(c, q.format);
    const read = await readValuesTableAsync(table, q.year);
    const { db, now } = c.get("deps");
    const packs = await loadPacks(db);
    const packId = q.pack;
    if (packId !== undefined && !packs.registry.get(packId))
      throw new ApiError("not_found", `Không có bộ tiêu chí "${packId}" / pack "${packId}" not found`);
    const stored = new Map<number, Awaited<ReturnType<typeof loadValues>>>();
    for (const year of new Set(read.unitYears.map((u) => u.year)))
      stored.set(
        year,
        await loadValues(
          db,
          read.unitYears.filter((u) => u.year === year).map((u) => u.unitId),
          year,
        ),
      );
    const { plan, issues: planIssues } = planImport({
      ...read,
      tree: await loadTree(db),
      user,
      packs,
      ...(packId !== undefined ? { packId } : {}),
      stored: (unitId, year) => stored.get(year)?.get(unitId),
    });
    const issues = [...read.issues, ...planIssues];
    const maxErrors = c.get("deps").importLimits.maxErrors;
    if (issues.length) {
      const listed = issues.length > maxErrors ? ` (${maxErrors} lỗi đầu tiên ở errors / the first ${maxErrors} in errors)` : "";
      throw new ApiError(
        "invalid_input",
        `Tệp có ${issues.length} lỗi; chưa ghi gì / the file has ${issues.length} problem(s); nothing was written${listed}`,
        rowFields(issues, maxErrors),
        issues.length,
      );
    }
    let created = 0;
    await db.transaction(async (tx) => {
      for (const p of plan) {
        if (p.expected === 0) created++;
        await saveValues(tx, user, p.unitId, p.year, p.body, p.expected, now(), "values.import");
      }
    });
    return c.json({ layout: read.layout, rows: table.rows.length, unitYears: plan.length, created, updated: plan.length - created }, 200);
  }) as never);
  app.openapi(exportValues, (async (c: Context<AppEnv>) => {
    const id = c.req.param("id")!;
    const q = ExportQuery.parse(c.req.query());
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    const { header, rows } = await valuesExportTable(db, tree, await loadPacks(db), id, q.year, q.pack);
    return sendTable(c, q.format, `so-lieu-${id}-${q.year}`, header, rows);
  }) as never);
  app.openapi(exportEvaluations, (async (c: Context<AppEnv>) => {
    const id = c.req.param("id")!;
    const q = ExportQuery.parse(c.req.query());
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    const { header, rows } = await evaluationsExportTable(db, tree, await loadPacks(db), id, q.year, q.pack);
    return sendTable(c, q.format, `danh-gia-${id}-${q.year}`, header, rows);
  }) as never);
  return app;
}
