import { describe, expect, it } from "vitest";
import { createWorkCalendar } from "../../calendar/createWorkCalendar/index.js";
import { formatReason } from "../../i18n/formatReason.js";
import { DISTRICT_PLAN_63 } from "../districtPlan63/index.js";
import { dueReports, planDueReports } from "../dueReports/index.js";
import { ReportingDutySchema } from "../schemas.js";
import { reportStatus, type ReportSubmission } from "./index.js";

const cal = createWorkCalendar();
const due = planDueReports(DISTRICT_PLAN_63, { kind: "half", year: 2025, half: 1 }, cal);
const sub = (assigneeId: string, submittedOn: string, dutyId = "III.1-half-year"): ReportSubmission => ({
  dutyId,
  assigneeId,
  period: "2025S1",
  submittedOn,
});

describe("reportStatus", () => {
  const submissions = [
    sub("cap-uy-to-chuc-dang", "2025-07-10"),
    sub("ubnd-huyen", "2025-07-17", "III.2-half-year"),
    sub("ubmttq-huyen", "2025-07-30"),
    sub("to-chuc-ctxh-huyen", "2025-07-15"),
    sub("to-chuc-ctxh-huyen", "2025-07-20"),
    sub("ubnd-huyen", "2025-07-12", "III.9"),
  ];
  const r = reportStatus(due, submissions, "2025-07-25", cal);

  it("classifies each half-year report of the district plan on 25/07/2025 (deadline 15/07/2025)", () => {
    expect(r.items.map((i) => [i.assigneeId, i.status, i.submittedOn, i.workingDaysLate, i.calendarDaysLate])).toEqual([
      ["cap-uy-to-chuc-dang", "submitted", "2025-07-10", 0, 0],
      ["chinh-quyen-cac-cap", "overdue", null, 8, 10],
      ["ubmttq-huyen", "overdue", null, 8, 10],
      ["to-chuc-ctxh-huyen", "submitted", "2025-07-15", 0, 0],
      ["ubnd-huyen", "late", "2025-07-17", 2, 2],
    ]);
    expect(r.counts).toEqual({ submitted: 2, late: 1, overdue: 2, pending: 0 });
  });

  it("gives reasons: the state, a submission after asOf, and the default schedule", () => {
    expect(r.items[2]!.reasons.map((x) => [x.code, x.path])).toEqual([
      ["report.overdue", ["dueReports", 2]],
      ["report.submission_after_as_of", ["dueReports", 2]],
      ["report.default_schedule", ["dueReports", 2]],
    ]);
    expect(r.items[4]!.reasons[0]).toEqual({
      code: "report.late",
      path: ["dueReports", 4],
      params: {
        duty: "III.2-half-year",
        title: {
          vi: "Báo cáo kết quả thực hiện Kế hoạch của Ban Thường vụ Huyện ủy (sơ kết 6 tháng)",
          en: "Report on implementing the Standing Board's plan (half-year review)",
        },
        assignee: "ubnd-huyen",
        assigneeName: { vi: "Ủy ban nhân dân huyện", en: "District People's Committee" },
        period: "2025S1",
        deadline: "2025-07-15",
        submittedOn: "2025-07-17",
        workingDaysLate: 2,
        calendarDaysLate: 2,
      },
    });
  });

  it("renders the reasons in Vietnamese and English", () => {
    const late = r.items[4]!.reasons[0]!;
    expect(formatReason(late, "vi")).toBe(
      "Báo cáo kết quả thực hiện Kế hoạch của Ban Thường vụ Huyện ủy (sơ kết 6 tháng) – Ủy ban nhân dân huyện, 6 tháng đầu năm 2025: nộp muộn ngày 17/07/2025, chậm 2 ngày làm việc (2 ngày) so với hạn 15/07/2025",
    );
    expect(formatReason(late, "en")).toBe(
      "Report on implementing the Standing Board's plan (half-year review) – District People's Committee, First half of 2025: submitted late on 2025-07-17, 2 working days (2 days) after the deadline 2025-07-15",
    );
    expect(formatReason(r.items[1]!.reasons[1]!, "vi")).toBe(
      "Kỳ báo cáo và thời hạn của «Báo cáo kết quả thực hiện Kế hoạch (sơ kết 6 tháng)» là cấu hình mặc định của phần mềm, không phải quy định của văn bản",
    );
  });

  it("lists a submission that matches no due report", () => {
    expect(r.unmatched).toEqual([
      {
        index: 5,
        submission: sub("ubnd-huyen", "2025-07-12", "III.9"),
        reason: {
          code: "report.submission_unmatched",
          path: ["submissions", 5],
          params: { duty: "III.9", assignee: "ubnd-huyen", period: "2025S1", submittedOn: "2025-07-12" },
        },
      },
    ]);
    expect(formatReason(r.unmatched[0]!.reason, "vi")).toBe(
      "Báo cáo nộp ngày 12/07/2025 (nhiệm vụ III.9, đơn vị ubnd-huyen, kỳ 6 tháng đầu năm 2025) không khớp báo cáo nào phải nộp",
    );
  });

  it("says pending with the working days left before the deadline", () => {
    const p = reportStatus(due, [], "2025-07-01", cal);
    expect(p.counts).toEqual({ submitted: 0, late: 0, overdue: 0, pending: 5 });
    expect(p.items[0]!.reasons[0]!.params.workingDaysLeft).toBe(10);
    expect(formatReason(p.items[0]!.reasons[0]!, "vi")).toBe(
      "Báo cáo kết quả thực hiện Kế hoạch (sơ kết 6 tháng) – Các cấp ủy, tổ chức Đảng, 6 tháng đầu năm 2025: chưa đến hạn (hạn 15/07/2025, còn 10 ngày làm việc)",
    );
  });

  it("counts lateness over Tết in working days: deadline Friday 24/01/2025, submitted 04/02/2025", () => {
    const d = ReportingDutySchema.parse({
      id: "t",
      title: { vi: "Báo cáo", en: "Report" },
      assigneeIds: ["xa-a"],
      to: "ubnd-huyen",
      cadence: { fixedDate: "01-24" },
      basis: { ref: null, stated: true },
    });
    const [item] = reportStatus(
      dueReports([d], { kind: "year", year: 2025 }, cal),
      [{ dutyId: "t", assigneeId: "xa-a", period: "2025", submittedOn: "2025-02-04" }],
      "2025-03-01",
      cal,
    ).items;
    expect([item!.status, item!.deadline, item!.workingDaysLate, item!.calendarDaysLate, item!.reasons.map((x) => x.code)]).toEqual([
      "late",
      "2025-01-24",
      2,
      11,
      ["report.late"],
    ]);
  });

  it("marks the duties the text does not state as default duties", () => {
    const year = planDueReports(DISTRICT_PLAN_63, { kind: "year", year: 2025 }, cal).filter((x) => x.dutyId === "III.5-year");
    expect(reportStatus(year, [], "2025-12-01", cal).items[0]!.reasons.map((x) => [x.code, formatReason(x, "en")])).toEqual([
      [
        "report.pending",
        "Report on inspecting and supervising the plan (year report) – District Party Inspection Committee, Year 2025: not yet due (deadline 2026-01-15, 32 working days left)",
      ],
      [
        "report.default_duty",
        "Reporting duty “Report on inspecting and supervising the plan (year report)” is the software's default configuration; the plan's text does not assign it",
      ],
    ]);
  });
});
