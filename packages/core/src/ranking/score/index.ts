import type { Reason } from "../../schemas/common.js";
import type { ScoreComponent, ScoreFormula, ScoringScheme } from "../scheme/index.js";
import { round9 } from "../_lib/round.js";

/** One component's points for one unit. */
export interface ComponentScore {
  id: string;
  field: string;
  value: number | null;
  /** Points before the cap. */
  raw: number;
  /** Points counted (negative for a penalty). */
  points: number;
  capped: boolean;
  reasons: Reason[];
}

/** A unit's score on the scheme's scale. */
export interface UnitScore {
  total: number;
  components: ComponentScore[];
}

type FormulaFn<F extends ScoreFormula> = (
  f: F,
  value: number,
  values: Readonly<Record<string, number>>,
  c: ScoreComponent,
) => { raw: number; reasons: Reason[] };

/** The formula registry: one small pure function per formula type. */
export const SCORE_FORMULAS: { [K in ScoreFormula["type"]]: FormulaFn<Extract<ScoreFormula, { type: K }>> } = {
  linear: (f, v) => ({ raw: Math.min(v * f.per, f.max ?? Infinity), reasons: [] }),
  ratio: (f, v, values, c) => {
    const of = values[f.of];
    if (of === undefined || of <= 0)
      return {
        raw: 0,
        reasons: [
          {
            code: "score.denominator_missing",
            path: ["values", f.of],
            params: { component: c.id, label: c.label, field: f.of, value: of ?? null },
          },
        ],
      };
    return { raw: c.weight * Math.min(1, v / of / f.target), reasons: [] };
  },
  threshold: (f, v) => ({ raw: v >= f.at ? f.points : 0, reasons: [] }),
  perItem: (f, v) => ({ raw: Math.min(v * f.points, f.max ?? Infinity), reasons: [] }),
  penaltyPerItem: (f, v) => ({ raw: -Math.min(v * f.points, f.max ?? Infinity), reasons: [] }),
};

/**
 * Scores one unit's values with a scheme: each component by its formula, bounded by its cap (default
 * its weight); the total is bounded to 0…scale. A missing value scores 0 (a penalty deducts nothing)
 * and says so in a reason.
 * @example
 * scoreUnit({ criteria_met: 19, criteria_total: 19, tasks_on_time: 10, tasks_total: 10 }, DEFAULT_SCORING_SCHEME).total // 45
 */
export function scoreUnit(values: Readonly<Record<string, number>>, scheme: ScoringScheme): UnitScore {
  const components = scheme.components.map((c): ComponentScore => {
    const value = values[c.field];
    if (value === undefined) {
      return {
        id: c.id,
        field: c.field,
        value: null,
        raw: 0,
        points: 0,
        capped: false,
        reasons: [{ code: "score.value_missing", path: ["values", c.field], params: { component: c.id, label: c.label, field: c.field } }],
      };
    }
    const fn = SCORE_FORMULAS[c.formula.type] as FormulaFn<ScoreFormula>;
    const { raw, reasons } = fn(c.formula, value, values, c);
    const bound = c.cap ?? c.weight;
    const points = round9(Math.max(-bound, Math.min(bound, raw)));
    const capped = points !== round9(raw);
    return {
      id: c.id,
      field: c.field,
      value,
      raw: round9(raw),
      points,
      capped,
      reasons: [
        {
          code: "score.component",
          path: ["values", c.field],
          params: { component: c.id, label: c.label, value, points, weight: c.weight, capped },
        },
        ...reasons,
      ],
    };
  });
  const sum = components.reduce((a, c) => a + c.points, 0);
  return { total: round9(Math.max(0, Math.min(scheme.scale, sum))), components };
}
