import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDay, toDay } from "../_lib/dayNumber.js";
import { workingDaysBetween } from "./index.js";

// Five years around the programme's end: every span crosses weekends, Tết and substitute days, and the
// day-by-day count stays quick enough for a loaded CI machine.
const anyDate = fc.integer({ min: toDay("2023-01-01"), max: toDay("2027-12-31") }).map(fromDay);

describe("workingDaysBetween", () => {
  it("counts the working days after a and up to b", () => {
    expect(workingDaysBetween("2025-01-24", "2025-02-04")).toBe(2);
    expect(workingDaysBetween("2025-01-24", "2025-01-24")).toBe(0);
    expect(workingDaysBetween("2025-02-04", "2025-01-24")).toBe(-2);
  });

  it("counts 2025's working days under the default calendar: 365 − 104 weekend days − 11 holidays on weekdays", () => {
    // Holidays on weekdays in 2025: 1/1, 28–31/1, 3/2 (substitute), 7/4, 30/4, 1/5, 1/9, 2/9 = 11; Saturday 1/2 is a weekend day.
    expect(workingDaysBetween("2024-12-31", "2025-12-31")).toBe(365 - 104 - 11);
  });

  it("adds up over consecutive forward spans a ≤ b ≤ c (property)", () => {
    fc.assert(
      fc.property(fc.array(anyDate, { minLength: 3, maxLength: 3 }), (ds) => {
        const [a, b, c] = [...ds].sort() as [string, string, string];
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
      }),
      { numRuns: 100 },
    );
  });

  it("is non-negative forwards and non-positive backwards (property)", () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => (a <= b ? workingDaysBetween(a, b) >= 0 : workingDaysBetween(a, b) <= 0)),
      { numRuns: 100 },
    );
  });
});
