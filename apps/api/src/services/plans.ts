/**
 * Plans' reporting as stored: report submissions and the state of every report due under a plan
 * (core's planDueReports + reportStatus on the Vietnamese working-day calendar).
 */
import {
  type Plan,
  type ReportStatusItem,
  type ReportSubmission,
  defaultWorkCalendar,
  parsePeriod,
  planDueReports,
  reportStatus,
} from "@ntm/core";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/index.js";
import { reportSubmissions } from "../db/schema.js";
import { unwrap } from "../http/common.js";
import { loadPlan, planOf } from "./planStore.js";
import { parseStored } from "./stored.js";

/** A stored report submission's data. */
export const SubmissionDataSchema = z.object({
  dutyId: z.string(),
  assigneeId: z.string(),
  period: z.string(),
  submittedOn: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  note: z.string().optional(),
});
export type SubmissionData = z.infer<typeof SubmissionDataSchema>;

/**
 * A stored submission row's data parsed with its schema.
 * @example
 * submissionOf(row).submittedOn // "2025-07-03"
 */
export function submissionOf(row: { id: string; data: unknown }): SubmissionData {
  return parseStored(SubmissionDataSchema, row.data, { table: "report_submissions", id: row.id, column: "data" });
}

/**
 * Submissions of a plan as core's ReportSubmission list.
 * @example
 * const subs = await loadSubmissions(db, "plan-63-d-01");
 */
export async function loadSubmissions(db: Db, planId: string): Promise<{ id: string; data: SubmissionData }[]> {
  const rows = await db
    .select()
    .from(reportSubmissions)
    .where(eq(reportSubmissions.taskId, planId))
    .orderBy(asc(reportSubmissions.createdAt), asc(reportSubmissions.id));
  return rows.map((r) => ({ id: r.id, data: submissionOf(r) }));
}

/**
 * The state of every report due under a plan for a period, on a date (core: planDueReports + reportStatus).
 * @example
 * const due = await planReportStatus(db, "plan-63-d-01", "2025S1", "2025-08-01"); due.counts.overdue
 */
export async function planReportStatus(
  db: Db,
  planId: string,
  period: string,
  asOf: string,
): Promise<{ plan: Plan; items: ReportStatusItem[]; counts: Record<"submitted" | "late" | "overdue" | "pending", number> }> {
  const p = unwrap(parsePeriod(period), `Kỳ báo cáo không hợp lệ / invalid period "${period}"`, ["query", "period"]);
  const { row, taskRows } = await loadPlan(db, planId);
  const plan = planOf(row, taskRows);
  const calendar = defaultWorkCalendar();
  const due = planDueReports(plan, p, calendar);
  const subs: ReportSubmission[] = (await loadSubmissions(db, planId)).map(({ data }) => ({
    dutyId: data.dutyId,
    assigneeId: data.assigneeId,
    period: data.period,
    submittedOn: data.submittedOn,
  }));
  const r = reportStatus(due, subs, asOf, calendar);
  return { plan, items: r.items, counts: r.counts };
}
