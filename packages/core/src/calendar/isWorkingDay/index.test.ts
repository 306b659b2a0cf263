import { describe, expect, it } from "vitest";
import { createWorkCalendar } from "../createWorkCalendar/index.js";
import { describeDay, isWorkingDay } from "./index.js";

describe("isWorkingDay", () => {
  it.each([
    ["2025-01-24", true], // Friday
    ["2025-01-25", false], // Saturday
    ["2025-01-26", false], // Sunday
    ["2025-01-28", false], // 29 Chạp, Tết
    ["2025-02-03", false], // substitute day for Saturday 1/2
    ["2025-02-04", true],
    ["2025-04-07", false], // Hùng Kings
    ["2025-09-01", false],
    ["2025-09-03", true],
  ])("%s is a working day: %s", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("moves the National Day holiday to 3/9 when configured", () => {
    const cal = createWorkCalendar({ nationalDayAdjacent: "09-03" });
    expect([isWorkingDay("2025-09-01", cal), isWorkingDay("2025-09-03", cal)]).toEqual([true, false]);
  });

  it("honours a six-day week", () => {
    expect(isWorkingDay("2025-01-25", createWorkCalendar({ weekend: [0] }))).toBe(true);
  });
});

describe("describeDay", () => {
  it("lets an announced make-up day win over a holiday, and an extra day off over a weekday", () => {
    const cal = createWorkCalendar({ extraWorkingDays: ["2025-05-01"], extraDaysOff: ["2025-05-02"] });
    expect([describeDay("2025-05-01", cal).kind, describeDay("2025-05-02", cal).kind, describeDay("2025-05-05", cal).kind]).toEqual([
      "make_up_working_day",
      "extra_day_off",
      "working",
    ]);
  });

  it("says which holiday a day is", () => {
    expect(describeDay("2025-04-30")).toEqual({
      date: "2025-04-30",
      working: false,
      kind: "holiday",
      holiday: { date: "2025-04-30", kind: "reunification", name: { vi: "Ngày Chiến thắng (30/4)", en: "Reunification Day (30 April)" } },
    });
  });
});
