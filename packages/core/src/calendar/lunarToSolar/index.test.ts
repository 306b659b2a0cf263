import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solarToLunar } from "../solarToLunar/index.js";
import { fromDay, toDay } from "../_lib/dayNumber.js";
import { lunarToSolar } from "./index.js";

describe("lunarToSolar", () => {
  it.each([
    [2023, "2023-01-22"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
    [2027, "2027-02-06"],
  ])("finds Tết of lunar year %i on %s", (year, solar) => {
    expect(lunarToSolar({ day: 1, month: 1, year })).toEqual({ ok: true, value: solar });
  });

  it("differs from the Chinese calendar (UTC+8) where the time zone moves a new moon: Tết 1985 and 2007", () => {
    expect([lunarToSolar({ day: 1, month: 1, year: 1985 }), lunarToSolar({ day: 1, month: 1, year: 1985 }, 8)]).toEqual([
      { ok: true, value: "1985-01-21" },
      { ok: true, value: "1985-02-20" },
    ]);
    expect([lunarToSolar({ day: 1, month: 1, year: 2007 }), lunarToSolar({ day: 1, month: 1, year: 2007 }, 8)]).toEqual([
      { ok: true, value: "2007-02-17" },
      { ok: true, value: "2007-02-18" },
    ]);
  });

  it("finds Hùng Kings day (10/3) on 18/04/2024 and 07/04/2025", () => {
    expect(lunarToSolar({ day: 10, month: 3, year: 2024 })).toEqual({ ok: true, value: "2024-04-18" });
    expect(lunarToSolar({ day: 10, month: 3, year: 2025 })).toEqual({ ok: true, value: "2025-04-07" });
  });

  it("tells the leap sixth month of 2025 from the ordinary one", () => {
    expect(lunarToSolar({ day: 1, month: 6, year: 2025 })).toEqual({ ok: true, value: "2025-06-25" });
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toEqual({ ok: true, value: "2025-07-25" });
    expect(lunarToSolar({ day: 1, month: 7, year: 2025 })).toEqual({ ok: true, value: "2025-08-23" });
  });

  it("fails for a leap month the year does not have", () => {
    expect(lunarToSolar({ day: 1, month: 5, year: 2025, leap: true })).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "lunar.no_such_leap_month",
          path: ["leap"],
          message: "lunar year 2025 has no leap month 5",
          params: { day: 1, month: 5, year: 2025, leap: true },
        },
      ],
    });
    expect(lunarToSolar({ day: 1, month: 1, year: 2024, leap: true }).ok).toBe(false);
  });

  it("fails for day 30 of a 29-day month (month 12 of lunar year 2024)", () => {
    const r = lunarToSolar({ day: 30, month: 12, year: 2024 });
    expect(r.ok ? r.value : r.issues.map((i) => i.code)).toEqual(["lunar.no_such_day"]);
    expect(lunarToSolar({ day: 29, month: 12, year: 2024 })).toEqual({ ok: true, value: "2025-01-28" });
  });

  it("round-trips every solar day from 1900 to 2100 through the lunar calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay("1900-02-01"), max: toDay("2100-12-31") }), (jd) => {
        const solar = fromDay(jd);
        expect(lunarToSolar(solarToLunar(solar))).toEqual({ ok: true, value: solar });
      }),
      { numRuns: 2000 },
    );
  });
});
