import { z } from "zod";
import type { Issue, Result } from "../../errors/index.js";
import { fail, ok } from "../../errors/index.js";
import { CalendarDateSchema, isCalendarDate } from "../../ocop/_lib/calendarDate.js";
import type { RecognitionAction } from "../schema.js";

/**
 * The decision a step is taken by (quyết định công nhận, quyết định thu hồi): its number
 * ("125/QĐ-UBND") and its date (yyyy-mm-dd).
 * @example
 * DossierDecisionSchema.parse({ number: "125/QĐ-UBND", date: "2025-04-15" })
 */
export const DossierDecisionSchema = z.object({
  /** Số quyết định. */
  number: z.string().trim().min(1).max(100),
  /** Ngày quyết định. */
  date: CalendarDateSchema,
});
export type DossierDecision = z.infer<typeof DossierDecisionSchema>;

/** The decision fields as a caller sends them with a step (either may be missing or blank). */
export interface DecisionInput {
  decisionNumber?: string | undefined;
  decisionDate?: string | undefined;
}

/**
 * Checks the decision sent with a workflow step: the actions in `decisionActions` (recognise and
 * revoke by default) need a decision number and a real date not after the step's day; other actions
 * take none. Issues name the field (`decisionNumber`, `decisionDate`).
 * @example
 * checkDecision("recognise", { decisionNumber: "125/QĐ-UBND", decisionDate: "2025-04-15" }, "2025-04-15T10:00:00+07:00", ["recognise", "revoke"])
 * // { ok: true, value: { number: "125/QĐ-UBND", date: "2025-04-15" } }
 * checkDecision("recognise", {}, "2025-04-15T10:00:00+07:00", ["recognise", "revoke"])
 * // { ok: false, kind: "invalid_input", issues: [{ code: "workflow.decision_number_required", path: ["decisionNumber"], ... }, ...] }
 */
export function checkDecision(
  action: RecognitionAction,
  input: DecisionInput,
  at: string,
  decisionActions: readonly RecognitionAction[],
): Result<DossierDecision | undefined> {
  const number = (input.decisionNumber ?? "").trim();
  const date = (input.decisionDate ?? "").trim();
  const issues: Issue[] = [];
  if (!decisionActions.includes(action)) {
    if (number || date)
      issues.push({
        code: "workflow.decision_not_expected",
        path: [number ? "decisionNumber" : "decisionDate"],
        message: `the "${action}" step is not taken by a decision`,
        params: { action },
      });
    return issues.length > 0 ? fail("invalid_input", issues) : ok(undefined);
  }
  if (!number)
    issues.push({
      code: "workflow.decision_number_required",
      path: ["decisionNumber"],
      message: `a decision number is required to "${action}"`,
      params: { action },
    });
  else if (number.length > 100)
    issues.push({
      code: "workflow.decision_number_too_long",
      path: ["decisionNumber"],
      message: "a decision number has at most 100 characters",
      params: { max: 100 },
    });
  if (!date)
    issues.push({
      code: "workflow.decision_date_required",
      path: ["decisionDate"],
      message: `a decision date is required to "${action}"`,
      params: { action },
    });
  else if (!isCalendarDate(date))
    issues.push({
      code: "workflow.decision_date_invalid",
      path: ["decisionDate"],
      message: `"${date}" is not a calendar date yyyy-mm-dd`,
      params: { date },
    });
  // The step's local day: `at` carries its offset, so its first ten characters are that day.
  else if (date > at.slice(0, 10))
    issues.push({
      code: "workflow.decision_date_after_step",
      path: ["decisionDate"],
      message: `the decision date ${date} is after the step's day ${at.slice(0, 10)}`,
      params: { date, stepDate: at.slice(0, 10) },
    });
  return issues.length > 0 ? fail("invalid_input", issues) : ok({ number, date });
}
