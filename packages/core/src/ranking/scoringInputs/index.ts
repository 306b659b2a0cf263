import { z } from "zod";

const Count = z.number().int().min(0);

/** The fields of the scoring inputs, in the order forms and explanations show them. */
export const SCORING_INPUT_FIELDS = [
  "tasks",
  "programmeTargetsMet",
  "programmeTargetsTotal",
  "reportsOnTime",
  "reportsTotal",
  "reportsOverdue",
  "resourcesPlanned",
  "discipline",
] as const;
export type ScoringInputField = (typeof SCORING_INPUT_FIELDS)[number];

/**
 * The longest evidence note (characters) kept with one input: room for a document's number, date,
 * issuer and title. The tool's own limit, not a legal one.
 */
export const SCORING_EVIDENCE_MAX = 300;

/** Names of the scoring inputs, Vietnamese and English (forms, CLI, explanations). */
export const SCORING_INPUT_LABELS: Readonly<Record<ScoringInputField, { vi: string; en: string }>> = {
  tasks: { vi: "Nhiệm vụ trong năm", en: "Tasks of the year" },
  programmeTargetsMet: { vi: "Số chỉ tiêu Chương trình đạt", en: "Programme targets met" },
  programmeTargetsTotal: { vi: "Tổng số chỉ tiêu Chương trình", en: "Programme targets in total" },
  reportsOnTime: { vi: "Số báo cáo đúng hạn", en: "Reports on time" },
  reportsTotal: { vi: "Tổng số báo cáo phải nộp", en: "Reports due in total" },
  reportsOverdue: { vi: "Số báo cáo quá hạn", en: "Reports overdue" },
  resourcesPlanned: { vi: "Nguồn lực theo kế hoạch (đồng)", en: "Planned resources (đồng)" },
  discipline: { vi: "Kỷ luật trong năm", en: "Discipline in the year" },
};

/** Names of the task counts inside `tasks`, Vietnamese and English. */
export const TASK_COUNT_LABELS: Readonly<Record<"assigned" | "done" | "onTime" | "exceeding", { vi: string; en: string }>> = {
  assigned: { vi: "Số nhiệm vụ được giao", en: "Tasks assigned" },
  done: { vi: "Số nhiệm vụ hoàn thành", en: "Tasks done" },
  onTime: { vi: "Số nhiệm vụ hoàn thành đúng hạn", en: "Tasks done on time" },
  exceeding: { vi: "Số nhiệm vụ vượt yêu cầu", en: "Tasks done beyond requirements" },
};

/**
 * Evidence (minh chứng): per input, a note naming the source document, e.g. "Báo cáo số 12/BC-UBND
 * ngày 05/12/2025". Optional; records stored before evidence existed have none.
 */
export const ScoringEvidenceSchema = z
  .object(
    Object.fromEntries(SCORING_INPUT_FIELDS.map((f) => [f, z.string().max(SCORING_EVIDENCE_MAX).optional()])) as Record<
      ScoringInputField,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();
export type ScoringEvidence = z.infer<typeof ScoringEvidenceSchema>;

/**
 * What the evaluating level enters for a unit and year because stored facts cannot give it: task
 * counts (366-QĐ/TW conditions), programme targets met, reports on time, the planned resources (whole
 * đồng, as digits) and discipline; with the evidence behind each.
 */
export const ScoringInputsSchema = z
  .object({
    tasks: z.object({ assigned: Count, done: Count, onTime: Count, exceeding: Count }).strict().optional(),
    programmeTargetsMet: Count.optional(),
    programmeTargetsTotal: Count.optional(),
    reportsOnTime: Count.optional(),
    reportsTotal: Count.optional(),
    reportsOverdue: Count.optional(),
    resourcesPlanned: z.string().regex(/^\d+$/, "whole đồng as digits").optional(),
    discipline: z.object({ disciplined: z.boolean(), selfCorrected: z.boolean() }).strict().optional(),
    evidence: ScoringEvidenceSchema.optional(),
  })
  .strict();
export type ScoringInputs = z.infer<typeof ScoringInputsSchema>;

/**
 * The ranking fields of entered inputs (scheme field names), with the planned money as a number for the ratio.
 * @example
 * enteredValues({ programmeTargetsMet: 4, programmeTargetsTotal: 5 }) // { programme_targets_met: 4, programme_targets_total: 5 }
 */
export function enteredValues(d: ScoringInputs): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (k: string, v: number | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  put("programme_targets_met", d.programmeTargetsMet);
  put("programme_targets_total", d.programmeTargetsTotal);
  put("reports_on_time", d.reportsOnTime);
  put("reports_total", d.reportsTotal);
  put("reports_overdue", d.reportsOverdue);
  if (d.resourcesPlanned !== undefined) out.resources_planned = Number(BigInt(d.resourcesPlanned));
  return out;
}
