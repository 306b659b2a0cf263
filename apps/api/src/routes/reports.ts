/**
 * Documents built by @ntm/reports from the database and @ntm/core: the periodic progress report
 * (DOCX, Party or state format), the criteria table and the ranking (XLSX), and one commune's criteria
 * sheet (PDF). Files carry Vietnamese names (Content-Disposition with filename*=UTF-8'').
 */
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  type EvaluationResult,
  type Plan,
  type RecognitionDossier,
  CLASSIFICATION_LEVEL_LABELS,
  MONEY_SOURCES,
  RESOURCE_SOURCES,
  compareYears,
  countOcopByCommune,
  describePeriod,
  evaluateUnit,
  formatNumber,
  formatReason,
  parsePeriod,
  periodBounds,
  summariseContributions,
} from "@ntm/core";
import {
  type ProgressReportInput,
  type TaskProgress,
  ReportInputError,
  communeStandingFromEvaluation,
  renderCriteriaSheetPdf,
  renderCriteriaWorkbook,
  renderProgressReportDocx,
  renderRankingWorkbook,
} from "@ntm/reports";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import type { Db } from "../db/index.js";
import { dossiers, plans } from "../db/schema.js";
import { authorize, requireUser } from "../http/guard.js";
import { ApiError, issuesToFields, problemResponses } from "../http/problem.js";
import { IdParam, YearParam } from "../http/schemas.js";
import { type LoadedPacks, loadPacks } from "../services/packs.js";
import { evaluateOne } from "../services/evaluations.js";
import type { UnitRow, UnitTree } from "../units.js";
import { subtreeDocs } from "../values.js";
import { unwrap, vnDate } from "../http/common.js";
import { toCoreDossier } from "../services/dossiers.js";
import { loadPlan, planOf, taskDataOf } from "../services/planStore.js";
import { planReportStatus } from "../services/plans.js";
import { computeRanking } from "../services/rankings.js";
import { loadContributions, loadOcop } from "../services/records.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = "application/pdf";

/**
 * A Content-Disposition header with an ASCII fallback and the Vietnamese name (RFC 6266 / 5987).
 * @example
 * contentDisposition("Báo cáo tiến độ 2025S1.docx") // `attachment; filename="Bao cao tien do 2025S1.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o...`
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

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

/** A unit's name without the "(dữ liệu ví dụ)" label, for document headers. */
const plainName = (u: UnitRow | undefined) => (u?.name ?? "").replace(/\s*\(.*\)\s*$/, "").trim();
const stripLevel = (name: string) => name.replace(/^(Tỉnh|Huyện|Xã|Thành phố|Thị xã)\s+/i, "");

function headerOf(
  tree: UnitTree,
  unit: UnitRow,
  format: "party" | "state",
): { issuer: ProgressReportInput["issuer"]; number: string; place: string; signer: ProgressReportInput["signer"] } {
  const province = tree.roots[0] ?? unit;
  const p = stripLevel(plainName(province)).toUpperCase();
  const u = stripLevel(plainName(unit)).toUpperCase();
  const isProvince = unit.level === "province";
  if (format === "party")
    return {
      issuer: {
        parent: isProvince ? "" : `ĐẢNG BỘ TỈNH ${p}`,
        name: isProvince ? `TỈNH ỦY ${u}` : unit.level === "district" ? `HUYỆN ỦY ${u}` : `ĐẢNG ỦY XÃ ${u}`,
      },
      number: isProvince ? "-BC/TU" : unit.level === "district" ? "-BC/HU" : "-BC/ĐU",
      place: stripLevel(plainName(unit)),
      signer: { onBehalfOf: "T/M BAN THƯỜNG VỤ", title: "BÍ THƯ", name: "(ký, ghi rõ họ tên)" },
    };
  return {
    issuer: {
      parent: isProvince ? "" : `UBND TỈNH ${p}`,
      name: `ỦY BAN NHÂN DÂN ${isProvince ? "TỈNH" : unit.level === "district" ? "HUYỆN" : "XÃ"} ${u}`,
    },
    number: "/BC-UBND",
    place: stripLevel(plainName(unit)),
    signer: { onBehalfOf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "(ký, ghi rõ họ tên)" },
  };
}

