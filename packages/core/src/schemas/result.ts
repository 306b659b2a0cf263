import { z } from "zod";
import { ReasonSchema } from "./common.js";
import { ComparatorSchema, PackCoverageSchema, TierSchema } from "./pack.js";

export const IndicatorStatusSchema = z.enum(["met", "not_met", "missing", "unknown_threshold", "not_applicable"]);
export type IndicatorStatus = z.infer<typeof IndicatorStatusSchema>;

export const CriterionStatusSchema = z.enum(["met", "not_met", "indeterminate"]);
export type CriterionStatus = z.infer<typeof CriterionStatusSchema>;

export const IndicatorResultSchema = z.object({
  id: z.string(),
  status: IndicatorStatusSchema,
  actual: z.union([z.number(), z.boolean(), z.null()]),
  required: z.union([z.number(), z.boolean(), z.null()]),
  comparator: ComparatorSchema,
  /** How far the actual value is from the threshold (0 when met); numbers only. */
  gap: z.number().optional(),
  /** False when the threshold applied is not confirmed from the legal text. */
  verified: z.boolean(),
  derived: z.boolean().optional(),
  reasons: z.array(ReasonSchema),
});
export type IndicatorResult = z.infer<typeof IndicatorResultSchema>;

export const CriterionResultSchema = z.object({
  id: z.string(),
  status: CriterionStatusSchema,
  key: z.boolean().optional(),
  condition: z.boolean().optional(),
  indicators: z.array(IndicatorResultSchema),
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

export const RevocationCheckSchema = z.object({
  revoke: z.boolean(),
  failedShare: z.number(),
  failed: z.array(z.string()),
  keyFailed: z.array(z.string()),
  reasons: z.array(ReasonSchema),
});
export type RevocationCheck = z.infer<typeof RevocationCheckSchema>;

/** The evaluation of one unit against one pack for one year (the public JSON contract). */
export const EvaluationResultSchema = z
  .object({
    unitId: z.string(),
    packId: z.string(),
    packVersion: z.string(),
    tier: TierSchema,
    year: z.number().int(),
    /** The threshold variant applied (region code or commune group), after overrides. */
    variant: z.string().nullable(),
    status: CriterionStatusSchema,
    criteriaMet: z.number().int(),
    criteriaNotMet: z.number().int(),
    criteriaTotal: z.number().int(),
    /** Indicators whose threshold is unknown or unverified law. */
    unverifiedCount: z.number().int(),
    example: z.boolean(),
    /** The pack's coverage of its legal set (see PackCoverageSchema), when it states one. */
    coverage: PackCoverageSchema.optional(),
    criteria: z.array(CriterionResultSchema),
    reasons: z.array(ReasonSchema),
    revocation: RevocationCheckSchema.optional(),
  })
  .meta({ id: "EvaluationResult", title: "Evaluation of one unit against a criteria pack" });
export type EvaluationResult = z.infer<typeof EvaluationResultSchema>;
