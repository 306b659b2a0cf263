/**
 * A district's scoring inputs as a file: GET /v1/units/{id}/scoring-inputs/{year}/template and
 * /export (XLSX, or CSV for Vietnamese Excel; one row per commune with its current inputs and their
 * evidence) and POST .../import (dry run or apply, all or nothing). Reading needs `read` on the
 * district; importing needs, for every commune the file changes, what PUT
 * /v1/units/{id}/scoring-inputs/{year} needs (`plan.write` on the commune). services/scoringFiles.ts
 * reads and writes.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { can } from "../auth/policy.js";
import type { AppEnv } from "../context.js";
import { contentDisposition, vnDate } from "../http/common.js";
import { authorize } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { IdParam } from "../http/schemas.js";
import { importScoringInputsFile, scoringInputsFile } from "../services/scoringFiles.js";
import { XLSX_TYPE, readRecordTable } from "../transfer/recordFiles.js";
import { toCsvVi, toXlsx } from "../transfer/table.js";

const fileContent = { "text/csv": { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } };
const Params = z.object({
  id: IdParam.shape.id,
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .openapi({ param: { name: "year", in: "path" }, example: 2025 }),
});
const FormatQuery = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });
const ImportQuery = z.object({
  dryRun: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .openapi({ description: "1: check the whole file and answer what would be written, writing nothing" }),
});
const ReportSchema = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    dryRun: z.boolean(),
    rows: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    unitIds: z.array(z.string()),
  })
  .openapi("ScoringInputsImportReport");

const fileRoute = (which: "template" | "export") =>
  createRoute({
    method: "get",
    path: `/units/{id}/scoring-inputs/{year}/${which}`,
    tags: ["ranking"],
    summary:
      which === "template"
        ? "Mẫu nhập số liệu chấm điểm các xã của huyện, điền sẵn số liệu hiện có (XLSX/CSV) / Scoring inputs template of the district's communes, pre-filled"
        : "Xuất số liệu chấm điểm các xã (XLSX/CSV, nhập lại được) / Export the communes' scoring inputs (re-importable)",
    description:
      "One row per commune of the unit: code, name (read-only), year, then each field of PUT /v1/units/{id}/scoring-inputs/{year} (the four task counts, targets, reports, planned resources in whole đồng, discipline in words), each followed by its evidence column. The template has a note row starting with # that the import skips. ?format=csv gives a UTF-8 CSV with BOM, `;` between cells and decimal commas.",
    request: { params: Params, query: FormatQuery },
    responses: { 200: { description: "The file", content: fileContent }, ...problemResponses(401, 403, 404, 422) },
  });

const importRoute = createRoute({
  method: "post",
  path: "/units/{id}/scoring-inputs/{year}/import",
  tags: ["ranking"],
  summary: "Nhập số liệu chấm điểm các xã từ XLSX/CSV (tất cả hoặc không) / Import the communes' scoring inputs, all or nothing",
  description: [
    "The file is the request body (text/csv or the .xlsx type) with the template's columns. A row with no value, or the stored inputs, changes nothing; a row replaces the commune's inputs for the year, as the PUT does.",
    "Every row is checked by @ntm/core checkScoringInputs (done ≤ assigned, on time ≤ done, met ≤ total, reports ≤ reports due, evidence only with its value), the four task counts together; a commune not in the unit, a repeated one or a year column other than {year} → 422 problem+json whose `errors` name row, column and header; a commune you may not write (`plan.write`, as the PUT) → 403 naming the rows; nothing is written.",
    "Otherwise one transaction: each commune's inputs saved over the version read (audited `scoring_inputs.put`) and one `scoring_inputs.import` entry for the file. ?dryRun=1 checks everything and writes nothing.",
  ].join(" "),
  request: { params: Params, query: ImportQuery, body: { required: true, content: fileContent } },
  responses: {
    200: { description: "Imported (or, with dryRun, what would be)", content: { "application/json": { schema: ReportSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 422),
  },
});

async function sendFile(c: Context<AppEnv>, which: "template" | "export") {
  const { id, year } = Params.parse(c.req.param());
  const { format } = FormatQuery.parse(c.req.query());
  const { tree } = await authorize(c, "read", id);
  const { header, rows } = await scoringInputsFile(c.get("deps").db, tree, id, year, { note: which === "template" });
  const today = vnDate(c.get("deps").now());
  const sheet = which === "template" ? "Mẫu số liệu chấm điểm" : "Số liệu chấm điểm";
  const unitName = tree.byId.get(id)?.name ?? id;
  const name = `${sheet} ${year} - ${unitName} - ${today.slice(8)}-${today.slice(5, 7)}-${today.slice(0, 4)}.${format}`;
  const headers = { "content-disposition": contentDisposition(name), "cache-control": "no-store" };
  if (format === "csv") return c.body(toCsvVi(header, rows), 200, { ...headers, "content-type": "text/csv; charset=utf-8" });
  return c.body(await toXlsx(sheet, header, rows), 200, { ...headers, "content-type": XLSX_TYPE });
}

/**
 * The scoring inputs file routes of a unit (a district) and year.
 * @example
 * app.route("/", scoringFileRoutes());
 */
export function scoringFileRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(fileRoute("template"), ((c: Context<AppEnv>) => sendFile(c, "template")) as never);
  app.openapi(fileRoute("export"), ((c: Context<AppEnv>) => sendFile(c, "export")) as never);
  app.openapi(importRoute, (async (c: Context<AppEnv>) => {
    const { id, year } = Params.parse(c.req.param());
    const { user, tree } = await authorize(c, "read", id);
    const q = ImportQuery.parse(c.req.query());
    const table = await readRecordTable(c);
    const { db, now, importLimits } = c.get("deps");
    const report = await importScoringInputsFile(
      db,
      user,
      tree,
      id,
      year,
      table,
      (unitId) => can(user, "plan.write", unitId, tree),
      { dryRun: q.dryRun === "1" || q.dryRun === "true", maxErrors: importLimits.maxErrors },
      now(),
    );
    return c.json(report, 200);
  }) as never);
  return app;
}