/** The plan of a unit or of its nearest ancestor, if any. */
async function planIdFor(db: Db, tree: UnitTree, unitId: string): Promise<string | null> {
  const rows = await db.select({ id: plans.id, unitId: plans.unitId }).from(plans);
  for (let u: string | undefined = unitId; u; u = tree.parentOf(u)) {
    const r = rows.find((x) => x.unitId === u);
    if (r) return r.id;
  }
  return null;
}

/** Each commune's evaluation against the standard pack adopted for it that year; communes with none are left out (see noPackOf). */
function evaluationsOf(
  tree: UnitTree,
  packs: LoadedPacks,
  docs: Awaited<ReturnType<typeof subtreeDocs>>,
  year: number,
): Map<string, EvaluationResult> {
  return new Map(
    docs.flatMap(({ unit, doc }) => {
      const chosen = packs.packFor(tree, unit.id, year);
      return chosen.ok ? [[unit.id, evaluateUnit(chosen.compiled, doc)] as const] : [];
    }),
  );
}

/**
 * The notes printed under the resources: what the period could not include because it was recorded
 * for a longer period (a yearly amount when a half-year is asked), with its amounts, so nothing is
 * silently dropped and nothing is apportioned by guess.
 * @example
 * notSplitNotes({ count: 2, money: 42_017_300_000n, landDonatedM2: 0n, labourDays: 0n }, { kind: "half", year: 2025, half: 1 })
 */
export function notSplitNotes(
  left: { count: number; money: bigint; landDonatedM2: bigint; labourDays: bigint },
  period: Parameters<typeof describePeriod>[0],
): string[] {
  if (left.count === 0) return [];
  const parts = [
    left.money > 0n ? `${formatNumber(Number(left.money), "vi")} đồng` : "",
    left.landDonatedM2 > 0n ? `${formatNumber(Number(left.landDonatedM2), "vi")} m² đất` : "",
    left.labourDays > 0n ? `${formatNumber(Number(left.labourDays), "vi")} ngày công` : "",
  ].filter(Boolean);
  return [
    `Ghi chú: ${formatNumber(left.count, "vi")} khoản huy động${parts.length ? ` (${parts.join("; ")})` : ""} được ghi nhận cho cả một kỳ dài hơn ${describePeriod(period, "vi")} ` +
      "(thường là cả năm); phần mềm không chia các khoản này theo kỳ nên chưa tính vào số liệu trên.",
  ];
}

/** The notices under the title: only what is true of this report (example pack values, a default scoring scheme). */
function reportNotices(results: readonly EvaluationResult[], scheme: { isDefault?: boolean; verified?: boolean }): string[] {
  const out: string[] = [];
  if (results.some((r) => r.example)) out.push("(Bộ tiêu chí áp dụng có giá trị minh họa, không phải quy định pháp luật)");
  if (scheme.isDefault || scheme.verified === false)
    out.push("(Thang điểm xếp loại là mặc định của phần mềm, chưa được cơ quan có thẩm quyền ban hành)");
  return out;
}

/**
 * Assembles the progress report's input for a unit and period from the database and core.
 * @example
 * const input = await progressInput(db, tree, packs, "d-01", "2025S1", "party", "2025-07-20");
 */
