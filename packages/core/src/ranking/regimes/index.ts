import type { Provenance } from "../../recognition/config/index.js";
import type { ClassificationLevel } from "../levels.js";
import type { CapName } from "../caps/types.js";

/** A score band: the lowest score (inclusive) that reaches a level. */
export interface ScoreBand {
  level: ClassificationLevel;
  minScore: number;
}

/** A classification regime as data: its years, score bands, cap rules and the excellent quota. */
export interface ClassificationRegime {
  id: "124-QĐ/TW" | "366-QĐ/TW";
  title: { vi: string; en: string };
  /** Review years it governs (inclusive; null = open). */
  fromYear: number | null;
  toYear: number | null;
  /** Bands from the highest level down; a score below every band gets the last level. */
  bands: readonly ScoreBand[];
  bandsProvenance: Provenance;
  caps: readonly CapName[];
  /** Excellent ≤ numerator/denominator of those rated good, within each group. */
  quota: { numerator: number; denominator: number; provenance: Provenance };
}

const BANDS: readonly ScoreBand[] = [
  { level: "excellent", minScore: 90 },
  { level: "good", minScore: 70 },
  { level: "completed", minScore: 50 },
  { level: "not_completed", minScore: 0 },
];

/** Quy định 366-QĐ/TW (30/8/2025), from the 2025 review: 100-point scale (rules.md §7.2). */
export const REGIME_366: ClassificationRegime = {
  id: "366-QĐ/TW",
  title: { vi: "Quy định 366-QĐ/TW ngày 30/8/2025", en: "Regulation 366-QĐ/TW of 30/8/2025" },
  fromYear: 2025,
  toYear: null,
  bands: BANDS,
  bandsProvenance: {
    basis: "Quy định 366-QĐ/TW Điều 11: xuất sắc ≥ 90, tốt 70–< 90, hoàn thành 50–< 70, không hoàn thành < 50 (rules.md §7.2)",
    verified: true,
    isDefault: false,
  },
  caps: ["revokedRecognition", "discipline366", "tasksDataPresent366", "tasksExceeding366", "tasksOnTime366", "tasksDone366"],
  quota: {
    numerator: 1,
    denominator: 5,
    provenance: {
      basis:
        "20% quota of 124-QĐ/TW carried over (366-QĐ/TW text on the quota not retrieved); NĐ 335/2025/NĐ-CP keeps 20% for civil servants",
      verified: false,
      isDefault: true,
    },
  },
};

/**
 * Quy định 124-QĐ/TW (04/10/2023), for reviews up to 2024. 124 has four levels but no point scale:
 * the bands here are the tool's default mapping of the same score, not law.
 */
export const REGIME_124: ClassificationRegime = {
  id: "124-QĐ/TW",
  title: { vi: "Quy định 124-QĐ/TW ngày 04/10/2023", en: "Regulation 124-QĐ/TW of 04/10/2023" },
  fromYear: null,
  toYear: 2024,
  bands: BANDS,
  bandsProvenance: {
    basis: "124-QĐ/TW has no point scale: the tool maps scores with the 366-QĐ/TW bands by default (not law)",
    verified: false,
    isDefault: true,
  },
  caps: ["revokedRecognition", "discipline124"],
  quota: {
    numerator: 1,
    denominator: 5,
    provenance: {
      basis: "Quy định 124-QĐ/TW: xuất sắc ≤ 20% of hoàn thành tốt within a group of similar functions (rules.md §7.1)",
      verified: true,
      isDefault: false,
    },
  },
};

/** All regimes, newest first. */
export const CLASSIFICATION_REGIMES: readonly ClassificationRegime[] = [REGIME_366, REGIME_124];

/**
 * The regime for a review year: 366-QĐ/TW from 2025, 124-QĐ/TW up to 2024 (also used, as the tool's
 * default, for years before 124 took effect).
 * @example
 * regimeForYear(2024).id // "124-QĐ/TW"
 * regimeForYear(2025).id // "366-QĐ/TW"
 */
export function regimeForYear(year: number): ClassificationRegime {
  return (
    CLASSIFICATION_REGIMES.find((r) => (r.fromYear === null || year >= r.fromYear) && (r.toYear === null || year <= r.toYear)) ?? REGIME_124
  );
}

/**
 * The level a score reaches in a regime's bands (lower bounds inclusive: 90 is excellent, 89.99 is not).
 * @example
 * levelForScore(70, REGIME_366) // "good"
 * levelForScore(69.99, REGIME_366) // "completed"
 */
export function levelForScore(score: number, regime: ClassificationRegime): ClassificationLevel {
  return (regime.bands.find((b) => score >= b.minScore) ?? regime.bands[regime.bands.length - 1]!).level;
}
