import { formatPeriod, periodBounds, type Period } from "../../period/index.js";
import type { IsoDate, LocalizedText } from "../../schemas/common.js";
import { toDay } from "../../calendar/_lib/dayNumber.js";
import { defaultWorkCalendar } from "../../calendar/createWorkCalendar/index.js";
import type { WorkCalendar } from "../../calendar/types.js";
import { deadlineOf, periodsOfYear } from "../_lib/deadline.js";
import type { Plan, PlanAssignee, ReportingDuty } from "../schemas.js";

/** One report one assignee owes for one period. */
export interface DueReport {
  /** `dutyId/assigneeId/period`, unique within a list. */
  key: string;
  dutyId: string;
  title: LocalizedText;
  assigneeId: string;
  assigneeName?: LocalizedText;
  /** Whom the report goes to (an assignee id). */
  to: string;
  /** The period covered, as a period string (`2025`, `2025S1`, `2025Q3`, `2025-05`). */
  period: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  deadline: IsoDate;
  /** Parts of the schedule that are default configuration, not the plan's text. */
  defaults: ReportingDuty["defaults"];
}

/** A date range, both ends included. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** Options of {@link dueReports}. */
export interface DueReportsOptions {
  /** Pick reports whose period ends in the range (default) or whose deadline falls in it. */
  select?: "period_end" | "deadline";
  /** Assignees, to carry their names on each report. */
  assignees?: readonly PlanAssignee[];
}

const isPeriod = (r: Period | DateRange): r is Period => "kind" in r;

/**
 * Lists the reports due under `duties` for a period or a date range, one per duty, assignee and
 * reporting period, with the deadline from the duty's rule and the working calendar. Periods outside
 * a duty's `activeFrom`/`activeUntil` are left out. Sorted by deadline, then duty (in the order given),
 * then period; assignees keep their order in the duty.
 * @example
 * dueReports(DISTRICT_PLAN_63.reportingDuties, { kind: "year", year: 2025 }, createWorkCalendar())
 *   .filter((r) => r.assigneeId === "ubnd-huyen").map((r) => [r.period, r.deadline])
 * // [["2025S1", "2025-07-15"], ["2025", "2026-01-15"]]
 */
export function dueReports(
  duties: readonly ReportingDuty[],
  range: Period | DateRange,
  calendar: WorkCalendar = defaultWorkCalendar(),
  options: DueReportsOptions = {},
): DueReport[] {
  const { from, to } = isPeriod(range) ? (({ start, end }) => ({ from: start, to: end }))(periodBounds(range)) : range;
  toDay(from, "range.from");
  toDay(to, "range.to");
  const names = new Map((options.assignees ?? []).map((a) => [a.id, a.name]));
  const select = options.select ?? "period_end";
  // A deadline can fall up to a year after its period ends (366 calendar days at most).
  const firstYear = Number(from.slice(0, 4)) - (select === "deadline" ? 2 : 0);
  const lastYear = Number(to.slice(0, 4));
  const out: DueReport[] = [];
  for (const duty of duties) {
    for (let year = firstYear; year <= lastYear; year++) {
      for (const p of periodsOfYear(duty.cadence, year, duty.only)) {
        if (duty.activeFrom && p.end < duty.activeFrom) continue;
        if (duty.activeUntil && p.start > duty.activeUntil) continue;
        const deadline = p.fixedDeadline ?? (duty.deadline ? deadlineOf(p.end, duty.deadline, calendar) : p.end);
        const pick = select === "deadline" ? deadline : p.end;
        if (pick < from || pick > to) continue;
        const period = formatPeriod(p.period);
        for (const assigneeId of duty.assigneeIds) {
          const name = names.get(assigneeId);
          out.push({
            key: `${duty.id}/${assigneeId}/${period}`,
            dutyId: duty.id,
            title: duty.title,
            assigneeId,
            ...(name ? { assigneeName: name } : {}),
            to: duty.to,
            period,
            periodStart: p.start,
            periodEnd: p.end,
            deadline,
            defaults: duty.defaults,
          });
        }
      }
    }
  }
  const order = new Map(duties.map((d, i) => [d.id, i]));
  return out.sort(
    (a, b) =>
      a.deadline.localeCompare(b.deadline) || (order.get(a.dutyId) ?? 0) - (order.get(b.dutyId) ?? 0) || a.period.localeCompare(b.period),
  );
}

/**
 * The reports due under a plan's own duties, with assignee names.
 * @example
 * planDueReports(DISTRICT_PLAN_63, { kind: "half", year: 2025, half: 1 }).length // 5 (III.1's four bodies and UBND huyện)
 */
export function planDueReports(
  plan: Plan,
  range: Period | DateRange,
  calendar: WorkCalendar = defaultWorkCalendar(),
  options: Omit<DueReportsOptions, "assignees"> = {},
): DueReport[] {
  return dueReports(plan.reportingDuties, range, calendar, { ...options, assignees: plan.assignees });
}
