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
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/index.js";
import { reportSubmissions } from "../db/schema.js";
import { writeAudit } from "../audit.js";
import type { Principal } from "../auth/policy.js";
import { unwrap, vnDate } from "../http/common.js";
import { ApiError } from "../http/problem.js";
import { type PlanRow, type TaskRow, loadPlan, planOf } from "./planStore.js";
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

/**
 * Records a report submission under a plan: the date (today by default, never in the future), the
 * duty, assignee and period must name a report core's `planDueReports` says is due; one submission
 * per due report (409). Audited.
 * @example
 * const saved = await submitReport(db, user, loaded, { dutyId: "bc-6t", assigneeId: "c-01-01", period: "2025S1" }, now);
 */
export async function submitReport(
  db: Db,
  user: Principal,
  loaded: { row: PlanRow; taskRows: readonly TaskRow[] },
  body: { dutyId: string; assigneeId: string; period: string; submittedOn?: string | undefined; note?: string | undefined },
  now: Date,
): Promise<{ id: string; planId: string } & SubmissionData> {
  const { row, taskRows } = loaded;
  const id = row.id;
  const today = vnDate(now);
  const submittedOn = body.submittedOn ?? today;
  if (submittedOn > today)
    throw new ApiError("invalid_input", `Ngày nộp ${submittedOn} ở tương lai / submission date is in the future`, [
      { path: "$.submittedOn", message: `after today (${today})` },
    ]);
  const plan = planOf(row, taskRows);
  const period = unwrap(parsePeriod(body.period), "Kỳ báo cáo không hợp lệ / invalid period", ["period"]);
  const due = planDueReports(plan, period, defaultWorkCalendar());
  const key = `${body.dutyId}/${body.assigneeId}/${body.period}`;
  if (!plan.reportingDuties.some((d) => d.id === body.dutyId))
    throw new ApiError("invalid_input", `Kế hoạch không có nhiệm vụ báo cáo "${body.dutyId}" / no such reporting duty`, [
      { path: "$.dutyId", message: `unknown duty; one of ${plan.reportingDuties.map((d) => d.id).join(", ")}` },
    ]);
  if (!due.some((d) => d.key === key))
    throw new ApiError("invalid_input", `Không có báo cáo phải nộp ${key} / no report is due for this duty, assignee and period`, [
      { path: "$.assigneeId", message: `no due report ${key}` },
    ]);
  return db.transaction(async (tx) => {
    const existing = (
      await tx
        .select()
        .from(reportSubmissions)
        .where(and(eq(reportSubmissions.taskId, id), eq(reportSubmissions.period, body.period)))
    ).find((r) => {
      const d = submissionOf(r);
      return d.dutyId === body.dutyId && d.assigneeId === body.assigneeId;
    });
    if (existing) throw new ApiError("conflict", `Báo cáo ${key} đã nộp ngày ${submissionOf(existing).submittedOn} / already submitted`);
    const data: SubmissionData = {
      dutyId: body.dutyId,
      assigneeId: body.assigneeId,
      period: body.period,
      submittedOn,
      submittedBy: user.username,
      submittedAt: now.toISOString(),
      ...(body.note ? { note: body.note } : {}),
    };
    const sid = randomUUID();
    await tx
      .insert(reportSubmissions)
      .values({ id: sid, unitId: row.unitId, taskId: id, period: body.period, data, updatedBy: user.username });
    await writeAudit(tx, user, {
      action: "report.submit",
      entityType: "report_submission",
      entityId: sid,
      unitId: row.unitId,
      before: null,
      after: { planId: id, ...data },
    });
    return { id: sid, planId: id, ...data };
  });
}
