import type { Reason } from "../../schemas/common.js";
import type { ClassificationLevel } from "../levels.js";
import { type RankKeys, compareRankKeys } from "../_lib/compare.js";

/** A unit as the quota sees it. */
export interface QuotaEntry extends RankKeys {
  group: string;
  level: ClassificationLevel;
}

/** The quota's outcome in one group. */
export interface QuotaGroupResult {
  group: string;
  candidates: number;
  kept: number;
  /** Units rated good after the quota (demoted ones included). */
  good: number;
  moved: string[];
}

/** A unit moved from excellent to good by the quota. */
export interface QuotaMove {
  unitId: string;
  from: "excellent";
  to: "good";
  reason: Reason;
}

/**
 * Applies the excellent quota (excellent ≤ numerator/denominator of those rated good, within each
 * group; 20% under 124-QĐ/TW). Deterministic: candidates are ordered by score desc, criteria met desc,
 * fewer criteria lost, unit id asc; the first k are kept and the rest move down to good.
 * The count of "good" is taken AFTER demotion (demoted units are rated good), so k is the fixed point:
 * the largest k ≤ candidates with k ≤ floor(share × (good + candidates − k)). The loop walks k down
 * from the number of candidates until that holds (it equals floor(n·(good+candidates)/(n+d))).
 * @example
 * // 9 good + 3 excellent candidates: keeping 2 leaves 10 good, and 2 ≤ 20% × 10
 * applyQuota(entries, { numerator: 1, denominator: 5 }).moves.map((m) => m.unitId) // the third candidate
 */
export function applyQuota(
  entries: readonly QuotaEntry[],
  share: { numerator: number; denominator: number },
): { moves: QuotaMove[]; groups: QuotaGroupResult[] } {
  const groups = [...new Set(entries.map((e) => e.group))].sort();
  const moves: QuotaMove[] = [];
  const results: QuotaGroupResult[] = [];
  for (const group of groups) {
    const inGroup = entries.filter((e) => e.group === group);
    const candidates = inGroup.filter((e) => e.level === "excellent").sort(compareRankKeys);
    const good = inGroup.filter((e) => e.level === "good").length;
    const e = candidates.length;
    let k = e;
    // k ≤ floor(n/d × (good + e − k))  <=>  d·k ≤ n·(good + e − k)  (integers: exact)
    while (k > 0 && share.denominator * k > share.numerator * (good + e - k)) k--;
    const moved = candidates.slice(k);
    moved.forEach((m, i) => {
      moves.push({
        unitId: m.unitId,
        from: "excellent",
        to: "good",
        reason: {
          code: "quota.moved",
          path: ["units", m.unitId, "level"],
          params: {
            group,
            position: k + i + 1,
            candidates: e,
            kept: k,
            good: good + e - k,
            numerator: share.numerator,
            denominator: share.denominator,
            score: m.score,
          },
        },
      });
    });
    results.push({ group, candidates: e, kept: k, good: good + e - k, moved: moved.map((m) => m.unitId) });
  }
  return { moves, groups: results };
}
