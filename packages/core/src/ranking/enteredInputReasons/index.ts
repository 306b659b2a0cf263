import type { Reason } from "../../schemas/common.js";
import { SCORING_INPUT_FIELDS, type ScoringInputs } from "../scoringInputs/index.js";

/** Who last saved a unit's entered inputs, when (ISO date-time) and as which version. */
export interface EnteredBy {
  version: number;
  by: string | null;
  at: string | null;
}

/**
 * Where a unit's hand-entered scoring inputs come from, for the ranking's explanation: one
 * `ranking.entered_input` reason per entered field (its value, the evidence note if any, who saved
 * it, when, which version), or one `ranking.entered_none` when nothing was entered for the year.
 * @example
 * enteredInputReasons({ reportsOnTime: 3, evidence: { reportsOnTime: "Báo cáo số 12/BC-UBND" } }, { version: 2, by: "huyen", at: "2026-12-06T08:00:00.000Z" })
 * // [{ code: "ranking.entered_input", path: ["entered", "reportsOnTime"], params: { field: "reportsOnTime", value: 3, evidence: "Báo cáo số 12/BC-UBND", by: "huyen", at: "2026-12-06T08:00:00.000Z", version: 2 } }]
 */
export function enteredInputReasons(inputs: ScoringInputs, entry: EnteredBy): Reason[] {
  const reasons = SCORING_INPUT_FIELDS.flatMap((field): Reason[] => {
    const value = inputs[field];
    if (value === undefined) return [];
    const evidence = inputs.evidence?.[field];
    return [
      {
        code: "ranking.entered_input",
        path: ["entered", field],
        params: { field, value, ...(evidence === undefined ? {} : { evidence }), by: entry.by, at: entry.at, version: entry.version },
      },
    ];
  });
  return reasons.length > 0 ? reasons : [{ code: "ranking.entered_none", path: ["entered"], params: {} }];
}
