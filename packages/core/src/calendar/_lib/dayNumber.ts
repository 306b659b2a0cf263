import type { IsoDate } from "../../schemas/common.js";

/**
 * Julian Day Number of a proleptic Gregorian date (integer arithmetic only, so there is no
 * time-zone drift). Dates before 15/10/1582 use the Julian calendar, as in Ho Ngoc Duc's code.
 */
export function jdFromDate(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  let jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  if (jd < 2299161) jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
  return jd;
}

/** The calendar date of a Julian Day Number, as `[day, month, year]`. */
export function jdToDate(jd: number): [number, number, number] {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = b * 100 + d - 4800 + Math.floor(m / 10);
  return [day, month, year];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written `yyyy-mm-dd` (rejects 2025-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Day number of an ISO date. Throws a RangeError naming `field` for a malformed date: that is a
 * programmer error (validate untrusted input with the zod schemas first).
 */
export function toDay(date: IsoDate, field = "date"): number {
  if (!isIsoDate(date)) throw new RangeError(`${field}: "${date}" is not a date yyyy-mm-dd`);
  return jdFromDate(Number(date.slice(8, 10)), Number(date.slice(5, 7)), Number(date.slice(0, 4)));
}

/** ISO date of a day number. */
export function fromDay(jd: number): IsoDate {
  const [d, m, y] = jdToDate(jd);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** ISO date from its parts. */
export function isoOf(year: number, month: number, day: number): IsoDate {
  return fromDay(jdFromDate(day, month, year));
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(jd: number): number {
  return (jd + 1) % 7;
}
