/**
 * An evaluation result that keeps a compact record (values snapshot + shared threshold row) and builds
 * `criteria` and `revocation` on first read. Both are own, enumerable accessor properties defined in
 * the contract's key order, so JSON.stringify, spreading, zod parsing and deep equality see exactly
 * the plain object the contract describes; once built, the detail is kept (stable identity).
 */
import type { Reason } from "../../schemas/common.js";
import type { Tier } from "../../schemas/pack.js";
import type { CriterionResult, CriterionStatus, EvaluationResult, RevocationCheck } from "../../schemas/result.js";
import type { Actual } from "./derive.js";
import { buildCriteria, buildRevocation } from "./detail.js";
import type { Engine, Row, Snapshot, Tally } from "./engine.js";

export interface LazyEvaluationResult extends EvaluationResult {}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the class fills every field of the contract in its constructor (the two lazy ones as accessors).
export class LazyEvaluationResult {
  #engine: Engine;
  #row: Row;
  #snapshot: readonly Snapshot[];
  #derived: readonly (Actual | undefined)[] | undefined;
  #criteria: CriterionResult[] | undefined;
  #revocation: RevocationCheck | undefined;

  static readonly #criteriaProperty: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LazyEvaluationResult): CriterionResult[] {
      return (this.#criteria ??= buildCriteria({ engine: this.#engine, row: this.#row, snapshot: this.#snapshot, derived: this.#derived }));
    },
    set(this: LazyEvaluationResult, v: CriterionResult[]) {
      this.#criteria = v;
    },
  };

  static readonly #revocationProperty: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LazyEvaluationResult): RevocationCheck {
      return (this.#revocation ??= buildRevocation({
        engine: this.#engine,
        row: this.#row,
        snapshot: this.#snapshot,
        derived: this.#derived,
      }));
    },
    set(this: LazyEvaluationResult, v: RevocationCheck) {
      this.#revocation = v;
    },
  };

  constructor(
    e: Engine,
    row: Row,
    unitId: string,
    t: Tally,
    snapshot: readonly Snapshot[],
    derived: readonly (Actual | undefined)[] | undefined,
    reasons: Reason[],
  ) {
    this.#engine = e;
    this.#row = row;
    this.#snapshot = snapshot;
    this.#derived = derived;
    this.#criteria = undefined;
    this.#revocation = undefined;
    const { pack } = e.compiled;
    // Assigned in the contract's key order (JSON.stringify follows it).
    this.unitId = unitId;
    this.packId = pack.id;
    this.packVersion = pack.version;
    this.tier = pack.tier as Tier;
    this.year = row.year;
    this.variant = row.variant;
    this.status = t.status as CriterionStatus;
    this.criteriaMet = t.criteriaMet;
    this.criteriaNotMet = t.criteriaNotMet;
    this.criteriaTotal = e.criteriaTotal;
    this.unverifiedCount = row.unverifiedCount;
    this.example = e.example;
    Object.defineProperty(this, "criteria", LazyEvaluationResult.#criteriaProperty);
    this.reasons = reasons;
    // A pack that encodes fewer indicators than its legal set says so on every result.
    if (pack.coverage) this.coverage = pack.coverage;
    if (e.hasKey) Object.defineProperty(this, "revocation", LazyEvaluationResult.#revocationProperty);
  }
}
