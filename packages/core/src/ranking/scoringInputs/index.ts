import { z } from "zod";

const Count = z.number().int().min(0);

/**
 * What the evaluating level enters for a unit and year because stored facts cannot give it: task
 * counts (366-QĐ/TW conditions), programme targets met, reports on time, the planned resources (whole
 * đồng, as digits) and discipline.
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
