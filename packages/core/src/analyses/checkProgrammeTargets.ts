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
  /**
   * Rural income per capita at the end of the period as a multiple of 2020's, as a fraction
   * (QĐ 263: at least 1.5 = 3/2). When absent, QĐ 263's 3/2 applies.
   */
  incomeMultipleOf2020?: { numerator: number; denominator: number };
  source: string;
}

/**
 * Average rural income per capita (million đồng/person/year) in 2020 and in the year checked, for the
 * `income_vs_2020` target. Pass it only when both are known: no baseline is ever assumed.
 */
export interface IncomeVs2020 {
  baseline2020: number;
  current: number;
}

/** Options of {@link checkProgrammeTargets}. */
export interface ProgrammeTargetOptions {
  /** When given, the result also holds the `income_vs_2020` check. */
  income?: IncomeVs2020;
}

/** QĐ 263/QĐ-TTg (22/02/2022) national targets for 2021–2025. */
export const QD263_TARGETS: ProgrammeTargets = {
  ntmSharePercent: 80,
  advancedSharePercent: 40,
  modelSharePercent: 10,
  minCriteria: 15,
  incomeMultipleOf2020: { numerator: 3, denominator: 2 },
  source: "QĐ 263/QĐ-TTg ngày 22/02/2022",
};

const QD263_INCOME_SOURCE = "QĐ 263/QĐ-TTg ngày 22/02/2022";

export interface TargetCheck {
  /** For `income_vs_2020`, `actual` is the current income and `required` the multiple of 2020's (million đồng/person/year). */
  id: "ntm_share" | "advanced_share" | "model_share" | "min_criteria" | "income_vs_2020";
  met: boolean;
  actual: number;
  required: number;
  reasons: Reason[];
}

const TIER_RANK: Record<Tier, number> = { standard: 1, advanced: 2, model: 3, modern: 4 };

/** A finite decimal number as an integer and a power of ten (`41.3` → 413n, 1), exact for what was written. */
function decimal(x: number): { int: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`not a finite number: ${x}`);
  const frac = m[3] ?? "";
  let int = BigInt(`${m[1]}${m[2]}${frac}`);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    int *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { int, scale };
}

/**
 * True when `current ≥ baseline × numerator / denominator`, compared exactly on the decimal values
 * (no floating-point rounding: 61.95 ≥ 41.3 × 1.5 holds).
 */
function atLeastMultiple(current: number, baseline: number, numerator: number, denominator: number): boolean {
  const c = decimal(current);
  const b = decimal(baseline);
  const n = decimal(numerator);
  const d = decimal(denominator);
  // current·d ≥ baseline·n, all brought to one scale
  const left = c.int * d.int;
  const right = b.int * n.int;
  const ls = c.scale + d.scale;
  const rs = b.scale + n.scale;
  const s = Math.max(ls, rs);
  return left * 10n ** BigInt(s - ls) >= right * 10n ** BigInt(s - rs);
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** The income check; its `ratio` param is rounded DOWN to 2 decimals, so a shortfall never shows as 1.5. */
function incomeCheck(income: IncomeVs2020, targets: ProgrammeTargets): TargetCheck {
  const { numerator, denominator } = targets.incomeMultipleOf2020 ?? { numerator: 3, denominator: 2 };
  const source = targets.incomeMultipleOf2020 ? targets.source : QD263_INCOME_SOURCE;
  const { baseline2020, current } = income;
  const multiple = round9(numerator / denominator);
  if (!Number.isFinite(baseline2020) || !Number.isFinite(current) || baseline2020 <= 0 || current < 0) {
    return {
      id: "income_vs_2020",
      met: false,
      actual: Number.isFinite(current) ? current : 0,
      required: 0,
      reasons: [
        {
          code: "target.income_invalid",
          path: ["income"],
          params: {
            baseline2020: Number.isFinite(baseline2020) ? baseline2020 : null,
            current: Number.isFinite(current) ? current : null,
            source,
          },
        },
      ],
    };
  }
  const met = atLeastMultiple(current, baseline2020, numerator, denominator);
  const required = round9((baseline2020 * numerator) / denominator);
  return {
    id: "income_vs_2020",
    met,
    actual: current,
    required,
    reasons: [
      {
        code: met ? "target.income_met" : "target.income_not_met",
        path: ["income_vs_2020"],
        params: { current, baseline2020, required, multiple, ratio: Math.floor(round9((current * 100) / baseline2020)) / 100, source },
      },
    ],
  };
}

/**
 * Checks a set of communes against programme targets: share meeting NTM, share advanced or model,
 * share model, and no commune below the minimum number of criteria; with `options.income`, also rural
 * income per capita against 2020 (QĐ 263: at least 1.5 times by 2025), compared exactly. Without
 * `options.income` no income check is returned (no baseline is assumed).
 * @example
 * checkProgrammeTargets([{ unitId: "a", tier: "standard", criteriaMet: 19 }, { unitId: "b", tier: null, criteriaMet: 14 }])
 *   .find((t) => t.id === "min_criteria")?.met // false
 * checkProgrammeTargets([], QD263_TARGETS, { income: { baseline2020: 41.3, current: 61.95 } })
 *   .find((t) => t.id === "income_vs_2020") // { met: true, actual: 61.95, required: 61.95, ... }
 */
export function checkProgrammeTargets(
  communes: readonly CommuneStanding[],
  targets: ProgrammeTargets = QD263_TARGETS,
  options: ProgrammeTargetOptions = {},
): TargetCheck[] {
  const n = communes.length;
  const pct = (k: number) => (n === 0 ? 0 : Math.round((10000 * k) / n) / 100);
  const atLeast = (t: Tier) => communes.filter((c) => c.tier !== null && TIER_RANK[c.tier] >= TIER_RANK[t]).length;
  const below = communes.filter((c) => c.criteriaMet < targets.minCriteria);
  const share = (id: TargetCheck["id"], k: number, required: number): TargetCheck => {
    const actual = pct(k);
    const met = n > 0 && k * 100 >= required * n;
    return {
      id,
      met,
      actual,
      required,
      reasons: [
        {
          code: met ? "target.met" : "target.not_met",
          path: [id],
          params: { target: id, actual, required, count: k, total: n, source: targets.source },
        },
      ],
    };
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
      reasons: [
        {
          code: below.length === 0 ? "target.min_criteria_met" : "target.below_min_criteria",
          path: ["min_criteria"],
          params: { units: below.map((c) => c.unitId), count: below.length, minCriteria: targets.minCriteria, source: targets.source },
        },
      ],
    },
    ...(options.income ? [incomeCheck(options.income, targets)] : []),
  ];
}
