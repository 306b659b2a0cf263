/**
 * The template, export and import routes of a record area (GET /v1/{kind}/template.xlsx,
 * GET /v1/{kind}/export, POST /v1/{kind}/import) for OCOP products, resources mobilised, housing and
 * inspections, and of the steering-committee register (GET /v1/steering-members/template,
 * GET /v1/steering-members/export, POST /v1/steering-members/import): the template's and the export's columns come from @ntm/core (`recordFileTemplate`,
 * `writeRecordRows`, so an export imports back), the file is read within the server's import limits,
 * and the import (services/recordImport.ts) writes every record as the area's create route does, or nothing.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type RecordFileKind, type RecordRowInputs, recordFileTemplate, writeRecordRows } from "@ntm/core";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { can } from "../auth/policy.js";
import { type RecordWriter, importRecordFile } from "../services/recordImport.js";
import { XLSX_TYPE, readRecordTable } from "../transfer/recordFiles.js";
import { toCsvVi, toXlsx } from "../transfer/table.js";
import type { Action } from "../auth/policy.js";
import { contentDisposition, vnDate } from "./common.js";
import { authorize, requireUser } from "./guard.js";
import { problemResponses } from "./problem.js";

/**
 * File names and sheet names of each kind's template (and export), and where its routes live (default:
 * `/{kind}/template.xlsx`, `/{kind}/export`, `/{kind}/import`).
 */
const FILES: Readonly<Record<RecordFileKind, { file: string; sheet: string; label: string; base?: string; template?: string }>> = {
  ocop: { file: "mau-san-pham-ocop", sheet: "Sản phẩm OCOP", label: "sản phẩm OCOP / OCOP products" },
  resources: { file: "mau-huy-dong-nguon-luc", sheet: "Huy động nguồn lực", label: "huy động nguồn lực / resources mobilised" },
  housing: { file: "mau-nha-o", sheet: "Nhà ở", label: "nhà ở / housing" },
  inspections: { file: "mau-kiem-tra-giam-sat", sheet: "Kiểm tra, giám sát", label: "kiểm tra, giám sát / inspections" },
  steering: {
    file: "mau-thanh-vien-ban-chi-dao",
    sheet: "Thành viên Ban Chỉ đạo",
    label: "thành viên Ban Chỉ đạo / steering committee members",
    base: "/steering-members",
    template: "/steering-members/template",
  },
};

/** What the export reads: the list's query and its records (the create route's bodies) with unit names. */
export interface RecordExportSource {
  query: z.ZodObject;
  load: (
    c: Context<AppEnv>,
    query: Record<string, unknown>,
  ) => Promise<{ rootName: string; records: unknown[]; unitNames: Record<string, string> }>;
}

const fileContent = { "text/csv": { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } };
const ImportQuery = z.object({
  dryRun: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .openapi({ description: "1: check the whole file and answer what would be written, writing nothing" }),
});
const ReportSchema = z
  .object({
    kind: z.enum(["ocop", "resources", "housing", "inspections", "steering"]),
    dryRun: z.boolean(),
    rows: z.number().int(),
    imported: z.number().int(),
    ids: z.array(z.string()),
  })
  .openapi("RecordFileImportReport");

/**
 * The template and import routes of a record kind, writing with the area's own steps.
 * @example
 * app.route("/", recordImportRoutes("ocop", "values.write", writer));
 */
