// The plan area: plans, tasks, assignees, the shipped district plan and reporting duties.
export {
  AssigneeKindSchema, PlanAssigneeSchema, DocumentRefSchema, PlanTargetSchema, ReportCadenceSchema, DeadlineRuleSchema,
  ReportingDutySchema, PlanTaskSchema, ImplementationAssignmentSchema, PlanSchema,
  type AssigneeKind, type PlanAssignee, type DocumentRef, type PlanTarget, type ReportCadence, type DeadlineRule,
  type ReportingDuty, type ReportingDutyInput, type PlanTask, type ImplementationAssignment, type Plan, type PlanInput,
} from "./schemas.js";
export { validatePlan, type ValidatePlanOptions } from "./validatePlan/index.js";
export { DISTRICT_PLAN_63, DEFAULT_PLAN_REPORTING_SCHEDULE, districtPlan63Duties, type ReportingSchedule } from "./districtPlan63/index.js";
export { dueReports, planDueReports, type DueReport, type DateRange, type DueReportsOptions } from "./dueReports/index.js";
export { reportStatus, ReportSubmissionSchema, type ReportSubmission, type ReportState, type ReportStatusItem, type ReportStatusResult } from "./reportStatus/index.js";
