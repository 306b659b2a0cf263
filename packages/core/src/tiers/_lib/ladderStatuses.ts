import type { Tier } from "../../schemas/pack.js";
import type { UnitValues } from "../../schemas/values.js";
import type { CompiledPack } from "../../evaluation/compilePack.js";
import { type UnitStatuses, evaluateStatuses } from "../../evaluation/evaluateStatuses.js";
import { type Classification182, withClassification182 } from "../withClassification182/index.js";

/** One unit's statuses along a tier ladder (no reasons): what roll-ups and rankings read. */
export interface LadderStatuses {
  /** One entry per pack evaluated, in ladder order (up to the first tier missed). */
  statuses: UnitStatuses[];
  /** The highest tier met with every lower tier met too; null when not even the first is met. */
  tierReached: Tier | null;
}

/**
 * The status-only twin of `evaluateLadder(ladder, doc, { stopAtFirstMiss: true, classification })`:
 * the same decisions (18.2 taken from the classification when not entered, the tier ladder stopped at
 * the first tier missed) through `evaluateStatuses`, without building reasons or detail.
 * @example
 * ladderStatuses(ladder, doc, { year: 2023, level: "good" }).tierReached // "standard"
 */
export function ladderStatuses(ladder: readonly CompiledPack[], input: UnitValues, classification?: Classification182): LadderStatuses {
  const { doc } = withClassification182(input, classification);
  const docs = [doc];
  const statuses: UnitStatuses[] = [];
  let tierReached: Tier | null = null;
  for (const compiled of ladder) {
    const s = evaluateStatuses(compiled, docs)[0]!;
    statuses.push(s);
    if (s.status !== "met") break;
    tierReached = compiled.pack.tier;
  }
  return { statuses, tierReached };
}

/** Criterion → indicator indexes (compiled order) per compiled pack. */
const criterionIndicators = new WeakMap<CompiledPack, number[][]>();

/**
 * The indicator indexes (in `compiled.indicators` order, as `UnitStatuses.indicators`) of each
 * criterion (in `compiled.pack.criteria` order).
 * @example
 * indicatorsOfCriteria(compiled)[0] // [0, 1] — criterion 1's two indicators
 */
export function indicatorsOfCriteria(compiled: CompiledPack): readonly (readonly number[])[] {
  let lists = criterionIndicators.get(compiled);
  if (!lists) {
    const out: number[][] = compiled.pack.criteria.map(() => []);
    compiled.indicators.forEach((ci, i) => out[ci.criterionIndex]!.push(i));
    criterionIndicators.set(compiled, (lists = out));
  }
  return lists;
}
