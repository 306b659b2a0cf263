import type { Issue, Result } from "../../errors/index.js";
import { type RecordRule, checkRecord, checkRows } from "../_lib/check.js";
import { type Consultation, ConsultationSchema } from "../schema.js";

const dateInYear: RecordRule<Consultation> = (c) =>
  Number(c.date.slice(0, 4)) !== c.year
    ? [
        {
          code: "emulation.consultation_year_mismatch",
          path: ["date"],
          message: `the consultation on ${c.date} is not in year ${c.year}`,
          params: { date: c.date, year: c.year },
        },
      ]
    : [];

const satisfiedWithinRespondents: RecordRule<Consultation> = (c) => {
  const s = c.satisfaction;
  const out: Issue[] = [];
  if (s && s.satisfied > s.respondents)
    out.push({
      code: "emulation.satisfied_exceeds_respondents",
      path: ["satisfaction", "satisfied"],
      message: `${s.satisfied} satisfied of ${s.respondents} respondents`,
      params: { satisfied: s.satisfied, respondents: s.respondents },
    });
  if (s && c.participants > 0 && s.respondents > c.participants)
    out.push({
      code: "emulation.respondents_exceed_participants",
      path: ["satisfaction", "respondents"],
      message: `${s.respondents} respondents of ${c.participants} participants`,
      params: { respondents: s.respondents, participants: c.participants },
    });
  return out;
};

const RULES = [dateInYear, satisfiedWithinRespondents];

/**
 * Validates a public consultation (II.5, quy chế dân chủ): shape, the date in the record's year, no more
 * satisfied than respondents and no more respondents than participants (when participants are counted).
 * @example
 * validateConsultation({ id: "ld-1", communeUnitId: "x-01", year: 2025, date: "2025-03-02", matter: "Lấy ý kiến kết quả tự đánh giá",
 *   form: "survey", participants: 420, satisfaction: { respondents: 400, satisfied: 372 } }).ok // true
 */
export function validateConsultation(input: unknown): Result<Consultation> {
  return checkRecord(ConsultationSchema, RULES, input, []);
}

/**
 * Validates rows of consultations, all or nothing (imports). Paths start with the row.
 * @example
 * validateConsultations([c, { ...c }]).ok // false: "emulation.duplicate_record"
 */
export function validateConsultations(input: unknown): Result<Consultation[]> {
  return checkRows(validateConsultation, input);
}
