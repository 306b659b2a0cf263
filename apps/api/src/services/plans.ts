/**
 * Plans' reporting as stored: report submissions and the state of every report due under a plan
 * (core's planDueReports + reportStatus on the Vietnamese working-day calendar).
 */
import {
  type Plan,
  type PlanAssignee,
  type ReportStatusItem,
  type ReportSubmission,
  defaultWorkCalendar,
  parsePeriod,
  planDueReports,
  reportStatus,
  canReadPlan,
  parseTaskProgress,
  reassignCommunes,
  validatePlan,
} from "@ntm/core";
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/index.js";
import { plans, reportSubmissions, tasks } from "../db/schema.js";
import { type Tx, writeAudit } from "../audit.js";
import { type Principal, can } from "../auth/policy.js";
import { unwrap, vnDate } from "../http/common.js";
import { ApiError, issuesToFields } from "../http/problem.js";
import { type PlanRow, type TaskData, type TaskRow, loadPlan, planOf, planTitleOf, taskDataOf, updatePlan } from "./planStore.js";
import type { UnitTree } from "../units.js";
import { parseStored } from "./stored.js";
import { checkedMember, memberOf, planFromRegister, steeringRows, updateMember } from "./steering.js";

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

/** A plan's line in the list: its title, period, task count and version. */
export interface PlanSummary {
  id: string;
  unitId: string;
  parentPlanId: string | null;
  title: Plan["title"];
  period: PlanRow["period"];
  tasks: number;
  version: number;
}

/**
 * The plans a reader sees, by id: those of `ids` when `unitId` was asked for, and always only those
 * core's canReadPlan allows (without ?unitId also the plans above the reader's scope that they
 * implement), optionally only the implementing plans of `parentPlanId`.
 */
export async function listPlanSummaries(
  db: Db,
  reader: { user: Principal; tree: UnitTree; ids: ReadonlySet<string> },
  q: { unitId?: string | undefined; parentPlanId?: string | undefined },
): Promise<PlanSummary[]> {
  const rows = await db.select().from(plans).orderBy(asc(plans.id));
  const taskCounts = new Map<string, number>();
  for (const t of await db.select({ planId: tasks.planId }).from(tasks)) taskCounts.set(t.planId, (taskCounts.get(t.planId) ?? 0) + 1);
  return rows
    .filter(
      (r) =>
        (q.unitId ? reader.ids.has(r.unitId) : true) &&
        canReadPlan(reader.user, r.unitId, reader.tree) &&
        (!q.parentPlanId || r.parentPlanId === q.parentPlanId),
    )
    .map((r) => ({
      id: r.id,
      unitId: r.unitId,
      parentPlanId: r.parentPlanId,
      title: planTitleOf(r),
      period: r.period,
      tasks: taskCounts.get(r.id) ?? 0,
      version: r.version,
    }));
}

/** The task of a plan with this code, or a 404 naming it. */
export function taskByCode(taskRows: readonly TaskRow[], code: string): TaskRow {
  const taskRow = taskRows.find((t) => taskDataOf(t).task.code === code);
  if (!taskRow) throw new ApiError("not_found", `Kế hoạch không có nhiệm vụ ${code} / no task ${code}`);
  return taskRow;
}

/**
 * Records a task's progress (core's parseTaskProgress is the rule: e.g. a done task is 100% done),
 * versioned (412 on a concurrent change) and audited.
 */
export async function recordTaskProgress(
  db: Db,
  user: Principal,
  row: PlanRow,
  taskRow: TaskRow,
  body: unknown,
  at: Date,
): Promise<TaskRow> {
  const progress = unwrap(parseTaskProgress(body), "Tiến độ không hợp lệ / invalid progress");
  return db.transaction((tx) => writeTaskProgress(tx, user, row, taskRow, progress, at));
}

/**
 * Writes a task's progress within a transaction, as the progress route does: the task's version must
 * be the one read (412 otherwise), audited as `task.progress` (`extra` added to the entry's after).
 */
export async function writeTaskProgress(
  tx: Tx,
  user: Principal,
  row: PlanRow,
  taskRow: TaskRow,
  progress: TaskData["progress"],
  at: Date,
  extra: Record<string, unknown> = {},
): Promise<TaskRow> {
  const before = taskDataOf(taskRow);
  const data: TaskData = { ...before, progress };
  const out = (
    await tx
      .update(tasks)
      .set({ data, version: taskRow.version + 1, updatedAt: at, updatedBy: user.username })
      .where(and(eq(tasks.id, taskRow.id), eq(tasks.version, taskRow.version)))
      .returning()
  )[0];
  if (!out) throw new ApiError("precondition_failed", "Nhiệm vụ vừa bị thay đổi / task changed concurrently");
  await writeAudit(tx, user, {
    action: "task.progress",
    entityType: "task",
    entityId: taskRow.id,
    unitId: row.unitId,
    before: { progress: before.progress, version: taskRow.version },
    after: { progress, version: out.version, ...extra },
  });
  return out;
}

