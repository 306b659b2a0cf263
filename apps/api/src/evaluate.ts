import { type ClassificationLevel, type CompiledPack, type EvaluationResult, type Reason, type Tier, type UnitValues, evaluateUnit, highestTier, indicator182FromClassification } from "@ntm/core";
import type { LoadedPacks } from "./services/packs.js";
import { tierLadder } from "./services/packs.js";

/** One commune's evaluation along a tier ladder (standard → advanced → model). */
export interface LadderResult {
  results: EvaluationResult[];
  /** The highest tier met with every lower tier met too; null when not even the first is met. */
  tierReached: Tier | null;
}

/**
 * Compiled packs of a tier ladder starting at `packId`.
 * @example
 * compiledLadder(packs, "vn.commune-ntm.2021-2025").length // 3
 */
export function compiledLadder(packs: LoadedPacks, packId: string): CompiledPack[] {
  return tierLadder(packs.registry, packId).map((p) => packs.compiled(p.id)!);
}

/**
 * A commune's annual classification (Party committee and government), as indicator 18.2 reads it.
 * The API computes one level per commune (core `rankUnits`), so it stands for both bodies.
 */
export interface Classification182 {
  /** The year classified: the API uses the year BEFORE the one evaluated (see {@link withClassification182}). */
  year: number;
  level: ClassificationLevel;
}

/** Indicator 18.2 of the commune set: Party committee and government rated at least "hoàn thành tốt nhiệm vụ". */
export const INDICATOR_182 = "18.2";

/**
 * Indicator 18.2 from a classification. When the values have no 18.2 (absent or null), it is filled
 * with core `indicator182FromClassification` and a `derived.classification` reason; when an entered
 * 18.2 contradicts the classification, the entered value is kept and a `derived.classification_conflict`
 * reason says so. Without a classification the document is returned as is.
 *
 * Which year: a year's classification is decided early the next year, so when a year is evaluated the
 * latest classification that exists is the previous year's; the API passes that one (the tool's
 * choice, ⚠️ not verified against the guidance). It also avoids a loop (the classification scores the
 * criteria met, which include 18.2).
 * @example
 * withClassification182(doc, { year: 2024, level: "good" }).doc.values["18.2"] // true (when doc had none)
 */
export function withClassification182(doc: UnitValues, c: Classification182 | undefined): { doc: UnitValues; reason: Reason | null } {
  if (!c) return { doc, reason: null };
  const derived = indicator182FromClassification(c.level, c.level);
  const entered = doc.values[INDICATOR_182];
  const base = { indicator: INDICATOR_182, classificationYear: c.year, level: c.level };
  if (entered === undefined || entered === null) {
    return { doc: { ...doc, values: { ...doc.values, [INDICATOR_182]: derived } }, reason: { code: "derived.classification", path: ["values", INDICATOR_182], params: { ...base, value: derived } } };
  }
  if (entered !== derived) return { doc, reason: { code: "derived.classification_conflict", path: ["values", INDICATOR_182], params: { ...base, entered, derived } } };
  return { doc, reason: null };
}

/** Adds a reason to indicator 18.2 of an evaluation (marked derived when it was filled). */
function annotate182(r: EvaluationResult, reason: Reason): EvaluationResult {
  return {
    ...r,
    criteria: r.criteria.map((cr) =>
      cr.indicators.some((i) => i.id === INDICATOR_182)
        ? { ...cr, indicators: cr.indicators.map((i) => (i.id === INDICATOR_182 ? { ...i, ...(reason.code === "derived.classification" ? { derived: true } : {}), reasons: [...i.reasons, reason] } : i)) }
        : cr,
    ),
  };
}

/**
 * Evaluates a values document against one pack, with indicator 18.2 taken from or checked against a
 * classification ({@link withClassification182}); without one, exactly core `evaluateUnit`.
 * @example
 * evaluateWithClassification(compiled, doc, { year: 2024, level: "good" }).criteria // 18.2 filled when absent
 */
export function evaluateWithClassification(compiled: CompiledPack, input: UnitValues, classification: Classification182 | undefined): EvaluationResult {
  const { doc, reason } = withClassification182(input, classification);
  const r = evaluateUnit(compiled, doc);
  return reason ? annotate182(r, reason) : r;
}

/**
 * Evaluates a values document along a ladder (core's {@link highestTier} decides the tier reached); with
 * `classification`, indicator 18.2 is taken from it or checked against it ({@link withClassification182}).
 * @example
 * evaluateLadder(ladder, doc).tierReached // "advanced"
 */
export function evaluateLadder(ladder: readonly CompiledPack[], input: UnitValues, options: { stopAtFirstMiss?: boolean; classification?: Classification182 } = {}): LadderResult {
  const { doc, reason } = withClassification182(input, options.classification);
  const standing = highestTier(ladder, doc, { evaluateAll: !options.stopAtFirstMiss });
  const results = reason ? standing.results.map((r) => annotate182(r, reason)) : standing.results;
  return { results, tierReached: standing.tier };
}
