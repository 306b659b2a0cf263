/**
 * A unit's trend over years: per year, the roll-up's counts and, for a commune, its own standing.
 * Across the 2025 reform a merged commune's years that closed before it took effect are read from
 * the communes it was formed from (core's trendSourceOf), each shown with its own standing and
 * labelled with its name; no merged verdict is made up for those years.
 */
import { type TrendBeforeMergerReason, trendSourceOf } from "@ntm/core";
import type { Db } from "../db/index.js";
import type { UnitTree } from "../units.js";
import { computeRollup } from "./evaluations.js";
import type { LoadedPacks } from "./packs.js";

/** A commune's standing in one year. */
export interface TrendStanding {
  criteriaMet: number | null;
  tierReached: "standard" | "advanced" | "model" | "modern" | null;
  revoke: boolean | null;
}

/** One year of a trend. */
export interface TrendYear extends TrendStanding {
  year: number;
  packId: string | null;
  communes: number;
  noPack: number;
  countsByTier: Awaited<ReturnType<typeof computeRollup>>["countsByTier"];
  undetermined: Awaited<ReturnType<typeof computeRollup>>["undetermined"];
  /** "own": the unit's results; "predecessors": the year closed before the merged unit existed. */
  source: "own" | "predecessors";
  reason?: TrendBeforeMergerReason;
  /** For a "predecessors" year: each former commune's own standing, by name. */
  predecessors?: (TrendStanding & { unitId: string; name: string })[];
}

const standing = (
  line: { criteriaMet: number; tierReached: TrendStanding["tierReached"]; revoke: boolean } | undefined,
): TrendStanding => ({
  criteriaMet: line?.criteriaMet ?? null,
  tierReached: line?.tierReached ?? null,
  revoke: line ? line.revoke : null,
});

/**
 * Computes the trend of a unit from `from` to `to`.
 * @example
 * const years = await computeTrend(db, tree, packs, "c-01-01", 2021, 2025);
 */
export async function computeTrend(
  db: Db,
  tree: UnitTree,
  packs: LoadedPacks,
  unitId: string,
  from: number,
  to: number,
  packId?: string,
): Promise<TrendYear[]> {
  const unit = tree.byId.get(unitId)!;
  const isCommune = unit.level === "commune";
  const years: TrendYear[] = [];
  for (let year = from; year <= to; year++) {
    const r = await computeRollup(db, tree, packs, unitId, year, packId);
    const base = {
      year,
      packId: r.packId,
      communes: r.communes.length,
      noPack: r.noPack.count,
      countsByTier: r.countsByTier,
      undetermined: r.undetermined,
    };
    const source = isCommune
      ? trendSourceOf({ id: unit.id, effectiveFrom: unit.effectiveFrom, mergedFrom: unit.mergedFrom }, year)
      : ({ kind: "own", unitId } as const);
    if (source.kind === "own") {
      years.push({ ...base, ...standing(isCommune ? r.communes[0] : undefined), source: "own" });
      continue;
    }
    const predecessors = [];
    for (const id of source.unitIds.filter((x) => tree.byId.has(x))) {
      const p = await computeRollup(db, tree, packs, id, year, packId);
      predecessors.push({ unitId: id, name: tree.byId.get(id)!.name, ...standing(p.communes[0]) });
    }
    years.push({ ...base, ...standing(undefined), source: "predecessors", reason: source.reason, predecessors });
  }
  return years;
}
