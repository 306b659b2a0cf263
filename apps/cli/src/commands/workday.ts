import type { Command } from "commander";
import { addWorkingDays, describeDay } from "@ntm/core";
import type { Ctx } from "../lib/context.js";
import { loadCalendar, parseDateOption, parseIntOption, showDate } from "../lib/dates.js";
import { tr } from "../lib/i18n.js";
import type { Run } from "../lib/run.js";

/**
 * Registers `ntm workday add`.
 * @example
 * registerWorkday(new Command("ntm"), run);
 */
export function registerWorkday(program: Command, run: Run): void {
  const wd = program.command("workday").description("Ngày làm việc theo lịch Việt Nam / working days in the Vietnamese calendar");
  wd.command("add")
    .description("Cộng (trừ) n ngày làm việc / add (or subtract) n working days")
    .requiredOption("--from <date>", "ngày bắt đầu dd/mm/yyyy hoặc yyyy-mm-dd (không tính) / start date (not counted)")
    .requiredOption("--days <n>", "số ngày làm việc (âm để lùi) / working days (negative goes back)")
    .option("--calendar <file>", "tệp JSON ngày nghỉ, làm bù được công bố / JSON file of announced days off and make-up days")
    .action(
      run((ctx: Ctx, opts: { from: string; days: string; calendar?: string }) => {
        const from = parseDateOption(opts.from, "--from");
        const days = parseIntOption(opts.days, "--days");
        const cal = loadCalendar(opts.calendar);
        const date = addWorkingDays(from, days, cal);
        // The days off passed over, so an officer can see why the deadline moved.
        const skipped = [];
        const [lo, hi] = from <= date ? [from, date] : [date, from];
        for (let d = new Date(`${lo}T00:00:00Z`); d.toISOString().slice(0, 10) <= hi; d.setUTCDate(d.getUTCDate() + 1)) {
          const iso = d.toISOString().slice(0, 10);
          if (iso === from) continue;
          const info = describeDay(iso, cal);
          if (!info.working)
            skipped.push({
              date: iso,
              kind: info.kind,
              ...(info.holiday ? { name: info.holiday.name } : {}),
              ...(info.entry?.note ? { name: info.entry.note } : {}),
            });
        }
        if (ctx.json) return ctx.printJson({ from, days, date, daysOff: skipped });
        const L = ctx.lang;
        ctx.print(
          `${showDate(from, L)} ${days >= 0 ? "+" : "−"} ${Math.abs(days)} ${tr(L, "ngày làm việc", "working days")} = ${showDate(date, L)}`,
        );
        const holidays = skipped.filter((s) => s.kind !== "weekend");
        if (holidays.length)
          ctx.print(
            `${tr(L, "Ngày nghỉ lễ, Tết bỏ qua", "Holidays passed over")}: ${holidays.map((s) => `${showDate(s.date, L)}${s.name ? ` (${s.name[L]})` : ""}`).join(", ")}`,
          );
        const weekends = skipped.length - holidays.length;
        if (weekends) ctx.print(`${tr(L, "Ngày nghỉ cuối tuần bỏ qua", "Weekend days passed over")}: ${weekends}`);
      }),
    );
}
