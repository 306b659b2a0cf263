// The calendar area: the Vietnamese lunar calendar, public holidays and working days.
export {
  VIETNAM_TIME_ZONE,
  LunarDateSchema,
  HolidayKindSchema,
  HolidayOptionsSchema,
  CalendarEntrySchema,
  WorkCalendarConfigSchema,
  type LunarDate,
  type HolidayKind,
  type Holiday,
  type HolidayOptions,
  type HolidayOptionsInput,
  type CalendarEntry,
  type WorkCalendarConfig,
  type DayKind,
  type WorkCalendar,
} from "./types.js";
export { solarToLunar } from "./solarToLunar/index.js";
export { lunarToSolar, type LunarDateInput } from "./lunarToSolar/index.js";
export { holidaysOfYear } from "./holidaysOfYear/index.js";
export { createWorkCalendar, parseWorkCalendarConfig, defaultWorkCalendar } from "./createWorkCalendar/index.js";
export { isWorkingDay, describeDay, type DayInfo } from "./isWorkingDay/index.js";
export { addWorkingDays } from "./addWorkingDays/index.js";
export { workingDaysBetween } from "./workingDaysBetween/index.js";
