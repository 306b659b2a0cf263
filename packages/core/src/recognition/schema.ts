import { z } from "zod";
import { type Result, fail, ok, zodIssues } from "../errors/index.js";
import { DossierDecisionSchema } from "./decision/index.js";

/**
 * States of a recognition dossier (hồ sơ xét, công nhận) under QĐ 18/2022/QĐ-TTg.
 * `appraised` (thẩm tra, district) is skipped in the two-tier local government from 01/7/2025.
 */
export const DossierStateSchema = z.enum([
  "draft",
  "self_assessed",
  "public_consultation",
  "submitted",
  "appraised",
  "verified",
  "recognised",
  "returned",
  "rejected",
  "revoked",
]);
export type DossierState = z.infer<typeof DossierStateSchema>;

/** The forward order of states; a return target must come earlier than the state returned from. */
export const DOSSIER_STATE_ORDER: readonly DossierState[] = [
  "draft",
  "self_assessed",
  "public_consultation",
  "submitted",
  "appraised",
  "verified",
  "recognised",
];

/** Actions that move a dossier between states. */
export const RecognitionActionSchema = z.enum([
  "self_assess",
  "open_consultation",
  "submit",
  "appraise",
  "verify",
  "recognise",
  "return",
  "resume",
  "reject",
  "revoke",
]);
export type RecognitionAction = z.infer<typeof RecognitionActionSchema>;

/** Roles that act on a dossier. The provincial council's decision is data (`councilVote`), not an actor. */
export const ActorRoleSchema = z.enum(["hamlet_officer", "commune_officer", "district_officer", "province_officer"]);
export type ActorRole = z.infer<typeof ActorRoleSchema>;

/** Who performs a transition: a person with a role at an administrative unit. */
export const ActorSchema = z.object({ id: z.string().min(1), role: ActorRoleSchema, unitId: z.string().min(1) });
export type Actor = z.infer<typeof ActorSchema>;

/**
 * Documents of a dossier: tờ trình (request letter), báo cáo tự đánh giá (self-assessment report),
 * biên bản họp (meeting minutes), báo cáo khảo sát sự hài lòng (satisfaction-survey report),
 * báo cáo thẩm tra (appraisal report), biên bản họp hội đồng thẩm định (council minutes),
 * báo cáo thẩm định (verification report), quyết định công nhận (recognition decision).
 */
export const DossierDocumentSchema = z.enum([
  "request_letter",
  "self_assessment_report",
  "meeting_minutes",
  "satisfaction_survey_report",
  "appraisal_report",
  "council_minutes",
  "verification_report",
  "recognition_decision",
]);
export type DossierDocument = z.infer<typeof DossierDocumentSchema>;

/** The level of the unit a dossier is about: a hamlet (provincial sets) or a commune. */
export const DossierLevelSchema = z.enum(["hamlet", "commune"]);
export type DossierLevel = z.infer<typeof DossierLevelSchema>;

/** The tier applied for: NTM, NTM nâng cao (advanced) or NTM kiểu mẫu (model). */
export const DossierTierSchema = z.enum(["standard", "advanced", "model"]);
export type DossierTier = z.infer<typeof DossierTierSchema>;

/** An ISO date-time with an offset or Z, e.g. `2025-03-04T09:00:00+07:00`. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** The provincial evaluation council's vote (hội đồng thẩm định). */
export const CouncilVoteSchema = z
  .object({
    for: z.number().int().min(0),
    against: z.number().int().min(0),
    members: z.number().int().min(1),
  })
  .refine((v) => v.for + v.against <= v.members, { message: "votes for + against exceed the number of members", path: ["for"] });
export type CouncilVote = z.infer<typeof CouncilVoteSchema>;

/** One recorded transition. */
export const DossierTransitionSchema = z.object({
  action: RecognitionActionSchema,
  actor: ActorSchema,
  at: IsoDateTimeSchema,
  from: DossierStateSchema,
  to: DossierStateSchema,
  note: z.string().optional(),
  /** The due date (yyyy-mm-dd) of the step entered, or null when it has no deadline. */
  dueDate: z.string().nullable().optional(),
  /** The decision the step was taken by (recognition, revocation): số và ngày quyết định. */
  decision: DossierDecisionSchema.optional(),
});
export type DossierTransition = z.infer<typeof DossierTransitionSchema>;

/** Whole đồng, as a bigint or a safe integer (never a float). */
export const DongSchema = z.union([z.bigint(), z.number().int().refine(Number.isSafeInteger, "expected a safe integer number of đồng")]);

/** A recognition dossier for one unit, tier, pack and year. */
export const RecognitionDossierSchema = z.object({
  id: z.string().min(1),
  unitId: z.string().min(1),
  level: DossierLevelSchema,
  tier: DossierTierSchema,
  packId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  state: DossierStateSchema,
  createdAt: IsoDateTimeSchema,
  documents: z.array(DossierDocumentSchema),
  /** Residents' satisfaction with NTM results, in percent (0–100); null until surveyed. */
  satisfactionPercent: z.number().min(0).max(100).nullable(),
  /** Outstanding capital-construction debt (nợ đọng xây dựng cơ bản), whole đồng; null until declared. */
  capitalConstructionDebt: DongSchema.nullable(),
  councilVote: CouncilVoteSchema.nullable(),
  history: z.array(DossierTransitionSchema),
});
export type RecognitionDossier = z.infer<typeof RecognitionDossierSchema>;

/**
 * Validates a dossier read from outside (API body, file); issues carry JSON paths.
 * @example
 * const r = parseDossier(JSON.parse(body));
 * if (!r.ok) console.log(formatIssues(r.issues)); // "$.satisfactionPercent: Too big: expected number to be <=100"
 */
export function parseDossier(input: unknown): Result<RecognitionDossier> {
  const r = RecognitionDossierSchema.safeParse(input);
  return r.success ? ok(r.data) : fail("invalid_input", zodIssues(r.error));
}

/**
 * A new dossier in the `draft` state.
 * @example
 * newDossier({ id: "d1", unitId: "xa-an-phu", level: "commune", tier: "standard", packId: "vn.commune-ntm.2021-2025", year: 2025, createdAt: "2025-03-03T08:00:00+07:00" })
 * // { ...,  state: "draft", documents: [], satisfactionPercent: null, capitalConstructionDebt: null, councilVote: null, history: [] }
 */
export function newDossier(
  init: Pick<RecognitionDossier, "id" | "unitId" | "level" | "tier" | "packId" | "year" | "createdAt">,
): RecognitionDossier {
  return {
    ...init,
    state: "draft",
    documents: [],
    satisfactionPercent: null,
    capitalConstructionDebt: null,
    councilVote: null,
    history: [],
  };
}
