import type { Reason } from "../../schemas/common.js";
import type { UnitValues } from "../../schemas/values.js";
import type { ClassificationLevel } from "../../ranking/levels.js";
import { indicator182FromClassification } from "../../ranking/indicator182/index.js";

/** Indicator 18.2 of the commune set: Party committee and government rated at least "hoàn thành tốt nhiệm vụ". */
export const INDICATOR_182 = "18.2";

/**
 * A commune's annual classification (xếp loại: Party committee and government) as indicator 18.2
 * reads it. One level stands for both bodies when only one is computed (the API's ranking).
 */
export interface Classification182 {
  /** The year classified; callers pass the year BEFORE the one evaluated (see {@link withClassification182}). */
  year: number;
  level: ClassificationLevel;
}

/**
 * Indicator 18.2 from a classification. When the values have no 18.2 (absent or null), it is filled
 * with {@link indicator182FromClassification} and a `derived.classification` reason; when an entered
 * 18.2 contradicts the classification, the entered value is kept and a `derived.classification_conflict`
 * reason says so. Without a classification the document is returned as is.
 *
 * Which year: a year's classification is decided early the next year, so when a year is evaluated the
 * latest classification that exists is the previous year's; callers pass that one (the tool's choice,
 * ⚠️ not verified against the guidance). It also avoids a loop (the classification scores the criteria
 * met, which include 18.2).
 * @example
 * withClassification182(doc, { year: 2024, level: "good" }).doc.values["18.2"] // true (when doc had none)
 */
export function withClassification182(doc: UnitValues, c: Classification182 | undefined): { doc: UnitValues; reason: Reason | null } {
  if (!c) return { doc, reason: null };
  const derived = indicator182FromClassification(c.level, c.level);
  const entered = doc.values[INDICATOR_182];
  const base = { indicator: INDICATOR_182, classificationYear: c.year, level: c.level };
  if (entered === undefined || entered === null) {
    return {
      doc: { ...doc, values: { ...doc.values, [INDICATOR_182]: derived } },
      reason: { code: "derived.classification", path: ["values", INDICATOR_182], params: { ...base, value: derived } },
    };
  }
  if (entered !== derived)
    return {
      doc,
      reason: { code: "derived.classification_conflict", path: ["values", INDICATOR_182], params: { ...base, entered, derived } },
    };
  return { doc, reason: null };
}
