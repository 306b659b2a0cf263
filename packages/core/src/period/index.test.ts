import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  type Period,
  comparePeriods,
  describePeriod,
  formatPeriod,
  parsePeriod,
  periodBounds,
  periodContains,
  periodOfDate,
} from "./index.js";

const p = (s: string): Period => {
  const r = parsePeriod(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};

const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 2000, max: 2099 }).map((year) => ({ kind: "year" as const, year })),
  fc.record({
    kind: fc.constant("half" as const),
    year: fc.integer({ min: 2000, max: 2099 }),
    half: fc.constantFrom(1 as const, 2 as const),
  }),
  fc.record({
    kind: fc.constant("quarter" as const),
    year: fc.integer({ min: 2000, max: 2099 }),
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  }),
  fc.record({ kind: fc.constant("month" as const), year: fc.integer({ min: 2000, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) }),
);

describe("periods", () => {
  it("parses the four forms", () => {
    expect(["2024", "2024S1", "2024Q3", "2024-05"].map(p)).toEqual([
      { kind: "year", year: 2024 },
      { kind: "half", year: 2024, half: 1 },
      { kind: "quarter", year: 2024, quarter: 3 },
      { kind: "month", year: 2024, month: 5 },
    ]);
  });

  it("rejects malformed periods with a reason", () => {
    expect(parsePeriod("2024Q5")).toMatchObject({ ok: false, kind: "invalid_input", issues: [{ code: "period.invalid" }] });
    expect(parsePeriod("2024-13").ok).toBe(false);
  });

  it("round-trips parse ∘ format", () => {
    fc.assert(
      fc.property(periodArb, (per) => {
        expect(p(formatPeriod(per))).toEqual(per);
      }),
    );
  });

  it("gives bounds, containment and order", () => {
    expect(periodBounds(p("2024S1"))).toEqual({ start: "2024-01-01", end: "2024-06-30" });
    expect(periodBounds(p("2024-02"))).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodContains(p("2024"), p("2024Q3"))).toBe(true);
    expect(periodContains(p("2024S1"), p("2024Q3"))).toBe(false);
    expect(["2024Q2", "2024-01", "2024", "2023S2", "2024S1"].map(p).sort(comparePeriods).map(formatPeriod)).toEqual([
      "2023S2",
      "2024",
      "2024S1",
      "2024-01",
      "2024Q2",
    ]);
    expect(periodOfDate("2025-08-14", "quarter")).toEqual({ kind: "quarter", year: 2025, quarter: 3 });
  });

  it("describes periods in Vietnamese and English", () => {
    expect(describePeriod(p("2025S1"), "vi")).toBe("6 tháng đầu năm 2025");
    expect(describePeriod(p("2024Q3"), "vi")).toBe("Quý III năm 2024");
    expect(describePeriod(p("2025S1"), "en")).toBe("First half of 2025");
  });

  it("orders consistently: compare(a, b) = -compare(b, a)", () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        expect(Math.sign(comparePeriods(a, b)) + 0).toBe(-Math.sign(comparePeriods(b, a)) + 0);
      }),
    );
  });
});
