import type { Reason } from "../../schemas/common.js";
import { sharePercent } from "../_lib/share.js";
import type { Consultation } from "../schema.js";

/** How the consultations on record back a recognition dossier's satisfaction figure. */
export interface SurveyBacking {
  dossierId: string;
  /** The dossier's `satisfactionPercent` as entered; null until surveyed. */
  recordedPercent: number | null;
  /** The consultations that reference the dossier, by date. */
  consultations: Consultation[];
  respondents: number;
  satisfied: number;
  /** Satisfied of respondents over those consultations (one decimal); null when none counted satisfaction. */
  surveyedPercent: number | null;
  /** backed, not backed (no survey on record) or differs (the recorded figure is not the surveyed one). */
  status: "backed" | "not_backed" | "differs" | "not_surveyed";
  reasons: Reason[];
}

/**
 * Compares a recognition dossier's satisfaction figure with the surveys recorded for it: which
 * consultations back it and whether their counted share equals the recorded one (to one decimal). It
 * applies no required threshold: that lives in the recognition workflow's configuration with its
 * provenance.
 * @example
 * surveyBacking({ id: "hs-1", satisfactionPercent: 93 }, [{ dossierId: "hs-1", satisfaction: { respondents: 400, satisfied: 372 }, ... }]).status // "backed"
 */
export function surveyBacking(
  dossier: { id: string; satisfactionPercent: number | null },
  consultations: readonly Consultation[],
): SurveyBacking {
  const mine = consultations
    .filter((c) => c.dossierId === dossier.id)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const respondents = mine.reduce((a, c) => a + (c.satisfaction?.respondents ?? 0), 0);
  const satisfied = mine.reduce((a, c) => a + (c.satisfaction?.satisfied ?? 0), 0);
  const surveyedPercent = sharePercent(satisfied, respondents);
  const recorded = dossier.satisfactionPercent;
  const status: SurveyBacking["status"] =
    recorded === null
      ? "not_surveyed"
      : surveyedPercent === null
        ? "not_backed"
        : Math.round(recorded * 10) === Math.round(surveyedPercent * 10)
          ? "backed"
          : "differs";
  return {
    dossierId: dossier.id,
    recordedPercent: recorded,
    consultations: mine,
    respondents,
    satisfied,
    surveyedPercent,
    status,
    reasons: [
      {
        code: `emulation.survey_${status}`,
        path: ["dossiers", dossier.id, "satisfactionPercent"],
        params: {
          dossierId: dossier.id,
          recorded,
          surveyed: surveyedPercent,
          respondents,
          satisfied,
          consultations: mine.map((c) => c.id),
        },
      },
    ],
  };
}
