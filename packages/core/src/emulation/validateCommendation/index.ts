import type { Result } from "../../errors/index.js";
import { checkRecord, checkRows, formTextRule } from "../_lib/check.js";
import { type Commendation, CommendationSchema } from "../schema.js";

const RULES = [formTextRule<Commendation>];

/**
 * Validates a commendation given (khen thưởng): shape (decision number and a real date, subject,
 * achievement) and the form's name when the form is "other".
 * @example
 * validateCommendation({ id: "kt-1", unitId: "x-01", form: "bang_khen", level: "province", issuer: "Chủ tịch UBND tỉnh",
 *   decision: { number: "123/QĐ-UBND", date: "2025-05-19" }, subject: { kind: "unit", id: "x-01", name: "Xã An Bình" },
 *   achievement: "Hoàn thành xuất sắc xây dựng NTM nâng cao" }).ok // true
 */
export function validateCommendation(input: unknown): Result<Commendation> {
  return checkRecord(CommendationSchema, RULES, input, []);
}

/**
 * Validates rows of commendations, all or nothing (imports). Paths start with the row.
 * @example
 * validateCommendations([c, { ...c, form: "other" }]).ok // false: "emulation.form_text_required" at [1, "formText"]
 */
export function validateCommendations(input: unknown): Result<Commendation[]> {
  return checkRows(validateCommendation, input);
}
