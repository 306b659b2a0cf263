import type { IsoDate } from "../../schemas/common.js";
import { fromDay, isoOf, toDay, weekdayOf } from "../_lib/dayNumber.js";
import { lunarToSolar } from "../lunarToSolar/index.js";
import { solarToLunar } from "../solarToLunar/index.js";
import { type Holiday, type HolidayOptions, type HolidayOptionsInput, HolidayOptionsSchema } from "../types.js";

/**
 * Validates holiday options, filling defaults; throws a RangeError naming the bad field.
 * @example
 * resolveHolidayOptions({ nationalDayAdjacent: "09-03" }).tetDays // 5
 */
export function resolveHolidayOptions(input: HolidayOptionsInput = {}): HolidayOptions {
  const r = HolidayOptionsSchema.safeParse(input);
  if (!r.success) {
    throw new RangeError(r.error.issues.map((i) => `options.${i.path.join(".")}: ${i.message}`).join("; "));
  }
  return r.data;
}

const lunarOf = (jd: number): string => {
  const l = solarToLunar(fromDay(jd));
  return `${String(l.day).padStart(2, "0")}/${String(l.month).padStart(2, "0")}${l.leap ? " nhuận" : ""}`;
};

/**
 * The public holidays of a solar year under Bộ luật Lao động 2019, Điều 112 khoản 1: 1/1; Tết (5 days;
 * by default the last day of the lunar year and 1–4 of month 1); Hùng Kings day 10/3 lunar; 30/4;
 * 1/5; 2/9 plus one adjacent day (default 1/9). With `substituteWeekendHolidays` (default, Điều 111
 * khoản 3) a holiday on a weekly rest day adds a substitute day off on the next working day.
 * Official yearly announcements (swapped days, make-up Saturdays) go into {@link createWorkCalendar}.
 * @example
 * holidaysOfYear(2025).map((h) => h.date)
 * // ["2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-03",
 * //  "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"]
 */
export function holidaysOfYear(year: number, options: HolidayOptionsInput = {}): Holiday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new RangeError(`year: ${year} is outside 1900–2199`);
  const o = resolveHolidayOptions(options);
  const out: Holiday[] = [];
  const fixed = (month: number, day: number, kind: Holiday["kind"], vi: string, en: string) =>
    out.push({ date: isoOf(year, month, day), kind, name: { vi, en } });

  fixed(1, 1, "new_year", "Tết Dương lịch", "New Year's Day");
  const tet = lunarToSolar({ day: 1, month: 1, year });
  if (!tet.ok) throw new Error(`no lunar new year for ${year}`);
  const tetDay = toDay(tet.value);
  for (let i = 0; i < o.tetDays; i++) {
    const jd = tetDay + o.tetFrom + i;
    out.push({
      date: fromDay(jd),
      kind: "tet",
      name: { vi: `Tết Âm lịch (${lunarOf(jd)} âm lịch)`, en: `Lunar New Year (lunar ${lunarOf(jd).replace(" nhuận", " leap")})` },
    });
  }
  const hung = lunarToSolar({ day: 10, month: 3, year });
  if (!hung.ok) throw new Error(`no lunar 10/3 for ${year}`);
  out.push({
    date: hung.value,
    kind: "hung_kings",
    name: { vi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", en: "Hùng Kings Commemoration (lunar 10/3)" },
  });
  fixed(4, 30, "reunification", "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)");
  fixed(5, 1, "labour_day", "Ngày Quốc tế lao động (1/5)", "International Labour Day (1 May)");
  const adj = o.nationalDayAdjacent === "09-01" ? 1 : 3;
  fixed(9, 2, "national_day", "Quốc khánh (2/9)", "National Day (2 September)");
  fixed(9, adj, "national_day", `Quốc khánh (ngày liền kề ${adj}/9)`, `National Day (adjacent day, ${adj} September)`);
  out.sort((a, b) => a.date.localeCompare(b.date));

  if (!o.substituteWeekendHolidays) return out;
  const taken = new Set(out.map((h) => h.date));
  const weekend = new Set(o.weekend);
  const substitutes: Holiday[] = [];
  for (const h of out) {
    const jd = toDay(h.date);
    if (!weekend.has(weekdayOf(jd))) continue;
    let s = jd + 1;
    while (weekend.has(weekdayOf(s)) || taken.has(fromDay(s))) s++;
    const date = fromDay(s);
    taken.add(date);
    substitutes.push({
      date,
      kind: "substitute",
      name: { vi: `Nghỉ bù cho ${h.name.vi}`, en: `Substitute day off for ${h.name.en}` },
      substituteFor: h.date,
    });
  }
  return [...out, ...substitutes].sort((a, b) => a.date.localeCompare(b.date));
}
