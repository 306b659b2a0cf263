import type { Command } from "commander";
import { DISTRICT_PLAN_63, type Plan } from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { CliError } from "../lib/exit.js";
import { showDate } from "../lib/dates.js";
import { tr } from "../lib/i18n.js";
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
  ctx.print(`${tr(L, "Số", "No.")}: ${p.number ?? "—"} · ${tr(L, "Ngày", "Date")}: ${p.date ? showDate(p.date, L) : "—"} · ${tr(L, "Cơ quan ban hành", "Issuer")}: ${p.issuer.name[L]}`);
  ctx.print(`${tr(L, "Thời gian", "Period")}: ${p.period.start ? showDate(p.period.start, L) : "…"} → ${showDate(p.period.end, L)}`);
  for (const b of p.basis) ctx.print(`${b.relation === "implements" ? tr(L, "Thực hiện", "Implements") : tr(L, "Căn cứ", "Cites")}: ${b.number}${b.date ? ` (${showDate(b.date, L)})` : ""} — ${b.issuer[L]}`);
  ctx.print(`\n${tr(L, "I. Mục đích", "I. Purposes")}`);
  for (const x of p.purposes) ctx.print(`  ${x.code}. ${x.text[L]}`);
  ctx.print(`\n${tr(L, "II. Nhiệm vụ, giải pháp", "II. Tasks and solutions")}`);
  ctx.print(renderTable(
    [tr(L, "Mục", "Code"), tr(L, "Nhiệm vụ", "Task"), tr(L, "Chủ trì", "Lead"), tr(L, "Tiêu chí, chỉ tiêu", "Criteria, indicators"), tr(L, "Mục tiêu", "Targets")],
    p.tasks.map((t) => [t.code, t.title[L], who(t.lead) + (t.assigneeBasis === "inferred" ? tr(L, " (suy ra)", " (inferred)") : t.assigneeBasis === "unassigned" ? tr(L, "(chưa giao)", "(unassigned)") : ""), [...t.links.criteria.map((c) => `TC ${c}`), ...t.links.indicators].join(", "), t.links.targets.join(", ")]),
    [6, 60, 50, 40, 60],
  ));
  ctx.print(`\n${tr(L, "III. Tổ chức thực hiện", "III. Organisation of implementation")}`);
  for (const a of p.assignments) ctx.print(`  ${a.code}. ${who(a.assigneeIds)}: ${a.text[L]}`);
  ctx.print(`\n${tr(L, "Chế độ báo cáo", "Reporting duties")}`);
  for (const d of p.reportingDuties) {
    const cadence = typeof d.cadence === "string" ? d.cadence : `${tr(L, "ngày cố định", "fixed date")} ${d.cadence.fixedDate}`;
    const flag = d.defaults.length ? tr(L, ` ⚠ cấu hình mặc định (${d.defaults.join(", ")}), không phải nội dung kế hoạch`, ` ⚠ default configuration (${d.defaults.join(", ")}), not the plan's text`) : "";
    ctx.print(`  ${d.id}: ${d.title[L]} — ${who(d.assigneeIds)} → ${name.get(d.to) ?? d.to} · ${cadence}${flag}`);
  }
}

/** Registers `ntm plan show` (and `plan due` once core exposes the reporting-duty computation). */
export function registerPlan(program: Command, run: Run): Command {
  const plan = program.command("plan").description("Kế hoạch, nhiệm vụ, chế độ báo cáo / the plan, its tasks and reporting duties");
  plan.command("show")
    .description("Xem kế hoạch / show the plan")
    .option("--plan <id>", "mã kế hoạch / plan id", DISTRICT_PLAN_63.id)
    .action(
      run((ctx: Ctx, opts: { plan: string }) => {
        const p = PLANS[opts.plan];
        if (!p) throw new CliError("not_found", [{ where: "--plan", message: `unknown plan "${opts.plan}"; known: ${Object.keys(PLANS).join(", ")}` }]);
        if (ctx.json) return ctx.printJson(p);
        renderPlan(ctx, p);
      }),
    );
  return plan;
}
