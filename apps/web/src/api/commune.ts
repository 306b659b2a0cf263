import { useQuery, useQueryClient } from "@tanstack/react-query";
import { checkRevocation, gapToNextTier, type EvaluationResult, type RevocationCheck, type TierGap, type YearOverYear } from "@ntm/core";
import { api, must } from "./client";
import { ApiError } from "./http";
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
  /** The highest tier met along the ladder, every lower tier met too; null when not even NTM. */
  tierReached: string | null;
  pack: PackView | null;
  /** Evidence notes per indicator id for the year (where each figure comes from); empty when none. */
  notes: Record<string, string>;
}

/**
 * A year with no pack adopted for the commune (the API's `status: "no_pack"`): what the page needs to
 * say so ("Chưa áp dụng bộ tiêu chí cho năm 2026") and still offer the other years, never a verdict.
 */
export class NoPackError extends Error {
  readonly unit: Unit;
  readonly ancestors: Unit[];
  readonly years: number[];
  readonly year: number;
  readonly reasons: { code: string; vi: string; en: string }[];
  constructor(d: { unit: Unit; ancestors: Unit[]; years: number[]; year: number; reasons: { code: string; vi: string; en: string }[] }) {
    super(d.reasons.map((r) => r.vi).join("; ") || `Chưa áp dụng bộ tiêu chí cho năm ${d.year}`);
    this.name = "NoPackError";
    this.unit = d.unit;
    this.ancestors = d.ancestors;
    this.years = d.years;
    this.year = d.year;
    this.reasons = d.reasons;
  }
}

/**
 * Loads a commune's evaluation for a year (default: its latest year with values), the changes since
 * last year, the revocation check, its hamlets and the gap to the next tier. A year with no pack
 * adopted fails with a {@link NoPackError} (not retried: it is an answer, not a fault).
 */
export function useCommune(unitId: string, year: number | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ["commune", unitId, year],
    // As the app's default (start.tsx), and never for a year with no pack: that is the answer.
    retry: (count, error) =>
      error instanceof NoPackError
        ? false
        : error instanceof ApiError && error.status === 503
          ? count < 3
          : !(error instanceof ApiError && error.status < 500) && count < 1,
    queryFn: async (): Promise<CommuneView> => {
      const path = { id: unitId };
      const [detail, yearList] = await Promise.all([
        must(api.GET("/v1/units/{id}", { params: { path } })) as Promise<UnitDetail>,
        optional(must(api.GET("/v1/units/{id}/values", { params: { path } }))),
      ]);
      const years = (yearList?.items ?? []).map((y) => y.year).sort((a, b) => a - b);
      const y = year ?? years.at(-1) ?? DEFAULT_YEAR;
      const answer = await must(api.GET("/v1/units/{id}/evaluation", { params: { path, query: { year: y } } }));
      // No pack adopted for the year: say so (Chưa áp dụng bộ tiêu chí cho năm …), never a verdict.
      if (answer.status === "no_pack")
        throw new NoPackError({ unit: detail.unit, ancestors: detail.ancestors, years, year: y, reasons: answer.reasons });
      const evaluation = answer as EvaluationResult;
      const [pack, yoy, valuesDoc, standing] = await Promise.all([
        optional(fetchPack(qc, evaluation.packId)),
        years.includes(y - 1)
          ? (optional(must(api.GET("/v1/units/{id}/changes", { params: { path, query: { year: y } } }))) as Promise<YearOverYear | null>)
          : Promise.resolve(null),
        years.includes(y)
          ? optional(must(api.GET("/v1/units/{id}/values/{year}", { params: { path: { id: unitId, year: y } } })))
          : Promise.resolve(null),
        // The tier reached is decided by the API with core's ladder (the commune's own roll-up line).
        optional(must(api.GET("/v1/units/{id}/rollup", { params: { path, query: { year: y } } }))),
      ]);
      const tierReached: string | null = standing?.communes.find((c) => c.unitId === unitId)?.tierReached ?? null;
      // The gap shown is the first tier not met: walk the ladder while the tiers are met.
      let gap: TierGap | null = gapToNextTier(evaluation);
      let gapPack: PackView | null = pack;
      for (let guard = 0; gap?.met && gapPack?.nextTier && guard < 4; guard++) {
        const nextId: string = gapPack.nextTier;
        const [nextPack, nextGap] = await Promise.all([
          optional(fetchPack(qc, nextId)),
          optional(
            must(api.GET("/v1/units/{id}/gap", { params: { path, query: { year: y, pack: nextId } } })) as unknown as Promise<TierGap>,
          ),
        ]);
        if (!nextPack || !nextGap) break;
        gapPack = nextPack;
        gap = nextGap;
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
        tierReached,
        pack,
        notes: valuesDoc?.notes ?? {},
      };
    },
  });
}
