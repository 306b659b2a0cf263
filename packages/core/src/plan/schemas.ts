import { z } from "zod";
import { IsoDateSchema, LocalizedTextSchema } from "../schemas/common.js";

/** What kind of body an assignee is. */
export const AssigneeKindSchema = z.enum([
  "party_standing_board", // Ban Thường vụ (Huyện ủy / Đảng ủy)
  "peoples_committee", // Ủy ban nhân dân (UBND)
  "propaganda_board", // Ban Tuyên giáo
  "fatherland_front", // Ủy ban Mặt trận Tổ quốc Việt Nam
  "socio_political_org", // tổ chức chính trị - xã hội (Women's Union, Farmers' Union, Youth Union, Veterans…)
  "inspection_committee", // Ủy ban Kiểm tra
  "steering_committee", // Ban Chỉ đạo
  "steering_member", // thành viên Ban Chỉ đạo
  "commune_party_committee", // Đảng ủy xã
  "commune_government", // chính quyền xã (UBND xã)
  "other",
]);
export type AssigneeKind = z.infer<typeof AssigneeKindSchema>;

/** A body or person a plan gives work to. */
export const PlanAssigneeSchema = z.object({
  id: z.string().min(1),
  kind: AssigneeKindSchema,
  name: LocalizedTextSchema,
  /** The administrative unit the assignee belongs to, when it is one body of one unit. */
  unitId: z.string().min(1).optional(),
  /** For a steering member: the communes (unit ids) the member is assigned to support. */
  supportsUnitIds: z.array(z.string().min(1)).optional(),
});
export type PlanAssignee = z.infer<typeof PlanAssigneeSchema>;

/** A document a plan implements or cites (Chỉ thị, Nghị quyết, Quyết định…). */
export const DocumentRefSchema = z.object({
  kind: z.enum(["directive", "resolution", "decision", "plan", "other"]),
  number: z.string().min(1),
  /** Null when the plan's text does not give the date. */
  date: IsoDateSchema.nullable(),
  issuer: LocalizedTextSchema,
  title: LocalizedTextSchema.optional(),
  relation: z.enum(["implements", "cites"]),
});
export type DocumentRef = z.infer<typeof DocumentRefSchema>;

/** Programme targets a task drives (beyond criteria and indicators). */
export const PlanTargetSchema = z.enum([
  "propaganda", // tuyên truyền, quán triệt
  "inspection_supervision", // kiểm tra, giám sát, đôn đốc
  "annual_evaluation", // NTM results as a criterion of annual evaluation and classification
  "criteria_maintenance", // duy trì, giữ vững, nâng cao chất lượng tiêu chí
  "planning", // quy hoạch vùng huyện, quy hoạch chung, quy hoạch chi tiết xã
  "programme_integration", // lồng ghép các chương trình mục tiêu quốc gia khác
  "housing_elimination", // xóa nhà tạm, nhà dột nát
  "steering_member_support", // thành viên Ban Chỉ đạo phụ trách địa phương
  "recognition", // thẩm tra, thẩm định, xét công nhận
  "commendation", // biểu dương, khen thưởng
  "criticism", // phê bình, xử lý
  "resource_mobilisation", // huy động nguồn lực
  "agri_supply_chain", // hệ thống cung ứng, kết nối nông sản
  "ocop_per_commune", // mỗi xã có nhiều sản phẩm OCOP
  "vocational_training", // đào tạo nghề cho lao động nông thôn
  "cooperatives", // kinh tế tập thể, hợp tác xã
  "security_order", // quốc phòng - an ninh, trật tự an toàn xã hội
  "supervision", // giám sát, phản biện xã hội
]);
export type PlanTarget = z.infer<typeof PlanTargetSchema>;

