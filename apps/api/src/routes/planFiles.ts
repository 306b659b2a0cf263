/**
 * A plan's task progress as a file: GET /v1/plans/{id}/progress/template and /export (XLSX, or CSV
 * for Vietnamese Excel) and POST /v1/plans/{id}/progress/import (dry run or apply, all or nothing).
 * Reading the plan follows the plan's read policy; importing needs what the single progress route
 * needs (`plan.write` on the plan's unit). The service (services/planFiles.ts) reads and writes.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { contentDisposition, vnDate } from "../http/common.js";
import { authorize, authorizePlanRead } from "../http/guard.js";
import { problemResponses } from "../http/problem.js";
import { IdParam } from "../http/schemas.js";
import { importTaskProgressFile, taskProgressFile } from "../services/planFiles.js";
import { loadPlan } from "../services/planStore.js";
import { XLSX_TYPE, readRecordTable } from "../transfer/recordFiles.js";
import { toCsvVi, toXlsx } from "../transfer/table.js";

const fileContent = { "text/csv": { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } };
const FormatQuery = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });
const ImportQuery = z.object({
  dryRun: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .openapi({ description: "1: check the whole file and answer what would be written, writing nothing" }),
});
const ReportSchema = z
  .object({
    planId: z.string(),
    dryRun: z.boolean(),
    rows: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    codes: z.array(z.string()),
  })
  .openapi("TaskProgressImportReport");

const fileRoute = (which: "template" | "export") =>
  createRoute({
    method: "get",
    path: `/plans/{id}/progress/${which}`,
    tags: ["plans"],
    summary:
      which === "template"
        ? "Mẫu cập nhật tiến độ nhiệm vụ, điền sẵn các nhiệm vụ (XLSX/CSV) / Progress template pre-filled with the plan's tasks"
        : "Xuất tiến độ mọi nhiệm vụ (XLSX/CSV, nhập lại được) / Export every task's progress (re-importable)",
    description:
      "One row per task: code, title, lead organisations and deadline (dd/mm/yyyy), read-only, then the progress columns the progress route takes (status by its Vietnamese name, % done, result, evidence, period). The template has a note row starting with # that the import skips. ?format=csv gives a UTF-8 CSV with BOM, `;` between cells and decimal commas (Vietnamese Excel).",
    request: { params: IdParam, query: FormatQuery },
    responses: { 200: { description: "The file", content: fileContent }, ...problemResponses(401, 403, 404) },
  });

const importRoute = createRoute({
  method: "post",
  path: "/plans/{id}/progress/import",
  tags: ["plans"],
  summary: "Nhập tiến độ nhiệm vụ từ XLSX/CSV (tất cả hoặc không) / Import task progress, all or nothing",
  description: [
    "The file is the request body (text/csv or the .xlsx type) with the template's columns. Rows that report nothing, or what is stored, change nothing.",
    "Every row is checked by @ntm/core: an unknown or repeated task code, a status that is not one of Đã hoàn thành, Đang thực hiện, Chưa thực hiện, Quá hạn, a % done outside 0–100 (100 when done), a missing result or period → 422 problem+json whose `errors` name row, column and header; nothing is written.",
    "Needs `plan.write` on the plan's unit, as PUT /v1/plans/{id}/tasks/{code}/progress. Otherwise one transaction: each changed task's progress (deadline kept), one audit entry per task and one for the file. ?dryRun=1 checks everything and writes nothing.",
  ].join(" "),
  request: { params: IdParam, query: ImportQuery, body: { required: true, content: fileContent } },
  responses: {
    200: { description: "Imported (or, with dryRun, what would be)", content: { "application/json": { schema: ReportSchema } } },
    ...problemResponses(400, 401, 403, 404, 413, 422),
  },
});

async function sendFile(c: Context<AppEnv>, which: "template" | "export") {
  const id = c.req.param("id") ?? "";
  const { format } = FormatQuery.parse(c.req.query());
  const { row, taskRows } = await loadPlan(c.get("deps").db, id);
  await authorizePlanRead(c, row.unitId);
  const { header, rows } = taskProgressFile(row, taskRows, { note: which === "template" });
  const today = vnDate(c.get("deps").now());
  const sheet = which === "template" ? "Mẫu tiến độ nhiệm vụ" : "Tiến độ nhiệm vụ";
  const name = `${sheet} - ${row.id} - ${today.slice(8)}-${today.slice(5, 7)}-${today.slice(0, 4)}.${format}`;
  const headers = { "content-disposition": contentDisposition(name), "cache-control": "no-store" };
  if (format === "csv") return c.body(toCsvVi(header, rows), 200, { ...headers, "content-type": "text/csv; charset=utf-8" });
  return c.body(await toXlsx(sheet, header, rows), 200, { ...headers, "content-type": XLSX_TYPE });
}

/**
 * The progress file routes of a plan.
 * @example
 * app.route("/", planFileRoutes());
 */
export function planFileRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(fileRoute("template"), ((c: Context<AppEnv>) => sendFile(c, "template")) as never);
  app.openapi(fileRoute("export"), ((c: Context<AppEnv>) => sendFile(c, "export")) as never);
  app.openapi(importRoute, (async (c: Context<AppEnv>) => {
    const { db, now, importLimits } = c.get("deps");
    const loaded = await loadPlan(db, c.req.param("id") ?? "");
    const { user } = await authorize(c, "plan.write", loaded.row.unitId);
    const q = ImportQuery.parse(c.req.query());
    const table = await readRecordTable(c);
    const dryRun = q.dryRun === "1" || q.dryRun === "true";
    const report = await importTaskProgressFile(db, user, loaded, table, { dryRun, maxErrors: importLimits.maxErrors }, now());
    return c.json(report, 200);
  }) as never);
  return app;
}
