import type { Reason } from "../../schemas/common.js";
import { sharePercent } from "../_lib/share.js";
import type { Consultation } from "../schema.js";

/** One commune's public consultations in a year (II.5). */
export interface CommuneConsultations {
  communeUnitId: string;
  year: number;
  consultations: number;
  participants: number;
  /** Surveys with a satisfaction count: respondents and satisfied, summed. */
  respondents: number;
  satisfied: number;
  /** Satisfied of respondents, in percent (one decimal); null when no survey counted satisfaction. */
  satisfactionPercent: number | null;
  reasons: Reason[];
}

/**
 * Per commune and year, how many public consultations on NTM matters were held, how many took part, and
 * the satisfaction share of the surveys that counted it. No required share is applied here: the
 * recognition workflow's configuration holds that threshold with its provenance.
 * @example
 * summariseConsultations([{ communeUnitId: "x-01", year: 2025, participants: 420, satisfaction: { respondents: 400, satisfied: 372 }, ... }])
 * // [{ communeUnitId: "x-01", year: 2025, consultations: 1, participants: 420, respondents: 400, satisfied: 372, satisfactionPercent: 93, reasons: [...] }]
 */
export function summariseConsultations(consultations: readonly Consultation[]): CommuneConsultations[] {
  const groups = new Map<string, Consultation[]>();
  for (const c of consultations) {
    const k = `${c.communeUnitId}\u0000${c.year}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.values()]
    .map((list) => {
      const first = list[0]!;
      const respondents = list.reduce((a, c) => a + (c.satisfaction?.respondents ?? 0), 0);
      const satisfied = list.reduce((a, c) => a + (c.satisfaction?.satisfied ?? 0), 0);
      const participants = list.reduce((a, c) => a + c.participants, 0);
      const percent = sharePercent(satisfied, respondents);
      const reasons: Reason[] = [
        {
          code: percent === null ? "emulation.consultations_no_survey" : "emulation.consultations_held",
          path: ["consultations", first.communeUnitId, first.year],
          params: { commune: first.communeUnitId, year: first.year, count: list.length, participants, respondents, satisfied, percent },
        },
      ];
      return {
        communeUnitId: first.communeUnitId,
        year: first.year,
        consultations: list.length,
        participants,
        respondents,
        satisfied,
        satisfactionPercent: percent,
        reasons,
      };
    })
    .sort((a, b) => a.communeUnitId.localeCompare(b.communeUnitId) || a.year - b.year);
}
