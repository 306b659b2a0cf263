import { describe, expect, it } from "vitest";
import { createWorkCalendar, parseWorkCalendarConfig } from "./index.js";
import { describeDay } from "../isWorkingDay/index.js";

describe("createWorkCalendar", () => {
  it("applies a year's announced changes: an extra day off and a make-up Saturday", () => {
    // A hypothetical announcement, for the test: Monday 27/1/2025 off, Saturday 8/2/2025 worked instead.
    const cal = createWorkCalendar({
      extraDaysOff: [{ date: "2025-01-27", note: { vi: "Nghỉ hoán đổi", en: "Swapped day off" } }],
      extraWorkingDays: ["2025-02-08"],
    });
    expect(describeDay("2025-01-27", cal)).toEqual({
      date: "2025-01-27",
      working: false,
      kind: "extra_day_off",
      entry: { date: "2025-01-27", note: { vi: "Nghỉ hoán đổi", en: "Swapped day off" } },
    });
    expect(describeDay("2025-02-08", cal)).toEqual({
      date: "2025-02-08",
      working: true,
      kind: "make_up_working_day",
      entry: { date: "2025-02-08" },
    });
    expect(describeDay("2025-02-09", cal)).toEqual({ date: "2025-02-09", working: false, kind: "weekend" });
  });

  it("keeps its options, filled with the defaults", () => {
    expect(createWorkCalendar({ nationalDayAdjacent: "09-03" }).options).toEqual({
      tetFrom: -1,
      tetDays: 5,
      nationalDayAdjacent: "09-03",
      substituteWeekendHolidays: true,
      weekend: [0, 6],
    });
  });

  it("throws naming the field for a date that does not exist", () => {
    expect(() => createWorkCalendar({ extraWorkingDays: ["2025-02-30"] })).toThrow(
      '$.extraWorkingDays[0]: "2025-02-30" is not a calendar date',
    );
  });
});

describe("parseWorkCalendarConfig", () => {
  it("reports a date that is both a day off and a working day", () => {
    expect(parseWorkCalendarConfig({ extraDaysOff: ["2025-05-02"], extraWorkingDays: [{ date: "2025-05-02" }] })).toEqual({
      ok: false,
      kind: "invalid_input",
      issues: [
        {
          code: "calendar.conflicting_entry",
          path: ["extraWorkingDays", 0, "date"],
          message: "2025-05-02 is both an extra day off (extraDaysOff[0]) and a make-up working day",
          params: { date: "2025-05-02" },
        },
      ],
    });
  });

  it("refuses a week without a working day", () => {
    const r = parseWorkCalendarConfig({ weekend: [0, 1, 2, 3, 4, 5, 6] });
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.message])).toEqual([
      [["weekend"], "at least one day of the week must be a working day"],
    ]);
  });

  it("reports a malformed field by its JSON path", () => {
    const r = parseWorkCalendarConfig({ extraDaysOff: ["25/01/2025"] });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([["extraDaysOff", 0]]);
  });
});
