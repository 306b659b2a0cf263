import { addMonths, format, isValid, parseISO } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonthsIso, isCalendarDate } from "./calendarDate.js";

/** The parse-and-format definition the arithmetic replaced. */
const byDateFns = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && isValid(parseISO(iso)) && format(parseISO(iso), "yyyy-MM-dd") === iso;
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const isoLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

describe("isCalendarDate", () => {
  it("agrees with parsing and formatting the date (date-fns) on any yyyy-mm-dd string", () => {
    fc.assert(
      fc.property(isoLike, (iso) => isCalendarDate(iso) === byDateFns(iso)),
      { numRuns: 5000 },
    );
  });

  it("knows leap days and month lengths, and refuses what is not yyyy-mm-dd", () => {
    expect(["2024-02-29", "2000-02-29", "2023-04-30", "0001-01-01"].map(isCalendarDate)).toEqual([true, true, true, true]);
    expect(["2023-02-29", "1900-02-29", "2024-04-31", "0000-01-01", "2024-1-01", "2024-01-01T00:00"].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("addMonthsIso", () => {
  it("writes the same day as date-fns format for any calendar date and month count", () => {
    const day = isoLike.filter(byDateFns).filter((iso) => iso >= "1000");
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -120, max: 120 }),
        (iso, n) => addMonthsIso(iso, n) === format(addMonths(parseISO(iso), n), "yyyy-MM-dd"),
      ),
      { numRuns: 2000 },
    );
  });
});
