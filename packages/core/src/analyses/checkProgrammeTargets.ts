import type { Reason } from "../schemas/common.js";
import type { Tier } from "../schemas/pack.js";

/** One commune's standing, as the programme targets need it. */
export interface CommuneStanding {
  unitId: string;
  /** Highest tier met (or recognised); `null` when not NTM. */
  tier: Tier | null;
  criteriaMet: number;
}

/** Programme targets (QĐ 263/QĐ-TTg for 2021–2025 by default; a province may set its own). */
export interface ProgrammeTargets {
  /** Minimum percent of communes meeting NTM (national 80; regional values differ). */
  ntmSharePercent: number;
  /** Percent of communes advanced or model ("about 40%"). */
  advancedSharePercent: number;
  modelSharePercent: number;
  /** No commune below this many criteria. */
  minCriteria: number;
  source: string;
}

/** QĐ 263/QĐ-TTg (22/02/2022) national targets for 2021–2025. */
export const QD263_TARGETS: ProgrammeTargets = { ntmSharePercent: 80, advancedSharePercent: 40, modelSharePercent: 10, minCriteria: 15, source: "QĐ 263/QĐ-TTg ngày 22/02/2022" };

export interface TargetCheck {
  id: "ntm_share" | "advanced_share" | "model_share" | "min_criteria";
  met: boolean;
  actual: number;
  required: number;
  reasons: Reason[];
}

const TIER_RANK: Record<Tier, number> = { standard: 1, advanced: 2, model: 3, modern: 4 };

/**
 * Checks a set of communes against programme targets: share meeting NTM, share advanced or model,
 * share model, and no commune below the minimum number of criteria.
 * @example
 * checkProgrammeTargets([{ unitId: "a", tier: "standard", criteriaMet: 19 }, { unitId: "b", tier: null, criteriaMet: 14 }])
 *   .find((t) => t.id === "min_criteria")?.met // false
 */
export function checkProgrammeTargets(communes: readonly CommuneStanding[], targets: ProgrammeTargets = QD263_TARGETS): TargetCheck[] {
  const n = communes.length;
  const pct = (k: number) => (n === 0 ? 0 : Math.round((10000 * k) / n) / 100);
  const atLeast = (t: Tier) => communes.filter((c) => c.tier !== null && TIER_RANK[c.tier] >= TIER_RANK[t]).length;
  const below = communes.filter((c) => c.criteriaMet < targets.minCriteria);
  const share = (id: TargetCheck["id"], k: number, required: number): TargetCheck => {
    const actual = pct(k);
    const met = n > 0 && k * 100 >= required * n;
    return { id, met, actual, required, reasons: [{ code: met ? "target.met" : "target.not_met", path: [id], params: { target: id, actual, required, count: k, total: n, source: targets.source } }] };
  };
  return [
    share("ntm_share", atLeast("standard"), targets.ntmSharePercent),
    share("advanced_share", atLeast("advanced"), targets.advancedSharePercent),
    share("model_share", atLeast("model"), targets.modelSharePercent),
    {
      id: "min_criteria",
      met: below.length === 0,
      actual: below.length,
      required: targets.minCriteria,
      reasons: [{ code: below.length === 0 ? "target.min_criteria_met" : "target.below_min_criteria", path: ["min_criteria"], params: { units: below.map((c) => c.unitId), count: below.length, minCriteria: targets.minCriteria, source: targets.source } }],
    },
  ];
}
