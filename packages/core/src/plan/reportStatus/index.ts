import { z } from "zod";
import { PeriodStringSchema } from "../../period/index.js";
import { IsoDateSchema, type IsoDate, type Reason } from "../../schemas/common.js";
import { toDay } from "../../calendar/_lib/dayNumber.js";
import { defaultWorkCalendar } from "../../calendar/createWorkCalendar/index.js";
import type { WorkCalendar } from "../../calendar/types.js";
import { workingDaysBetween } from "../../calendar/workingDaysBetween/index.js";
import type { DueReport } from "../dueReports/index.js";

/** A report handed in: which duty, by whom, for which period, on which day. */
export const ReportSubmissionSchema = z.object({
  dutyId: z.string().min(1),
  assigneeId: z.string().min(1),
  period: PeriodStringSchema,
  submittedOn: IsoDateSchema,
});
export type ReportSubmission = z.infer<typeof ReportSubmissionSchema>;

/** Where a due report stands on `asOf`. */
export type ReportState = "submitted" | "late" | "overdue" | "pending";

/** A due report with its state, dates and the reasons for them. */
export interface ReportStatusItem extends DueReport {
  status: ReportState;
  submittedOn: IsoDate | null;
  /** Working days after the deadline (submission day for `late`, `asOf` for `overdue`); 0 otherwise. */
  workingDaysLate: number;
  /** Calendar days after the deadline, same basis; 0 otherwise. */
  calendarDaysLate: number;
  reasons: Reason[];
}

/** All due reports classified, with counts and the submissions that match no due report. */
export interface ReportStatusResult {
  asOf: IsoDate;
  items: ReportStatusItem[];
  counts: Record<ReportState, number>;
  unmatched: { index: number; submission: ReportSubmission; reason: Reason }[];
}

/**
 * Classifies each due report on `asOf`: `submitted` (on or before its deadline), `late` (after it),
 * `overdue` (not submitted and `asOf` is past the deadline) or `pending` (not submitted, not yet
 * due). Counts lateness in working days of `calendar`. A submission dated after `asOf` is not yet
 * known on `asOf` and is ignored (with a reason); the earliest of several submissions counts.
 * Every item carries reasons `{code, path, params}`; render them with `formatReason`.
 * @example
 * const due = dueReports(DISTRICT_PLAN_63.reportingDuties, { kind: "half", year: 2025, half: 1 });
 * reportStatus(due, [{ dutyId: "III.2-half-year", assigneeId: "ubnd-huyen", period: "2025S1", submittedOn: "2025-07-17" }], "2025-08-01")
 *   .items.find((i) => i.assigneeId === "ubnd-huyen")
 * // { status: "late", workingDaysLate: 2, calendarDaysLate: 2, deadline: "2025-07-15", ... }
 */
export function reportStatus(
  due: readonly DueReport[],
  submissions: readonly ReportSubmission[],
  asOf: IsoDate,
  calendar: WorkCalendar = defaultWorkCalendar(),
): ReportStatusResult {
  const asOfDay = toDay(asOf, "asOf");
  const keyOf = (s: { dutyId: string; assigneeId: string; period: string }) => `${s.dutyId}/${s.assigneeId}/${s.period}`;
  const dueKeys = new Set(due.map((d) => d.key));
  const byKey = new Map<string, ReportSubmission[]>();
  const unmatched: ReportStatusResult["unmatched"] = [];
  submissions.forEach((s, index) => {
    toDay(s.submittedOn, `submissions[${index}].submittedOn`);
    const key = keyOf(s);
    if (!dueKeys.has(key)) {
      unmatched.push({
        index,
        submission: s,
        reason: {
          code: "report.submission_unmatched",
          path: ["submissions", index],
          params: { duty: s.dutyId, assignee: s.assigneeId, period: s.period, submittedOn: s.submittedOn },
        },
      });
      return;
    }
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  });

  const counts: Record<ReportState, number> = { submitted: 0, late: 0, overdue: 0, pending: 0 };
  const items = due.map((d, i): ReportStatusItem => {
    const path = ["dueReports", i];
    const base = {
      duty: d.dutyId,
      title: d.title,
      assignee: d.assigneeId,
      assigneeName: d.assigneeName ?? null,
      period: d.period,
      deadline: d.deadline,
    };
    const reasons: Reason[] = [];
    const all = (byKey.get(d.key) ?? []).map((s) => s.submittedOn).sort();
    const known = all.filter((s) => toDay(s) <= asOfDay);
    const future = all.filter((s) => toDay(s) > asOfDay);
    const submittedOn = known[0] ?? null;
    let status: ReportState;
    let workingDaysLate = 0;
    let calendarDaysLate = 0;
    if (submittedOn !== null) {
      if (submittedOn <= d.deadline) {
        status = "submitted";
        reasons.push({ code: "report.submitted", path, params: { ...base, submittedOn } });
      } else {
        status = "late";
        workingDaysLate = workingDaysBetween(d.deadline, submittedOn, calendar);
        calendarDaysLate = toDay(submittedOn) - toDay(d.deadline);
        reasons.push({ code: "report.late", path, params: { ...base, submittedOn, workingDaysLate, calendarDaysLate } });
      }
    } else if (asOf > d.deadline) {
      status = "overdue";
      workingDaysLate = workingDaysBetween(d.deadline, asOf, calendar);
      calendarDaysLate = asOfDay - toDay(d.deadline);
      reasons.push({ code: "report.overdue", path, params: { ...base, asOf, workingDaysLate, calendarDaysLate } });
    } else {
      status = "pending";
      reasons.push({
        code: "report.pending",
        path,
        params: { ...base, asOf, workingDaysLeft: workingDaysBetween(asOf, d.deadline, calendar) },
      });
    }
    if (future.length > 0) reasons.push({ code: "report.submission_after_as_of", path, params: { ...base, asOf, submittedOn: future[0] } });
    const scheduleDefaults = d.defaults.filter((x) => x !== "duty");
    if (d.defaults.includes("duty")) reasons.push({ code: "report.default_duty", path, params: { duty: d.dutyId, dutyTitle: d.title } });
    else if (scheduleDefaults.length > 0)
      reasons.push({ code: "report.default_schedule", path, params: { duty: d.dutyId, dutyTitle: d.title, defaults: scheduleDefaults } });
    counts[status]++;
    return { ...d, status, submittedOn, workingDaysLate, calendarDaysLate, reasons };
  });
  return { asOf, items, counts, unmatched };
}
