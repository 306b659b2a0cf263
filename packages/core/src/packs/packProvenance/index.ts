import type { CriteriaPack } from "../../schemas/pack.js";

/** How many of a pack's indicators have a verified threshold, an unverified one, or none known. */
export interface PackProvenance {
  verified: number;
  unverified: number;
  unknown: number;
}

/**
 * Counts a pack's indicators by the provenance of their threshold: `unknown` when the threshold is
 * not known (`{ all: null }`, never invented), else `verified` or `unverified` by the indicator's flag.
 * Shown on the packs page ("đã kiểm chứng / chưa kiểm chứng / chưa rõ").
 * @example
 * packProvenance(pack) // { verified: 12, unverified: 30, unknown: 8 }
 */
export function packProvenance(pack: Pick<CriteriaPack, "criteria">): PackProvenance {
  const out: PackProvenance = { verified: 0, unverified: 0, unknown: 0 };
  for (const c of pack.criteria)
    for (const i of c.indicators) {
      if ("all" in i.threshold && i.threshold.all === null) out.unknown++;
      else if (i.verified) out.verified++;
      else out.unverified++;
    }
  return out;
}
