import type { Reason } from "../../schemas/common.js";
import type { ChildTest, Indicator } from "../../schemas/pack.js";
import type { ChildValues, IndicatorValue, UnitValues } from "../../schemas/values.js";

/** Rounds to 9 decimals, so that shares and gaps print without binary noise. */
export const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

/** A derived indicator's value and the reasons that explain it. */
export interface Actual {
  readonly value: IndicatorValue | undefined;
  readonly derived: boolean;
  readonly reasons: readonly Reason[];
}

function passes(child: ChildValues, test: ChildTest): boolean | undefined {
  if ("flag" in test) return child.unit.flags?.includes(test.flag) ?? false;
  if ("status" in test) {
    const s = child.statuses?.[test.status.tier];
    return s === undefined ? undefined : s === test.status.equals;
  }
  const v = child.values[test.indicator];
  if (v === undefined || v === null) return undefined;
  if ("equals" in test) return v === test.equals;
  return typeof v === "number" && v >= test.atLeast;
}

/**
 * The value of a derived indicator (a ratio of inputs, or a count or share of children passing a
 * test), with its reasons; `undefined` when the document lacks what the derivation needs.
 */
export function deriveValue(ind: Indicator, doc: UnitValues, path: readonly (string | number)[]): Actual | undefined {
  const d = ind.derive;
  if (!d) return undefined;
  const p = path as (string | number)[];
  if (d.op === "ratio") {
    const num = doc.inputs?.[d.numerator];
    const den = doc.inputs?.[d.denominator];
    if (num === undefined || den === undefined) return undefined;
    if (den === 0)
      return {
        value: null,
        derived: true,
        reasons: [{ code: "derived.denominator_zero", path: ["inputs", d.denominator], params: { input: d.denominator } }],
      };
    const value = round9((100 * num) / den);
    return {
      value,
      derived: true,
      reasons: [{ code: "derived.ratio", path: p, params: { numerator: d.numerator, denominator: d.denominator, num, den, value } }],
    };
  }
  if (!doc.children) return undefined;
  const children = doc.children.filter((c) => c.unit.level === d.childLevel);
  let passed = 0;
  const unknown: string[] = [];
  for (const c of children) {
    const r = passes(c, d.test);
    if (r === undefined) unknown.push(c.unit.id);
    else if (r) passed++;
  }
  if (unknown.length)
    return {
      value: null,
      derived: true,
      reasons: [{ code: "derived.child_data_missing", path: ["children"], params: { units: unknown, count: unknown.length } }],
    };
  if (d.op === "childCount")
    return {
      value: passed,
      derived: true,
      reasons: [{ code: "derived.child_count", path: p, params: { passed, total: children.length, childLevel: d.childLevel } }],
    };
  if (children.length === 0)
    return {
      value: null,
      derived: true,
      reasons: [{ code: "derived.no_children", path: ["children"], params: { childLevel: d.childLevel } }],
    };
  const value = round9((100 * passed) / children.length);
  return {
    value,
    derived: true,
    reasons: [{ code: "derived.child_share", path: p, params: { passed, total: children.length, value, childLevel: d.childLevel } }],
  };
}
