import type { IsoDate } from "../../schemas/common.js";
import { toDay, weekdayOf } from "../_lib/dayNumber.js";
import { defaultWorkCalendar } from "../createWorkCalendar/index.js";
import type { CalendarEntry, DayKind, Holiday, WorkCalendar } from "../types.js";

/** What a day is in a working calendar, and why. */
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  holiday?: Holiday;
  entry?: CalendarEntry;
}

/**
 * Describes a day: a make-up working day (announced) wins over everything, then an announced extra
 * day off, then a public holiday, then the weekly rest days. Throws a RangeError for a malformed date.
 * @example
 * describeDay("2025-04-30") // { date: "2025-04-30", working: false, kind: "holiday", holiday: { kind: "reunification", ... } }
 */
export function describeDay(date: IsoDate, calendar: WorkCalendar = defaultWorkCalendar()): DayInfo {
  const jd = toDay(date);
  const makeUp = calendar.extraWorkingDays.get(date);
  if (makeUp) return { date, working: true, kind: "make_up_working_day", entry: makeUp };
  const off = calendar.extraDaysOff.get(date);
  if (off) return { date, working: false, kind: "extra_day_off", entry: off };
  const holiday = calendar.holidaysOf(Number(date.slice(0, 4))).find((h) => h.date === date);
  if (holiday) return { date, working: false, kind: "holiday", holiday };
  if (calendar.options.weekend.includes(weekdayOf(jd))) return { date, working: false, kind: "weekend" };
  return { date, working: true, kind: "working" };
}

/**
 * True when `date` is a working day in `calendar` (default: the law's holidays, Saturday and Sunday off).
 * @example
 * isWorkingDay("2025-01-29") // false (Tết)
 * isWorkingDay("2025-01-24") // true  (a Friday)
 */
export function isWorkingDay(date: IsoDate, calendar: WorkCalendar = defaultWorkCalendar()): boolean {
  return describeDay(date, calendar).working;
}
