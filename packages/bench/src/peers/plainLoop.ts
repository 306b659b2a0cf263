/**
 * The ceiling: the same statuses computed by a plain JavaScript loop written for this one pack shape
 * (threshold arrays per variant, comparisons inline, no reasons). What any engine is measured against.
 */
import type { CriterionStatus, IndicatorStatus, UnitValues } from "@ntm/core";
import { NO_VARIANT, type PeerOutcome, type PeerRules } from "./common.js";

/** The plain loop's output for one unit: statuses by position. */
export interface PlainStatuses {
  readonly unitId: string;
  readonly status: CriterionStatus;
  readonly criteriaMet: number;
  readonly indicators: IndicatorStatus[];
  readonly criteria: CriterionStatus[];
}

/** The pack flattened into arrays for the plain loop. */
export interface PlainPack {
  readonly rules: PeerRules;
  readonly ids: readonly string[];
  readonly cmp: readonly (">=" | "<=" | "==")[];
  readonly numeric: readonly boolean[];
  /** year → variant → thresholds by position. */
  readonly thresholds: ReadonlyMap<number, ReadonlyMap<string, readonly (number | boolean | null)[]>>;
  readonly criteria: readonly { readonly condition: boolean; readonly members: readonly number[] }[];
}

/**
 * Flattens the extracted rules for the plain loop (once, before timing).
 * @example
 * const plain = buildPlainPack(extractRules(compiled, [2024]));
 */
export function buildPlainPack(rules: PeerRules): PlainPack {
  const pos = new Map(rules.indicators.map((ind, i) => [ind.id, i]));
  const thresholds = new Map<number, Map<string, (number | boolean | null)[]>>();
  for (const [year, byVariant] of rules.thresholds)
    thresholds.set(year, new Map([...byVariant].map(([v, byId]) => [v, rules.indicators.map((ind) => byId.get(ind.id) ?? null)])));
  return {
    rules,
    ids: rules.indicators.map((i) => i.id),
    cmp: rules.indicators.map((i) => i.comparator),
    numeric: rules.indicators.map((i) => i.kind !== "boolean"),
    thresholds,
    criteria: rules.criteria.map((c) => ({ condition: c.condition, members: c.indicatorIds.map((id) => pos.get(id)!) })),
  };
}

/**
 * Computes every unit's statuses with plain loops.
 * @example
 * plainLoop(plain, docs)[0].status
 */
export function plainLoop(p: PlainPack, docs: readonly UnitValues[]): PlainStatuses[] {
  const { rules, ids, cmp, numeric } = p;
  const n = ids.length;
  const out = new Array<PlainStatuses>(docs.length);
  for (let u = 0; u < docs.length; u++) {
    const doc = docs[u]!;
    let variant: string = NO_VARIANT;
    let overridden = false;
    for (const o of rules.overrides) {
      if (doc.unit.flags?.includes(o.flag)) {
        variant = o.use;
        overridden = true;
        break;
      }
    }
    if (!overridden && rules.variantField !== null) {
      const base = doc.unit[rules.variantField];
      if (base !== undefined) variant = String(base);
    }
    const th = p.thresholds.get(doc.year)?.get(variant);
    const indicators = new Array<IndicatorStatus>(n);
    for (let i = 0; i < n; i++) {
      const v = doc.values[ids[i]!];
      const t = th ? th[i]! : null;
      if (v === undefined || v === null || (typeof v === "number") !== numeric[i]) indicators[i] = "missing";
      else if (t === null) indicators[i] = "unknown_threshold";
      else {
        const c = cmp[i];
        indicators[i] = (c === ">=" ? v >= t : c === "<=" ? v <= t : v === t) ? "met" : "not_met";
      }
    }
    const criteria = new Array<CriterionStatus>(p.criteria.length);
    let met = 0;
    let anyNotMet = false;
    let allMet = true;
    for (let c = 0; c < p.criteria.length; c++) {
      const { condition, members } = p.criteria[c]!;
      let s: CriterionStatus = "met";
      for (const i of members) {
        const is = indicators[i];
        if (is === "not_met") {
          s = "not_met";
          break;
        }
        if (is !== "met") s = "indeterminate";
      }
      criteria[c] = s;
      if (s === "not_met") anyNotMet = true;
      if (s !== "met") allMet = false;
      if (s === "met" && !condition) met++;
    }
    out[u] = {
      unitId: doc.unit.id,
      status: anyNotMet ? "not_met" : allMet ? "met" : "indeterminate",
      criteriaMet: met,
      indicators,
      criteria,
    };
  }
  return out;
}

/**
 * The plain loop's (or `evaluateStatuses`') positional statuses as a peer outcome, for the agreement check.
 * @example
 * compareOutcomes(ours, plainLoop(plain, docs).map((s) => toOutcome(rules, s)))
 */
export function toOutcome(
  rules: PeerRules,
  s: {
    readonly unitId: string;
    readonly status: CriterionStatus;
    readonly criteriaMet: number;
    readonly indicators: readonly IndicatorStatus[];
    readonly criteria: readonly CriterionStatus[];
  },
): PeerOutcome {
  const indicators: Record<string, IndicatorStatus> = {};
  rules.indicators.forEach((ind, i) => (indicators[ind.id] = s.indicators[i]!));
  const criteria: Record<string, CriterionStatus> = {};
  rules.criteria.forEach((c, i) => (criteria[c.id] = s.criteria[i]!));
  return { unitId: s.unitId, indicators, criteria, status: s.status, criteriaMet: s.criteriaMet };
}
