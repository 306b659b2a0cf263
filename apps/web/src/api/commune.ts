import { useQuery } from "@tanstack/react-query";
import { checkRevocation, compareYears, gapToNextTier, type EvaluationResult, type RevocationCheck, type TierGap, type YearOverYear } from "@ntm/core";
import { ApiError, getJson } from "./http";
import { endpoints } from "./endpoints";
import type { Unit } from "./types";

/** A pack as the commune page needs it: names and kinds of criteria and indicators. */
export interface PackView {
  id: string;
  title?: { vi: string; en: string };
  example?: boolean;
  criteria: { id: string; name: { vi: string; en: string }; key?: boolean; indicators: { id: string; name: { vi: string; en: string }; kind: "boolean" | "percent" | "number"; unit?: string; verified: boolean; derive?: unknown }[] }[];
}

/** Everything the commune page shows for one year. */
export interface CommuneView {
  unit: Unit;
  evaluation: EvaluationResult;
  yoy: YearOverYear | null;
  revocation: RevocationCheck;
  gap: TierGap | null;
  pack: PackView | null;
}

function unwrapEvaluation(data: unknown): EvaluationResult {
  const d = data as Record<string, unknown>;
  return (d["evaluation"] ?? d["result"] ?? d) as EvaluationResult;
}

async function optional<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && e.status < 500) return null;
    throw e;
  }
}

/**
 * Loads a commune's evaluation for a year with last year's (for the changes), the revocation
 * check and the gap to the next tier. Where the API gives these, its answer wins; otherwise the
 * pure functions of @ntm/core compute them from the two evaluations.
 */
export function useCommune(unitId: string, year: number | undefined) {
  return useQuery({
    queryKey: ["commune", unitId, year],
    queryFn: async (): Promise<CommuneView> => {
      const [unit, evalRaw] = await Promise.all([getJson<Unit>(endpoints.unit(unitId)), getJson<unknown>(endpoints.evaluation(unitId), year ? { year } : undefined)]);
      const evaluation = unwrapEvaluation(evalRaw);
      const raw = evalRaw as Record<string, unknown>;
      const prevRaw = raw["previous"] ?? (await optional(getJson<unknown>(endpoints.evaluation(unitId), { year: evaluation.year - 1 })));
      const previous = prevRaw ? unwrapEvaluation(prevRaw) : null;
      const yoy = (raw["yearOverYear"] ?? raw["changes"] ?? (previous && previous.criteria?.length ? compareYears(previous, evaluation) : null)) as YearOverYear | null;
      const revocation = (raw["revocation"] ?? evaluation.revocation ?? checkRevocation(evaluation)) as RevocationCheck;
      const gap = (raw["gap"] ?? raw["nextTier"] ?? gapToNextTier(evaluation)) as TierGap | null;
      const pack = await optional(getJson<PackView>(endpoints.pack(evaluation.packId)));
      return { unit, evaluation, yoy, revocation, gap, pack: pack ? ((pack as unknown as { pack?: PackView }).pack ?? pack) : null };
    },
  });
}