/** How often a report is due. A fixed date `MM-DD` recurs every year; `yyyy-mm-dd` is a one-off. */
export const ReportCadenceSchema = z.union([
  z.enum(["monthly", "quarterly", "half-yearly", "yearly"]),
  z.object({ fixedDate: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, "expected MM-DD or yyyy-mm-dd") }),
]);
export type ReportCadence = z.infer<typeof ReportCadenceSchema>;

/** When a periodic report is due, counted from the end of the period it covers. */
/** `days: 0` means the period's last day itself. */
export const DeadlineRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("working_days_after_period_end"), days: z.number().int().min(0).max(250) }),
  z.object({ kind: z.literal("calendar_days_after_period_end"), days: z.number().int().min(0).max(366) }),
  z.object({
    kind: z.literal("day_of_following_month"),
    /** Day of the month after the period; clamped to the month's last day. */
    day: z.number().int().min(1).max(31),
    /** Move a deadline that falls on a day off to the next working day (default true). */
    rollToWorkingDay: z.boolean().default(true),
  }),
]);
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

/**
 * A reporting duty: who reports (each assignee files its own report), to whom, how often, and by when.
 * `defaults` lists the parts that are the software's default configuration rather than the plan's
 * text, so screens can say so.
 */
export const ReportingDutySchema = z.object({
  id: z.string().min(1),
  title: LocalizedTextSchema,
  assigneeIds: z.array(z.string().min(1)).min(1),
  to: z.string().min(1),
  cadence: ReportCadenceSchema,
  /** Only these sub-periods of each year (months 1–12, quarters 1–4, halves 1–2); all when absent. */
  only: z.array(z.number().int().min(1).max(12)).optional(),
  /** Required unless the cadence is a fixed date (the date is the deadline). */
  deadline: DeadlineRuleSchema.optional(),
  /** The assignment of the plan this duty comes from (e.g. "III.1"), if any. */
  basis: z.object({
    ref: z.string().min(1).nullable(),
    /** True when the plan's text itself states the duty to report. */
    stated: z.boolean(),
    note: LocalizedTextSchema.optional(),
  }),
  defaults: z.array(z.enum(["cadence", "deadline", "duty"])).default([]),
  activeFrom: IsoDateSchema.optional(),
  activeUntil: IsoDateSchema.optional(),
});
export type ReportingDuty = z.infer<typeof ReportingDutySchema>;
export type ReportingDutyInput = z.input<typeof ReportingDutySchema>;

/** A section code as printed ("II.5", "III.1"). */
export const SectionCodeSchema = z.string().regex(/^[IVXLC]+(\.\d+)+$/, "expected a section code such as II.5");

/**
 * A target of a task with its deadline (chỉ tiêu, mốc thời hạn): what is to be reached, by when, and
 * optionally the criterion or indicator it measures. A null deadline means the text gives none.
 */
export const PlanMilestoneSchema = z.object({
  text: LocalizedTextSchema,
  deadline: IsoDateSchema.nullable(),
  /** A criterion ("12") or indicator ("13.1") id of the plan's criteria pack, when the target measures one. */
  measure: z
    .string()
    .regex(/^\d+(\.\d+)?$/, "expected a criterion or indicator id such as 12 or 13.1")
    .optional(),
});
export type PlanMilestone = z.infer<typeof PlanMilestoneSchema>;

