import type { Reason } from "../../schemas/common.js";
import { type ExactShare, exactShare } from "../../resources/exactShare/index.js";
import type { House, HouseStatus } from "../schema.js";

/** Housing programme figures for a commune or a whole subtree. */
export interface HousingSummary {
  /** The commune, or the root of a roll-up. */
  unitId: string;
  /** Communes whose houses are counted (one for a commune, all in the subtree for a roll-up). */
  unitIds: string[];
  total: number;
  counts: Record<HouseStatus, number>;
  /** Temporary or dilapidated houses still standing (under construction is counted apart). */
  remaining: number;
  remainingIds: string[];
  underConstructionIds: string[];
  /** Support in whole đồng over all houses. */
  supportDong: bigint;
  /** Completed houses as a share of all recorded houses. */
  completedShare: ExactShare;
  reasons: Reason[];
}

/**
 * Summarises the houses given, for `unitId` covering `unitIds`.
 * @example
 * summariseHouses(houses, "x1", ["x1"]).remaining // 2
 */
export function summariseHouses(houses: readonly House[], unitId: string, unitIds: string[]): HousingSummary {
  const counts: Record<HouseStatus, number> = { temporary: 0, dilapidated: 0, under_construction: 0, completed: 0 };
  const remainingIds: string[] = [];
  const underConstructionIds: string[] = [];
  let supportDong = 0n;
  for (const h of houses) {
    counts[h.status] += 1;
    supportDong += h.supportAmount;
    if (h.status === "temporary" || h.status === "dilapidated") remainingIds.push(h.id);
    if (h.status === "under_construction") underConstructionIds.push(h.id);
  }
  const completedShare = exactShare(BigInt(counts.completed), BigInt(houses.length));
  const path = ["units", unitId];
  const reasons: Reason[] = [
    {
      code: "housing.summary",
      path,
      params: { unit: unitId, total: houses.length, ...counts, support: supportDong.toString(), completedPercent: completedShare.percent },
    },
    remainingIds.length > 0
      ? {
          code: "housing.remaining",
          path,
          params: {
            unit: unitId,
            count: remainingIds.length,
            temporary: counts.temporary,
            dilapidated: counts.dilapidated,
            houses: [...remainingIds],
          },
        }
      : { code: "housing.none_remaining", path, params: { unit: unitId } },
  ];
  if (underConstructionIds.length > 0)
    reasons.push({
      code: "housing.under_construction",
      path,
      params: { unit: unitId, count: underConstructionIds.length, houses: [...underConstructionIds] },
    });
  return {
    unitId,
    unitIds,
    total: houses.length,
    counts,
    remaining: remainingIds.length,
    remainingIds,
    underConstructionIds,
    supportDong,
    completedShare,
    reasons,
  };
}
