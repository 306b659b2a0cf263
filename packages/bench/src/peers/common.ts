/**
 * What the peer engines share: the rules extracted from the SAME compiled pack (variants, overrides,
 * thresholds per year and variant), the criterion roll-up, and the agreement check against ours.
 */
import type { CompiledPack, CriterionStatus, EvaluationResult, IndicatorStatus, ThresholdValue } from "@ntm/core";
import { REGIONS } from "@ntm/core";

/** Key standing for "no variant" (a commune without region and without an override flag). */
export const NO_VARIANT = "";

/** The per-indicator rule data a peer engine is built from. */
export interface PeerRules {
  readonly packId: string;
  /** Variants the pack distinguishes (the 7 regions, commune groups 1–3, or none). */
  readonly variants: readonly string[];
  /** Unit field holding the base variant: `region` or `communeGroup`; null when the pack has no variants. */
  readonly variantField: "region" | "communeGroup" | null;
  /** Flag → variant overrides, in the pack's order (first match wins). */
  readonly overrides: readonly { readonly flag: string; readonly use: string }[];
  readonly indicators: readonly {
    readonly id: string;
    readonly criterionId: string;
    readonly comparator: ">=" | "<=" | "==";
    readonly kind: string;
  }[];
  readonly criteria: readonly { readonly id: string; readonly condition: boolean; readonly indicatorIds: readonly string[] }[];
  /** year → variant (or {@link NO_VARIANT}) → indicator id → threshold (null when unknown). */
  readonly thresholds: ReadonlyMap<number, ReadonlyMap<string, ReadonlyMap<string, ThresholdValue>>>;
}

/**
 * Extracts the rules of a compiled pack for the given years, through the pack's own threshold
 * look-ups, so that peers and ours decide on exactly the same numbers.
 * @example
 * const rules = extractRules(compilePack(getPack("example.province-demo.2021-2025")!), [2024]);
 * rules.thresholds.get(2024)?.get("DBSH")?.get("15.3"); // 16.5
 */
export function extractRules(compiled: CompiledPack, years: readonly number[]): PeerRules {
  const { pack } = compiled;
  const variants = pack.variantBy === "region" ? Object.keys(REGIONS) : pack.variantBy === "communeGroup" ? ["1", "2", "3"] : [];
  const thresholds = new Map<number, Map<string, Map<string, ThresholdValue>>>();
  for (const year of years) {
    const byVariant = new Map<string, Map<string, ThresholdValue>>();
    for (const variant of [...variants, NO_VARIANT]) {
      const m = new Map<string, ThresholdValue>();
      for (const ci of compiled.indicators) m.set(ci.indicator.id, ci.threshold(variant === NO_VARIANT ? null : variant, year) ?? null);
      byVariant.set(variant, m);
    }
    thresholds.set(year, byVariant);
  }
  return {
    packId: pack.id,
    variants,
    variantField: pack.variantBy === "none" ? null : pack.variantBy,
    overrides: (pack.variantOverrides ?? []).map((o) => ({ flag: o.whenFlag, use: o.use })),
    indicators: compiled.indicators.map((ci) => ({
      id: ci.indicator.id,
      criterionId: pack.criteria[ci.criterionIndex]!.id,
      comparator: ci.indicator.comparator,
      kind: ci.indicator.kind,
    })),
    criteria: pack.criteria.map((c) => ({ id: c.id, condition: c.condition === true, indicatorIds: c.indicators.map((i) => i.id) })),
    thresholds,
  };
}

/** What a peer engine decides for one unit: the statuses (no reasons, gaps or revocation). */
export interface PeerOutcome {
  readonly unitId: string;
  readonly indicators: Record<string, IndicatorStatus>;
  readonly criteria: Record<string, CriterionStatus>;
  readonly status: CriterionStatus;
  readonly criteriaMet: number;
}

/**
 * The criterion and unit roll-up, as plain code for engines that cannot express it: a criterion is
 * not met if one indicator is not met, met if all are met, otherwise indeterminate.
 * @example
 * rollUp(rules, "bench-00001", { "1.1": "met", "1.2": "missing" }).criteria["1"]; // "indeterminate"
 */
export function rollUp(rules: PeerRules, unitId: string, indicators: Record<string, IndicatorStatus>): PeerOutcome {
  const criteria: Record<string, CriterionStatus> = {};
  let anyNotMet = false;
  let allMet = true;
  let criteriaMet = 0;
  for (const c of rules.criteria) {
    let s: CriterionStatus = "met";
    for (const id of c.indicatorIds) {
      const is = indicators[id];
      if (is === "not_met") {
        s = "not_met";
        break;
      }
      if (is !== "met") s = "indeterminate";
    }
    criteria[c.id] = s;
    if (s === "not_met") anyNotMet = true;
    if (s !== "met") allMet = false;
    if (s === "met" && !c.condition) criteriaMet++;
  }
  return { unitId, indicators, criteria, status: anyNotMet ? "not_met" : allMet ? "met" : "indeterminate", criteriaMet };
}

/** Agreement counts between our results and a peer's. */
export interface Agreement {
  readonly units: number;
  /** Units whose every indicator status, criterion status, unit status and criteria count agree. */
  readonly unitsAgreeing: number;
  readonly indicatorsCompared: number;
  readonly indicatorsAgreeing: number;
  readonly criteriaCompared: number;
  readonly criteriaAgreeing: number;
  /** The first few disagreements, for the error message. */
  readonly samples: readonly string[];
}

/**
 * Compares our results with a peer's, unit by unit, indicator by indicator.
 * @example
 * const a = compareOutcomes(ours, peer);
 * a.unitsAgreeing === a.units; // true when the engines agree everywhere
 */
export function compareOutcomes(ours: readonly EvaluationResult[], peer: readonly PeerOutcome[]): Agreement {
  let unitsAgreeing = 0;
  let indicatorsCompared = 0;
  let indicatorsAgreeing = 0;
  let criteriaCompared = 0;
  let criteriaAgreeing = 0;
  const samples: string[] = [];
  const note = (s: string) => {
    if (samples.length < 5) samples.push(s);
  };
  for (let u = 0; u < ours.length; u++) {
    const o = ours[u]!;
    const p = peer[u];
    let same = p !== undefined && p.unitId === o.unitId;
    if (!p || p.unitId !== o.unitId) note(`unit ${u}: ours ${o.unitId}, peer ${p?.unitId ?? "(none)"}`);
    for (const c of o.criteria) {
      criteriaCompared++;
      if (p?.criteria[c.id] === c.status) criteriaAgreeing++;
      else {
        same = false;
        note(`${o.unitId} criterion ${c.id}: ours ${c.status}, peer ${p?.criteria[c.id] ?? "(none)"}`);
      }
      for (const i of c.indicators) {
        indicatorsCompared++;
        if (p?.indicators[i.id] === i.status) indicatorsAgreeing++;
        else {
          same = false;
          note(
            `${o.unitId} indicator ${i.id}: ours ${i.status} (actual ${String(i.actual)}, required ${String(i.required)}), peer ${p?.indicators[i.id] ?? "(none)"}`,
          );
        }
      }
    }
    if (p && (p.status !== o.status || p.criteriaMet !== o.criteriaMet)) {
      same = false;
      note(`${o.unitId}: ours ${o.status}/${o.criteriaMet} met, peer ${p.status}/${p.criteriaMet} met`);
    }
    if (same) unitsAgreeing++;
  }
  return { units: ours.length, unitsAgreeing, indicatorsCompared, indicatorsAgreeing, criteriaCompared, criteriaAgreeing, samples };
}
