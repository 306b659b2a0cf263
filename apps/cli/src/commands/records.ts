import type { Command } from "commander";
import { HOUSE_STATUSES, type Lang, OCOP_PRODUCT_GROUPS, RESOURCE_SOURCES, formatMoney, formatNumber } from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { parseDateOption, showDate } from "../lib/dates.js";
import { CliError } from "../lib/exit.js";
import { call, typedClient } from "../lib/client.js";
import { tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";
import { parseYear } from "./evaluate.js";

interface ReasonOut {
  code: string;
  vi: string;
  en: string;
}
interface Localized {
  vi: string;
  en: string;
}

/** Groups the digits of a whole number given as a string (no float on the way): "1250000" → "1.250.000". */
function groupDigits(digits: string, lang: Lang): string {
  const neg = digits.startsWith("-");
  const d = neg ? digits.slice(1) : digits;
  return (neg ? "-" : "") + d.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

/**
 * Money from the API (whole đồng as a string of digits) as the reader reads it, via core's formatMoney on a bigint.
 * @example
 * moneyText("1250000", "vi") // "1.250.000 đ"
 */
export function moneyText(amount: string | null | undefined, lang: Lang): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  return /^-?\d+$/.test(amount) ? formatMoney(BigInt(amount), lang) : amount;
}

const label = (labels: Readonly<Record<string, Localized>>, code: string, lang: Lang) => labels[code]?.[lang] ?? code;

const oneOf = (raw: string | undefined, allowed: readonly string[], option: string): string | undefined => {
  if (raw === undefined) return undefined;
  if (!allowed.includes(raw))
    throw new CliError("invalid_input", [
      { where: option, message: `cần một trong / expected one of: ${allowed.join(", ")}; nhận / got "${raw}"` },
    ]);
  return raw;
};

const asOfQuery = (raw: string | undefined) => (raw ? { asOf: parseDateOption(raw, "--as-of") } : {});

const DUE_STATE: Record<string, Localized> = {
  submitted: { vi: "Đã nộp", en: "Submitted" },
  late: { vi: "Nộp muộn", en: "Late" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
  pending: { vi: "Chưa đến hạn", en: "Pending" },
};

interface DueItem {
  dutyId: string;
  title: Localized;
  assigneeId: string;
  assigneeName: Localized | null;
  period: string;
  deadline: string;
  status: string;
  submittedOn: string | null;
  workingDaysLate: number | null;
  defaults: string[];
}
interface DuePlan {
  planId: string;
  unitId: string;
  period: string;
  asOf: string;
  counts: Record<string, number>;
  items: DueItem[];
}

/**
 * `ntm plan due --remote --as-of <date> [--period P] [--unit id] [--status s]`: the reports due under every
 * plan in your scope, as the server computes them from the submissions it holds.
 * @example
 * await planDueRemote(ctx, { asOf: "01/08/2025", period: "2025S1" });
 */
export async function planDueRemote(ctx: Ctx, opts: { asOf: string; period?: string; unit?: string; status?: string }): Promise<void> {
  const asOf = parseDateOption(opts.asOf, "--as-of");
  const period = opts.period ?? asOf.slice(0, 4);
  const status = oneOf(opts.status, Object.keys(DUE_STATE), "--status") as "late" | undefined;
  const client = await typedClient(ctx);
  const { data } = await call(
    ctx,
    client.GET("/v1/due-reports", {
      params: { query: { period, asOf, ...(opts.unit ? { unitId: opts.unit } : {}), ...(status ? { status } : {}) } },
    }),
  );
  const body = data as unknown as { period: string; asOf: string; counts: Record<string, number>; plans: DuePlan[] };
  if (ctx.json) return ctx.printJson(body);
  const L = ctx.lang;
  const counts = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([k, n]) => `${DUE_STATE[k]?.[L] ?? k}: ${n}`)
      .join(", ");
  ctx.print(
    `${tr(L, "Báo cáo kỳ", "Reports for")} ${body.period} · ${tr(L, "tính đến", "as of")} ${showDate(body.asOf, L)} · ${counts(body.counts)}`,
  );
  if (!body.plans.length) ctx.print(tr(L, "Không có kế hoạch nào trong phạm vi.", "No plan in scope."));
  for (const p of body.plans) {
    ctx.print(`\n${p.planId} (${p.unitId}) · ${counts(p.counts)}`);
    ctx.print(
      renderTable(
        [
          tr(L, "Hạn", "Deadline"),
          tr(L, "Kỳ", "Period"),
          tr(L, "Đơn vị báo cáo", "Assignee"),
          tr(L, "Báo cáo", "Report"),
          tr(L, "Tình trạng", "Status"),
          tr(L, "Ghi chú", "Note"),
        ],
        p.items.map((i) => [
          showDate(i.deadline, L),
          i.period,
          i.assigneeName?.[L] ?? i.assigneeId,
          i.title[L],
          DUE_STATE[i.status]?.[L] ?? i.status,
          (i.status === "late" || i.status === "overdue") && i.workingDaysLate !== null
            ? `${i.workingDaysLate} ${tr(L, "ngày làm việc", "working days")}`
            : i.submittedOn
              ? showDate(i.submittedOn, L)
              : "",
        ]),
        [10, 8, 50, 60, 14, 24],
      ),
    );
    if (p.items.some((i) => i.defaults.length))
      ctx.print(
        tr(
          L,
          "⚠ Một số kỳ hạn, thời hạn là cấu hình mặc định của phần mềm, không phải nội dung kế hoạch.",
          "⚠ Some cadences and deadlines are the tool's default configuration, not the plan's text.",
        ),
      );
  }
}

interface Item<D> {
  id: string;
  unitId: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  data: D;
  status?: Record<string, unknown>;
}

const VALIDITY: Record<string, Localized> = {
  valid: { vi: "Còn hiệu lực", en: "Valid" },
  renewal_due: { vi: "Sắp hết hạn, cần đánh giá lại", en: "Renewal due" },
  expired: { vi: "Hết hạn", en: "Expired" },
  not_recognised: { vi: "Chưa được công nhận", en: "Not recognised" },
  revoked: { vi: "Đã thu hồi", en: "Revoked" },
};

async function ocopList(
  ctx: Ctx,
  opts: { unit?: string; asOf?: string; stars?: string; group?: string; validity?: string },
): Promise<void> {
  const stars = opts.stars === undefined ? undefined : Number(oneOf(opts.stars, ["1", "2", "3", "4", "5"], "--stars"));
  const group = oneOf(opts.group, Object.keys(OCOP_PRODUCT_GROUPS), "--group");
  const validity = oneOf(opts.validity, Object.keys(VALIDITY), "--validity");
  const client = await typedClient(ctx);
  const query = {
    ...(opts.unit ? { unitId: opts.unit } : {}),
    ...asOfQuery(opts.asOf),
    ...(stars ? { stars } : {}),
    ...(group ? { group } : {}),
    ...(validity ? { validity } : {}),
  };
  const { data } = await call(ctx, client.GET("/v1/ocop-products", { params: { query: query as never } }));
  const body = data as unknown as {
    asOf: string;
    unitId: string;
    items: Item<{
      name: string;
      communeUnitId: string;
      group: string;
      score: number;
      stars: number;
      certificate?: { number: string; date: string; expiresOn?: string };
    }>[];
    summary: {
      products: number;
      recognised: number;
      byStars: Record<string, number>;
      renewalDue: number;
      expired: number;
      communesMeetingTarget: number;
      communes: unknown[];
    };
  };
  if (ctx.json) return ctx.printJson(body);
  const L = ctx.lang;
  const s = body.summary;
  ctx.print(`${tr(L, "Sản phẩm OCOP", "OCOP products")} · ${body.unitId} · ${tr(L, "tính đến", "as of")} ${showDate(body.asOf, L)}`);
  ctx.print(
    renderTable(
      [
        tr(L, "Mã", "Id"),
        tr(L, "Sản phẩm", "Product"),
        tr(L, "Xã", "Commune"),
        tr(L, "Nhóm", "Group"),
        tr(L, "Điểm", "Score"),
        tr(L, "Sao", "Stars"),
        tr(L, "Giấy chứng nhận", "Certificate"),
        tr(L, "Hết hạn", "Expires"),
        tr(L, "Hiệu lực", "Validity"),
      ],
      body.items.map((i) => {
        const st = i.status ?? {};
        const expires = (st["expiresOn"] as string | null | undefined) ?? i.data.certificate?.expiresOn;
        return [
          i.id,
          i.data.name,
          i.data.communeUnitId,
          label(OCOP_PRODUCT_GROUPS as Record<string, Localized>, i.data.group, L),
          formatNumber(i.data.score, L),
          "★".repeat(i.data.stars),
          i.data.certificate ? `${i.data.certificate.number} (${showDate(i.data.certificate.date, L)})` : "—",
          expires ? showDate(expires, L) : "—",
          label(VALIDITY, String(st["validity"] ?? ""), L),
        ];
      }),
      [24, 40, 12, 24, 6, 5, 30, 10, 30],
    ),
  );
  ctx.print(
    tr(
      L,
      `Tổng: ${s.products} sản phẩm, ${s.recognised} được công nhận (5 sao: ${s.byStars["5"] ?? 0}; 4 sao: ${s.byStars["4"] ?? 0}; 3 sao: ${s.byStars["3"] ?? 0}); sắp hết hạn: ${s.renewalDue}; hết hạn: ${s.expired}; xã đạt mục tiêu: ${s.communesMeetingTarget}/${s.communes.length}`,
      `Total: ${s.products} products, ${s.recognised} recognised (5★: ${s.byStars["5"] ?? 0}; 4★: ${s.byStars["4"] ?? 0}; 3★: ${s.byStars["3"] ?? 0}); renewal due: ${s.renewalDue}; expired: ${s.expired}; communes meeting the target: ${s.communesMeetingTarget}/${s.communes.length}`,
    ),
  );
}

async function contributionsList(ctx: Ctx, opts: { unit?: string; period?: string; source?: string }): Promise<void> {
  const source = oneOf(opts.source, Object.keys(RESOURCE_SOURCES), "--source");
  const client = await typedClient(ctx);
  const query = {
    ...(opts.unit ? { unitId: opts.unit } : {}),
    ...(opts.period ? { period: opts.period } : {}),
    ...(source ? { source } : {}),
  };
  const { data } = await call(ctx, client.GET("/v1/contributions", { params: { query: query as never } }));
  const body = data as unknown as {
    unitId: string;
    items: Item<{ unitId: string; period: string; source: string; amount: string; note?: string }>[];
    summary: {
      totals: { count: number; money: string; landDonatedM2: string; labourDays: string };
      bySource: { source: string; label: Localized; amount: string; share: { percent: string | null } }[];
      peopleShare: { percent: string | null };
      reasons: ReasonOut[];
    };
  };
  if (ctx.json) return ctx.printJson(body);
  const L = ctx.lang;
  const amount = (source: string, a: string) => {
    const measure = (RESOURCE_SOURCES as Record<string, { measure: string }>)[source]?.measure;
    if (measure === "m2") return `${groupDigits(a, L)} m²`;
    if (measure === "labour_days" || measure === "days") return `${groupDigits(a, L)} ${tr(L, "ngày công", "labour days")}`;
    return moneyText(a, L);
  };
  const pct = (p: string | null) => (p === null ? "—" : `${L === "vi" ? p.replace(".", ",") : p} %`);
  ctx.print(
    `${tr(L, "Nguồn lực huy động", "Resources mobilised")} · ${body.unitId}${opts.period ? ` · ${tr(L, "kỳ", "period")} ${opts.period}` : ""}`,
  );
  ctx.print(
    renderTable(
      [
        tr(L, "Mã", "Id"),
        tr(L, "Đơn vị", "Unit"),
        tr(L, "Kỳ", "Period"),
        tr(L, "Nguồn", "Source"),
        tr(L, "Số tiền / lượng", "Amount"),
        tr(L, "Ghi chú", "Note"),
      ],
      body.items.map((i) => [
        i.id,
        i.data.unitId,
        i.data.period,
        label(RESOURCE_SOURCES as Record<string, Localized>, i.data.source, L),
        amount(i.data.source, i.data.amount),
        i.data.note ?? "",
      ]),
      [40, 12, 8, 36, 24, 60],
    ),
  );
  const t = body.summary.totals;
  ctx.print(
    `${tr(L, "Tổng tiền", "Total money")}: ${moneyText(t.money, L)} · ${tr(L, "đất hiến", "land donated")}: ${groupDigits(t.landDonatedM2, L)} m² · ${tr(L, "ngày công", "labour days")}: ${groupDigits(t.labourDays, L)} · ${tr(L, "nhân dân đóng góp", "people's share")}: ${pct(body.summary.peopleShare.percent)}`,
  );
  for (const r of body.summary.reasons) ctx.print(`ⓘ ${r[L]}`);
}

async function housingList(ctx: Ctx, opts: { unit?: string; status?: string }): Promise<void> {
  const status = oneOf(opts.status, Object.keys(HOUSE_STATUSES), "--status");
  const client = await typedClient(ctx);
  const query = { ...(opts.unit ? { unitId: opts.unit } : {}), ...(status ? { status } : {}) };
  const { data } = await call(ctx, client.GET("/v1/housing", { params: { query: query as never } }));
  type Sum = { unitId: string; total: number; remaining: number; supportDong: string; completedShare: { percent: string | null } };
  const body = data as unknown as {
    unitId: string;
    items: Item<{
      communeUnitId: string;
      hamletUnitId?: string;
      household?: string;
      status: string;
      supportAmount?: string;
      completedOn?: string;
    }>[];
    summary: { rollUp: Sum; communes: (Sum & { indicator91: { value: boolean; met: boolean } })[] };
  };
  if (ctx.json) return ctx.printJson(body);
  const L = ctx.lang;
  ctx.print(`${tr(L, "Xóa nhà tạm, nhà dột nát", "Temporary and dilapidated housing")} · ${body.unitId}`);
  ctx.print(
    renderTable(
      [
        tr(L, "Mã", "Id"),
        tr(L, "Xã", "Commune"),
        tr(L, "Thôn", "Hamlet"),
        tr(L, "Hộ", "Household"),
        tr(L, "Tình trạng", "Status"),
        tr(L, "Hỗ trợ", "Support"),
        tr(L, "Hoàn thành", "Completed"),
      ],
      body.items.map((i) => [
        i.id,
        i.data.communeUnitId,
        i.data.hamletUnitId ?? "",
        i.data.household ?? "",
        label(HOUSE_STATUSES, i.data.status, L),
        moneyText(i.data.supportAmount, L),
        i.data.completedOn ? showDate(i.data.completedOn, L) : "",
      ]),
      [24, 12, 14, 30, 26, 18, 10],
    ),
  );
  const r = body.summary.rollUp;
  ctx.print(
    `${tr(L, "Tổng", "Total")}: ${r.total} · ${tr(L, "còn lại", "remaining")}: ${r.remaining} · ${tr(L, "kinh phí hỗ trợ", "support")}: ${moneyText(r.supportDong, L)} · ${tr(L, "xã đạt chỉ tiêu 9.1", "communes meeting indicator 9.1")}: ${body.summary.communes.filter((c) => c.indicator91.met).length}/${body.summary.communes.length}`,
  );
}

async function inspectionsList(ctx: Ctx, opts: { unit?: string; asOf?: string; kind?: string; year?: string }): Promise<void> {
  const kind = oneOf(opts.kind, ["inspection", "supervision"], "--kind");
  const year = parseYear(opts.year);
  const client = await typedClient(ctx);
  const query = {
    ...(opts.unit ? { unitId: opts.unit } : {}),
    ...asOfQuery(opts.asOf),
    ...(kind ? { kind } : {}),
    ...(year !== undefined ? { year } : {}),
  };
  const { data } = await call(ctx, client.GET("/v1/inspections", { params: { query: query as never } }));
  const body = data as unknown as {
    asOf: string;
    unitId: string;
    items: Item<{
      unitId: string;
      subject: { name: string };
      date: string;
      kind: string;
      conductedBy?: string;
      findings: string[];
      recommendations: { status: string }[];
    }>[];
    summary: {
      records: number;
      findings: number;
      overdueRecommendations: {
        recordId: string;
        subject: { name: string };
        text: string;
        responsible: string;
        dueDate: string;
        daysOverdue: number;
      }[];
    };
  };
  if (ctx.json) return ctx.printJson(body);
  const L = ctx.lang;
  const KIND: Record<string, Localized> = {
    inspection: { vi: "Kiểm tra", en: "Inspection" },
    supervision: { vi: "Giám sát", en: "Supervision" },
  };
  ctx.print(
    `${tr(L, "Kiểm tra, giám sát", "Inspections and supervision")} · ${body.unitId} · ${tr(L, "tính đến", "as of")} ${showDate(body.asOf, L)}`,
  );
  ctx.print(
    renderTable(
      [
        tr(L, "Mã", "Id"),
        tr(L, "Ngày", "Date"),
        tr(L, "Hình thức", "Kind"),
        tr(L, "Đối tượng", "Subject"),
        tr(L, "Đơn vị thực hiện", "Conducted by"),
        tr(L, "Phát hiện", "Findings"),
        tr(L, "Kiến nghị (xong/tổng)", "Recommendations (done/all)"),
      ],
      body.items.map((i) => [
        i.id,
        showDate(i.data.date, L),
        label(KIND, i.data.kind, L),
        i.data.subject.name,
        i.data.conductedBy ?? "",
        String(i.data.findings.length),
        `${i.data.recommendations.filter((r) => r.status === "done").length}/${i.data.recommendations.length}`,
      ]),
      [24, 10, 10, 36, 36, 9, 26],
    ),
  );
  const s = body.summary;
  ctx.print(
    `${tr(L, "Tổng", "Total")}: ${s.records} ${tr(L, "cuộc", "records")}, ${s.findings} ${tr(L, "phát hiện", "findings")}, ${s.overdueRecommendations.length} ${tr(L, "kiến nghị quá hạn", "overdue recommendations")}`,
  );
  for (const o of s.overdueRecommendations)
    ctx.print(
      `  ⚠ ${o.recordId} · ${o.subject.name}: ${o.text} — ${o.responsible}, ${tr(L, "hạn", "due")} ${showDate(o.dueDate, L)} (${tr(L, "quá", "overdue")} ${o.daysOverdue} ${tr(L, "ngày", "days")})`,
    );
}

/**
 * Registers the server's record lists: `ntm ocop list`, `ntm contributions list`, `ntm housing list`, `ntm inspections list`.
 * @example
 * registerRecords(program, run);
 */
export function registerRecords(program: Command, run: Run): void {
  const ocop =
    program.commands.find((c) => c.name() === "ocop") ??
    program.command("ocop").description("OCOP (Mỗi xã một sản phẩm) / One Commune One Product");
  ocop
    .command("list")
    .description("Sản phẩm OCOP trên máy chủ, hiệu lực, tổng theo xã / OCOP products on the server, validity, totals")
    .option("--unit <id>", "cây đơn vị (mặc định phạm vi của bạn) / unit subtree (default: your scope)")
    .option("--as-of <date>", "ngày tính hiệu lực dd/mm/yyyy / date of the validity")
    .option("--stars <n>", "3 | 4 | 5")
    .option("--group <group>", Object.keys(OCOP_PRODUCT_GROUPS).join(" | "))
    .option("--validity <v>", Object.keys(VALIDITY).join(" | "))
    .action(
      run((ctx: Ctx, opts: { unit?: string; asOf?: string; stars?: string; group?: string; validity?: string }) => ocopList(ctx, opts)),
    );
  program
    .command("contributions")
    .description("Nguồn lực huy động trên máy chủ (đồng) / resources mobilised, on the server (whole đồng)")
    .command("list")
    .description("Danh sách và tổng hợp theo nguồn / list with totals by source")
    .option("--unit <id>", "cây đơn vị / unit subtree")
    .option("--period <period>", "2025, 2025S1, 2025Q3, 2025-05")
    .option("--source <source>", Object.keys(RESOURCE_SOURCES).join(" | "))
    .action(run((ctx: Ctx, opts: { unit?: string; period?: string; source?: string }) => contributionsList(ctx, opts)));
  program
    .command("housing")
    .description("Xóa nhà tạm, nhà dột nát trên máy chủ / temporary and dilapidated housing, on the server")
    .command("list")
    .description("Danh sách nhà và tổng hợp, chỉ tiêu 9.1 / houses, totals and indicator 9.1")
    .option("--unit <id>", "cây đơn vị / unit subtree")
    .option("--status <status>", Object.keys(HOUSE_STATUSES).join(" | "))
    .action(run((ctx: Ctx, opts: { unit?: string; status?: string }) => housingList(ctx, opts)));
  program
    .command("inspections")
    .description("Kiểm tra, giám sát trên máy chủ / inspection and supervision records, on the server")
    .command("list")
    .description("Danh sách, kiến nghị quá hạn / records and overdue recommendations")
    .option("--unit <id>", "cây đơn vị / unit subtree")
    .option("--as-of <date>", "ngày tính quá hạn dd/mm/yyyy / date for overdue")
    .option("--kind <kind>", "inspection | supervision")
    .option("--year <year>")
    .action(run((ctx: Ctx, opts: { unit?: string; asOf?: string; kind?: string; year?: string }) => inspectionsList(ctx, opts)));
}
