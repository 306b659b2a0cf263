import type { Reason } from "../../schemas/common.js";
import { type ClassificationLevel, compareLevels, lowerLevel } from "../levels.js";
import type { RankingOptions, RankingUnit } from "../input.js";
import type { CapName, CapRule } from "./types.js";
import { revokedRecognition } from "./revokedRecognition.js";
import { discipline124 } from "./discipline124.js";
import { discipline366 } from "./discipline366.js";
import { tasksDataPresent366, tasksDone366, tasksExceeding366, tasksOnTime366 } from "./tasks366.js";

/** The registry of cap rules; a regime lists the names it applies. */
export const CAP_RULES: Readonly<Record<CapName, CapRule>> = {
  revokedRecognition,
  discipline124,
  discipline366,
  tasksDataPresent366,
  tasksExceeding366,
  tasksOnTime366,
  tasksDone366,
};

/** A cap that held for a unit, and whether it lowered the level. */
export interface AppliedCap {
  rule: CapName;
  maxLevel: ClassificationLevel;
  lowered: boolean;
  verified: boolean;
  reason: Reason;
}

/**
 * Applies the named cap rules to a level; never branches on a rule's name. Every cap that holds is
 * recorded, with `lowered` true when it brought the level down.
 * @example
 * applyCaps("excellent", { unitId: "x", values: {}, recognitionRevoked: true }, ["revokedRecognition"], {})
 * // { level: "completed", caps: [{ rule: "revokedRecognition", maxLevel: "completed", lowered: true, ... }] }
 */
export function applyCaps(
  level: ClassificationLevel,
  unit: RankingUnit,
  names: readonly CapName[],
  options: RankingOptions,
): { level: ClassificationLevel; caps: AppliedCap[] } {
  let cur = level;
  const caps: AppliedCap[] = [];
  for (const rule of names) {
    const out = CAP_RULES[rule](unit, options);
    if (!out) continue;
    const lowered = compareLevels(out.maxLevel, cur) < 0;
    cur = lowerLevel(cur, out.maxLevel);
    caps.push({ rule, maxLevel: out.maxLevel, lowered, verified: out.verified, reason: out.reason });
  }
  return { level: cur, caps };
}
