import type { IndicatorValue } from "../../schemas/values.js";

/** How far a commune has entered a year's values: none, some, or every indicator expected. */
export type CompletenessState = "none" | "partial" | "complete";

/** One commune's line of a completeness report. */
export interface CommuneCompleteness {
  unitId: string;
  /** Indicators expected (the adopted pack's, less those declared not applicable) with a value. */
  entered: number;
  expected: number;
  state: CompletenessState;
  /** The expected indicators still without a value, in id order. */
  missing: string[];
}

/** The completeness of one year's values over a set of communes. */
export interface ReportingCompleteness {
  communes: CommuneCompleteness[];
  counts: Record<CompletenessState, number>;
}

/**
 * Which communes have entered a year's values and who has not: for each commune, the expected
 * indicators (its pack's, given per commune; derived ones and those declared not applicable are not
 * expected) that hold a value (a number or yes/no; null is "not reported"). A commune without a
 * pack expects nothing and is left out (the "no pack" category is counted elsewhere).
 * @example
 * reportingCompleteness([{ unitId: "c1", expected: ["1.1", "10"], values: { "1.1": true } }]).communes[0]
 * // { unitId: "c1", entered: 1, expected: 2, state: "partial", missing: ["10"] }
 */
export function reportingCompleteness(
  communes: readonly {
    unitId: string;
    expected: readonly string[];
    values?: Readonly<Record<string, IndicatorValue | undefined>> | undefined;
    notApplicable?: readonly string[] | undefined;
  }[],
): ReportingCompleteness {
  const counts: Record<CompletenessState, number> = { none: 0, partial: 0, complete: 0 };
  const out = communes.map((c) => {
    const na = new Set(c.notApplicable ?? []);
    const ids = [...new Set(c.expected)].filter((id) => !na.has(id));
    const has = (id: string) => {
      const v = c.values?.[id];
      return v !== null && v !== undefined;
    };
    const missing = ids.filter((id) => !has(id)).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    const entered = ids.length - missing.length;
    const state: CompletenessState = entered === 0 && ids.length > 0 ? "none" : missing.length === 0 ? "complete" : "partial";
    counts[state]++;
    return { unitId: c.unitId, entered, expected: ids.length, state, missing };
  });
  return { communes: out, counts };
}
