import type { CriterionStatus, IndicatorStatus } from "../schemas/result.js";
import type { UnitValues } from "../schemas/values.js";
import type { CompiledPack } from "./compilePack.js";
import { revokes } from "../analyses/checkRevocation.js";
import { CRITERION_STATUS, C_NOT_MET, INDICATOR_STATUS, decide, engineOf, rowOf } from "./_lib/engine.js";

/** The statuses of one unit's evaluation, without reasons, values or gaps (the status-only path). */
export interface UnitStatuses {
  readonly unitId: string;
  readonly year: number;
  /** The threshold variant applied (region code or commune group), after overrides. */
  readonly variant: string | null;
  readonly status: CriterionStatus;
  readonly criteriaMet: number;
  readonly criteriaNotMet: number;
  readonly criteriaTotal: number;
  /** Indicator statuses, in the order of `compiled.indicators`. */
  readonly indicators: readonly IndicatorStatus[];
  /** Criterion statuses, in the order of `compiled.pack.criteria`. */
  readonly criteria: readonly CriterionStatus[];
  /** The revocation rule of QĐ 18/2022 (`revocation.revoke` of the full result); null when the pack marks no key criterion and so has no revocation check. */
  readonly revoke: boolean | null;
}

/**
 * Evaluates many units for their statuses only: the same decisions as {@link evaluateMany} (unit,
 * criterion and indicator statuses, criteria counts, revocation), without reasons, values or gaps.
 * The path for roll-ups, rankings, targets and revocation counts.
 * @example
 * const statuses = evaluateStatuses(compilePack(pack), allCommuneValues);
 * statuses.filter((s) => s.status === "met").length // communes meeting every criterion
 */
export function evaluateStatuses(compiled: CompiledPack, docs: readonly UnitValues[]): UnitStatuses[] {
  const e = engineOf(compiled);
  const out = new Array<UnitStatuses>(docs.length);
  const codes = e.scratch;
  const crit = e.criterionScratch;
  const nCriteria = crit.length;
  for (let u = 0; u < docs.length; u++) {
    const doc = docs[u]!;
    const row = rowOf(e, compiled.variantOf(doc.unit).variant, doc.year);
    const t = decide(e, doc, row, undefined, undefined);
    const indicators = new Array<IndicatorStatus>(e.n);
    for (let i = 0; i < e.n; i++) indicators[i] = INDICATOR_STATUS[codes[i]!]!;
    const criteria = new Array<CriterionStatus>(nCriteria);
    let keyFailed = 0;
    for (let c = 0; c < nCriteria; c++) {
      criteria[c] = CRITERION_STATUS[crit[c]!]!;
      if (crit[c] === C_NOT_MET && e.criterionKey[c] && !e.criterionCondition[c]) keyFailed++;
    }
    out[u] = {
      unitId: doc.unit.id,
      year: doc.year,
      variant: row.variant,
      status: t.status,
      criteriaMet: t.criteriaMet,
      criteriaNotMet: t.criteriaNotMet,
      criteriaTotal: e.criteriaTotal,
      indicators,
      criteria,
      revoke: e.hasKey ? revokes(e.criteriaTotal, t.criteriaNotMet, keyFailed) : null,
    };
  }
  return out;
}
