import { describe, expect, it } from "vitest";
import { solarToLunar } from "./index.js";

describe("solarToLunar", () => {
  it.each([
    ["2023-01-22", 2023],
    ["2024-02-10", 2024],
    ["2025-01-29", 2025],
    ["2026-02-17", 2026],
    ["2027-02-06", 2027],
  ])("reads %s as Tết (1/1) of lunar year %i", (solar, year) => {
    expect(solarToLunar(solar)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it("reads the day before Tết 2025 as the last day (29) of month 12 of lunar year 2024", () => {
    expect(solarToLunar("2025-01-28")).toEqual({ day: 29, month: 12, year: 2024, leap: false });
  });

  it("reads Hùng Kings day (10/3) in 2024 and 2025", () => {
    expect(solarToLunar("2024-04-18")).toEqual({ day: 10, month: 3, year: 2024, leap: false });
    expect(solarToLunar("2025-04-07")).toEqual({ day: 10, month: 3, year: 2025, leap: false });
  });

  it("marks the leap sixth month of 2025 (from 25/07/2025) and the month after it", () => {
    expect(solarToLunar("2025-06-25")).toEqual({ day: 1, month: 6, year: 2025, leap: false });
    expect(solarToLunar("2025-07-25")).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(solarToLunar("2025-08-23")).toEqual({ day: 1, month: 7, year: 2025, leap: false });
  });

  it("marks the leap second month of 2023 (from 22/03/2023)", () => {
    expect(solarToLunar("2023-03-22")).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar("2023-04-20")).toEqual({ day: 1, month: 3, year: 2023, leap: false });
  });

  it("keeps lunar months 11 and 12 in the previous lunar year across the solar new year", () => {
    expect(solarToLunar("2025-01-01")).toEqual({ day: 2, month: 12, year: 2024, leap: false });
  });

  it("rejects a malformed date naming it", () => {
    expect(() => solarToLunar("2025-02-30")).toThrow('date: "2025-02-30" is not a date yyyy-mm-dd');
  });
});
