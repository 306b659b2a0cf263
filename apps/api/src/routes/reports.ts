/**
 * Documents built by @ntm/reports: the periodic progress report (DOCX, Party or state format), the
 * criteria table and the ranking (XLSX), and one commune's criteria sheet (PDF). The inputs come from
 * the report service (services/reports.ts); files carry Vietnamese names (Content-Disposition with
 * filename*=UTF-8'').
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  ReportInputError,
  renderCriteriaSheetPdf,
  renderCriteriaWorkbook,
  renderClassificationReportDocx,
  renderProgressReportDocx,
  rankingWorkbookFromRanking,
  renderRankingWorkbook,
} from "@ntm/reports";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { contentDisposition, vnDate } from "../http/common.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, issuesToFields, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { loadPacks } from "../services/packs.js";
import { loadNarrative } from "../services/narratives.js";
import {
  classificationReportInput,
  criteriaSheetInput,
  criteriaWorkbookInput,
  progressInput,
  rankingWorkbookInput,
  shortUnitName,
} from "../services/reports.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = "application/pdf";

function send(c: Context<AppEnv>, bytes: Uint8Array, type: string, name: string): Response {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": type,
    "content-disposition": contentDisposition(name),
    "cache-control": "no-store",
  });
}

async function render<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ReportInputError)
      throw new ApiError("invalid_input", `Không lập được văn bản: ${e.message}`, issuesToFields(e.issues));
    throw e;
  }
}

const Binary = (type: string) => ({ [type]: { schema: z.string().openapi({ format: "binary" }) } });
const UnitQuery = z.string().optional().openapi({ description: "The unit the document covers (default: your scope)" });

const progress = createRoute({
  method: "get",
  path: "/reports/progress.docx",
  tags: ["reports"],
  summary: "Báo cáo tiến độ (DOCX) / Progress report of the plan for a period, in the Party or state format",
  request: {
    query: z.object({
      period: z.string().openapi({ example: "2025S1" }),
      format: z.enum(["party", "state"]).default("party"),
      unitId: UnitQuery,
    }),
  },
  responses: { 200: { description: "DOCX", content: Binary(DOCX) }, ...problemResponses(401, 403, 404, 422) },
});

const criteria = createRoute({
  method: "get",
  path: "/reports/criteria.xlsx",
  tags: ["reports"],
  summary: "Bảng tổng hợp tiêu chí (XLSX) / Criteria table: communes × criteria for a year",
  request: { query: z.object({ year: YearParam, unitId: UnitQuery }) },
  responses: { 200: { description: "XLSX", content: Binary(XLSX) }, ...problemResponses(401, 403, 404, 422) },
});

const rankingXlsx = createRoute({
  method: "get",
  path: "/reports/ranking.xlsx",
  tags: ["reports"],
  summary: "Bảng xếp hạng (XLSX) / Annual ranking workbook of communes, organisations or persons, with the proposals sheet",
  request: {
    query: z.object({
      year: YearParam,
      unitId: UnitQuery,
      kind: z.enum(["unit", "organisation", "person"]).default("unit").openapi({ description: "Đối tượng / subject kind" }),
    }),
  },
  responses: { 200: { description: "XLSX", content: Binary(XLSX) }, ...problemResponses(401, 403, 404, 422) },
});

const rankingDocx = createRoute({
  method: "get",
  path: "/reports/ranking.docx",
  tags: ["reports"],
  summary: "Báo cáo kết quả đánh giá, xếp loại (DOCX) / Classification report of communes, organisations or persons, Party or state format",
  request: {
    query: z.object({
      year: YearParam,
      unitId: UnitQuery,
      kind: z.enum(["unit", "organisation", "person"]).default("unit").openapi({ description: "Đối tượng / subject kind" }),
      format: z.enum(["party", "state"]).default("party"),
    }),
  },
  responses: { 200: { description: "DOCX", content: Binary(DOCX) }, ...problemResponses(401, 403, 404, 422) },
});

const sheet = createRoute({
  method: "get",
  path: "/units/{id}/criteria-sheet.pdf",
  tags: ["reports"],
  summary: "Phiếu đánh giá tiêu chí của xã (PDF) / One commune's criteria sheet",
  request: { params: IdParam, query: z.object({ year: YearParam }) },
  responses: { 200: { description: "PDF", content: Binary(PDF) }, ...problemResponses(401, 403, 404, 422) },
});

/**
 * The document routes.
 * @example
 * app.route("/", reportRoutes());
 */
export function reportRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(progress, async (c) => {
    const q = c.req.valid("query");
    const unitId = q.unitId ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", unitId);
    const { db, now } = c.get("deps");
    const input = await progressInput(db, tree, await loadPacks(db), unitId, q.period, q.format, vnDate(now()));
    // The narrative parts (II, III, IV) as the office stored them for this unit and period.
    const narrative = await loadNarrative(db, unitId, q.period);
    const bytes = await render(() => renderProgressReportDocx({ ...input, ...narrative }));
    return send(
      c,
      bytes,
      DOCX,
      `Báo cáo tiến độ ${shortUnitName(tree.byId.get(unitId))} ${q.period} (${q.format === "party" ? "Đảng" : "chính quyền"}).docx`,
    ) as never;
  });

  app.openapi(criteria, async (c) => {
    const q = c.req.valid("query");
    const unitId = q.unitId ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", unitId);
    const { db } = c.get("deps");
    const input = await criteriaWorkbookInput(db, tree, await loadPacks(db), unitId, q.year);
    const bytes = await render(() => renderCriteriaWorkbook(input));
    return send(c, bytes, XLSX, `Bảng tổng hợp tiêu chí ${shortUnitName(tree.byId.get(unitId))} ${q.year}.xlsx`) as never;
  });

  app.openapi(rankingXlsx, async (c) => {
    const q = c.req.valid("query");
    const unitId = q.unitId ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", unitId);
    const { db, now } = c.get("deps");
    const input = await rankingWorkbookInput(db, tree, await loadPacks(db), unitId, q.year, q.kind, now());
    const bytes = await render(() => renderRankingWorkbook(input));
    return send(c, bytes, XLSX, `Bảng xếp hạng ${shortUnitName(tree.byId.get(unitId))} ${q.year}.xlsx`) as never;
  });

  app.openapi(rankingDocx, async (c) => {
    const q = c.req.valid("query");
    const unitId = q.unitId ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", unitId);
    const { db, now } = c.get("deps");
    const input = await classificationReportInput(db, tree, await loadPacks(db), unitId, q.year, q.kind, q.format, vnDate(now()), now());
    const bytes = await render(() => renderClassificationReportDocx(input));
    const who = { unit: "xã", organisation: "tổ chức", person: "cá nhân" }[q.kind];
    return send(c, bytes, DOCX, `Báo cáo xếp loại ${who} ${shortUnitName(tree.byId.get(unitId))} ${q.year}.docx`) as never;
  });

  app.openapi(sheet, async (c) => {
    const { id } = c.req.valid("param");
    const { year } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const { db, now } = c.get("deps");
    const input = await criteriaSheetInput(db, tree, await loadPacks(db), id, year, vnDate(now()));
    const bytes = await render(() => renderCriteriaSheetPdf(input));
    return send(c, bytes, PDF, `Phiếu đánh giá tiêu chí ${input.unitName} ${year}.pdf`) as never;
  });

  return app;
}
