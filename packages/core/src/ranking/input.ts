import { z } from "zod";
import { IsoDateSchema } from "../schemas/common.js";
import { ClassificationLevelSchema } from "./levels.js";

/** Task counts of the year (366-QĐ/TW conditions): assigned, done, done on time, done exceeding requirements. */
export const TaskCountsSchema = z
  .object({
    assigned: z.number().int().min(0),
    done: z.number().int().min(0),
    onTime: z.number().int().min(0),
    exceeding: z.number().int().min(0),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.done > t.assigned) ctx.addIssue({ code: "custom", path: ["done"], message: "done exceeds assigned" });
    if (t.onTime > t.done) ctx.addIssue({ code: "custom", path: ["onTime"], message: "on time exceeds done" });
    if (t.exceeding > t.done) ctx.addIssue({ code: "custom", path: ["exceeding"], message: "exceeding exceeds done" });
  });
export type TaskCounts = z.infer<typeof TaskCountsSchema>;

/**
 * What records say about a subject, for the candidate rules (a minimal input that the commendation,
 * discipline and inspection records feed): recorded outstanding achievements (thành tích xuất sắc,
 * điển hình tiên tiến) and inspection findings with their deadline to be resolved.
 */
export const CandidateRecordsSchema = z
  .object({
    achievements: z
      .array(
        z
          .object({
            /** The achievement in Vietnamese, as recorded. */
            title: z.string().min(1),
            /** The record it comes from (commendation proposal, emulation result…). */
            recordId: z.string().min(1).optional(),
            date: IsoDateSchema.optional(),
          })
          .strict(),
      )
      .optional(),
    findings: z
      .array(
        z
          .object({
            id: z.string().min(1),
            title: z.string().min(1).optional(),
            /** By when the finding had to be resolved. */
            deadline: IsoDateSchema,
            /** When it was resolved; absent or null while unresolved. */
            resolvedOn: IsoDateSchema.nullable().optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type CandidateRecords = z.infer<typeof CandidateRecordsSchema>;

/**
 * One unit to rank. `values` feed the scoring scheme; the tie-breaks and criticism read
 * `criteria_met`, `criteria_lost` and `reports_overdue` from them (0 when absent).
 */
export const RankingUnitSchema = z
  .object({
    unitId: z.string().min(1),
    name: z.string().min(1).optional(),
    /** The quota group (units with similar functions); default "all". */
    group: z.string().min(1).optional(),
    values: z.record(z.string(), z.number().finite()),
    /** NTM recognition revoked during the year. */
    recognitionRevoked: z.boolean().optional(),
    /** A subordinate organisation or leadership member was disciplined; `selfCorrected` = the unit found and fixed it itself. */
    discipline: z.object({ disciplined: z.boolean(), selfCorrected: z.boolean() }).strict().optional(),
    tasks: TaskCountsSchema.optional(),
    /** Records that can propose the subject for commendation or criticism. */
    records: CandidateRecordsSchema.optional(),
  })
  .strict();
export type RankingUnit = z.infer<typeof RankingUnitSchema>;

/** Options of a ranking. */
export const RankingOptionsSchema = z
  .object({
    /** Also propose the top N for commendation (besides every excellent unit). */
    topN: z.number().int().min(1).optional(),
    /** Highest level for a unit whose recognition was revoked this year (tool default: "completed"). */
    revokedCapLevel: ClassificationLevelSchema.optional(),
    /** The day findings are judged overdue on (default: 31/12 of the review year). */
    asOf: IsoDateSchema.optional(),
  })
  .strict();
export type RankingOptions = z.infer<typeof RankingOptionsSchema>;

/** The input of {@link rankUnits}. */
export const RankingInputSchema = z
  .object({ units: z.array(RankingUnitSchema), options: RankingOptionsSchema.optional() })
  .strict()
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.units.forEach((u, i) => {
      if (seen.has(u.unitId)) ctx.addIssue({ code: "custom", path: ["units", i, "unitId"], message: `duplicate unit id "${u.unitId}"` });
      seen.add(u.unitId);
    });
  });
export type RankingInput = z.infer<typeof RankingInputSchema>;
