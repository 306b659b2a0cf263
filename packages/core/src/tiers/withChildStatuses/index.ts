import type { UnitValues } from "../../schemas/values.js";
import type { CompiledPack } from "../../evaluation/compilePack.js";
import type { Classification182 } from "../withClassification182/index.js";
import { evaluateLadder } from "../evaluateLadder/index.js";
import { childTierStatuses } from "../childTierStatuses/index.js";

/** Options of {@link withChildStatuses}. */
export interface WithChildStatusesOptions {
  /** Each child's previous-year classification by unit id: its indicator 18.2 is taken from it. */
  classifications?: ReadonlyMap<string, Classification182>;
  /**
   * Full documents of the children by unit id (a commune with its hamlets). A child found here is
   * evaluated with its document; otherwise with its `values` alone.
   */
  childDocs?: ReadonlyMap<string, UnitValues>;
}

/**
 * Fills each child's tier statuses for a parent pack's child tests (a district rolling up its
 * communes). The child is evaluated along the ladder (the packs of its level, in order) and a tier
 * counts as met only when every tier below it is met too ({@link childTierStatuses}); 18.2 comes from
 * its classification when one is given. Statuses the caller already set on a child are kept.
 *
 * This replaces two rules that disagreed: the API chained the tiers, core evaluated each pack on its
 * own (a commune meeting the advanced thresholds while missing standard counted as advanced). The
 * chain is right: recognition as advanced NTM presupposes NTM (QĐ 318/QĐ-TTg), and {@link highestTier}
 * already reads the ladder that way.
 * @example
 * const district = withChildStatuses({ ...districtDoc, children: communes }, communeLadder);
 * evaluateUnit(compiledDistrictPack, district);
 */
export function withChildStatuses(doc: UnitValues, ladder: readonly CompiledPack[], options: WithChildStatusesOptions = {}): UnitValues {
  if (!doc.children) return doc;
  return {
    ...doc,
    children: doc.children.map((c) => {
      const packs = ladder.filter((p) => p.pack.level === c.unit.level);
      if (!packs.length) return c;
      const own = options.childDocs?.get(c.unit.id) ?? { unit: c.unit, year: doc.year, values: c.values };
      const classification = options.classifications?.get(c.unit.id);
      const evaluated = childTierStatuses(evaluateLadder(packs, own, classification ? { classification } : {}).results);
      return { ...c, statuses: { ...evaluated, ...c.statuses } };
    }),
  };
}
