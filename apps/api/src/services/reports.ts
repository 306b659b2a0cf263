/**
 * The report service: assembles what @ntm/reports renders (the progress report, the criteria and
 * ranking workbooks, a commune's criteria sheet) from the database and @ntm/core. The report routes
 * only parse, authorise, call these and send the bytes.
 */
import {
  type EvaluationResult,
  type Plan,
  type RecognitionDossier,
  type Reason,
  CLASSIFICATION_LEVEL_LABELS,
  MONEY_SOURCES,
  RESOURCE_SOURCES,
  compareYears,
  countOcopByCommune,
  decisionText,
  describePeriod,
  evaluateUnit,
  formatNumber,
  formatReason,
  parsePeriod,
  periodBounds,
  summariseContributions,
} from "@ntm/core";
import {
  type ClassificationReportInput,
  type CriteriaSheetInput,
  type CriteriaWorkbookInput,
  type ProgressReportInput,
  type RankingWorkbookInput,
  type TaskProgress,
  communeStandingFromEvaluation,
  rankingWorkbookFromRanking,
} from "@ntm/reports";
import type { Db } from "../db/index.js";
import { dossiers, plans } from "../db/schema.js";
import { unwrap } from "../http/common.js";
import { ApiError } from "../http/problem.js";
import type { UnitRow, UnitTree } from "../units.js";
import { subtreeDocs } from "../values.js";
import { toCoreDossier } from "./dossiers.js";
import { evaluateOne } from "./evaluations.js";
import type { LoadedPacks } from "./packs.js";
import { loadPlan, planOf, taskDataOf } from "./planStore.js";
import { planReportStatus } from "./plans.js";
import { computeRanking } from "./rankings.js";
import { enteredReasonsOf } from "./scoring.js";
import { computeSubjectRanking, reviewDay } from "./subjectRankings.js";
import { loadContributions, loadOcop } from "./records.js";

/** A unit's name without the "(dữ liệu ví dụ)" label, for document headers. */
export const plainName = (u: UnitRow | undefined) => (u?.name ?? "").replace(/\s*\(.*\)\s*$/, "").trim();
const stripLevel = (name: string) => name.replace(/^(Tỉnh|Huyện|Xã|Thành phố|Thị xã)\s+/i, "");

/**
 * A unit's short name for file names: without the example label and the level word.
 * @example
 * shortUnitName(tree.byId.get("d-01")) // "An Phú"
 */
export const shortUnitName = (u: UnitRow | undefined): string => stripLevel(plainName(u));

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
  // Each event cites the decision it was taken by (số, ngày), when the step recorded one.
  const cited = (d: RecognitionDossier, action: string) => {
    const decision = inPeriod(d, action)?.decision;
    return decision ? { decision: decisionText(decision, "vi") } : {};
  };
  const recognised = events
    .filter((d) => inPeriod(d, "recognise"))
    .map((d) => ({ unitName: nameOf(d.unitId), tier: d.tier, ...cited(d, "recognise") }));
  const revoked = events
    .filter((d) => inPeriod(d, "revoke"))
    .map((d) => ({
      unitName: nameOf(d.unitId),
      tier: d.tier,
      ...cited(d, "revoke"),
      reasons: [inPeriod(d, "revoke")?.note ?? ""].filter(Boolean),
    }));

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
    commendations: ranking.commendations.slice(0, 5).map((x) => ({ subject: name(x.unitId), reason: candidateReason(x, level(x.unitId)) })),
    criticisms: ranking.criticisms.slice(0, 5).map((x) => ({ subject: name(x.unitId), reason: candidateReason(x, level(x.unitId)) })),
    recipients:
      format === "party"
        ? ["Thường trực Tỉnh ủy (B/c)", "Văn phòng Điều phối NTM tỉnh", "Lưu Văn phòng"]
        : ["Văn phòng Điều phối NTM tỉnh", "UBND các xã", "Lưu: VT"],
  };
}

/**
 * The criteria workbook's input for a unit's communes and a year: one sheet, for the pack most
 * communes are evaluated with; the others are listed as omitted with why. 422 when no pack is adopted.
 * @example
 * const input = await criteriaWorkbookInput(db, tree, packs, "d-01", 2025); input.years[0].rows.length
 */
export async function criteriaWorkbookInput(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
): Promise<CriteriaWorkbookInput> {
  const docs = await subtreeDocs(db, tree, unitId, year);
  const evals = evaluationsOf(tree, packs, docs, year);
  // One sheet per year: the pack most communes use; the others are named in the notice with why.
  const uses = new Map<string, number>();
  for (const e of evals.values()) uses.set(e.packId, (uses.get(e.packId) ?? 0) + 1);
  const packId = [...uses].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (packId === undefined) {
    const reason = packs.ladderFor(tree, docs[0]?.unit.id ?? unitId, year, "commune");
    const r = reason.ok ? { code: "pack.not_adopted", path: ["year"], params: { year: year } } : reason.reason;
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
      const chosen = packs.packFor(tree, unit.id, year);
      return {
        unitName: unit.name,
        reason: e ? `đánh giá theo bộ tiêu chí ${e.packId}, không có trong bảng này` : chosen.ok ? "" : formatReason(chosen.reason, "vi"),
      };
    });
  return {
    unitName: plainName(tree.byId.get(unitId)),
    years: [{ year, pack: packs.registry.get(packId)!, rows, ...(omitted.length ? { omitted } : {}) }],
  };
}

