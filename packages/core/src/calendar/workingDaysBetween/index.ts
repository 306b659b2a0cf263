import type { IsoDate } from "../../schemas/common.js";
import { fromDay, toDay } from "../_lib/dayNumber.js";
import { defaultWorkCalendar } from "../createWorkCalendar/index.js";
import { isWorkingDay } from "../isWorkingDay/index.js";
import type { WorkCalendar } from "../types.js";

/**
 * Working days from `a` to `b`: the working days in (a, b] when b ≥ a, and minus those in [b, a)
 * when b < a. So `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every n.
 * @example
 * workingDaysBetween("2025-01-24", "2025-02-04") // 2 (27/1 and 4/2; Tết and its substitute day are off)
 * workingDaysBetween("2025-02-04", "2025-01-24") // -2
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, calendar: WorkCalendar = defaultWorkCalendar()): number {
  const ja = toDay(a, "a");
  const jb = toDay(b, "b");
  let count = 0;
  if (jb >= ja) {
    for (let jd = ja + 1; jd <= jb; jd++) if (isWorkingDay(fromDay(jd), calendar)) count++;
    return count;
  }
  for (let jd = jb; jd < ja; jd++) if (isWorkingDay(fromDay(jd), calendar)) count++;
  return -count;
}
