/**
 * GET /v1/dossiers/export?format=xlsx|csv: the recognition dossiers the list shows (same filters and
 * scope) as a file, one row per dossier in core's `dossierListRows` columns (unit name, year, tier
 * sought and state in Vietnamese, decision number and date, number of documents, last step by whom and
 * when). Registered before the dossier routes so that "export" is not read as a dossier id.
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { DossierStateSchema, DossierTierSchema, dossierListRows } from "@ntm/core";
import { count, inArray } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { dossierAttachments, users } from "../db/schema.js";
import { contentDisposition, readableUnits, vnDate } from "../http/common.js";
import { problemResponses } from "../http/problem.js";
import { YearParam } from "../http/schemas.js";
import { listDossierRows, toCoreDossier } from "../services/dossiers.js";
import { XLSX_TYPE } from "../transfer/recordFiles.js";
import { toCsvVi, toXlsx } from "../transfer/table.js";

const ExportQuery = z.object({
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
  state: DossierStateSchema.optional(),
  unitId: z.string().optional(),
  year: YearParam.optional(),
  tier: DossierTierSchema.optional(),
});

const exportRoute = createRoute({
  method: "get",
  path: "/dossiers/export",
  tags: ["dossiers"],
  summary: "Xuất danh sách hồ sơ xét công nhận (XLSX/CSV) / Export the recognition dossiers list",
  description:
    "The dossiers GET /v1/dossiers lists with the same filters (your scope, or ?unitId= a subtree you may read): Mã hồ sơ, Đơn vị, Năm, Hạng đề nghị, Trạng thái (Vietnamese), Số quyết định, Ngày quyết định (dd/mm/yyyy), Số tài liệu, Bước gần nhất, Người thực hiện, Ngày thực hiện. ?format=csv gives a UTF-8 CSV with BOM and `;` between cells (Vietnamese Excel).",
  request: { query: ExportQuery },
  responses: {
    200: {
      description: "The file",
      content: { "text/csv": { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});

/**
 * The dossier list export route.
 * @example
 * app.route("/", dossierExportRoutes());
 */
export function dossierExportRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(exportRoute, (async (c: Context<AppEnv>) => {
    const q = ExportQuery.parse(c.req.query());
    const { ids, tree } = await readableUnits(c, q.unitId);
    const { db, now } = c.get("deps");
    const rows = await listDossierRows(db, ids, q);
    const dossierIds = rows.map((r) => r.id);
    const attached = dossierIds.length
      ? await db
          .select({ id: dossierAttachments.dossierId, n: count() })
          .from(dossierAttachments)
          .where(inArray(dossierAttachments.dossierId, dossierIds))
          .groupBy(dossierAttachments.dossierId)
      : [];
    const people = await db.select({ id: users.id, username: users.username, name: users.displayName }).from(users);
    const dossiers = rows.map((r) => toCoreDossier(r));
    const { header, rows: cells } = dossierListRows(dossiers, {
      unitNames: Object.fromEntries(dossiers.map((d) => [d.unitId, tree.byId.get(d.unitId)?.name ?? d.unitId])),
      actorNames: Object.fromEntries(people.flatMap((p) => [[p.id, p.name] as const, [p.username, p.name] as const])),
      attachments: Object.fromEntries(attached.map((a) => [a.id, Number(a.n)])),
    });
    const today = vnDate(now());
    const name = `Hồ sơ xét công nhận - ${today.slice(8)}-${today.slice(5, 7)}-${today.slice(0, 4)}.${q.format}`;
    const headers = { "content-disposition": contentDisposition(name), "cache-control": "no-store" };
    if (q.format === "csv") return c.body(toCsvVi(header, cells), 200, { ...headers, "content-type": "text/csv; charset=utf-8" });
    return c.body(await toXlsx("Hồ sơ xét công nhận", header, cells), 200, { ...headers, "content-type": XLSX_TYPE });
  }) as never);
  return app;
}
