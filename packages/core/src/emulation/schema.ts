import { z } from "zod";
import { CalendarDateSchema } from "../ocop/_lib/calendarDate.js";

/**
 * Who an emulation record is about: an administrative unit, an organisation (a Party committee, the
 * commune People's Committee, a mass organisation, a department) or a person.
 * @example
 * EmulationSubjectSchema.parse({ kind: "person", id: "nv-a", name: "Nguyễn Văn A" })
 */
export const EmulationSubjectSchema = z.object({
  kind: z.enum(["unit", "organisation", "person"]),
  id: z.string().min(1),
  name: z.string().min(1),
});
export type EmulationSubject = z.infer<typeof EmulationSubjectSchema>;

/** A decision (quyết định): its number and date. */
export const DecisionSchema = z.object({ number: z.string().min(1), date: CalendarDateSchema });
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * Phong trào thi đua (emulation movement) or cuộc vận động (campaign), e.g. "Chung sức xây dựng nông
 * thôn mới" or "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh" (plan II.4).
 * @example
 * EmulationMovementSchema.shape.kind.options // ["movement", "campaign"]
 */
export const EmulationMovementSchema = z.object({
  id: z.string().min(1),
  /** The unit that launched it (scope of the record). */
  unitId: z.string().min(1),
  kind: z.enum(["movement", "campaign"]),
  name: z.string().min(1),
  period: z.object({ from: CalendarDateSchema, to: CalendarDateSchema.optional() }),
  participants: z.array(EmulationSubjectSchema),
  /** Đăng ký thi đua: what a participant pledged, by when. */
  pledges: z.array(z.object({ participantId: z.string().min(1), text: z.string().min(1), dueDate: CalendarDateSchema.optional() })),
});
export type EmulationMovement = z.infer<typeof EmulationMovementSchema>;

/**
 * Forms of commendation: Bằng khen, Giấy khen, Cờ thi đua, Danh hiệu thi đua, other (named in `formText`).
 * @example
 * CommendationFormSchema.parse("bang_khen")
 */
export const CommendationFormSchema = z.enum(["bang_khen", "giay_khen", "co_thi_dua", "danh_hieu", "other"]);
export type CommendationForm = z.infer<typeof CommendationFormSchema>;

/** The level of the body that gave a commendation or a discipline decision. */
export const DecisionLevelSchema = z.enum(["central", "province", "district", "commune", "organisation"]);
export type DecisionLevel = z.infer<typeof DecisionLevelSchema>;

/**
 * A commendation given (khen thưởng): form, level and issuer, decision, subject and achievement.
 * @example
 * CommendationSchema.safeParse(row).success // shape only; use validateCommendation for the rules
 */
export const CommendationSchema = z.object({
  id: z.string().min(1),
  unitId: z.string().min(1),
  form: CommendationFormSchema,
  formText: z.string().min(1).optional(),
  level: DecisionLevelSchema,
  /** Who gave it, e.g. "Chủ tịch UBND tỉnh". */
  issuer: z.string().min(1),
  decision: DecisionSchema,
  subject: EmulationSubjectSchema,
  achievement: z.string().min(1),
  /** The movement or campaign it was given in, when any. */
  movementId: z.string().min(1).optional(),
});
export type Commendation = z.infer<typeof CommendationSchema>;

/**
 * Forms of criticism and discipline: phê bình, khiển trách, cảnh cáo, cách chức, khai trừ, other.
 * @example
 * DisciplineFormSchema.parse("criticism")
 */
export const DisciplineFormSchema = z.enum(["criticism", "reprimand", "warning", "dismissal", "expulsion", "other"]);
export type DisciplineForm = z.infer<typeof DisciplineFormSchema>;

/**
 * Criticism or discipline (phê bình, kỷ luật): form, decision (a criticism at a meeting may have none),
 * subject, reason, and the inspection finding it follows from, when any.
 * @example
 * DisciplineSchema.safeParse(row).success // shape only; use validateDiscipline for the rules
 */
export const DisciplineSchema = z.object({
  id: z.string().min(1),
  unitId: z.string().min(1),
  form: DisciplineFormSchema,
  formText: z.string().min(1).optional(),
  level: DecisionLevelSchema,
  issuer: z.string().min(1),
  decision: z.object({ number: z.string().min(1).optional(), date: CalendarDateSchema }),
  subject: EmulationSubjectSchema,
  reason: z.string().min(1),
  /** The inspection record (and its finding, by position) this follows from. */
  finding: z.object({ inspectionId: z.string().min(1), findingIndex: z.number().int().min(0).optional() }).optional(),
});
export type Discipline = z.infer<typeof DisciplineSchema>;

/**
 * A public consultation on an NTM matter in a commune (II.5, quy chế dân chủ ở cơ sở): what, when,
 * how, how many took part, and the satisfaction count where a survey was held.
 * @example
 * ConsultationSchema.shape.form.options // ["meeting", "survey", "public_posting", "other"]
 */
export const ConsultationSchema = z.object({
  id: z.string().min(1),
  communeUnitId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  date: CalendarDateSchema,
  matter: z.string().min(1),
  form: z.enum(["meeting", "survey", "public_posting", "other"]),
  participants: z.number().int().min(0),
  /** Phiếu khảo sát: respondents and those satisfied; only where a survey was held. */
  satisfaction: z.object({ respondents: z.number().int().min(1), satisfied: z.number().int().min(0) }).optional(),
  /** The recognition dossier whose satisfaction survey this backs. */
  dossierId: z.string().min(1).optional(),
});
export type Consultation = z.infer<typeof ConsultationSchema>;
