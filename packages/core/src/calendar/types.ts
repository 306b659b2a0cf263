import { z } from "zod";
import { IsoDateSchema, LocalizedTextSchema, type IsoDate, type LocalizedText } from "../schemas/common.js";

/** Vietnam's time zone (UTC+7), used by the Vietnamese lunar calendar since 1968. */
export const VIETNAM_TIME_ZONE = 7;

/** A date of the Vietnamese lunar calendar (âm lịch). `leap` marks a leap month (tháng nhuận). */
export const LunarDateSchema = z.object({
  day: z.number().int().min(1).max(30),
  month: z.number().int().min(1).max(12),
  year: z.number().int(),
  leap: z.boolean(),
});
export type LunarDate = z.infer<typeof LunarDateSchema>;

/** Kinds of public holiday in Bộ luật Lao động 2019, Điều 112 khoản 1 (plus substitute days). */
export const HolidayKindSchema = z.enum(["new_year", "tet", "hung_kings", "reunification", "labour_day", "national_day", "substitute"]);
export type HolidayKind = z.infer<typeof HolidayKindSchema>;

/** One public holiday (a day off for workers) in a given year. */
export interface Holiday {
  date: IsoDate;
  kind: HolidayKind;
  name: LocalizedText;
  /** For a substitute day: the holiday that fell on a weekly rest day. */
  substituteFor?: IsoDate;
}

/**
 * How to lay out the holidays of a year. Bộ luật Lao động 2019, Điều 112 fixes the number of days;
 * the exact Tết days and the day adjacent to 2/9 are chosen each year by the Prime Minister,
 * so both are options here, with the usual choices as defaults.
 */
export const HolidayOptionsSchema = z.object({
  /** Tết days as offsets from lunar 1/1: the default `-1..3` is the last day of the old year plus 1–4 of month 1. */
  tetFrom: z.number().int().min(-10).max(10).default(-1),
  tetDays: z.number().int().min(1).max(15).default(5),
  /**
   * The second National Day holiday: the law says one day adjacent to 2/9, before or after, and the
   * government announces which each year. Default 1/9 (a default, not a rule): set the year's choice.
   */
  nationalDayAdjacent: z.enum(["09-01", "09-03"]).default("09-01"),
  /**
   * Bộ luật Lao động 2019, Điều 111 khoản 3: a holiday that falls on a weekly rest day gives a
   * substitute day off on the next working day. Set false when entering an officially announced
   * schedule day by day.
   */
  substituteWeekendHolidays: z.boolean().default(true),
  /** Weekly rest days, 0 = Sunday … 6 = Saturday; default Saturday and Sunday (public administration). */
  weekend: z
    .array(z.number().int().min(0).max(6))
    .max(6, "at least one day of the week must be a working day")
    .refine((days) => new Set(days).size === days.length, "weekend days repeat")
    .default([0, 6]),
});
export type HolidayOptions = z.infer<typeof HolidayOptionsSchema>;
export type HolidayOptionsInput = z.input<typeof HolidayOptionsSchema>;

/** A dated entry added to a year's calendar by an official announcement. */
export const CalendarEntrySchema = z.object({
  date: IsoDateSchema,
  note: LocalizedTextSchema.optional(),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

/** Configuration of a working calendar, as read from untrusted input (see {@link parseWorkCalendarConfig}). */
export const WorkCalendarConfigSchema = HolidayOptionsSchema.extend({
  /** Announced days off beyond the law (e.g. a bridge day swapped with a Saturday). */
  extraDaysOff: z.array(z.union([IsoDateSchema, CalendarEntrySchema])).default([]),
  /** Announced make-up working days (usually Saturdays), which override weekends and holidays. */
  extraWorkingDays: z.array(z.union([IsoDateSchema, CalendarEntrySchema])).default([]),
});
export type WorkCalendarConfig = z.input<typeof WorkCalendarConfigSchema>;

/** Why a day is or is not a working day. */
export type DayKind = "working" | "weekend" | "holiday" | "extra_day_off" | "make_up_working_day";

/** A working calendar: the law's holidays, the weekly rest days and a year's announced changes. */
export interface WorkCalendar {
  readonly options: HolidayOptions;
  readonly extraDaysOff: ReadonlyMap<IsoDate, CalendarEntry>;
  readonly extraWorkingDays: ReadonlyMap<IsoDate, CalendarEntry>;
  /** Holidays of a year (memoised; same answer for the same year). */
  holidaysOf(year: number): readonly Holiday[];
}
