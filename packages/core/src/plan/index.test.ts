import { describe, expect, it } from "vitest";
import * as core from "../index.js";
import { formatReason, MESSAGES } from "../i18n/formatReason.js";

describe("plan and calendar public API", () => {
  it("is exported from @ntm/core by name", () => {
    const names = [
      "AssigneeKindSchema",
      "PlanAssigneeSchema",
      "DocumentRefSchema",
      "PlanTargetSchema",
      "ReportCadenceSchema",
      "DeadlineRuleSchema",
      "ReportingDutySchema",
      "PlanTaskSchema",
      "ImplementationAssignmentSchema",
      "PlanSchema",
      "validatePlan",
      "DISTRICT_PLAN_63",
      "DEFAULT_PLAN_REPORTING_SCHEDULE",
      "districtPlan63Duties",
      "dueReports",
      "planDueReports",
      "reportStatus",
      "ReportSubmissionSchema",
      "SectionCodeSchema",
      "PlanMilestoneSchema",
      "PlanSignerSchema",
      "planFromTemplate",
      "PLAN_TEMPLATES",
      "diffPlans",
      "applyPlanPatch",
      "PlanPatchSchema",
      "checkProposal",
      "resolveProposal",
      "ProposalInputSchema",
      "ProposalDecisionSchema",
      "PlanProposalSchema",
      "planToSheets",
      "planFromSheets",
      "VIETNAM_TIME_ZONE",
      "LunarDateSchema",
      "HolidayKindSchema",
      "HolidayOptionsSchema",
      "CalendarEntrySchema",
      "WorkCalendarConfigSchema",
      "solarToLunar",
      "lunarToSolar",
      "holidaysOfYear",
      "createWorkCalendar",
      "parseWorkCalendarConfig",
      "defaultWorkCalendar",
      "isWorkingDay",
      "describeDay",
      "addWorkingDays",
      "workingDaysBetween",
    ];
    expect(names.filter((n) => !(n in core))).toEqual([]);
  });

  it("has Vietnamese and English wording for every reason and issue code of the plan and calendar areas", () => {
    const codes = [
      "report.submitted",
      "report.late",
      "report.overdue",
      "report.pending",
      "report.submission_after_as_of",
      "report.default_schedule",
      "report.default_duty",
      "report.submission_unmatched",
      "plan.duplicate_id",
      "plan.unknown_assignee",
      "plan.unknown_duty",
      "plan.duty_deadline_missing",
      "plan.only_out_of_range",
      "plan.support_not_steering_member",
      "plan.period_reversed",
      "plan.unknown_criterion",
      "plan.unknown_indicator",
      "plan.implements_without_parent",
      "plan.unknown_parent_task",
      "plan.unknown_parent_assignee",
      "plan.unknown_template",
      "plan.period_end_required",
      "plan.sheet_missing",
      "plan.column_missing",
      "plan.cell_unreadable",
      "proposal.already_decided",
      "proposal.reason_required",
      "proposal.stale",
      "lunar.invalid",
      "lunar.no_such_leap_month",
      "lunar.no_such_day",
      "calendar.invalid_date",
      "calendar.conflicting_entry",
    ];
    expect(codes.filter((c) => !MESSAGES[c])).toEqual([]);
    const params = {
      id: "x",
      day: 30,
      month: 12,
      year: 2024,
      leap: false,
      date: "2025-05-02",
      start: "2025-02-01",
      end: "2025-01-01",
      kind: "other",
      duty: "d",
      first: 0,
    };
    expect(formatReason({ code: "lunar.no_such_day", path: ["day"], params }, "vi")).toBe("Tháng 12 năm âm lịch 2024 không có ngày 30");
    expect(formatReason({ code: "calendar.conflicting_entry", path: [], params }, "vi")).toBe(
      "Ngày 02/05/2025 vừa là ngày nghỉ thêm vừa là ngày làm bù",
    );
    expect(formatReason({ code: "plan.period_reversed", path: ["period"], params }, "en")).toBe(
      "The period starts 2025-02-01 after it ends 2025-01-01",
    );
  });
});
