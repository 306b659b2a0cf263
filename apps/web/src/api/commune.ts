import { useQuery } from "@tanstack/react-query";
import { checkRevocation, gapToNextTier, type EvaluationResult, type RevocationCheck, type TierGap, type YearOverYear } from "@ntm/core";
import { getJson } from "./http";
import { endpoints } from "./endpoints";
import { fetchPack, optional } from "./queries";
import type { PackView, Unit, UnitDetail } from "./types";
import { DEFAULT_YEAR } from "../lib/years";

/** Everything the commune page shows for one year. */
export interface CommuneView {
  unit: Unit;
  ancestors: Unit[];
  hamlets: Unit[];
  years: number[];
  evaluation: EvaluationResult;
  yoy: YearOverYear | null;
  revocation: RevocationCheck;
  /** What is missing: for the pack itself when not met, else for the next tier's pack. */
  gap: TierGap | null;
  gapPack: PackView | null;
  pack: PackView | null;
}

/**
 * Loads a commune's evaluation for a year (default: its latest year with values), the changes since
 * last year, the revocation check, its hamlets and the gap to the next tier.
 */
export function useCommune(unitId: string, year: number | undefined) {
  return useQuery({
    queryKey: ["commune", unitId, year],
    queryFn: async (): Promise<CommuneView> => {
      const [detail, yearList] = await Promise.all([getJson<UnitDetail>(endpoints.unit(unitId)), optional(getJson<{ items: { year: number }[] }>(endpoints.valueYears(unitId)))]);
      const years = (yearList?.items ?? []).map((y) => y.year).sort((a, b) => a - b);
      const y = year ?? years.at(-1) ?? DEFAULT_YEAR;
      const evaluation = await getJson<EvaluationResult>(endpoints.evaluation(unitId), { year: y });
      const [pack, yoy] = await Promise.all([optional(fetchPack(evaluation.packId)), years.includes(y - 1) ? optional(getJson<YearOverYear>(endpoints.changes(unitId), { year: y })) : Promise.resolve(null)]);
      let gap: TierGap | null = gapToNextTier(evaluation);
      let gapPack: PackView | null = pack;
      if (evaluation.status === "met" && pack?.nextTier) {
        gapPack = await optional(fetchPack(pack.nextTier));
        gap = await optional(getJson<TierGap>(endpoints.gap(unitId), { year: y, pack: pack.nextTier }));
      }
      return {
        unit: detail.unit,
        ancestors: detail.ancestors,
        hamlets: detail.children.filter((c) => c.level === "hamlet"),
        years,
        evaluation,
        yoy,
        revocation: evaluation.revocation ?? checkRevocation(evaluation),
        gap,
        gapPack,
        pack,
      };
    },
  });
}
