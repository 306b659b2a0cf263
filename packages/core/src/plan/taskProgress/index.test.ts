import { describe, expect, it } from "vitest";
import { TaskProgressSchema, taskDeadlineStatus } from "./index.js";

describe("taskDeadlineStatus", () => {
  it("moves a deadline on a Saturday to Monday and counts working days past it", () => {
    expect(taskDeadlineStatus({ status: "in_progress", deadline: "2025-09-06" }, "2025-09-10")).toEqual({
      dueDate: "2025-09-08",
      overdue: true,
      workingDaysLeft: -2,
    });
  });

  it("skips Tết: a deadline on 29/01/2025 is due on 04/02/2025 (Tết and its substitute day are off), not overdue on 31/01", () => {
    expect(taskDeadlineStatus({ status: "not_started", deadline: "2025-01-29" }, "2025-01-31")).toEqual({
      dueDate: "2025-02-04",
      overdue: false,
      workingDaysLeft: 1,
    });
  });

  it("never marks a done task overdue, and gives null without a deadline", () => {
    expect([
      taskDeadlineStatus({ status: "done", deadline: "2025-03-03" }, "2025-12-01")?.overdue,
      taskDeadlineStatus({ status: "in_progress" }, "2025-12-01"),
    ]).toEqual([false, null]);
  });
});

describe("TaskProgressSchema", () => {
  it("accepts a full progress report and refuses a done task below 100%", () => {
    const ok = TaskProgressSchema.safeParse({
      status: "in_progress",
      result: "Đã làm 3 km đường",
      period: "2025S1",
      percentDone: 60,
      evidence: "Biên bản nghiệm thu số 12/BB",
      deadline: "2025-12-31",
    });
    const bad = TaskProgressSchema.safeParse({ status: "done", result: "Xong", period: "2025", percentDone: 80 });
    expect([ok.success, bad.success, bad.error?.issues[0]?.path]).toEqual([true, false, ["percentDone"]]);
  });
});
