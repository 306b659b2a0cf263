import type { CriterionStatus, IndicatorResult, IndicatorStatus } from "../../schemas/result.js";
import type { UnitValues } from "../../schemas/values.js";
import type { CompiledPack } from "../../evaluation/compilePack.js";
import type { Classification182 } from "../withClassification182/index.js";
import { evaluateLadder } from "../evaluateLadder/index.js";
import { type RollupStanding, rollupStanding } from "../../rollup/rollupStanding/index.js";

/** What an edit of a unit's values would do, before it is saved. */
export interface ValuesChangePreview {
  /** The unit's standing with the saved values and with the edited ones (the roll-up's line). */
  before: RollupStanding;
  after: RollupStanding;
  /** The highest tier reached changes (e.g. model → null, "Chưa đạt chuẩn"). */
  tierChanged: boolean;
  /** Criteria of the ladder's first pack whose status changes, in pack order. */
  criterionChanges: { id: string; before: CriterionStatus; after: CriterionStatus }[];
  /** Indicators whose status changes, in ladder order (first pack that holds each id). */
  indicatorChanges: { id: string; before: IndicatorStatus; after: IndicatorStatus }[];
  /**
   * Each indicator of the ladder evaluated with the edited values, taken from the first pack that
   * holds it: status, actual, required and comparator (a field's badge and threshold).
   */
  indicators: Record<string, IndicatorResult>;
}

function indicatorsOf(ladder: readonly CompiledPack[], doc: UnitValues, classification?: Classification182): Map<string, IndicatorResult> {
  const { results } = evaluateLadder(ladder, doc, classification ? { classification } : {});
  const out = new Map<string, IndicatorResult>();
  for (const r of results) for (const c of r.criteria) for (const i of c.indicators) if (!out.has(i.id)) out.set(i.id, i);
  return out;
}

/**
 * Compares a unit's standing along its tier ladder with the saved values and with the values an officer
 * has typed, using the same roll-up line the API computes (`rollupStanding`): the tier reached before
 * and after, the criteria and indicators whose status changes, and each indicator's result with the
 * typed values (for the badge beside a field). Pure; evaluate both documents with the same
 * classification so that only the edit makes a difference.
 * @example
 * const p = previewValuesChange(ladder, saved, { ...saved, values: { ...saved.values, "10": 45.5 } });
 * [p.before.tierReached, p.after.tierReached] // ["model", null]
 * p.criterionChanges // [{ id: "10", before: "met", after: "not_met" }]
 */
export function previewValuesChange(
  ladder: readonly CompiledPack[],
  before: UnitValues,
  after: UnitValues,
  options: { classification?: Classification182 } = {},
): ValuesChangePreview {
  const sBefore = rollupStanding(ladder, before, options.classification);
  const sAfter = rollupStanding(ladder, after, options.classification);
  const criterionChanges = Object.keys(sAfter.criteria)
    .filter((id) => sBefore.criteria[id] !== sAfter.criteria[id])
    .map((id) => ({ id, before: sBefore.criteria[id] ?? "indeterminate", after: sAfter.criteria[id] ?? "indeterminate" }));
  const iBefore = indicatorsOf(ladder, before, options.classification);
  const iAfter = indicatorsOf(ladder, after, options.classification);
  const indicatorChanges = [...iAfter.values()]
    .filter((i) => iBefore.get(i.id)?.status !== i.status)
    .map((i) => ({ id: i.id, before: iBefore.get(i.id)?.status ?? "missing", after: i.status }));
  return {
    before: sBefore,
    after: sAfter,
    tierChanged: sBefore.tierReached !== sAfter.tierReached,
    criterionChanges,
    indicatorChanges,
    indicators: Object.fromEntries(iAfter),
  };
}