export async function progressInput(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  period: string,
  format: "party" | "state",
  today: string,
): Promise<ProgressReportInput> {
  const p = unwrap(parsePeriod(period), "Kỳ báo cáo không hợp lệ / invalid period", ["query", "period"]);
  const { start, end } = periodBounds(p);
  const unit = tree.byId.get(unitId)!;
  const ids = new Set(tree.subtree(unitId).map((u) => u.id));
  const nameOf = (id: string) => tree.byId.get(id)?.name ?? id;

  const planId = await planIdFor(db, tree, unitId);
  let plan: Plan | null = null;
  let tasks: TaskProgress[] = [];
  let lateReports: ProgressReportInput["lateReports"] = [];
  if (planId) {
    const { row, taskRows } = await loadPlan(db, planId);
    plan = planOf(row, taskRows);
    const names = new Map(plan.assignees.map((a) => [a.id, a.name.vi]));
    tasks = taskRows.map((t) => {
      const { task, progress } = taskDataOf(t);
      return {
        code: task.code,
        title: task.title.vi,
        assignee: task.lead.map((id) => names.get(id) ?? id).join(", ") || "Chưa phân công",
        result: progress?.result ?? "Chưa có báo cáo kết quả trong kỳ.",
        status: progress?.status ?? "not_started",
      };
    });
    const status = await planReportStatus(db, planId, period, today);
    lateReports = status.items
      .filter((i) => i.status === "late" || i.status === "overdue")
      .map((i) => ({
        reporter: i.assigneeName?.vi ?? i.assigneeId,
        report: `${i.title.vi} - ${describePeriod(unwrap(parsePeriod(i.period), "period"), "vi")}`,
        dueDate: i.deadline,
        submittedDate: i.submittedOn,
      }));
  }

  const year = p.year;
  const [all, prev] = await Promise.all([subtreeDocs(db, tree, unitId, year), subtreeDocs(db, tree, unitId, year - 1)]);
  // Communes without a value row for the year are not reported on; the previous year is compared
  // with only when it has values (otherwise there is nothing to compare with).
  const withData = (docs: typeof all) => docs.filter((d) => d.rows.split(",").some((r) => r !== "-"));
  const curData = withData(all);
  const prevData = withData(prev);
  const now = evaluationsOf(tree, packs, curData, year);
  const before = evaluationsOf(tree, packs, prevData, year - 1);
  // A commune with no pack adopted for the year has no standing (Chưa áp dụng bộ tiêu chí), never "not met".
  const cur = curData.filter(({ unit: u }) => now.has(u.id));
  const communes = cur.map(({ unit: u }) => {
    const n = now.get(u.id)!;
    const b = before.get(u.id);
    return communeStandingFromEvaluation(u.name, n, b ? compareYears(b, n) : undefined);
  });

  const events = (await db.select().from(dossiers)).filter((d) => ids.has(d.unitId)).map((d) => toCoreDossier(d));
  const inPeriod = (d: RecognitionDossier, action: string) =>
    d.history.find((h) => h.action === action && h.at.slice(0, 10) >= start && h.at.slice(0, 10) <= end);
  const recognised = events.filter((d) => inPeriod(d, "recognise")).map((d) => ({ unitName: nameOf(d.unitId), tier: d.tier }));
  const revoked = events
    .filter((d) => inPeriod(d, "revoke"))
    .map((d) => ({ unitName: nameOf(d.unitId), tier: d.tier, reasons: [inPeriod(d, "revoke")?.note ?? ""].filter(Boolean) }));

  const communeIds = cur.map((c) => c.unit.id);
  const products = (await loadOcop(db)).filter((x) => ids.has(x.communeUnitId));
  const counts = countOcopByCommune(products, end, { communeIds });
  const byStar = { 3: 0, 4: 0, 5: 0 };
  for (const c of counts) for (const s of [3, 4, 5] as const) byStar[s] += c.byStars[s];
  const ocop = {
    total: counts.reduce((a, c) => a + c.recognised, 0),
    byStar,
    newInPeriod: products.filter((x) => x.certificate && x.certificate.date >= start && x.certificate.date <= end).length,
  };

  const summary = summariseContributions(
    (await loadContributions(db)).filter((c) => ids.has(c.unitId)),
    { period: p },
  );
  const resources = {
    lines: summary.bySource
      .filter((s) => s.amount > 0n && MONEY_SOURCES.includes(s.source))
      .map((s) => ({ label: RESOURCE_SOURCES[s.source].vi, amount: s.amount })),
    total: summary.totals.money,
    landM2: summary.totals.landDonatedM2,
    labourDays: summary.totals.labourDays,
    notes: notSplitNotes(summary.notSplit, p),
  };

  const { ranking, scheme } = await computeRanking(db, tree, packs, unitId, year);
  const name = (id: string) => ranking.rows.find((r) => r.unitId === id)?.name ?? nameOf(id);
  const level = (id: string) => CLASSIFICATION_LEVEL_LABELS[ranking.rows.find((r) => r.unitId === id)?.level ?? ""]?.vi ?? "";
  const head = headerOf(tree, unit, format);
  return {
    format,
    ...head,
    date: today,
    period,
    title: plan ? `Kết quả thực hiện ${plan.title.vi}` : `Kết quả xây dựng nông thôn mới của ${unit.name}`,
    notices: reportNotices([...now.values()], scheme),
    introduction: [
      `${format === "party" ? "Ban Thường vụ" : "Ủy ban nhân dân"} báo cáo kết quả thực hiện trong ${describePeriod(p, "vi")} như sau:`,
    ],
    tasks,
    ...(plan ? { planTaskCount: plan.tasks.length } : {}),
    communes,
    ...(before.size > 0 ? { previousPeriod: String(year - 1) } : {}),
    recognised,
    revoked,
    ocop,
    resources,
    lateReports,
    commendations: ranking.commendations
      .slice(0, 5)
      .map((x) => ({ subject: name(x.unitId), reason: `xếp hạng ${x.rank}, ${level(x.unitId)}` })),
    criticisms: ranking.criticisms.slice(0, 5).map((x) => ({ subject: name(x.unitId), reason: `xếp hạng ${x.rank}, ${level(x.unitId)}` })),
    recipients:
      format === "party"
        ? ["Thường trực Tỉnh ủy (B/c)", "Văn phòng Điều phối NTM tỉnh", "Lưu Văn phòng"]
        : ["Văn phòng Điều phối NTM tỉnh", "UBND các xã", "Lưu: VT"],
  };
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
  summary: "Bảng xếp hạng (XLSX) / Annual ranking workbook",
  request: { query: z.object({ year: YearParam, unitId: UnitQuery }) },
  responses: { 200: { description: "XLSX", content: Binary(XLSX) }, ...problemResponses(401, 403, 404, 422) },
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
    const bytes = await render(() => renderProgressReportDocx(input));
    return send(
      c,
      bytes,
      DOCX,
      `Báo cáo tiến độ ${stripLevel(plainName(tree.byId.get(unitId)))} ${q.period} (${q.format === "party" ? "Đảng" : "chính quyền"}).docx`,
    ) as never;
  });

  app.openapi(criteria, async (c) => {
    const q = c.req.valid("query");
    const unitId = q.unitId ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", unitId);
    const { db } = c.get("deps");
    const packs = await loadPacks(db);
    const docs = await subtreeDocs(db, tree, unitId, q.year);
    const evals = evaluationsOf(tree, packs, docs, q.year);
    // One sheet per year: the pack most communes use; the others are named in the notice with why.
    const uses = new Map<string, number>();
    for (const e of evals.values()) uses.set(e.packId, (uses.get(e.packId) ?? 0) + 1);
    const packId = [...uses].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (packId === undefined) {
      const reason = packs.ladderFor(tree, docs[0]?.unit.id ?? unitId, q.year, "commune");
      const r = reason.ok ? { code: "pack.not_adopted", path: ["year"], params: { year: q.year } } : reason.reason;
      throw new ApiError("invalid_input", `${formatReason(r, "vi")} / ${formatReason(r, "en")}`, [
        { path: "$.query.year", message: formatReason(r, "vi"), code: r.code },
      ]);
    }
    const rows = docs
      .filter(({ unit }) => evals.get(unit.id)?.packId === packId)
      .map(({ unit }) => ({ unitName: unit.name, result: evals.get(unit.id)! }));
    const omitted = docs
      .filter(({ unit }) => evals.get(unit.id)?.packId !== packId)
      .map(({ unit }) => {
        const e = evals.get(unit.id);
        const chosen = packs.packFor(tree, unit.id, q.year);
        return {
          unitName: unit.name,
          reason: e ? `đánh giá theo bộ tiêu chí ${e.packId}, không có trong bảng này` : chosen.ok ? "" : formatReason(chosen.reason, "vi"),
        };
      });
    const input = {
      unitName: plainName(tree.byId.get(unitId)),
      years: [{ year: q.year, pack: packs.registry.get(packId)!, rows, ...(omitted.length ? { omitted } : {}) }],
    };
    const bytes = await render(() => renderCriteriaWorkbook(input));
    return send(c, bytes, XLSX, `Bảng tổng hợp tiêu chí ${stripLevel(plainName(tree.byId.get(unitId)))} ${q.year}.xlsx`) as never;
  });

  app.openapi(rankingXlsx, async (c) => {
    const q = c.req.valid("query");
    const unitId = q.unitId ?? requireUser(c).scopeUnitId;
    const { tree } = await authorize(c, "read", unitId);
    const { db } = c.get("deps");
    const { ranking, scheme } = await computeRanking(db, tree, await loadPacks(db), unitId, q.year);
    const input = {
      unitName: plainName(tree.byId.get(unitId)),
      year: q.year,
      components: scheme.components.map((k) => ({ key: k.id, label: k.label.vi })),
      rows: ranking.rows.map((r) => ({
        rank: r.rank,
        unitName: r.name ?? r.unitId,
        score: r.score,
        components: Object.fromEntries(r.components.map((k) => [k.id, k.points])),
        level: CLASSIFICATION_LEVEL_LABELS[r.level]?.vi ?? r.level,
        caps: r.caps.filter((k) => k.lowered).map((k) => k.reason),
        quotaMoves: r.quotaMove ? [r.quotaMove.reason] : [],
      })),
      // Marked "not law" exactly as the CLI marks it (reports' rankingWorkbookFromRanking): a default or unverified scheme.
      example: scheme.isDefault || !scheme.verified,
      ...(scheme.isDefault || !scheme.verified
        ? {
            notice: `${scheme.title.vi}: ${scheme.isDefault ? "thang điểm mặc định của phần mềm" : "thang điểm chưa được kiểm chứng"}, không phải quy định đã ban hành.`,
          }
        : {}),
    };
    const bytes = await render(() => renderRankingWorkbook(input));
    return send(c, bytes, XLSX, `Bảng xếp hạng ${stripLevel(plainName(tree.byId.get(unitId)))} ${q.year}.xlsx`) as never;
  });

  app.openapi(sheet, async (c) => {
    const { id } = c.req.valid("param");
    const { year } = c.req.valid("query");
    const { tree } = await authorize(c, "read", id);
    const unit = tree.byId.get(id)!;
    if (unit.level !== "commune")
      throw new ApiError("invalid_input", `Phiếu đánh giá dành cho xã, không phải ${unit.level} / criteria sheets are for communes`, [
        { path: "id", message: `unit level is ${unit.level}` },
      ]);
    const { db, now } = c.get("deps");
    const packs = await loadPacks(db);
    const chosen = packs.packFor(tree, id, year);
    // No pack adopted for the year: no sheet (never a "not met" one), the reason instead.
    if (!chosen.ok)
      throw new ApiError("invalid_input", `${formatReason(chosen.reason, "vi")} / ${formatReason(chosen.reason, "en")}`, [
        { path: "$.query.year", message: formatReason(chosen.reason, "vi"), code: chosen.reason.code },
      ]);
    const result = await evaluateOne(db, tree, packs, id, year);
    if (result.status === "no_pack") throw new ApiError("invalid_input", result.reasons[0]?.vi ?? "no pack");
    const parents: string[] = [];
    for (let u = tree.parentOf(id); u; u = tree.parentOf(u)) parents.push(plainName(tree.byId.get(u)));
    const bytes = await render(() =>
      renderCriteriaSheetPdf({
        unitName: unit.name,
        parentName: parents.join(", "),
        pack: chosen.compiled.pack,
        result,
        issuedOn: vnDate(now()),
      }),
    );
    return send(c, bytes, PDF, `Phiếu đánh giá tiêu chí ${unit.name} ${year}.pdf`) as never;
  });

  return app;
}
