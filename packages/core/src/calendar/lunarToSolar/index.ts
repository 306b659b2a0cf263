import { type Result, fail, ok } from "../../errors/index.js";
import type { IsoDate } from "../../schemas/common.js";
import { leapMonthOffset, lunarMonth11, newMoonDay } from "../_lib/astronomy.js";
import { fromDay } from "../_lib/dayNumber.js";
import { type LunarDate, VIETNAM_TIME_ZONE } from "../types.js";
import { solarToLunar } from "../solarToLunar/index.js";

/** A lunar date to convert; `leap` defaults to false. */
export type LunarDateInput = Omit<LunarDate, "leap"> & { leap?: boolean };

/**
 * Converts a Vietnamese lunar date to the solar (Gregorian) date, for UTC+7. Fails with
 * `lunar.no_such_leap_month` when the year has no such leap month and `lunar.no_such_day` when the
 * month has only 29 days.
 * @example
 * lunarToSolar({ day: 10, month: 3, year: 2025 })   // { ok: true, value: "2025-04-07" } (Giỗ Tổ Hùng Vương)
 * lunarToSolar({ day: 1, month: 6, year: 2025, leap: true }) // { ok: true, value: "2025-07-25" }
 */
export function lunarToSolar(lunar: LunarDateInput, timeZone: number = VIETNAM_TIME_ZONE): Result<IsoDate> {
  const { day, month, year } = lunar;
  const leap = lunar.leap ?? false;
  const params = { day, month, year, leap };
  if (!Number.isInteger(day) || day < 1 || day > 30 || !Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year)) {
    return fail("invalid_input", [{ code: "lunar.invalid", path: [], message: `not a lunar date: ${day}/${month}/${year}`, params }]);
  }
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, timeZone);
    b11 = lunarMonth11(year, timeZone);
  } else {
    a11 = lunarMonth11(year, timeZone);
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  const noLeap = () =>
    fail<IsoDate>("invalid_input", [
      { code: "lunar.no_such_leap_month", path: ["leap"], message: `lunar year ${year} has no leap month ${month}`, params },
    ]);
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return noLeap();
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return noLeap();
  }
  const monthStart = newMoonDay(k + off, timeZone);
  const solar = fromDay(monthStart + day - 1);
  // Day 30 of a 29-day month would spill into the next month: detect by converting back.
  const back = solarToLunar(solar, timeZone);
  if (back.day !== day || back.month !== month || back.year !== year || back.leap !== leap) {
    return fail("invalid_input", [
      {
        code: "lunar.no_such_day",
        path: ["day"],
        message: `lunar month ${month}${leap ? " (leap)" : ""}/${year} has no day ${day}`,
        params,
      },
    ]);
  }
  return ok(solar);
}
