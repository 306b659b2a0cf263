import type { Reason } from "../../schemas/common.js";
import type { HousingSummary } from "../_lib/summarise.js";

/** The value of commune indicator 9.1 with the reasons behind it. */
export interface Indicator91 {
  indicator: "9.1";
  /** `true` when temporary or dilapidated houses remain ("Có"); `false` when none ("Không"). */
  value: boolean;
  /** The national threshold is `false` ("Không"), so the indicator is met when `value` is false. */
  met: boolean;
  reasons: Reason[];
}

/**
 * The value of commune indicator 9.1 "Nhà tạm, dột nát" from a housing summary. In the national pack
 * 9.1 is a boolean whose threshold is `false` ("Không"): the value is `true` when any temporary or
 * dilapidated house remains and `false` when none does. Houses under construction are not counted as
 * remaining but are named in a reason; a commune with no recorded house gets `false` with a reason
 * saying the value rests on the survey being complete.
 * @example
 * const [x1] = summariseHousing(houses, ["x1"]); // x1 still has 2 temporary houses
 * indicator91FromHousing(x1).value // true (threshold "Không": not met)
 */
export function indicator91FromHousing(summary: HousingSummary): Indicator91 {
  const value = summary.remaining > 0;
  const path = ["values", "9.1"];
  const reasons: Reason[] = [
    {
      code: "housing.indicator_91",
      path,
      params: {
        unit: summary.unitId,
        value,
        required: false,
        met: !value,
        temporary: summary.counts.temporary,
        dilapidated: summary.counts.dilapidated,
        houses: [...summary.remainingIds],
      },
    },
  ];
  if (!value && summary.underConstructionIds.length > 0)
    reasons.push({
      code: "housing.under_construction_pending",
      path,
      params: { unit: summary.unitId, count: summary.underConstructionIds.length, houses: [...summary.underConstructionIds] },
    });
  if (summary.total === 0) reasons.push({ code: "housing.no_records", path, params: { unit: summary.unitId } });
  return { indicator: "9.1", value, met: !value, reasons };
}