export function recordImportRoutes<T>(
  kind: RecordFileKind,
  action: Action,
  writer: RecordWriter<T>,
  source: RecordExportSource,
): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const f = FILES[kind];
  const base = f.base ?? `/${kind}`;
  const template = createRoute({
    method: "get",
    path: f.template ?? `${base}/template.xlsx`,
    tags: [kind],
    summary: `Mẫu nhập ${f.label} (XLSX; ?format=csv: CSV với dấu ; và dấu phẩy thập phân) / Import template`,
    description:
      "Vietnamese headers (required ones marked *) and one note row starting with # that the import skips. ?format=csv gives a UTF-8 CSV with BOM, `;` between cells and decimal commas (Vietnamese Excel).",
    request: { query: z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }) },
    responses: { 200: { description: "The template", content: fileContent }, ...problemResponses(401) },
  });
  const ExportQuery = source.query.extend({ format: z.enum(["xlsx", "csv"]).default("xlsx") });
  const exportRoute = createRoute({
    method: "get",
    path: `${base}/export`,
    tags: [kind],
    summary: `Xuất ${f.label} ra XLSX/CSV (nhập lại được) / Export, re-importable`,
    description:
      "The records the list shows with the same filters (your scope, or ?unitId= a unit subtree you may read), in the import template's columns: Vietnamese headers, dates dd/mm/yyyy, codes by their Vietnamese names, money in whole đồng, and a last read-only column with the unit's name. Importing the file back checks clean. No records: the header row only. ?format=csv gives a UTF-8 CSV with BOM, `;` between cells and decimal commas (Vietnamese Excel).",
    request: { query: ExportQuery },
    responses: { 200: { description: "The file", content: fileContent }, ...problemResponses(401, 403, 404, 422) },
  });
  const importRoute = createRoute({
    method: "post",
    path: `${base}/import`,
    tags: [kind],
    summary: `Nhập ${f.label} từ XLSX/CSV (tất cả hoặc không) / Import, all or nothing`,
    description: [
      "The file is the request body (Content-Type text/csv or the .xlsx type), with the template's columns (Vietnamese headers or English keys; numbers as 72,5 or 1.250.000; dates dd/mm/yyyy; codes or their Vietnamese names).",
      "Every row is read and checked by @ntm/core as the area's create route checks it. Any bad row → 422 problem+json whose `errors` name row, column and message; a row whose unit is outside your scope → 403 naming the rows; nothing is written.",
      "Otherwise one transaction: every record inserted with an audit entry, and one entry for the file. ?dryRun=1 checks everything and writes nothing.",
      "Limits as the other imports (NTM_IMPORT_MAX_BYTES, NTM_IMPORT_MAX_ROWS, NTM_IMPORT_MAX_XLSX_BYTES; past one → 413).",
    ].join(" "),
    request: { query: ImportQuery, body: { required: true, content: fileContent } },
    responses: {
      200: { description: "Imported (or, with dryRun, what would be)", content: { "application/json": { schema: ReportSchema } } },
      ...problemResponses(400, 401, 403, 413, 422),
    },
  });

  app.openapi(template, (async (c: Context<AppEnv>) => {
    requireUser(c);
    const format = z
      .enum(["xlsx", "csv"])
      .catch("xlsx")
      .parse(c.req.query("format") ?? "xlsx");
    const { header, rows } = recordFileTemplate(kind);
    if (format === "csv")
      return c.body(toCsvVi(header, rows), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${f.file}.csv"`,
      });
    return c.body(await toXlsx(f.sheet, header, rows), 200, {
      "content-type": XLSX_TYPE,
      "content-disposition": `attachment; filename="${f.file}.xlsx"`,
    });
  }) as never);

  app.openapi(exportRoute, (async (c: Context<AppEnv>) => {
    const { format, ...q } = (c.req as unknown as { valid: (t: "query") => z.infer<typeof ExportQuery> }).valid("query");
    const { rootName, records, unitNames } = await source.load(c, q);
    const { header, rows } = writeRecordRows(kind, records as RecordRowInputs[typeof kind][], { unitNames });
    const today = vnDate(c.get("deps").now());
    const name = `${f.sheet} - ${rootName} - ${today.slice(8)}-${today.slice(5, 7)}-${today.slice(0, 4)}.${format}`;
    const headers = { "content-disposition": contentDisposition(name), "cache-control": "no-store" };
    if (format === "csv") return c.body(toCsvVi(header, rows), 200, { ...headers, "content-type": "text/csv; charset=utf-8" });
    return c.body(await toXlsx(f.sheet, header, rows), 200, { ...headers, "content-type": XLSX_TYPE });
  }) as never);

  app.openapi(importRoute, (async (c: Context<AppEnv>) => {
    const { user, tree } = await authorize(c, action, requireUser(c).scopeUnitId);
    const q = ImportQuery.parse(c.req.query());
    const table = await readRecordTable(c);
    const { db, importLimits } = c.get("deps");
    const report = await importRecordFile(db, user, kind, writer, table, tree, (unitId) => can(user, action, unitId, tree), {
      dryRun: q.dryRun === "1" || q.dryRun === "true",
      maxErrors: importLimits.maxErrors,
    });
    return c.json(report, 200);
  }) as never);
  return app;
}
