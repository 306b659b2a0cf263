import { type Result, fail, ok } from "../../errors/index.js";
import { domainZodIssues } from "../../ocop/_lib/zodIssues.js";
import { parsePeriod } from "../../period/index.js";
import { type ReportNarrative, ReportNarrativeSchema } from "../schema.js";

/**
 * Validates the narrative parts of a progress report for a report period: the period reads as a period
 * ("2025", "2025S1", "2025Q3", "2025-05"), every paragraph is non-empty once trimmed (and kept trimmed),
 * at most 100 paragraphs of 4,000 characters per part.
 * @example
 * validateReportNarrative("2025S1", { shortcomings: ["  Giải ngân chậm "], causes: [], directions: [], recommendations: [] })
 * // { ok: true, value: { shortcomings: ["Giải ngân chậm"], causes: [], directions: [], recommendations: [] } }
 */
export function validateReportNarrative(period: string, input: unknown): Result<ReportNarrative> {
  const p = parsePeriod(period);
  const r = ReportNarrativeSchema.safeParse(input);
  const issues = [
    ...(p.ok
      ? []
      : [{ code: "narrative.period_invalid", path: ["period"], message: `not a report period: "${period}"`, params: { period } }]),
    ...(r.success ? [] : domainZodIssues(r.error)),
  ];
  return issues.length > 0 || !r.success ? fail("invalid_input", issues) : ok(r.data);
}
