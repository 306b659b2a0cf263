import { addMonths, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";
import type { z } from "zod";
import { IsoDateSchema, type IsoDate } from "../../schemas/common.js";

/**
 * True when `iso` is `yyyy-mm-dd` and names a real calendar day (no 2023-02-29, no 2024-04-31).
 * @example
 * isCalendarDate("2024-02-29") // true
 * isCalendarDate("2023-02-29") // false
 */
export function isCalendarDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = parseISO(iso);
  return isValid(d) && format(d, "yyyy-MM-dd") === iso;
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
const toIso = (d: Date): IsoDate => format(d, "yyyy-MM-dd");

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