/** Report counts by status. */
export type DueCounts = { submitted: number; late: number; overdue: number; pending: number };

/**
 * The reports due in `period` under every plan of the units in `ids` that `user` may read, each plan's
 * items and counts, and the counts summed over them.
 */
export async function dueAcrossPlans(
  db: Db,
  reader: { user: Principal; tree: UnitTree; ids: ReadonlySet<string> },
  period: string,
  asOf: string,
): Promise<{ counts: DueCounts; plans: { row: PlanRow; counts: DueCounts; items: ReportStatusItem[] }[] }> {
  const rows = (await db.select().from(plans).orderBy(asc(plans.id))).filter(
    (r) => reader.ids.has(r.unitId) && can(reader.user, "read", r.unitId, reader.tree),
  );
  const counts: DueCounts = { submitted: 0, late: 0, overdue: 0, pending: 0 };
  const out = [];
  for (const row of rows) {
    const r = await planReportStatus(db, row.id, period, asOf);
    for (const k of Object.keys(counts) as (keyof DueCounts)[]) counts[k] += r.counts[k];
    out.push({ row, counts: r.counts, items: r.items });
  }
  return { counts, plans: out };
}

/**
 * Replaces a plan's steering members (who support which communes), written into the register
 * (steering_members), the one record: each listed member (a register id) then supports exactly the
 * listed communes of the plan's unit and an unlisted member none of them (core `reassignCommunes`);
 * a member's communes elsewhere are kept. Names come from the register. 422 naming
 * `$.members[i].id` (not in the register) or `$.members[i].supportsUnitIds[j]` (outside the plan's
 * unit); 403 when a changed member's committee is outside the writer's `plan.write`. In one
 * transaction: every changed member saved and audited as its own edit (`steering_member.update`),
 * and the plan saved as a new version without members of its own (audited `plan.steering_members`),
 * so the plan's If-Match guards the list. Returns the plan's members as read back from the register.
 */
export async function setSteeringMembers(
  db: Db,
  user: Principal,
  tree: UnitTree,
  loaded: { row: PlanRow; taskRows: TaskRow[] },
  input: readonly { id: string; supportsUnitIds: string[] }[],
  at: Date,
): Promise<{ saved: PlanRow; members: PlanAssignee[] }> {
  const { row, taskRows } = loaded;
  const area = tree
    .subtree(row.unitId)
    .filter((u) => u.level === "commune")
    .map((u) => u.id);
  const rows = await steeringRows(db);
  const reassigned = reassignCommunes(rows.map(memberOf), input, area);
  if (!reassigned.ok)
    throw new ApiError(
      "invalid_input",
      "Phân công không hợp lệ: thành viên phải có trong danh sách Ban Chỉ đạo, xã phải thuộc địa bàn kế hoạch / members must be in the steering committee register and communes in the plan's unit",
      reassigned.issues.map((i) => {
        const [n, field, j] = i.path;
        return {
          path: `$.members[${n}].${String(field)}${j === undefined ? "" : `[${j}]`}`,
          message:
            i.code === "steering.member_unknown"
              ? `"${String(i.params?.id)}" không có trong danh sách Ban Chỉ đạo (thêm ở trang Ban Chỉ đạo) / not in the steering committee register`
              : `"${String(i.params?.unitId)}" không phải xã thuộc ${row.unitId} / not a commune of the plan's unit`,
        };
      }),
    );
  const changed = reassigned.value.map((m) => checkedMember(tree, m));
  const refused = changed.filter((m) => !can(user, "plan.write", m.unitId, tree));
  if (refused.length)
    throw new ApiError(
      "forbidden",
      `Không được sửa thành viên Ban Chỉ đạo của đơn vị khác / may not change members of another unit's committee: ${refused.map((m) => m.id).join(", ")}`,
    );
  const plan = planOf(row, taskRows);
  // The plan keeps no members of its own: the register is read back in their place.
  const next: Plan = { ...plan, assignees: plan.assignees.filter((a) => !(a.kind === "steering_member" && a.supportsUnitIds)) };
  const checked = validatePlan(next);
  if (!checked.ok)
    throw new ApiError(
      "invalid_input",
      "Kế hoạch không hợp lệ sau khi phân công / the plan would be invalid",
      issuesToFields(checked.issues),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const saved = await db.transaction(async (tx) => {
    for (const m of changed) await updateMember(tx, user, byId.get(m.id)!, m, at);
    return (await updatePlan(tx, { row, taskRows }, checked.value, { user, by: user.username, at, action: "plan.steering_members" })).row;
  });
  const read = await planFromRegister(db, tree, checked.value, row.unitId, vnDate(at));
  return { saved, members: read.assignees.filter((a) => a.kind === "steering_member" && a.supportsUnitIds) };
}
