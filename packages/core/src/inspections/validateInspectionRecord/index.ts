import { type Issue, type Result, fail, ok } from "../../errors/index.js";
import type { JsonPath } from "../../schemas/common.js";
import { domainZodIssues } from "../../ocop/_lib/zodIssues.js";
import { type InspectionRecord, InspectionRecordSchema } from "../schema.js";

function check(input: unknown, prefix: JsonPath): { value?: InspectionRecord; issues: Issue[] } {
  const r = InspectionRecordSchema.safeParse(input);
  if (!r.success) return { issues: domainZodIssues(r.error, prefix) };
  const rec = r.data;
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  rec.recommendations.forEach((x, i) => {
    const at = [...prefix, "recommendations", i];
    const first = seen.get(x.id);
    if (first !== undefined)
      issues.push({
        code: "inspection.duplicate_recommendation",
        path: [...at, "id"],
        message: `recommendation id "${x.id}" appears twice (first at recommendations[${first}])`,
        params: { id: x.id },
      });
    else seen.set(x.id, i);
    if (x.dueDate < rec.date)
      issues.push({
        code: "inspection.due_before_record",
        path: [...at, "dueDate"],
        message: `due date ${x.dueDate} is before the ${rec.kind} on ${rec.date}`,
        params: { dueDate: x.dueDate, date: rec.date },
      });
    if (x.doneOn !== undefined && x.status !== "done")
      issues.push({
        code: "inspection.done_on_not_done",
        path: [...at, "doneOn"],
        message: `a done date is only for a done recommendation (status is "${x.status}")`,
        params: { status: x.status },
      });
    if (x.finding !== undefined && x.finding >= rec.findings.length)
      issues.push({
        code: "inspection.finding_unknown",
        path: [...at, "finding"],
        message: `finding ${x.finding + 1} does not exist (the record has ${rec.findings.length})`,
        params: { finding: x.finding, findings: rec.findings.length },
      });
    if (x.doneOn !== undefined && x.doneOn < rec.date)
      issues.push({
        code: "inspection.done_before_record",
        path: [...at, "doneOn"],
        message: `done date ${x.doneOn} is before the ${rec.kind} on ${rec.date}`,
        params: { doneOn: x.doneOn, date: rec.date },
      });
  });
  return issues.length > 0 ? { issues } : { value: rec, issues: [] };
}

/**
 * Validates an inspection or supervision record: shape, unique recommendation ids, due and done
 * dates not before the record's date, a done date only on a done recommendation, and a followed-up
 * finding that exists.
 * @example
 * validateInspectionRecord({ id: "kt-01", subject: { kind: "unit", id: "x1", name: "Xã A" }, date: "2025-03-10",
 *   kind: "inspection", findings: ["Chậm giải ngân vốn"], recommendations: [] }).ok // true
 */
export function validateInspectionRecord(input: unknown): Result<InspectionRecord> {
  const { value, issues } = check(input, []);
  return value ? ok(value) : fail("invalid_input", issues);
}

/**
 * Validates a list of records, all or nothing; record ids must be unique. Paths start with the row.
 * @example
 * validateInspectionRecords([rec, { ...rec }]) // { ok: false, ..., issues: [{ code: "inspection.duplicate_record", path: [1, "id"], ... }] }
 */
export function validateInspectionRecords(input: unknown): Result<InspectionRecord[]> {
  if (!Array.isArray(input))
    return fail("invalid_input", [{ code: "invalid_type", path: [], message: "expected an array of inspection records" }]);
  const values: InspectionRecord[] = [];
  const issues: Issue[] = [];
  const ids = new Map<string, number>();
  input.forEach((row, i) => {
    const r = check(row, [i]);
    issues.push(...r.issues);
    if (!r.value) return;
    const first = ids.get(r.value.id);
    if (first !== undefined)
      issues.push({
        code: "inspection.duplicate_record",
        path: [i, "id"],
        message: `record id "${r.value.id}" appears twice (first at [${first}])`,
        params: { id: r.value.id },
      });
    else ids.set(r.value.id, i);
    values.push(r.value);
  });
  return issues.length > 0 ? fail("invalid_input", issues) : ok(values);
}
