import { type Issue, type Result, fail, formatIssues, ok, zodIssues } from "../../errors/index.js";
import type { IsoDate } from "../../schemas/common.js";
import { isIsoDate } from "../_lib/dayNumber.js";
import { holidaysOfYear } from "../holidaysOfYear/index.js";
import { type CalendarEntry, type Holiday, type WorkCalendar, type WorkCalendarConfig, WorkCalendarConfigSchema } from "../types.js";

type Parsed = ReturnType<typeof WorkCalendarConfigSchema.parse>;

/**
 * Validates a working-calendar configuration from untrusted input (a JSON file, a form): real dates,
 * no date both an extra day off and a make-up working day.
 * @example
 * parseWorkCalendarConfig({ extraWorkingDays: ["2025-02-30"] }).ok // false: $.extraWorkingDays[0]
 */
export function parseWorkCalendarConfig(input: unknown): Result<Parsed> {
  const r = WorkCalendarConfigSchema.safeParse(input ?? {});
  if (!r.success) return fail("invalid_input", zodIssues(r.error));
  const issues: Issue[] = [];
  const seenOff = new Map<IsoDate, number>();
  const check = (field: "extraDaysOff" | "extraWorkingDays") =>
    r.data[field].forEach((e, i) => {
      const date = typeof e === "string" ? e : e.date;
      const path = typeof e === "string" ? [field, i] : [field, i, "date"];
      if (!isIsoDate(date))
        issues.push({ code: "calendar.invalid_date", path, message: `"${date}" is not a calendar date`, params: { date } });
      else if (field === "extraDaysOff") seenOff.set(date, i);
      else if (seenOff.has(date)) {
        issues.push({
          code: "calendar.conflicting_entry",
          path,
          message: `${date} is both an extra day off (extraDaysOff[${seenOff.get(date)}]) and a make-up working day`,
          params: { date },
        });
      }
    });
  check("extraDaysOff");
  check("extraWorkingDays");
  return issues.length ? fail("invalid_input", issues) : ok(r.data);
}

const entries = (list: Parsed["extraDaysOff"]): Map<IsoDate, CalendarEntry> =>
  new Map(list.map((e) => (typeof e === "string" ? [e, { date: e }] : [e.date, e])));

/**
 * Builds a working calendar: the Labour Code holidays (see {@link holidaysOfYear}), the weekly rest
 * days, and a year's officially announced changes: `extraDaysOff` (e.g. a bridge day) and
 * `extraWorkingDays` (make-up Saturdays). A bad configuration throws a RangeError naming the field;
 * validate untrusted input with {@link parseWorkCalendarConfig} first.
 * @example
 * const cal = createWorkCalendar({ extraDaysOff: ["2025-01-27"], extraWorkingDays: [{ date: "2025-02-08", note: { vi: "Làm bù", en: "Make-up day" } }] });
 * isWorkingDay("2025-02-08", cal) // true (a Saturday made a working day)
 */
export function createWorkCalendar(config: WorkCalendarConfig = {}): WorkCalendar {
  const r = parseWorkCalendarConfig(config);
  if (!r.ok) throw new RangeError(formatIssues(r.issues));
  const { extraDaysOff, extraWorkingDays, ...options } = r.value;
  const byYear = new Map<number, Holiday[]>();
  const holidaysOf = (year: number): readonly Holiday[] => {
    let h = byYear.get(year);
    if (!h) {
      h = holidaysOfYear(year, options);
      byYear.set(year, h);
    }
    return h;
  };
  return { options, extraDaysOff: entries(extraDaysOff), extraWorkingDays: entries(extraWorkingDays), holidaysOf };
}

let fallback: WorkCalendar | undefined;
/**
 * The calendar with the law's holidays and the defaults only (no announced changes), created once.
 * @example
 * isWorkingDay("2025-09-01", defaultWorkCalendar()) // false (National Day, adjacent day)
 */
export function defaultWorkCalendar(): WorkCalendar {
  fallback ??= createWorkCalendar();
  return fallback;
}
