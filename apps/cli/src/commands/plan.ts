import type { Command } from "commander";
import {
  DISTRICT_PLAN_63,
  type Plan,
  ReportSubmissionSchema,
  formatPath,
  formatReason,
  parsePeriod,
  planDueReports,
  reportStatus,
  zodIssues,
} from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { CliError, type Problem } from "../lib/exit.js";
import { loadCalendar, parseDateOption, showDate } from "../lib/dates.js";
import { readJson } from "../lib/io.js";
import { tr } from "../lib/i18n.js";
import { planTargetText } from "../lib/labels.js";
import type { Run } from "../lib/run.js";
import { renderTable } from "../lib/table.js";

/** The plans the CLI knows (the shipped district plan implementing Directive 63-CT/TU). */
export const PLANS: Record<string, Plan> = { [DISTRICT_PLAN_63.id]: DISTRICT_PLAN_63 };

/** Prints a plan: header, purposes, tasks with lead assignees and links, assignments, reporting duties. */
function renderPlan(ctx: Ctx, p: Plan): void {
  const L = ctx.lang;
  const name = new Map(p.assignees.map((a) => [a.id, a.name[L]]));
  const who = (ids: readonly string[]) => ids.map((id) => name.get(id) ?? id).join(", ");
  ctx.print(`${p.title[L]}`);
  ctx.print(
    `${tr(L, "Số", "No.")}: ${p.number ?? "—"} · ${tr(L, "Ngày", "Date")}: ${p.date ? showDate(p.date, L) : "—"} · ${tr(L, "Cơ quan ban hành", "Issuer")}: ${p.issuer.name[L]}`,
  );
  ctx.print(`${tr(L, "Thời gian", "Period")}: ${p.period.start ? showDate(p.period.start, L) : "…"} → ${showDate(p.period.end, L)}`);
  for (const b of p.basis)
    ctx.print(
      `${b.relation === "implements" ? tr(L, "Thực hiện", "Implements") : tr(L, "Căn cứ", "Cites")}: ${b.number}${b.date ? ` (${showDate(b.date, L)})` : ""} — ${b.issuer[L]}`,
    );
  ctx.print(`\n${tr(L, "I. Mục đích", "I. Purposes")}`);
  for (const x of p.purposes) ctx.print(`  ${x.code}. ${x.text[L]}`);
  ctx.print(`\n${tr(L, "II. Nhiệm vụ, giải pháp", "II. Tasks and solutions")}`);
  ctx.print(
    renderTable(
      [
        tr(L, "Mục", "Code"),
        tr(L, "Nhiệm vụ", "Task"),
        tr(L, "Chủ trì", "Lead"),
        tr(L, "Tiêu chí, chỉ tiêu", "Criteria, indicators"),
        tr(L, "Mục tiêu", "Targets"),
      ],
      p.tasks.map((t) => [
        t.code,
        t.title[L],
        who(t.lead) +
          (t.assigneeBasis === "inferred"
            ? tr(L, " (suy ra)", " (inferred)")
            : t.assigneeBasis === "unassigned"
              ? tr(L, "(chưa giao)", "(unassigned)")
              : ""),
        [...t.links.criteria.map((c) => `TC ${c}`), ...t.links.indicators].join(", "),
        t.links.targets.map((x) => planTargetText(x, L)).join("; "),
      ]),
      [6, 60, 50, 40, 60],
    ),
  );
  ctx.print(`\n${tr(L, "III. Tổ chức thực hiện", "III. Organisation of implementation")}`);
  for (const a of p.assignments) ctx.print(`  ${a.code}. ${who(a.assigneeIds)}: ${a.text[L]}`);
  ctx.print(`\n${tr(L, "Chế độ báo cáo", "Reporting duties")}`);
  for (const d of p.reportingDuties) {
    const cadence = typeof d.cadence === "string" ? d.cadence : `${tr(L, "ngày cố định", "fixed date")} ${d.cadence.fixedDate}`;
    const flag = d.defaults.length
      ? tr(
          L,
          ` ⚠ cấu hình mặc định (${d.defaults.join(", ")}), không phải nội dung kế hoạch`,
          ` ⚠ default configuration (${d.defaults.join(", ")}), not the plan's text`,
        )
      : "";
    ctx.print(`  ${d.id}: ${d.title[L]} — ${who(d.assigneeIds)} → ${name.get(d.to) ?? d.to} · ${cadence}${flag}`);
  }
}

