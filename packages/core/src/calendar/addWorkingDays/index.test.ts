import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDay, toDay } from "../_lib/dayNumber.js";
import { createWorkCalendar } from "../createWorkCalendar/index.js";
import { isWorkingDay } from "../isWorkingDay/index.js";
import { workingDaysBetween } from "../workingDaysBetween/index.js";
import { addWorkingDays } from "./index.js";

const anyDate = fc.integer({ min: toDay("2020-01-01"), max: toDay("2030-12-31") }).map(fromDay);

describe("addWorkingDays", () => {
  it("steps from Friday 24/01/2025 over the weekend, Tết 2025 and its substitute day", () => {
    expect([1, 2, 3, 5, 10].map((n) => addWorkingDays("2025-01-24", n))).toEqual([
      "2025-01-27",
      "2025-02-04",
      "2025-02-05",
      "2025-02-07",
      "2025-02-14",
    ]);
  });

  it("steps over Tết 2026 (16–20/02/2026)", () => {
    expect(addWorkingDays("2026-02-13", 1)).toBe("2026-02-23");
  });

  it("counts backwards for negative n", () => {
    expect(addWorkingDays("2025-02-04", -1)).toBe("2025-01-27");
    expect(addWorkingDays("2025-02-04", -2)).toBe("2025-01-24");
  });

  it("returns the date itself for n = 0, even on a day off", () => {
    expect(addWorkingDays("2025-01-29", 0)).toBe("2025-01-29");
  });

  it("uses an announced make-up Saturday", () => {
    const cal = createWorkCalendar({ extraWorkingDays: ["2025-02-08"] });
    expect(addWorkingDays("2025-02-07", 1, cal)).toBe("2025-02-08");
  });

  it("rejects a non-integer n and a malformed date", () => {
    expect(() => addWorkingDays("2025-01-24", 1.5)).toThrow("n: 1.5 is not an integer");
    expect(() => addWorkingDays("2025-13-01", 1)).toThrow('date: "2025-13-01" is not a date yyyy-mm-dd');
  });

  it("lands on a working day for every n > 0 (property)", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (d, n) => isWorkingDay(addWorkingDays(d, n))),
      { numRuns: 300 },
    );
  });

  it("is undone by workingDaysBetween for every n (property)", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -60, max: 60 }), (d, n) => {
        expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
