import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { UNIT_COLUMNS, ROLE_LABELS } from "@ntm/core";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { canChangeUnit } from "../auth/policy.js";
import { requireUser } from "../http/guard.js";
import { ApiError, problemResponses } from "../http/problem.js";
import { type Table, parseCsv, parseXlsx, toCsv, toXlsx } from "../transfer/table.js";
import { loadTree } from "../units.js";
import { applyUnitImport, planUnitFile, unitChangeOf, unitTemplateRows } from "../services/unitImport.js";

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
    const rows = unitTemplateRows(await loadTree(c.get("deps").db), user);
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
    const tree = await loadTree(db);
    const { rows, plan } = planUnitFile(table, tree);
    const refused = plan.steps.filter((s) => {
      const change = unitChangeOf(s, plan.steps, tree);
      return change !== null && !canChangeUnit(user, change, tree);
    });
    if (refused.length)
      throw new ApiError(
        "forbidden",
        `Vai trò "${ROLE_LABELS[user.role].vi}" (phạm vi ${user.scopeUnitId}) không được ghi ${refused.length} đơn vị trong tệp; chưa ghi gì / the role "${ROLE_LABELS[user.role].en}" scoped to ${user.scopeUnitId} may not write ${refused.length} unit(s) of the file; nothing was written`,
        refused.map((s) => ({
          path: `row ${s.row.row}`,
          row: s.row.row,
          message: `${s.row.id}: ngoài phạm vi được quản lý / outside the units you may manage`,
        })),
      );
    const report = await applyUnitImport(db, user, plan.steps, rows, q.dryRun === "true");
    return c.json(report, 200);
  }) as never);
  return app;
}
