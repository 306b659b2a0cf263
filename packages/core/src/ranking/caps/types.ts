import type { Reason } from "../../schemas/common.js";
import type { ClassificationLevel } from "../levels.js";
import type { RankingOptions, RankingUnit } from "../input.js";

/** Names of the cap rules in {@link CAP_RULES}. */
export type CapName =
  | "revokedRecognition"
  | "discipline124"
  | "discipline366"
  | "tasksDataPresent366"
  | "tasksExceeding366"
  | "tasksOnTime366"
  | "tasksDone366";

/** A cap that holds for a unit: the highest level it may get, and why. */
export interface CapOutcome {
  maxLevel: ClassificationLevel;
  reason: Reason;
  verified: boolean;
}

/** A cap rule: a small named pure function; null when it does not hold. */
export type CapRule = (unit: RankingUnit, options: RankingOptions) => CapOutcome | null;
