import type { CriteriaPack, Threshold, ThresholdValue } from "../../schemas/pack.js";

/**
 * How many of a pack's indicators have a threshold that is verified law, unverified, or unknown.
 * The three counts are exclusive and add up to the indicators: `unknown` when no value of the
 * threshold is known (every value null), `verified` when the indicator is marked verified and no value
 * is null, `unverified` otherwise. `partlyUnknown` counts, among verified and unverified, the
 * indicators with some values unknown (a region or commune group whose threshold the law's text has
 * not given us), so a pack whose regional values are mostly null does not look complete.
 */
export interface ProvenanceCounts {
  verified: number;
  unverified: number;
  unknown: number;
  partlyUnknown: number;
}

/** The values a threshold holds (a derived `scaleOfParent` threshold holds none of its own). */
function valuesOf(t: Threshold): ThresholdValue[] | undefined {
  if ("all" in t) return [t.all];
  if ("byVariant" in t) return Object.values(t.byVariant);
  if ("byYear" in t) return Object.values(t.byYear).flatMap((m) => Object.values(m));
  return undefined;
}

/**
 * Counts a pack's indicators by the provenance of their thresholds (see {@link ProvenanceCounts}).
 * @example
 * provenanceCounts(getPack("vn.qd318.2021-2025.commune")!) // { verified, unverified, unknown, partlyUnknown }
 */
export function provenanceCounts(pack: Pick<CriteriaPack, "criteria">): ProvenanceCounts {
  const out: ProvenanceCounts = { verified: 0, unverified: 0, unknown: 0, partlyUnknown: 0 };
  for (const c of pack.criteria)
    for (const i of c.indicators) {
      const values = valuesOf(i.threshold);
      const nulls = values ? values.filter((v) => v === null).length : 0;
      if (values && values.length > 0 && nulls === values.length) {
        out.unknown++;
        continue;
      }
      if (nulls > 0) out.partlyUnknown++;
      if (i.verified && nulls === 0) out.verified++;
      else out.unverified++;
    }
  return out;
}
