import type { IsoDate } from "../../schemas/common.js";
import { fromDay, toDay } from "../_lib/dayNumber.js";
import { defaultWorkCalendar } from "../createWorkCalendar/index.js";
import { isWorkingDay } from "../isWorkingDay/index.js";
import type { WorkCalendar } from "../types.js";

/**
 * The `n`-th working day after `date` (`n` > 0) or before it (`n` < 0); `date` itself is not counted.
 * `n` = 0 returns `date` unchanged, even on a day off.
 * @example
 * addWorkingDays("2025-01-24", 1) // "2025-01-27" (Friday → Monday, before Tết)
 * addWorkingDays("2025-01-27", 1) // "2025-02-04" (28/1–1/2 Tết, 3/2 substitute day for Saturday 1/2)
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkCalendar = defaultWorkCalendar()): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`n: ${n} is not an integer`);
  let jd = toDay(date);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  while (left > 0) {
    jd += step;
    if (isWorkingDay(fromDay(jd), calendar)) left--;
  }
  return fromDay(jd);
}
