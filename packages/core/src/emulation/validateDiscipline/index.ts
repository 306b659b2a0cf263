import { type Issue, type Result, fail, ok } from "../../errors/index.js";
import type { InspectionRecord } from "../../inspections/schema.js";
import { type RecordRule, checkRecord, checkRows, formTextRule } from "../_lib/check.js";
import { type Discipline, DisciplineSchema } from "../schema.js";

// A criticism may be given at a meeting without a numbered decision; a disciplinary measure has one.
const decisionNumbered: RecordRule<Discipline> = (d) =>
  d.form !== "criticism" && !d.decision.number
    ? [
        {
          code: "emulation.decision_number_required",
          path: ["decision", "number"],
          message: `a "${d.form}" decision needs its number`,
          params: { form: d.form },
        },
      ]
    : [];

const RULES = [formTextRule<Discipline>, decisionNumbered];

/**
 * Validates a criticism or discipline record (phê bình, kỷ luật): shape, the form's name for "other", a
 * decision number for every form but criticism.
 * @example
 * validateDiscipline({ id: "kl-1", unitId: "x-02", form: "criticism", level: "district", issuer: "Ban Thường vụ Huyện ủy",
 *   decision: { date: "2025-07-01" }, subject: { kind: "organisation", id: "ubnd-x-02", name: "UBND xã Phú Hiệp" },
 *   reason: "Chậm giải ngân vốn xây dựng NTM" }).ok // true
 */
export function validateDiscipline(input: unknown): Result<Discipline> {
  return checkRecord(DisciplineSchema, RULES, input, []);
}

/**
 * Validates rows of criticism and discipline records, all or nothing (imports). Paths start with the row.
 * @example
 * validateDisciplines([d, { ...d, form: "warning", decision: { date: "2025-07-01" } }]).ok // false
 */
export function validateDisciplines(input: unknown): Result<Discipline[]> {
  return checkRows(validateDiscipline, input);
}

/**
 * Checks that the inspection finding a record names exists: the inspection record is known and, when a
 * finding is named by position, the record has it.
 * @example
 * checkDisciplineFinding(d, [{ id: "kt-01", findings: ["Chậm giải ngân"], ... }]).ok // true when d.finding is { inspectionId: "kt-01", findingIndex: 0 }
 */
export function checkDisciplineFinding(
  value: Discipline,
  inspections: readonly Pick<InspectionRecord, "id" | "findings">[],
): Result<Discipline> {
  const f = value.finding;
  if (!f) return ok(value);
  const rec = inspections.find((r) => r.id === f.inspectionId);
  const issues: Issue[] = [];
  if (!rec)
    issues.push({
      code: "emulation.finding_unknown_inspection",
      path: ["finding", "inspectionId"],
      message: `no inspection record "${f.inspectionId}"`,
      params: { inspectionId: f.inspectionId },
    });
  else if (f.findingIndex !== undefined && f.findingIndex >= rec.findings.length)
    issues.push({
      code: "emulation.finding_out_of_range",
      path: ["finding", "findingIndex"],
      message: `inspection record "${rec.id}" has ${rec.findings.length} findings; there is no finding ${f.findingIndex}`,
      params: { inspectionId: rec.id, findingIndex: f.findingIndex, findings: rec.findings.length },
    });
  return issues.length > 0 ? fail("invalid_input", issues) : ok(value);
}
