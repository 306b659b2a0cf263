import { z } from "zod";
import { PeriodStringSchema } from "../../period/index.js";
import { IsoDateSchema, type IsoDate } from "../../schemas/common.js";
import { type Result, fail, ok, zodIssues } from "../../errors/index.js";
import { defaultWorkCalendar } from "../../calendar/createWorkCalendar/index.js";
import { isWorkingDay } from "../../calendar/isWorkingDay/index.js";
import { addWorkingDays } from "../../calendar/addWorkingDays/index.js";
import type { WorkCalendar } from "../../calendar/types.js";
import { workingDaysBetween } from "../../calendar/workingDaysBetween/index.js";

/** Where a task stands (tình trạng thực hiện nhiệm vụ). */
export const TaskProgressStatusSchema = z.enum(["done", "in_progress", "not_started", "overdue"]);
export type TaskProgressStatus = z.infer<typeof TaskProgressStatusSchema>;

/** Vietnamese and English labels of the task statuses. */
export const TASK_PROGRESS_STATUS_LABELS: Readonly<Record<TaskProgressStatus, { vi: string; en: string }>> = {
  done: { vi: "Đã hoàn thành", en: "Done" },
  in_progress: { vi: "Đang thực hiện", en: "In progress" },
  not_started: { vi: "Chưa thực hiện", en: "Not started" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
};

/**
 * What the assignee reports on a task (báo cáo tiến độ): status, result, the period reported, and
 * optionally the share done, the evidence (document numbers, links) and the task's deadline.
 */
export const TaskProgressSchema = z
  .object({
    status: TaskProgressStatusSchema,
    result: z.string().trim().min(1).max(4000),
    period: PeriodStringSchema,
    /** Share of the task done, whole percent 0–100. */
    percentDone: z.number().int().min(0).max(100).optional(),
    /** Evidence of the result (văn bản, biên bản, đường dẫn), free text. */
    evidence: z.string().trim().min(1).max(2000).optional(),
    /** The day the task is due (hạn hoàn thành); a day off moves it to the next working day. */
    deadline: IsoDateSchema.optional(),
  })
  .refine((p) => p.status !== "done" || p.percentDone === undefined || p.percentDone === 100, {
    message: "a done task is 100% done",
    path: ["percentDone"],
  });
export type TaskProgress = z.infer<typeof TaskProgressSchema>;

/**
 * Validates a progress report from outside (API body, CLI flags); issues carry JSON paths.
 * @example
 * parseTaskProgress({ status: "done", result: "Xong", period: "2025", percentDone: 80 }).ok // false ($.percentDone)
 */
export function parseTaskProgress(input: unknown): Result<TaskProgress> {
  const r = TaskProgressSchema.safeParse(input);
  return r.success ? ok(r.data) : fail("invalid_input", zodIssues(r.error));
}

/** A task's deadline on the working-day calendar as of a day. */
export interface TaskDeadlineStatus {
  /** The deadline, moved to the next working day when it falls on a day off. */
  dueDate: IsoDate;
  /** Not done and past its due date. */
  overdue: boolean;
  /** Working days from `asOf` to the due date: negative once past it. */
  workingDaysLeft: number;
}

/**
 * Where a task's deadline stands on `asOf` (Vietnamese working days: weekends, public holidays and
 * Tết are off); null when the progress states no deadline.
 * @example
 * taskDeadlineStatus({ status: "in_progress", deadline: "2025-09-06" }, "2025-09-10")
 * // { dueDate: "2025-09-08", overdue: true, workingDaysLeft: -2 } (6/9 is a Saturday)
 */
export function taskDeadlineStatus(
  progress: { status: TaskProgressStatus; deadline?: IsoDate | undefined },
  asOf: IsoDate,
  calendar: WorkCalendar = defaultWorkCalendar(),
): TaskDeadlineStatus | null {
  if (!progress.deadline) return null;
  const dueDate = isWorkingDay(progress.deadline, calendar) ? progress.deadline : addWorkingDays(progress.deadline, 1, calendar);
  const workingDaysLeft = workingDaysBetween(asOf, dueDate, calendar);
  return { dueDate, overdue: progress.status !== "done" && asOf > dueDate, workingDaysLeft };
}
