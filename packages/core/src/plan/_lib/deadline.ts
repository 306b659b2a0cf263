import { type Period, periodBounds } from "../../period/index.js";
import type { IsoDate } from "../../schemas/common.js";
import { addWorkingDays } from "../../calendar/addWorkingDays/index.js";
import { daysInMonth, fromDay, isoOf, toDay } from "../../calendar/_lib/dayNumber.js";
import { isWorkingDay } from "../../calendar/isWorkingDay/index.js";
import type { WorkCalendar } from "../../calendar/types.js";
import type { DeadlineRule, ReportCadence } from "../schemas.js";

/** One reporting period a cadence produces: its canonical string, bounds, and a fixed deadline if any. */
export interface CadencePeriod {
  period: Period;
  start: IsoDate;
  end: IsoDate;
  fixedDeadline?: IsoDate;
}

/** The reporting periods of a cadence within one year (filtered by `only`, see ReportingDuty). */
export function periodsOfYear(cadence: ReportCadence, year: number, only?: readonly number[]): CadencePeriod[] {
  const keep = (n: number) => !only || only.includes(n);
  const withBounds = (period: Period): CadencePeriod => ({ period, ...periodBounds(period) });
  if (typeof cadence === "object") {
    const text = cadence.fixedDate;
    const full = text.length === 10;
    if (full && Number(text.slice(0, 4)) !== year) return [];
    const mmdd = full ? text.slice(5) : text;
    const month = Number(mmdd.slice(0, 2));
    const day = Math.min(Number(mmdd.slice(3, 5)), daysInMonth(year, month));
    const date = isoOf(year, month, day);
    return [{ period: { kind: "year", year }, start: `${year}-01-01`, end: date, fixedDeadline: date }];
  }
  switch (cadence) {
    case "yearly":
      return [withBounds({ kind: "year", year })];
    case "half-yearly":
      return ([1, 2] as const).filter(keep).map((half) => withBounds({ kind: "half", year, half }));
    case "quarterly":
      return ([1, 2, 3, 4] as const).filter(keep).map((quarter) => withBounds({ kind: "quarter", year, quarter }));
    case "monthly":
      return Array.from({ length: 12 }, (_, i) => i + 1)
        .filter(keep)
        .map((month) => withBounds({ kind: "month", year, month }));
  }
}

/** The deadline of a report for a period ending on `end` under `rule`. */
export function deadlineOf(end: IsoDate, rule: DeadlineRule, calendar: WorkCalendar): IsoDate {
  switch (rule.kind) {
    case "working_days_after_period_end":
      return addWorkingDays(end, rule.days, calendar);
    case "calendar_days_after_period_end":
      return fromDay(toDay(end) + rule.days);
    case "day_of_following_month": {
      let year = Number(end.slice(0, 4));
      let month = Number(end.slice(5, 7)) + 1;
      if (month > 12) {
        month = 1;
        year++;
      }
      let date = isoOf(year, month, Math.min(rule.day, daysInMonth(year, month)));
      if (rule.rollToWorkingDay) while (!isWorkingDay(date, calendar)) date = fromDay(toDay(date) + 1);
      return date;
    }
  }
}
