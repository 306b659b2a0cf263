import { addMonths, differenceInCalendarDays, parseISO } from "date-fns";
import type { z } from "zod";
import { IsoDateSchema, type IsoDate } from "../../schemas/common.js";

/**
 * True when `iso` is `yyyy-mm-dd` and names a real calendar day (no 2023-02-29, no 2024-04-31).
 * @example
 * isCalendarDate("2024-02-29") // true
 * isCalendarDate("2023-02-29") // false
 */
export function isCalendarDate(iso: string): boolean {
  // Arithmetic, not parse-and-format: this runs for every product of a province's OCOP count.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Year 0 has no "yyyy" spelling of its own (formatted, it reads 0001): not a calendar date.
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days of a month of the proleptic Gregorian calendar (JavaScript's). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * An ISO date that is also a real calendar day.
 * @example
 * CalendarDateSchema.safeParse("2023-02-29").success // false
 */
export const CalendarDateSchema = IsoDateSchema.refine(isCalendarDate, {
  message: "not a real calendar date",
  params: { code: "date.not_calendar_day" },
});

// Dates are handled as local calendar days on both sides, so the time zone cancels out.
const toDate = (iso: IsoDate): Date => parseISO(iso);
const pad = (n: number, width: number) => String(n).padStart(width, "0");
// What format(d, "yyyy-MM-dd") writes for years 1–9999, without parsing the pattern on every call.
const toIso = (d: Date): IsoDate => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;

/**
 * `iso` plus `months` calendar months; a missing day (31st, 29/02) falls back to the month's last day.
 * @example
 * addMonthsIso("2024-01-31", 1) // "2024-02-29"
 */
export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  return toIso(addMonths(toDate(iso), months));
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier).
 * @example
 * daysFromTo("2025-12-31", "2026-01-02") // 2
 */
export function daysFromTo(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** A real calendar date, `yyyy-mm-dd`. */
export type CalendarDate = z.infer<typeof CalendarDateSchema>;
