import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_SCHEME, parseScoringScheme } from "./index.js";
import { formatIssues } from "../../errors/index.js";

describe("parseScoringScheme", () => {
  it("accepts the default scheme, which says it is a default and not verified law", () => {
    expect(parseScoringScheme(DEFAULT_SCORING_SCHEME)).toEqual({ ok: true, value: DEFAULT_SCORING_SCHEME });
    expect([DEFAULT_SCORING_SCHEME.isDefault, DEFAULT_SCORING_SCHEME.verified]).toEqual([true, false]);
  });

  it("names the JSON path of a bad formula, a duplicate id and weights that do not add up to 100", () => {
    const bad = JSON.parse(JSON.stringify(DEFAULT_SCORING_SCHEME)) as { components: Record<string, unknown>[] };
    bad.components[1] = { ...bad.components[1], formula: { type: "square" } };
    bad.components[2] = { ...bad.components[2], id: "criteria_met" };
    bad.components[0] = { ...bad.components[0], weight: 31 };
    const r = parseScoringScheme(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual([["components", 1, "formula", "type"]]);
    // once the formula is valid, the cross-field checks run
    bad.components[1] = { ...bad.components[1], formula: { type: "perItem", points: 2, max: 6 } };
    const r2 = parseScoringScheme(bad);
    expect(!r2.ok && formatIssues(r2.issues)).toBe(
      '$.components[2].id: duplicate component id "criteria_met"\n$.components: the weights of the non-penalty components add up to 101, not 100',
    );
  });
});