const STATE: Record<string, { vi: string; en: string }> = {
  submitted: { vi: "Đã nộp", en: "Submitted" },
  late: { vi: "Nộp muộn", en: "Late" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
  pending: { vi: "Chưa đến hạn", en: "Pending" },
};

function findPlan(id: string): Plan {
  const p = PLANS[id];
  if (!p)
    throw new CliError("not_found", [
      { where: "--plan", message: `không có kế hoạch "${id}" / unknown plan; known: ${Object.keys(PLANS).join(", ")}` },
    ]);
  return p;
}

function loadSubmissions(file: string | undefined) {
  if (!file) return [];
  const data = readJson(file);
  if (!Array.isArray(data))
    throw new CliError("invalid_input", [
      { file, where: "$", message: "cần một mảng các báo cáo đã nộp / expected an array of submissions" },
    ]);
  const problems: Problem[] = [];
  const out = data.flatMap((item, i) => {
    const r = ReportSubmissionSchema.safeParse(item);
    if (r.success) return [r.data];
    problems.push(...zodIssues(r.error, [i]).map((x) => ({ file, where: formatPath(x.path), message: x.message, code: x.code })));
    return [];
  });
  if (problems.length) throw new CliError("invalid_input", problems);
  return out;
}

interface DueOptions {
  plan: string;
  asOf: string;
  period?: string;
  submissions?: string;
  calendar?: string;
  remote?: boolean;
  unit?: string;
  status?: string;
}

/**
 * `ntm plan due`: the reports owed under the plan for a period (default: the year of `--as-of`),
 * each submitted, late, overdue or pending as of the date.
 * @example
 * planDue(ctx, { plan: DISTRICT_PLAN_63.id, asOf: "01/08/2025" });
 */
export function planDue(ctx: Ctx, opts: DueOptions): void {
  const p = findPlan(opts.plan);
  const asOf = parseDateOption(opts.asOf, "--as-of");
  const periodText = opts.period ?? asOf.slice(0, 4);
  const period = parsePeriod(periodText);
  if (!period.ok)
    throw new CliError("invalid_input", [
      { where: "--period", message: `"${periodText}": ${period.issues[0]?.message ?? "not a period"}` },
    ]);
  const calendar = loadCalendar(opts.calendar);
  const due = planDueReports(p, period.value, calendar);
  const status = reportStatus(due, loadSubmissions(opts.submissions), asOf, calendar);
  if (ctx.json) return ctx.printJson(status);
  const L = ctx.lang;
  ctx.print(`${p.title[L]}`);
  ctx.print(
    `${tr(L, "Báo cáo kỳ", "Reports for")} ${periodText} · ${tr(L, "tính đến", "as of")} ${showDate(asOf, L)} · ${Object.entries(
      status.counts,
    )
      .map(([k, n]) => `${STATE[k]?.[L] ?? k}: ${n}`)
      .join(", ")}`,
  );
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
      status.items.map((i) => [
        showDate(i.deadline, L),
        i.period,
        i.assigneeName?.[L] ?? i.assigneeId,
        i.title[L],
        STATE[i.status]?.[L] ?? i.status,
        i.status === "late" || i.status === "overdue"
          ? `${i.workingDaysLate} ${tr(L, "ngày làm việc", "working days")}`
          : i.submittedOn
            ? showDate(i.submittedOn, L)
            : "",
      ]),
      [10, 8, 50, 60, 14, 24],
    ),
  );
  if (due.some((d) => d.defaults.length))
    ctx.print(
      tr(
        L,
        "⚠ Một số kỳ hạn, thời hạn là cấu hình mặc định của phần mềm, không phải nội dung kế hoạch.",
        "⚠ Some cadences and deadlines are the tool's default configuration, not the plan's text.",
      ),
    );
  for (const u of status.unmatched) ctx.print(`ⓘ ${opts.submissions}: $[${u.index}]: ${formatReason(u.reason, L)}`);
}

/**
 * Registers `ntm plan show` and `ntm plan due`.
 * @example
 * registerPlan(new Command("ntm"), run);
 */
export function registerPlan(program: Command, run: Run): Command {
  const plan = program.command("plan").description("Kế hoạch, nhiệm vụ, chế độ báo cáo / the plan, its tasks and reporting duties");
  plan
    .command("show")
    .description("Xem kế hoạch / show the plan")
    .option("--plan <id>", "mã kế hoạch / plan id", DISTRICT_PLAN_63.id)
    .action(
      run((ctx: Ctx, opts: { plan: string }) => {
        const p = findPlan(opts.plan);
        if (ctx.json) return ctx.printJson(p);
        renderPlan(ctx, p);
      }),
    );
  plan
    .command("due")
    .description("Báo cáo phải nộp và tình trạng / reports due and their status")
    .requiredOption("--as-of <date>", "tính đến ngày dd/mm/yyyy / as of this date")
    .option("--period <period>", "kỳ: 2025, 2025S1, 2025Q3, 2025-05 (mặc định: năm của --as-of) / period (default: the year of --as-of)")
    .option(
      "--submissions <file>",
      "tệp JSON các báo cáo đã nộp [{dutyId, assigneeId, period, submittedOn}] / JSON file of submitted reports",
    )
    .option("--calendar <file>", "tệp JSON ngày nghỉ, làm bù được công bố / announced days off and make-up days")
    .option("--plan <id>", "mã kế hoạch / plan id", DISTRICT_PLAN_63.id)
    .option(
      "--remote",
      "hỏi máy chủ: mọi kế hoạch trong phạm vi, theo báo cáo đã nộp trên máy chủ / ask the server: every plan in your scope, from the submissions it holds",
    )
    .option("--unit <id>", "máy chủ: cây đơn vị (kèm --remote) / server: unit subtree (implies --remote)")
    .option("--status <status>", "máy chủ: submitted | late | overdue | pending")
    .action(
      run(async (ctx: Ctx, opts: DueOptions) => {
        if (opts.remote || opts.unit || opts.status) {
          if (opts.submissions || opts.calendar)
            throw new CliError("invalid_input", [
              {
                where: opts.submissions ? "--submissions" : "--calendar",
                message:
                  "chỉ dùng khi tính tại máy (không có --remote) / only offline (without --remote): the server uses its own submissions and calendar",
              },
            ]);
          const { planDueRemote } = await import("./records.js");
          return planDueRemote(ctx, {
            asOf: opts.asOf,
            ...(opts.period ? { period: opts.period } : {}),
            ...(opts.unit ? { unit: opts.unit } : {}),
            ...(opts.status ? { status: opts.status } : {}),
          });
        }
        return planDue(ctx, opts);
      }),
    );
  return plan;
}
