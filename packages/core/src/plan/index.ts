// The plan area: plans, tasks, assignees, the shipped district plan and reporting duties.
export {
  AssigneeKindSchema,
  PlanAssigneeSchema,
  DocumentRefSchema,
  PlanTargetSchema,
  ReportCadenceSchema,
  DeadlineRuleSchema,
  ReportingDutySchema,
  PlanTaskSchema,
  ImplementationAssignmentSchema,
  PlanSchema,
  SectionCodeSchema,
  PlanMilestoneSchema,
  PlanSignerSchema,
  type PlanMilestone,
  type PlanSigner,
  type AssigneeKind,
  type PlanAssignee,
  type DocumentRef,
  type PlanTarget,
  type ReportCadence,
  type DeadlineRule,
  type ReportingDuty,
  type ReportingDutyInput,
  type PlanTask,
  type ImplementationAssignment,
  type Plan,
  type PlanInput,
} from "./schemas.js";
export { validatePlan, type ValidatePlanOptions } from "./validatePlan/index.js";
export { DISTRICT_PLAN_63, DEFAULT_PLAN_REPORTING_SCHEDULE, districtPlan63Duties, type ReportingSchedule } from "./districtPlan63/index.js";
export { dueReports, planDueReports, type DueReport, type DateRange, type DueReportsOptions } from "./dueReports/index.js";
export {
  reportStatus,
  ReportSubmissionSchema,
  type ReportSubmission,
  type ReportState,
  type ReportStatusItem,
  type ReportStatusResult,
} from "./reportStatus/index.js";
export { planFromTemplate, PLAN_TEMPLATES, type PlanTemplateId, type PlanFromTemplateOptions } from "./planFromTemplate/index.js";
export { diffPlans, sameJson, type PlanChange } from "./diffPlans/index.js";
export { applyPlanPatch, PlanPatchSchema, type PlanPatch, type PlanPatchInput } from "./applyPlanPatch/index.js";
export {
  checkProposal,
  resolveProposal,
  ProposalInputSchema,
  ProposalDecisionSchema,
  PlanProposalSchema,
  type ProposalInput,
  type ProposalDecision,
  type PlanProposal,
  type ResolveProposalInput,
} from "./decideProposal/index.js";
export { planToSheets, planFromSheets, type PlanSheet } from "./planSheets/index.js";
export {
  TaskProgressSchema,
  TaskProgressStatusSchema,
  TASK_PROGRESS_STATUS_LABELS,
  taskDeadlineStatus,
  parseTaskProgress,
  type TaskProgress,
  type TaskProgressStatus,
  type TaskDeadlineStatus,
} from "./taskProgress/index.js";