/** A task (nhiệm vụ, giải pháp) of a plan: a trackable workstream. */
export const PlanTaskSchema = z.object({
  /** Section code as printed, e.g. "II.5". */
  code: SectionCodeSchema,
  title: LocalizedTextSchema,
  /** The task's content in Vietnamese (faithful summary of the plan's text). */
  body: z.string().min(1),
  lead: z.array(z.string().min(1)),
  coordinating: z.array(z.string().min(1)),
  /**
   * Where `lead`/`coordinating` come from: the task's own text names them (`stated`); they are read
   * from the task's subject and section III of the plan (`inferred`); or no one is named (`unassigned`).
   */
  assigneeBasis: z.enum(["stated", "inferred", "unassigned"]),
  deliverables: z.array(LocalizedTextSchema),
  links: z.object({
    /** The criteria pack the ids refer to, e.g. "vn.commune-ntm.2021-2025". */
    packId: z.string().min(1).optional(),
    criteria: z.array(z.string().regex(/^\d+$/, "expected a criterion id such as 17")),
    indicators: z.array(z.string().regex(/^\d+(\.(\d+|x))?$/, "expected an indicator id such as 13.1 or 17.x")),
    targets: z.array(PlanTargetSchema),
  }),
  /** Reporting cadence specific to the task; null when the task reports through the plan's duties. */
  reportingCadence: ReportCadenceSchema.nullable(),
  /** Targets with deadlines (chỉ tiêu và thời hạn); absent when none are set. */
  milestones: z.array(PlanMilestoneSchema).optional(),
  /**
   * In an implementing plan (kế hoạch cụ thể hóa, III.1): the parent plan's task codes this task
   * carries out. Checked against the parent by `validatePlan(plan, { parent })`.
   */
  implements: z.array(SectionCodeSchema).optional(),
});
export type PlanTask = z.infer<typeof PlanTaskSchema>;

/** An assignment of section III (tổ chức thực hiện). */
export const ImplementationAssignmentSchema = z.object({
  code: z.string().regex(/^[IVXLC]+(\.\d+)+$/, "expected a section code such as III.2"),
  assigneeIds: z.array(z.string().min(1)).min(1),
  /** The assignment in Vietnamese and English (faithful summary). */
  text: LocalizedTextSchema,
  /** Reporting duties that apply to this assignment. */
  dutyIds: z.array(z.string().min(1)),
});
export type ImplementationAssignment = z.infer<typeof ImplementationAssignmentSchema>;

/** The signer of a plan (T/M …, title, name). */
export const PlanSignerSchema = z.object({
  /** e.g. "T/M Ban Thường vụ" (on behalf of the Standing Board). */
  onBehalfOf: LocalizedTextSchema,
  title: LocalizedTextSchema,
  name: z.string().min(1),
});
export type PlanSigner = z.infer<typeof PlanSignerSchema>;

/**
 * A plan (kế hoạch) of a Party committee, government body or organisation. A draft may lack its
 * number, date, purposes and signer; an implementing plan (III.1 "cụ thể hóa") names its `parent`.
 */
export const PlanSchema = z.object({
  id: z.string().min(1),
  /** The plan's number ("Kế hoạch số …"); null when unknown. */
  number: z.string().min(1).nullable(),
  /** The plan's date; null when unknown. */
  date: IsoDateSchema.nullable(),
  title: LocalizedTextSchema,
  issuer: z.object({ assigneeId: z.string().min(1), name: LocalizedTextSchema }),
  basis: z.array(DocumentRefSchema),
  period: z.object({ start: IsoDateSchema.nullable(), end: IsoDateSchema }),
  purposes: z.array(z.object({ code: z.string().min(1), text: LocalizedTextSchema })),
  tasks: z.array(PlanTaskSchema),
  assignments: z.array(ImplementationAssignmentSchema),
  assignees: z.array(PlanAssigneeSchema),
  reportingDuties: z.array(ReportingDutySchema),
  /** Nơi nhận. */
  recipients: z.array(z.object({ name: LocalizedTextSchema, note: LocalizedTextSchema.optional() })),
  /** Null while the plan is a draft without a signer. */
  signer: PlanSignerSchema.nullable(),
  /** The template the plan was created from ("directive-63", "blank"), if any. */
  template: z.string().min(1).optional(),
  /**
   * For an implementing plan: the plan it carries out and, optionally, which of that plan's assignees
   * (a commune's government, a department, a mass organisation) writes it.
   */
  parent: z.object({ planId: z.string().min(1), organisationId: z.string().min(1).optional() }).optional(),
});
export type Plan = z.infer<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