/** A proposal's line in the progress report: its rank and class, then every reason in Vietnamese. */
const candidateReason = (x: { rank: number; reasons: Reason[] }, level: string) =>
  [`xếp hạng ${x.rank}, ${level}`, ...x.reasons.map((r) => formatReason(r, "vi"))].join("; ");

/**
 * The ranking workbook's input for a unit's communes and a year, marked "not law" for a default or
 * unverified scheme (as the CLI marks it); for communes, with the scoring inputs entered by hand and
 * their evidence (the "Số liệu nhập tay" sheet, the DOCX annex).
 * @example
 * const input = await rankingWorkbookInput(db, tree, packs, "d-01", 2025); input.rows[0].rank // 1
 */
export async function rankingWorkbookInput(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  kind: "unit" | "organisation" | "person" = "unit",
  today?: Date,
): Promise<RankingWorkbookInput> {
  const { ranking, scheme } =
    kind === "unit"
      ? await computeRanking(db, tree, packs, unitId, year)
      : await computeSubjectRanking(db, tree, packs, unitId, year, kind, reviewDay(year, today ?? new Date())).then((r) => ({
          ranking: r.ranking,
          scheme: r.scheme.scoring,
        }));
  // The communes' scores rest on inputs entered by hand: their evidence goes into the documents too.
  const entered =
    kind === "unit"
      ? await enteredReasonsOf(
          db,
          ranking.rows.map((r) => r.unitId),
          year,
        )
      : undefined;
  // Marked "not law" exactly as the CLI marks it (reports' rankingWorkbookFromRanking): a default or unverified scheme.
  const assembled = rankingWorkbookFromRanking(ranking, scheme, {
    unitName: plainName(tree.byId.get(unitId)),
    kind,
    ...(entered ? { entered } : {}),
  });
  return {
    ...assembled,
    rows: assembled.rows.map((r, i) => ({ ...r, caps: ranking.rows[i]!.caps.filter((k) => k.lowered).map((k) => k.reason) })),
    example: scheme.isDefault || !scheme.verified,
  };
}

/**
 * The classification report's input (DOCX) for a unit's subjects of one kind and a year: the ranking
 * workbook's rows, rules and proposals with the issuer, number placeholder, place, signer and
 * recipients of the format (Party HD 36 or state NĐ 30), as the progress report has them.
 * @example
 * const input = await classificationReportInput(db, tree, packs, "d-01", 2025, "organisation", "party", "2025-12-20");
 * input.number // "-BC/HU": printed "Số      -BC/HU"
 */
export async function classificationReportInput(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  year: number,
  kind: "unit" | "organisation" | "person",
  format: "party" | "state",
  today: string,
  now?: Date,
): Promise<ClassificationReportInput> {
  const unit = tree.byId.get(unitId);
  if (!unit) throw new ApiError("not_found", `Không có đơn vị ${unitId} / No unit ${unitId}`);
  const workbook = await rankingWorkbookInput(db, tree, packs, unitId, year, kind, now);
  return {
    ...workbook,
    ...headerOf(tree, unit, format),
    kind,
    format,
    date: today,
    recipients:
      format === "party"
        ? ["Thường trực Tỉnh ủy (B/c)", "Ban Thi đua - Khen thưởng", "Lưu Văn phòng"]
        : ["Văn phòng Điều phối NTM tỉnh", "Hội đồng Thi đua - Khen thưởng", "Lưu: VT"],
  };
}

/**
 * A commune's criteria sheet input for a year (422 for a unit that is not a commune, or with no pack
 * adopted for the year: never a "not met" sheet).
 * @example
 * const input = await criteriaSheetInput(db, tree, packs, "c-01-01", 2025, "2025-07-20"); input.result.met
 */
export async function criteriaSheetInput(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  id: string,
  year: number,
  issuedOn: string,
): Promise<CriteriaSheetInput> {
  const unit = tree.byId.get(id)!;
  if (unit.level !== "commune")
    throw new ApiError("invalid_input", `Phiếu đánh giá dành cho xã, không phải ${unit.level} / criteria sheets are for communes`, [
      { path: "id", message: `unit level is ${unit.level}` },
    ]);
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
  return { unitName: unit.name, parentName: parents.join(", "), pack: chosen.compiled.pack, result, issuedOn };
}
