import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { loadPacks } from "../services/packs.js";
import { loadTree } from "../units.js";
import { type Cell, type Table, parseXlsx, toCsv, toCsvVi, toXlsx } from "../transfer/table.js";
import { checkXlsx, readBounded, readCsvBounded } from "../transfer/limits.js";
import { readValuesTableAsync } from "../transfer/importValues.js";
import { evaluationsExportTable, headerIndicators, importValuesFile, valuesExportTable } from "../services/transfer.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ImportQuery = z.object({
  year: YearParam.optional().openapi({
    description: "The selected year: rows without a year column get it; a row whose year column differs is refused (422, row-level)",
  }),
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
    /** The years written (the selected year, or the file's year column). */
    years: z.array(z.number().int()),
  })
  .openapi("ImportReport");

const importValues = createRoute({
  method: "post",
  path: "/values/import",
  tags: ["values"],
  summary: "Nhập số liệu hàng loạt từ CSV/XLSX / Bulk import of indicator values (all or nothing)",
  description: [
    "Send the file as the request body (Content-Type text/csv or the .xlsx type). Two layouts:",
    "Headers in Vietnamese as the template writes them (Mã đơn vị, Tên đơn vị, Năm, Chỉ tiêu, Giá trị, Vùng, Đặc điểm, Nhóm xã; tone marks optional) or the machine names (unit_id, name, year, indicator, value, region, flags, commune_group).",
    "long — columns Mã đơn vị, Năm, Chỉ tiêu, Giá trị (one row per unit × indicator; an empty value means 'not reported');",
    "wide — columns Mã đơn vị, Năm, then one column per indicator, named by its id (1.1), its Vietnamese name or 'id - name' (one row per unit; an empty cell leaves the stored value unchanged; Tên đơn vị/Cấp and #-columns are ignored). Any other column is an error at row 1 naming the column.",
    "`input:<name>` (column or indicator) sets a raw count for derived indicators, e.g. input:households.",
    "A unit-year approved and locked by the level above is refused at its row (422, nothing written).",
    "With ?year= every row's year column (when present) must be that year; the answer's `years` names the years written.",
    "`region`, `flags` and `commune_group` columns are unit attributes: checked against the stored unit (a mismatch is a row-level error), never indicators. A cell KAD / N/A / không áp dụng declares the indicator not applicable. Rows whose unit_id starts with # are comments (the template's row of indicator names).",
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
    ...problemResponses(400, 401, 403, 409, 412, 413, 422),
  },
});

const ExportQuery = z.object({
  year: YearParam,
  format: z.enum(["csv", "xlsx"]).default("csv"),
  pack: z.string().optional(),
  dialect: z.enum(["machine", "vi"]).default("machine").openapi({
    description:
      "CSV only. machine (default, the contract for integrators): comma-separated, dot decimals, UTF-8 with BOM. vi: for Vietnamese Excel: `;`-separated, decimal comma (85,8), UTF-8 with BOM. Both import back.",
  }),
});
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
const valuesTemplate = createRoute({
  method: "get",
  path: "/units/{id}/values-template",
  tags: ["values"],
  summary: "Mẫu nhập số liệu theo bộ tiêu chí của năm / Import template for a year's adopted pack (one row per commune, empty cells)",
  description:
    "Columns Mã đơn vị, Tên đơn vị, Năm, then one per indicator of the adopted tier ladder (by id); the second row (Mã đơn vị starting with #) names each indicator in Vietnamese and is skipped by the import, which reads the file back unchanged.",
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

async function sendTable(
  c: Context<AppEnv>,
  format: "csv" | "xlsx",
  name: string,
  header: string[],
  rows: Cell[][],
  dialect: "machine" | "vi" = "machine",
): Promise<Response> {
  if (format === "csv")
    return c.body(dialect === "vi" ? toCsvVi(header, rows) : toCsv(header, rows), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
    });
  return c.body(await toXlsx(name, header, rows), 200, {
    "content-type": XLSX,
    "content-disposition": `attachment; filename="${name}.xlsx"`,
  });
}

/**
 * The values of a subtree's communes for a year in the wide layout (re-importable), or the empty
 * template: the columns are the indicators of the top pack of the explicit ladder, or of the ladder
 * adopted for the first commune with one that year; the template adds a `#` row of indicator names.
 */
async function valuesSheet(c: Context<AppEnv>, template: boolean): Promise<Response> {
  const id = c.req.param("id")!;
  const q = ExportQuery.parse(c.req.query());
  const { tree } = await authorize(c, "read", id);
  const { db } = c.get("deps");
  // Vietnamese headers (Mã đơn vị, Năm…) for people; the machine CSV keeps unit_id, year (the integrators' contract).
  const headers = template || q.format === "xlsx" || q.dialect === "vi" ? "vi" : "machine";
  const { header, rows } = await valuesExportTable(db, tree, await loadPacks(db), id, q.year, q.pack, { template, headers });
  const name = template ? `mau-nhap-so-lieu-${id}-${q.year}` : `so-lieu-${id}-${q.year}`;
  return sendTable(c, q.format, name, header, rows, q.dialect);
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
    const { db, now } = c.get("deps");
    const packs = await loadPacks(db);
    const read = await readValuesTableAsync(table, q.year, headerIndicators(packs, q.pack));
    const maxErrors = c.get("deps").importLimits.maxErrors;
    const r = await importValuesFile(db, user, await loadTree(db), packs, read, q.pack, maxErrors, now());
    return c.json(
      { layout: read.layout, rows: table.rows.length, unitYears: r.unitYears, created: r.created, updated: r.updated, years: r.years },
      200,
    );
  }) as never);
  app.openapi(exportValues, ((c: Context<AppEnv>) => valuesSheet(c, false)) as never);
  app.openapi(valuesTemplate, ((c: Context<AppEnv>) => valuesSheet(c, true)) as never);
  app.openapi(exportEvaluations, (async (c: Context<AppEnv>) => {
    const id = c.req.param("id")!;
    const q = ExportQuery.parse(c.req.query());
    const { tree } = await authorize(c, "read", id);
    const { db } = c.get("deps");
    const { header, rows } = await evaluationsExportTable(db, tree, await loadPacks(db), id, q.year, q.pack);
    return sendTable(c, q.format, `danh-gia-${id}-${q.year}`, header, rows, q.dialect);
  }) as never);
  return app;
}
