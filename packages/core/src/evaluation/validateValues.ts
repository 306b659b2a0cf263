import { type Issue, type Result, fail, ok, zodIssues } from "../errors/index.js";
import { z } from "zod";
import { type UnitValues, UnitValuesSchema } from "../schemas/values.js";

// Values are type-checked below against each indicator's kind, with a precise message.
const LooseValuesSchema = UnitValuesSchema.extend({ values: z.record(z.string(), z.unknown()) });
import type { CompiledPack } from "./compilePack.js";

/**
 * Checks a values document against a pack before evaluation: the shape, unknown indicator ids,
 * types (a string or boolean where a number belongs), percents outside 0–100, negative numbers,
 * `notApplicable` on an indicator that is not optional, and a unit level that does not match the pack.
 * Every problem names its JSON path.
 * @example
 * const r = validateValues(compiled, { unit, year: 2024, values: { "2.1": 140 } });
 * r.ok // false; r.issues[0].path // ["values", "2.1"]
 */
export function validateValues(compiled: CompiledPack, input: unknown): Result<UnitValues> {
  const parsed = LooseValuesSchema.safeParse(input);
  if (!parsed.success) return fail("invalid_input", zodIssues(parsed.error));
  const doc = parsed.data;
  const issues: Issue[] = [];
  if (doc.unit.level !== compiled.pack.level)
    issues.push({
      code: "values.level_mismatch",
      path: ["unit", "level"],
      message: `bộ tiêu chí ${compiled.pack.id} dành cho cấp ${compiled.pack.level}, không phải ${doc.unit.level} / pack ${compiled.pack.id} evaluates a ${compiled.pack.level}, not a ${doc.unit.level}`,
      params: { unitLevel: doc.unit.level, packLevel: compiled.pack.level },
    });
  for (const [id, v] of Object.entries(doc.values)) {
    const path = ["values", id];
    const ci = compiled.indicatorById.get(id);
    if (!ci) {
      issues.push({
        code: "values.unknown_indicator",
        path,
        message: `chỉ tiêu "${id}" không có trong bộ tiêu chí ${compiled.pack.id} / unknown indicator "${id}" in pack ${compiled.pack.id}`,
        params: { indicator: id },
      });
      continue;
    }
    if (v === null || v === undefined) continue;
    const kind = ci.indicator.kind;
    if (kind === "boolean" && typeof v !== "boolean")
      issues.push({
        code: "values.expected_boolean",
        path,
        message: `chỉ tiêu ${id} cần giá trị Đạt/Không (true/false), nhận được ${JSON.stringify(v)} / indicator ${id} expects true/false, got ${JSON.stringify(v)}`,
      });
    else if (kind !== "boolean" && typeof v !== "number")
      issues.push({
        code: "values.expected_number",
        path,
        message: `chỉ tiêu ${id} cần một số, nhận được ${JSON.stringify(v)} / indicator ${id} expects a number, got ${JSON.stringify(v)}`,
      });
    else if (typeof v === "number" && !Number.isFinite(v))
      issues.push({
        code: "values.not_finite",
        path,
        message: `chỉ tiêu ${id} phải là số hữu hạn / indicator ${id} must be a finite number`,
      });
    else if (kind === "percent" && typeof v === "number" && (v < 0 || v > 100))
      issues.push({
        code: "values.percent_range",
        path,
        message: `chỉ tiêu ${id} là tỷ lệ phần trăm (0–100), nhận được ${v} / indicator ${id} is a percent (0–100), got ${v}`,
        params: { value: v },
      });
    else if (kind === "number" && typeof v === "number" && v < 0)
      issues.push({
        code: "values.negative",
        path,
        message: `chỉ tiêu ${id} không được âm, nhận được ${v} / indicator ${id} cannot be negative, got ${v}`,
        params: { value: v },
      });
  }
  (doc.notApplicable ?? []).forEach((id, i) => {
    const ci = compiled.indicatorById.get(id);
    if (!ci)
      issues.push({
        code: "values.unknown_indicator",
        path: ["notApplicable", i],
        message: `chỉ tiêu "${id}" không có trong bộ tiêu chí / unknown indicator "${id}"`,
      });
    else if (!ci.indicator.optional)
      issues.push({
        code: "values.not_optional",
        path: ["notApplicable", i],
        message: `chỉ tiêu ${id} áp dụng cho mọi đơn vị, không thể khai báo "không áp dụng" / indicator ${id} applies to every unit and cannot be declared not applicable`,
      });
  });
  for (const [k, v] of Object.entries(doc.inputs ?? {}))
    if (v < 0)
      issues.push({
        code: "values.negative",
        path: ["inputs", k],
        message: `số liệu ${k} không được âm, nhận được ${v} / input ${k} cannot be negative, got ${v}`,
      });
  if (issues.length) return fail("invalid_input", issues);
  return ok(doc as UnitValues);
}
