/**
 * The engine as it was before issue #14 (@ntm/core 0.1.0 `compilePack` + `evaluateUnit` +
 * `checkRevocation`), kept verbatim as the reference the new engine must serialise to byte for byte.
 * Not part of any public API; only the bench and its tests use it.
 */
import type { AdminUnit } from "@ntm/core";
import type { CriteriaPack, Indicator, ThresholdValue } from "@ntm/core";
import type { Reason } from "@ntm/core";

/** One indicator, ready for fast evaluation. */
export interface CompiledIndicator {
  readonly criterionIndex: number;
  readonly indicator: Indicator;
  /** Looks up the threshold for a variant and year; `undefined` when the pack has no entry. */
  readonly threshold: (variant: string | null, year: number) => ThresholdValue | undefined;
  readonly verifiedFor: (variant: string | null) => boolean;
  /** Shared, frozen objects reused by every result (they depend only on the indicator). */
  readonly valuePath: readonly (string | number)[];
  readonly missingReason: Reason;
  readonly exampleReason: Reason;
  readonly unverifiedReason: Reason;
}

/** A pack compiled once and used to evaluate many units (a whole province or country). */
export interface CompiledPack {
  readonly pack: CriteriaPack;
  readonly indicators: readonly CompiledIndicator[];
  readonly indicatorById: ReadonlyMap<string, CompiledIndicator>;
  /** Chooses the threshold variant for a unit (region or commune group, after flag overrides). */
  readonly variantOf: (unit: AdminUnit) => { variant: string | null; reasons: Reason[] };
}

function deepFreeze(r: Reason): Reason {
  Object.freeze(r.path);
  Object.freeze(r.params);
  return Object.freeze(r);
}

function lookupMap(m: Record<string, ThresholdValue>, variant: string | null): ThresholdValue | undefined {
  if (variant !== null && Object.prototype.hasOwnProperty.call(m, variant)) return m[variant];
  return m["*"];
}

function compileThreshold(ind: Indicator): CompiledIndicator["threshold"] {
  const t = ind.threshold;
  if ("all" in t) {
    const v = t.all;
    return () => v;
  }
  if ("byVariant" in t) {
    const m = t.byVariant;
    return (variant) => lookupMap(m, variant);
  }
  if ("byYear" in t) {
    const m = t.byYear;
    return (variant, year) => {
      const y = m[String(year)];
      return y ? lookupMap(y, variant) : undefined;
    };
  }
  return () => undefined;
}

/**
 * Compiles a resolved pack: flattens indicators and prepares threshold look-ups, so that
 * evaluating many units repeats no work.
 * @example
 * const compiled = compilePack(demoPack);
 * const results = valuesList.map((v) => evaluateUnit(compiled, v));
 */
export function referenceCompilePack(pack: CriteriaPack): CompiledPack {
  const indicators: CompiledIndicator[] = [];
  pack.criteria.forEach((c, criterionIndex) => {
    for (const indicator of c.indicators) {
      const verifiedVariants = indicator.verifiedVariants ? new Set(indicator.verifiedVariants) : undefined;
      indicators.push({
        criterionIndex,
        indicator,
        threshold: compileThreshold(indicator),
        verifiedFor: (variant) => (verifiedVariants ? variant !== null && verifiedVariants.has(variant) : indicator.verified),
        valuePath: Object.freeze(["values", indicator.id]),
        missingReason: deepFreeze({ code: "indicator.missing", path: ["values", indicator.id], params: { indicator: indicator.id } }),
        exampleReason: deepFreeze({
          code: "threshold.example",
          path: ["threshold", indicator.id],
          params: { indicator: indicator.id, source: indicator.source?.ref ?? null },
        }),
        unverifiedReason: deepFreeze({
          code: "threshold.unverified",
          path: ["threshold", indicator.id],
          params: { indicator: indicator.id, source: indicator.source?.ref ?? null },
        }),
      });
    }
  });
  const overrides = pack.variantOverrides ?? [];
  const variantOf = (unit: AdminUnit): { variant: string | null; reasons: Reason[] } => {
    if (pack.variantBy === "none") return { variant: null, reasons: [] };
    const base = pack.variantBy === "region" ? (unit.region ?? null) : unit.communeGroup !== undefined ? String(unit.communeGroup) : null;
    for (const o of overrides) {
      if (unit.flags?.includes(o.whenFlag)) {
        return {
          variant: o.use,
          reasons: [{ code: "variant.override", path: ["unit", "flags"], params: { flag: o.whenFlag, from: base, to: o.use } }],
        };
      }
    }
    if (base === null)
      return {
        variant: null,
        reasons: [{ code: "variant.missing", path: ["unit", pack.variantBy], params: { variantBy: pack.variantBy } }],
      };
    return { variant: base, reasons: [] };
  };
  return { pack, indicators, indicatorById: new Map(indicators.map((i) => [i.indicator.id, i])), variantOf };
}
