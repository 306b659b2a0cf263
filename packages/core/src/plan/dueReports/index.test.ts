import { describe, expect, it } from "vitest";
import { createWorkCalendar } from "../../calendar/createWorkCalendar/index.js";
import { DISTRICT_PLAN_63 } from "../districtPlan63/index.js";
import { ReportingDutySchema, type ReportingDutyInput } from "../schemas.js";
import { dueReports, planDueReports } from "./index.js";

const cal = createWorkCalendar();
const duty = (over: Partial<ReportingDutyInput>) =>
  ReportingDutySchema.parse({
    id: "d",
    title: { vi: "Báo cáo", en: "Report" },
    assigneeIds: ["ubnd-xa-a"],
    to: "ubnd-huyen",
    cadence: "quarterly",
    deadline: { kind: "working_days_after_period_end", days: 10 },
    basis: { ref: null, stated: true },
    ...over,
  });
const brief = (r: ReturnType<typeof dueReports>) => r.map((x) => [x.period, x.periodEnd, x.deadline]);

describe("dueReports", () => {
  it("puts quarterly reports 10 working days after each quarter, over Hùng Kings day and 1/1/2026", () => {
    expect(brief(dueReports([duty({})], { kind: "year", year: 2025 }, cal))).toEqual([
      ["2025Q1", "2025-03-31", "2025-04-15"],
      ["2025Q2", "2025-06-30", "2025-07-14"],
      ["2025Q3", "2025-09-30", "2025-10-14"],
      ["2025Q4", "2025-12-31", "2026-01-15"],
    ]);
  });

  it("moves a day-of-next-month deadline off 30/4 and 1/5 unless told not to, and clamps day 31 to February", () => {
    const monthly = (day: number, only: number[], rollToWorkingDay = true) =>
      duty({ cadence: "monthly", only, deadline: { kind: "day_of_following_month", day, rollToWorkingDay } });
    expect(brief(dueReports([monthly(30, [3])], { kind: "year", year: 2025 }, cal))).toEqual([["2025-03", "2025-03-31", "2025-05-02"]]);
    expect(brief(dueReports([monthly(30, [3], false)], { kind: "year", year: 2025 }, cal))).toEqual([
      ["2025-03", "2025-03-31", "2025-04-30"],
    ]);
    expect(brief(dueReports([monthly(31, [1])], { kind: "year", year: 2025 }, cal))).toEqual([["2025-01", "2025-01-31", "2025-02-28"]]);
    expect(brief(dueReports([monthly(5, [12])], { from: "2024-12-01", to: "2024-12-31" }, cal))).toEqual([
      ["2024-12", "2024-12-31", "2025-01-06"],
    ]);
  });

  it("handles calendar-day deadlines, yearly fixed dates and one-off dates", () => {
    expect(
      brief(
        dueReports(
          [duty({ cadence: "half-yearly", deadline: { kind: "calendar_days_after_period_end", days: 20 } })],
          { kind: "year", year: 2025 },
          cal,
        ),
      ),
    ).toEqual([
      ["2025S1", "2025-06-30", "2025-07-20"],
      ["2025S2", "2025-12-31", "2026-01-20"],
    ]);
    expect(brief(dueReports([duty({ cadence: { fixedDate: "12-15" } })], { from: "2024-01-01", to: "2025-12-31" }, cal))).toEqual([
      ["2024", "2024-12-15", "2024-12-15"],
      ["2025", "2025-12-15", "2025-12-15"],
    ]);
    expect(brief(dueReports([duty({ cadence: { fixedDate: "2025-06-20" } })], { from: "2024-01-01", to: "2026-12-31" }, cal))).toEqual([
      ["2025", "2025-06-20", "2025-06-20"],
    ]);
  });

  it("lists one report per assignee, respects activeUntil, and selects by deadline when asked", () => {
    const d = duty({ assigneeIds: ["xa-a", "xa-b"], activeUntil: "2025-06-30" });
    expect(dueReports([d], { kind: "year", year: 2025 }, cal).map((r) => r.key)).toEqual([
      "d/xa-a/2025Q1",
      "d/xa-b/2025Q1",
      "d/xa-a/2025Q2",
      "d/xa-b/2025Q2",
    ]);
    expect(dueReports([duty({})], { from: "2026-01-01", to: "2026-01-31" }, cal, { select: "deadline" }).map((r) => r.key)).toEqual([
      "d/ubnd-xa-a/2025Q4",
    ]);
  });

  it("rejects a malformed range naming it", () => {
    expect(() => dueReports([duty({})], { from: "2025-1-1", to: "2025-12-31" }, cal)).toThrow(
      'range.from: "2025-1-1" is not a date yyyy-mm-dd',
    );
  });
});

describe("planDueReports", () => {
  it("lists the district plan's 2025 reports under the default schedule, with assignee names", () => {
    expect(planDueReports(DISTRICT_PLAN_63, { kind: "year", year: 2025 }, cal).map((r) => [r.key, r.deadline, r.assigneeName?.vi])).toEqual(
      [
        ["III.1-half-year/cap-uy-to-chuc-dang/2025S1", "2025-07-15", "Các cấp ủy, tổ chức Đảng"],
        ["III.1-half-year/chinh-quyen-cac-cap/2025S1", "2025-07-15", "Chính quyền các cấp"],
        ["III.1-half-year/ubmttq-huyen/2025S1", "2025-07-15", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"],
        ["III.1-half-year/to-chuc-ctxh-huyen/2025S1", "2025-07-15", "Các tổ chức chính trị - xã hội huyện"],
        ["III.2-half-year/ubnd-huyen/2025S1", "2025-07-15", "Ủy ban nhân dân huyện"],
        ["III.1-year/cap-uy-to-chuc-dang/2025", "2026-01-15", "Các cấp ủy, tổ chức Đảng"],
        ["III.1-year/chinh-quyen-cac-cap/2025", "2026-01-15", "Chính quyền các cấp"],
        ["III.1-year/ubmttq-huyen/2025", "2026-01-15", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"],
        ["III.1-year/to-chuc-ctxh-huyen/2025", "2026-01-15", "Các tổ chức chính trị - xã hội huyện"],
        ["III.2-year/ubnd-huyen/2025", "2026-01-15", "Ủy ban nhân dân huyện"],
        ["III.3-year/ban-tuyen-giao-huyen-uy/2025", "2026-01-15", "Ban Tuyên giáo Huyện ủy"],
        ["III.5-year/ubkt-huyen-uy/2025", "2026-01-15", "Ủy ban Kiểm tra Huyện ủy"],
      ],
    );
  });

  it("has nothing due for 2026: the plan runs to the end of 2025", () => {
    expect(planDueReports(DISTRICT_PLAN_63, { kind: "year", year: 2026 }, cal)).toEqual([]);
  });
});
