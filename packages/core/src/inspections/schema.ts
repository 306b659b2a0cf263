import { z } from "zod";
import { CalendarDateSchema } from "../ocop/_lib/calendarDate.js";

/**
 * Kiểm tra (inspection) or giám sát (supervision).
 * @example
 * InspectionKindSchema.parse("supervision") // "supervision"
 */
export const InspectionKindSchema = z.enum(["inspection", "supervision"]);
export type InspectionKind = z.infer<typeof InspectionKindSchema>;

/**
 * Follow-up status of a recommendation (kiến nghị): open, in progress or done.
 * @example
 * RecommendationStatusSchema.options // ["open", "in_progress", "done"]
 */
export const RecommendationStatusSchema = z.enum(["open", "in_progress", "done"]);
export type RecommendationStatus = z.infer<typeof RecommendationStatusSchema>;

/**
 * Who was inspected or supervised: an administrative unit or an organisation (a Party cell, an office…).
 * @example
 * InspectionSubjectSchema.parse({ kind: "organisation", id: "cb-t1", name: "Chi bộ thôn 1" })
 */
export const InspectionSubjectSchema = z.object({
  kind: z.enum(["unit", "organisation"]),
  id: z.string().min(1),
  name: z.string().min(1),
});
export type InspectionSubject = z.infer<typeof InspectionSubjectSchema>;

/**
 * A recommendation with the party responsible for it, a due date and its follow-up.
 * @example
 * RecommendationSchema.parse({ id: "k1", text: "Hoàn thiện hồ sơ", responsible: "UBND xã", dueDate: "2025-06-30", status: "open" })
 */
export const RecommendationSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  responsible: z.string().min(1),
  dueDate: CalendarDateSchema,
  status: RecommendationStatusSchema,
  /** Day the recommendation was carried out; only for `done`. */
  doneOn: CalendarDateSchema.optional(),
  /** The finding (kết luận) it follows up: its index in the record's `findings`. */
  finding: z.number().int().min(0).optional(),
  /** Việc khắc phục: what the responsible party did (or is doing) about it. */
  remedy: z.string().min(1).optional(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/**
 * One inspection or supervision record of the NTM plan (plan III.5: the district Party Inspection
 * Committee, Ủy ban Kiểm tra, inspects and supervises the plan's implementation).
 * @example
 * InspectionRecordSchema.safeParse(row).success // shape only; use validateInspectionRecord for the rules
 */
export const InspectionRecordSchema = z.object({
  id: z.string().min(1),
  subject: InspectionSubjectSchema,
  date: CalendarDateSchema,
  kind: InspectionKindSchema,
  /** Who conducted it (e.g. "Ủy ban Kiểm tra Huyện ủy"). */
  conductedBy: z.string().min(1).optional(),
  findings: z.array(z.string().min(1)),
  recommendations: z.array(RecommendationSchema),
});
export type InspectionRecord = z.infer<typeof InspectionRecordSchema>;
