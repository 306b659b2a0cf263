import { describe, expect, it } from "vitest";
import { holidaysOfYear } from "./index.js";

const dates = (year: number, o?: Parameters<typeof holidaysOfYear>[1]) => holidaysOfYear(year, o).map((h) => `${h.date} ${h.kind}`);

describe("holidaysOfYear", () => {
  it("lays out 2025: Tết 28/1–1/2 with a substitute Monday for Saturday 1/2, Hùng Kings on 7/4", () => {
    expect(dates(2025)).toEqual([
      "2025-01-01 new_year",
      "2025-01-28 tet",
      "2025-01-29 tet",
      "2025-01-30 tet",
      "2025-01-31 tet",
      "2025-02-01 tet",
      "2025-02-03 substitute",
      "2025-04-07 hung_kings",
      "2025-04-30 reunification",
      "2025-05-01 labour_day",
      "2025-09-01 national_day",
      "2025-09-02 national_day",
    ]);
  });

  it("gives 2024 two substitute days for Tết on a weekend and one for Sunday 1/9", () => {
    expect(dates(2024)).toEqual([
      "2024-01-01 new_year",
      "2024-02-09 tet",
      "2024-02-10 tet",
      "2024-02-11 tet",
      "2024-02-12 tet",
      "2024-02-13 tet",
      "2024-02-14 substitute",
      "2024-02-15 substitute",
      "2024-04-18 hung_kings",
      "2024-04-30 reunification",
      "2024-05-01 labour_day",
      "2024-09-01 national_day",
      "2024-09-02 national_day",
      "2024-09-03 substitute",
    ]);
  });

  it("names a substitute day after the holiday it replaces", () => {
    expect(holidaysOfYear(2026).find((h) => h.kind === "substitute")).toEqual({
      date: "2026-04-27",
      kind: "substitute",
      name: { vi: "Nghỉ bù cho Giỗ Tổ Hùng Vương (10/3 âm lịch)", en: "Substitute day off for Hùng Kings Commemoration (lunar 10/3)" },
      substituteFor: "2026-04-26",
    });
  });

  it("names Tết days by their lunar date", () => {
    expect(
      holidaysOfYear(2026)
        .filter((h) => h.kind === "tet")
        .map((h) => [h.date, h.name.vi]),
    ).toEqual([
      ["2026-02-16", "Tết Âm lịch (29/12 âm lịch)"],
      ["2026-02-17", "Tết Âm lịch (01/01 âm lịch)"],
      ["2026-02-18", "Tết Âm lịch (02/01 âm lịch)"],
      ["2026-02-19", "Tết Âm lịch (03/01 âm lịch)"],
      ["2026-02-20", "Tết Âm lịch (04/01 âm lịch)"],
    ]);
  });

  it("takes the Tết span and the day adjacent to 2/9 as options, and can leave out substitutes", () => {
    expect(dates(2025, { tetFrom: -2, tetDays: 5, nationalDayAdjacent: "09-03", substituteWeekendHolidays: false })).toEqual([
      "2025-01-01 new_year",
      "2025-01-27 tet",
      "2025-01-28 tet",
      "2025-01-29 tet",
      "2025-01-30 tet",
      "2025-01-31 tet",
      "2025-04-07 hung_kings",
      "2025-04-30 reunification",
      "2025-05-01 labour_day",
      "2025-09-02 national_day",
      "2025-09-03 national_day",
    ]);
  });

  it("counts 11 legal holidays in every year when substitutes are off", () => {
    for (let y = 2000; y <= 2040; y++) expect(holidaysOfYear(y, { substituteWeekendHolidays: false })).toHaveLength(11);
  });

  it("rejects a bad option naming the field", () => {
    expect(() => holidaysOfYear(2025, { tetDays: 0 })).toThrow(/^options\.tetDays: /);
    expect(() => holidaysOfYear(1800)).toThrow("year: 1800 is outside 1900–2199");
  });
});
