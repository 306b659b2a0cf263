import type { IsoDate } from "../../schemas/common.js";
import { leapMonthOffset, lunarMonth11, newMoonDay } from "../_lib/astronomy.js";
import { toDay } from "../_lib/dayNumber.js";
import { type LunarDate, VIETNAM_TIME_ZONE } from "../types.js";

/**
 * Converts a solar (Gregorian) date to the Vietnamese lunar calendar (âm lịch), computed
 * astronomically for UTC+7 (Hồ Ngọc Đức's algorithm). Throws a RangeError for a malformed date.
 * @example
 * solarToLunar("2025-01-29") // { day: 1, month: 1, year: 2025, leap: false } (Tết Ất Tỵ)
 * solarToLunar("2025-07-25") // { day: 1, month: 6, year: 2025, leap: true }  (1/6 nhuận)
 */
export function solarToLunar(date: IsoDate, timeZone: number = VIETNAM_TIME_ZONE): LunarDate {
  const dayNumber = toDay(date);
  const yy = Number(date.slice(0, 4));
  const k = Math.floor((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1, timeZone);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, timeZone);
  let a11 = lunarMonth11(yy, timeZone);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1, timeZone);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1, timeZone);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}
